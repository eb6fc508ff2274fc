package org.liandong.live;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.liandong.storage.Graph;
import org.liandong.support.Addresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's live fan-out. One event-bus consumer per channel that at least one local socket
 * watches; each event is encoded once and written to every watching socket. Per channel it
 * delivers in seq order without gaps: events that overtake each other on the bus wait for the
 * missing ones, which are fetched from the change log if they do not arrive.
 * All state is confined to the hub's own context; the public methods hop onto it.
 */
final class Hub {
  private static final Logger LOG = LoggerFactory.getLogger(Hub.class);
  private static final int MEMORY = 1000;
  private static final long GAP_WAIT_MS = 500;

  private final Vertx vertx;
  private final Context context;
  private final ReplayRepository replay;
  private final int window;
  private final Presence presence;
  private final Map<String, ChannelState> channels = new HashMap<>();
  private final Watched watched;

  Hub(Vertx vertx, Context context, Graph graph, int window, BiConsumer<String, String> attendance, Watched watched) {
    this.vertx = vertx;
    this.watched = watched;
    this.context = context;
    this.replay = new ReplayRepository(graph);
    this.window = window;
    this.presence = new Presence(vertx, UUID.randomUUID().toString(), attendance, this::meetingPeers);
  }

  void subscribe(Peer peer, Channel channel, Resume resume) {
    context.runOnContext(v -> {
      var state = channels.computeIfAbsent(channel.name(), this::open);
      Runnable join = () -> join(peer, channel, state, resume);
      if (state.seq < 0) state.onReady.add(join); else join.run();
    });
  }

  void unsubscribe(Peer peer, String channel) {
    context.runOnContext(v -> leave(peer, channel, true));
  }

  void drop(Peer peer) {
    context.runOnContext(v -> List.copyOf(peer.channels).forEach(name -> leave(peer, name, false)));
  }

  /**
   * The socket's write queue drained: send what waited, or, if too much had to wait and it was
   * dropped, tell it to reload its snapshot and go on live.
   */
  void drained(Peer peer) {
    context.runOnContext(v -> {
      while (!peer.backlog.isEmpty() && !peer.ws.writeQueueFull()) peer.backlog.pollFirst().run();
      if (!peer.backlog.isEmpty()) {
        awaitDrain(peer);
        return;
      }
      if (!peer.lagging) return;
      peer.lagging = false;
      for (var name : peer.channels) {
        var state = channels.get(name);
        var sub = state == null ? null : state.subscriptions.get(peer);
        if (sub == null) continue;
        sub.sent = state.seq;
        peer.send(Messages.control("resync", state).put("reason", "slow"));
      }
    });
  }

  private ChannelState open(String name) {
    var state = new ChannelState(name);
    watched.open(name);
    state.consumer = vertx.eventBus().consumer(Addresses.channel(name), msg -> receive(state, new LiveEvent(msg.body())));
    // only read the current seq once the consumer is registered, so nothing falls between
    state.consumer.completion()
        .compose(v -> replay.current(name))
        .onSuccess(position -> {
          state.seq = position.seq();
          state.epoch = position.epoch();
          drainPending(state);
          state.onReady.forEach(Runnable::run);
          state.onReady.clear();
        })
        .onFailure(e -> {
          LOG.error("could not open channel {}", name, e);
          state.onReady.clear();
          state.subscriptions.keySet().forEach(p -> p.send(Messages.error("unavailable", name,
              org.liandong.support.Text.key("server.live.channelUnavailableRetry"))));
          close(state);
        });
    return state;
  }

  private void join(Peer peer, Channel channel, ChannelState state, Resume resume) {
    if (peer.ws.isClosed()) return;
    var sub = new ChannelState.Subscription();
    state.subscriptions.put(peer, sub);
    boolean first = peer.channels.add(state.name);
    long current = state.seq;
    var lastSeq = resume.lastSeq();
    var otherHistory = resume.epoch() != null && state.epoch != null && !resume.epoch().equals(state.epoch);
    if (lastSeq == null || (lastSeq == current && !otherHistory)) {
      sub.sent = current;
      peer.send(Messages.control("subscribed", state));
    } else if (otherHistory || lastSeq > current || current - lastSeq > window) {
      sub.sent = current;
      peer.send(Messages.control("resync", state)
          .put("reason", otherHistory ? "epoch" : lastSeq > current ? "unknown_seq" : "too_old"));
    } else if (!state.recent.isEmpty() && state.recent.peekFirst().seq <= lastSeq + 1) {
      peer.send(Messages.control("subscribed", state).put("seq", lastSeq).put("replay", current - lastSeq));
      sub.sent = lastSeq;
      for (var event : state.recent) if (event.seq > lastSeq) send(peer, sub, event);
    } else {
      sub.replaying = true;
      sub.sent = lastSeq;
      replay.between(state.name, lastSeq, current).onComplete(result -> {
        if (state.subscriptions.get(peer) != sub) return;
        sub.replaying = false;
        if (result.failed()) {
          LOG.warn("replay of {} failed; sending resync", state.name, result.cause());
          sub.sent = state.seq;
          peer.send(Messages.control("resync", state).put("reason", "replay_failed"));
          return;
        }
        peer.send(Messages.control("subscribed", state).put("seq", lastSeq).put("replay", current - lastSeq));
        result.result().forEach(e -> send(peer, sub, new LiveEvent(e)));
        sub.held.forEach(e -> send(peer, sub, e));
        sub.held.clear();
      });
    }
    if (channel.isMeeting() && first) presence.join(channel.id(), peer);
  }

  private void leave(Peer peer, String name, boolean answer) {
    var state = channels.get(name);
    if (state == null || state.subscriptions.remove(peer) == null) return;
    peer.channels.remove(name);
    var channel = Channel.parse(name);
    if (channel.isMeeting()) presence.leave(channel.id(), peer);
    if (answer) peer.send(new JsonObject().put("type", "unsubscribed").put("channel", name));
    if (state.subscriptions.isEmpty()) close(state);
  }

  private void close(ChannelState state) {
    if (channels.remove(state.name, state)) watched.close(state.name);
    if (state.consumer != null) state.consumer.unregister();
    if (state.gapTimer >= 0) vertx.cancelTimer(state.gapTimer);
  }

  private void receive(ChannelState state, LiveEvent event) {
    if (state.seq >= 0 && event.seq <= state.seq) return;
    state.pending.put(event.seq, event);
    if (state.seq >= 0) drainPending(state);
  }

  private void drainPending(ChannelState state) {
    state.pending.headMap(state.seq, true).clear();
    while (!state.pending.isEmpty() && state.pending.firstKey() == state.seq + 1) {
      deliver(state, state.pending.pollFirstEntry().getValue());
    }
    if (!state.pending.isEmpty() && state.gapTimer < 0) {
      state.gapTimer = vertx.setTimer(GAP_WAIT_MS, t -> fillGap(state));
    }
  }

  /** An event overtook another on the bus and the other never came: read it from the log. */
  private void fillGap(ChannelState state) {
    state.gapTimer = -1;
    if (state.pending.isEmpty() || channels.get(state.name) != state) return;
    replay.between(state.name, state.seq, state.pending.firstKey() - 1)
        .onSuccess(events -> events.forEach(e -> receive(state, new LiveEvent(e))))
        .onFailure(e -> LOG.warn("could not fill a gap in {}", state.name, e))
        .onComplete(r -> drainPending(state));
  }

  private void deliver(ChannelState state, LiveEvent event) {
    state.seq = event.seq;
    if (event.epoch != null) state.epoch = event.epoch;
    state.recent.addLast(event);
    if (state.recent.size() > Math.min(MEMORY, window)) state.recent.removeFirst();
    state.subscriptions.forEach((peer, sub) -> {
      if (sub.replaying) sub.held.add(event); else send(peer, sub, event);
    });
  }

  /**
   * Writes an event to one socket. A full write queue parks events in the peer's backlog (a
   * burst, a replay); a backlog longer than the replay window means the socket cannot keep
   * up: it is dropped to resync, so it never holds back the others nor grows memory without
   * bound (the backlog holds references to events encoded once for everyone).
   */
  private void send(Peer peer, ChannelState.Subscription sub, LiveEvent event) {
    if (event.seq <= sub.sent || peer.lagging) return;
    if (!peer.backlog.isEmpty() || peer.ws.writeQueueFull()) {
      if (peer.backlog.size() >= window) {
        peer.backlog.clear();
        peer.lagging = true;
        peer.laggingSince = System.nanoTime();
        return;
      }
      if (peer.backlog.isEmpty()) awaitDrain(peer);
      peer.backlog.addLast(() -> write(peer, sub, event));
      return;
    }
    write(peer, sub, event);
  }

  /**
   * The socket's queue is drained on its own event loop, so it may empty between our look and
   * our handler: look again once the handler is in place.
   */
  private void awaitDrain(Peer peer) {
    peer.ws.drainHandler(v -> drained(peer));
    if (!peer.ws.writeQueueFull()) drained(peer);
  }

  private static void write(Peer peer, ChannelState.Subscription sub, LiveEvent event) {
    if (event.seq <= sub.sent || peer.lagging) return;
    sub.sent = event.seq;
    peer.send(event.bytes());
  }

  private List<Peer> meetingPeers(String meetingId) {
    var state = channels.get("meeting:" + meetingId);
    return state == null ? List.of() : List.copyOf(state.subscriptions.keySet());
  }

  /** Closes the socket if it has lagged for longer than this (each socket's heartbeat asks for itself). */
  void closeIfLagging(Peer peer, long maxNanos) {
    context.runOnContext(v -> {
      if (peer.lagging && System.nanoTime() - peer.laggingSince > maxNanos) {
        peer.close((short) 1008, "too slow to follow; reconnect and resync");
      }
    });
  }
}
