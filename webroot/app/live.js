// The live connection: one WebSocket, channels with their last seq, automatic reconnect with
// resume, and a visible state (live / reconnecting / resynced / stale while the database is away). See docs/live-protocol.md.
const listeners = new Map();   // channel → Set of handlers
const lastSeq = new Map();     // channel → last seq applied
const epochs = new Map();      // channel → the history that seq belongs to
const stateListeners = new Set();
let ws = null;
let state = 'offline';
let backoff = 500;
let wanted = false;

function setState(next) {
  state = next;
  stateListeners.forEach(fn => fn(state));
}

const endListeners = new Set();
/** Called when the server ends this person's session (the socket closes with 4401). */
export function onSessionEnd(fn) { endListeners.add(fn); }

export function onState(fn) { stateListeners.add(fn); fn(state); return () => stateListeners.delete(fn); }
export function connectionState() { return state; }

// Liveness: a socket can stall without closing (a half-open connection passes no bytes and no
// reset). When nothing has been heard for a while the page pings; no answer within a few seconds
// means the connection is lost: the header says so at once and the page connects again. While
// the page is visible the retries come at most 2 s apart, so it is live again soon after the
// network answers.
// Worst case from the last byte heard to 重连中: QUIET_MS + ANSWER_MS + two watchdog ticks = 4.5 s.
const QUIET_MS = 1500;      // silence before a ping
const ANSWER_MS = 2500;     // how long a ping (or a new connection's welcome) may take
const TICK_MS = 250;        // how often the watchdog looks
let heardAt = 0;
let pingDeadline = 0;
let pings = 0;
let watchdog = null;

function nextBackoff() {
  const wait = backoff;
  backoff = Math.min(backoff * 2, document.visibilityState === 'visible' ? 2000 : 10_000);
  return wait;
}

function watch() {
  const now = Date.now();
  if (!ws) return;
  if (ws.readyState === WebSocket.CONNECTING) { if (now > pingDeadline) lost(); return; }
  if (pingDeadline && now > pingDeadline) { lost(); return; }
  if (!pingDeadline && now - heardAt > QUIET_MS && ws.readyState === WebSocket.OPEN) {
    ws.send(JSON.stringify({ type: 'ping', id: `p${++pings}` }));
    pingDeadline = now + ANSWER_MS;
  }
}

/** The connection stopped answering: dropped without waiting for a close that may never come, and started again. */
function lost() {
  const dead = ws;
  ws = null;
  if (dead) { dead.onclose = null; dead.onmessage = null; try { dead.close(); } catch (e) { /* already gone */ } }
  if (!wanted) { setState('offline'); return; }
  setState('reconnecting');
  setTimeout(start, nextBackoff());
}

export function start() {
  wanted = true;
  if (ws) return;
  setState(state === 'offline' ? 'connecting' : 'reconnecting');
  ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`);
  // a new connection must be welcomed in time too (the network may still pass nothing)
  heardAt = Date.now();
  pingDeadline = Date.now() + ANSWER_MS;
  if (!watchdog) watchdog = setInterval(watch, TICK_MS);
  ws.onmessage = e => { heardAt = Date.now(); pingDeadline = 0; receive(JSON.parse(e.data)); };
  ws.onclose = e => {
    ws = null;
    // 4401: the session ended (logged out elsewhere, deactivated, password reset): no retry
    if (e.code === 4401) { wanted = false; setState('offline'); endListeners.forEach(fn => fn()); return; }
    if (!wanted) { setState('offline'); return; }
    // 1013: the server could not look the session up because its database is away: try again, marked stale
    setState(e.code === 1013 ? 'stale' : 'reconnecting');
    setTimeout(start, nextBackoff());
  };
}

// back on the network, or back on the page: connect now rather than at the next retry
window.addEventListener('online', () => { if (wanted && !ws) start(); });
document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible' && wanted && !ws) { backoff = 500; start(); } });

export function stop() {
  wanted = false;
  if (watchdog) { clearInterval(watchdog); watchdog = null; }
  if (ws) ws.close();
}

function send(message) {
  if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
}

// subscriptions and unsubscriptions made in one go leave as one message each (a wall screen
// follows dozens of projects; one message per channel would trip the server's rate limit)
let toSubscribe = new Set();
let toUnsubscribe = new Set();
let flushing = false;

function flush() {
  flushing = false;
  if (toUnsubscribe.size) send({ type: 'unsubscribe', channels: [...toUnsubscribe] });
  if (toSubscribe.size) {
    send({ type: 'subscribe', channels: [...toSubscribe].map(channel =>
      lastSeq.has(channel) ? { channel, lastSeq: lastSeq.get(channel), ...(epochs.get(channel) ? { epoch: epochs.get(channel) } : {}) }
        : { channel }) });
  }
  toSubscribe = new Set();
  toUnsubscribe = new Set();
}

function later() {
  if (!flushing) { flushing = true; queueMicrotask(flush); }
}

function subscribeOnServer(channel) {
  toUnsubscribe.delete(channel);
  toSubscribe.add(channel);
  later();
}

function unsubscribeOnServer(channel) {
  if (toSubscribe.delete(channel)) return;
  toUnsubscribe.add(channel);
  later();
}

function receive(m) {
  if (m.type === 'welcome') {
    backoff = 500;
    setState('live');
    for (const channel of listeners.keys()) subscribeOnServer(channel);
    return;
  }
  const handlers = listeners.get(m.channel);
  if (m.type === 'subscribed') {
    if (!lastSeq.has(m.channel)) lastSeq.set(m.channel, m.seq);
    if (m.epoch) epochs.set(m.channel, m.epoch);
    return;
  }
  if (m.type === 'resync') {
    lastSeq.set(m.channel, m.seq);
    if (m.epoch) epochs.set(m.channel, m.epoch); else epochs.delete(m.channel);
    setState('resynced');
    setTimeout(() => { if (state === 'resynced') setState('live'); }, 3000);
    handlers?.forEach(fn => fn({ type: 'resync', channel: m.channel }));
    return;
  }
  if (m.type === 'presence') { handlers?.forEach(fn => fn(m)); return; }
  if (m.type === 'pong') return;
  if (!m.channel && personal.has(m.type)) { personal.get(m.type).forEach(fn => fn(m)); return; }
  if (m.type === 'error') { console.warn('live:', m.code, m.message); return; }
  if (m.type === 'status') {
    // the database went away (what the page shows may be stale) or came back (reload what it shows)
    if (m.stale) { setState('stale'); return; }
    setState('live');
    for (const [channel, set] of listeners) set.forEach(fn => fn({ type: 'resync', channel }));
    return;
  }
  if (typeof m.seq === 'number') {
    const last = lastSeq.get(m.channel);
    if (last !== undefined && m.seq <= last) return;   // seen already
    lastSeq.set(m.channel, m.seq);
    if (m.epoch) epochs.set(m.channel, m.epoch);
    handlers?.forEach(fn => fn(m));
  }
}

const personal = new Map();

/** Hears messages for this person that belong to no channel ({type: 'import.progress', ...}); returns the function that stops. */
export function hear(type, handler) {
  if (!personal.has(type)) personal.set(type, new Set());
  personal.get(type).add(handler);
  return () => personal.get(type)?.delete(handler);
}

/** Follows a channel; returns the function that stops following it. */
export function follow(channel, handler) {
  if (!listeners.has(channel)) {
    listeners.set(channel, new Set());
    subscribeOnServer(channel);
  }
  listeners.get(channel).add(handler);
  return () => {
    const set = listeners.get(channel);
    if (!set) return;
    set.delete(handler);
    if (set.size === 0) {
      listeners.delete(channel);
      lastSeq.delete(channel);
      epochs.delete(channel);
      unsubscribeOnServer(channel);
    }
  };
}

/** Calls fn at most once per wait, after the last call: many events, one reload. */
export function debounce(fn, wait = 250) {
  let timer = null;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), wait); };
}
