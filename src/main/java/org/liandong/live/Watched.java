package org.liandong.live;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The channels this node's sockets watch, as the hub opens and closes them: the publisher hands a
 * change only to those, instead of publishing to addresses nobody consumes (the event bus answers
 * each such publish with a "no handlers" failure). A channel is marked before its consumer
 * registers and before the hub reads its current seq, so a change committed meanwhile is either
 * in that seq or published to it. In a cluster the other nodes' sockets count too, which this
 * node cannot see: there every channel counts as watched ({@link #everywhere}).
 */
public final class Watched {
  private final Set<String> names = ConcurrentHashMap.newKeySet();
  private final boolean all;

  public Watched() {
    this(false);
  }

  private Watched(boolean all) {
    this.all = all;
  }

  /** Every channel, for a node of a cluster. */
  public static Watched everywhere() {
    return new Watched(true);
  }

  void open(String channel) {
    names.add(channel);
  }

  void close(String channel) {
    names.remove(channel);
  }

  /** How many channels this node's own sockets follow (for /metrics). */
  public int size() {
    return names.size();
  }

  public boolean contains(String channel) {
    return all || names.contains(channel);
  }
}
