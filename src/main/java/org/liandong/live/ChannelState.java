package org.liandong.live;

import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One watched channel on this node, as the hub keeps it (on the hub's context only). */
final class ChannelState {
  final String name;
  long seq = -1;
  /** The channel's history; a client's lastSeq from another epoch means nothing here. */
  String epoch;
  /** Events that came before the ones they follow, waiting for those. */
  final TreeMap<Long, LiveEvent> pending = new TreeMap<>();
  /** The last events delivered, for a returning client to replay from memory. */
  final ArrayDeque<LiveEvent> recent = new ArrayDeque<>();
  final Map<Peer, Subscription> subscriptions = new LinkedHashMap<>();
  final List<Runnable> onReady = new ArrayList<>();
  MessageConsumer<JsonObject> consumer;
  long gapTimer = -1;

  ChannelState(String name) {
    this.name = name;
  }

  /** One socket's place on the channel: the last seq it was sent, and events held while it replays. */
  static final class Subscription {
    long sent;
    boolean replaying;
    final List<LiveEvent> held = new ArrayList<>();
  }
}
