// The store: what the server says, kept once per address and fed by the live protocol. A
// component asks for a resource (an address and the channels whose changes alter it) and
// subscribes; every component on the page that asks for the same address shares one read, and
// a change on one of its channels reads it again (once, however many events arrive together).
// When the last subscriber goes, the resource stops following its channels and is forgotten.
import { api } from './api.js';
import { follow } from './live.js';

const kept = new Map();   // address → Resource

/** How long a burst of changes is gathered before the one read it calls for. */
export const GATHER_MS = 300;

class Resource {
  constructor(url, channels) {
    this.url = url;
    this.channelsOf = typeof channels === 'function' ? channels : () => channels ?? [];
    this.value = undefined;
    this.error = null;
    this.reads = 0;
    this.subscribers = new Set();
    this.following = new Map();   // channel → stop
    this.timer = null;
  }

  subscribe(fn) {
    this.subscribers.add(fn);
    if (this.subscribers.size === 1) this.load();
    else if (this.value !== undefined || this.error) fn(this);
    return () => {
      this.subscribers.delete(fn);
      if (this.subscribers.size) return;
      clearTimeout(this.timer);
      this.following.forEach(stop => stop());
      this.following.clear();
      kept.delete(this.url);
    };
  }

  /** Reads the address again; whoever subscribes hears the answer (or the error). */
  load() {
    const read = ++this.reads;
    this.pending = api.get(this.url).then(value => {
      if (read !== this.reads) return;
      this.value = value;
      this.error = null;
      this.followChannels();
      this.tell();
    }, error => {
      if (read !== this.reads) return;
      this.error = error;
      this.tell();
    });
    return this.pending;
  }

  /** A change on a channel: gathered with the others arriving together, then one read. */
  changed() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.load(), GATHER_MS);
  }

  followChannels() {
    if (!this.subscribers.size) return;
    const wanted = new Set(this.channelsOf(this.value));
    for (const [channel, stop] of this.following) if (!wanted.has(channel)) { stop(); this.following.delete(channel); }
    for (const channel of wanted) if (!this.following.has(channel)) this.following.set(channel, follow(channel, () => this.changed()));
  }

  tell() { this.subscribers.forEach(fn => fn(this)); }
}

/**
 * The resource for an address. {@code channels}: the live channels whose changes alter it, a list
 * or a function of the value (a list's members change as it does).
 */
export function resource(url, channels) {
  if (!kept.has(url)) kept.set(url, new Resource(url, channels));
  return kept.get(url);
}

/**
 * A lit controller: the host shows the resource and draws again whenever it changes. The address
 * may change with the host's state (a period picked, a time travelled to): pass a function.
 */
export class Subscription {
  constructor(host, source) {
    this.host = host;
    this.source = typeof source === 'function' ? source : () => source;
    this.current = null;
    this.stop = null;
    host.addController(this);
  }

  /** The value; while a new address is read for the first time, the last one's (the page does not blank out). */
  get value() { return this.current?.value ?? this.previous; }
  get error() { return this.current?.error; }
  /** True while the current address has not answered yet (the value shown is the last one's). */
  get loading() { return Boolean(this.current) && this.current.value === undefined && !this.current.error; }

  hostConnected() { this.sync(); }
  hostUpdate() { this.sync(); }
  hostDisconnected() { this.stop?.(); this.stop = null; this.current = null; this.previous = undefined; }

  sync() {
    const next = this.source();
    if (next === this.current) return;
    this.stop?.();
    this.previous = this.current?.value ?? this.previous;
    this.current = next;
    this.stop = next ? next.subscribe(() => this.host.requestUpdate()) : null;
  }
}
