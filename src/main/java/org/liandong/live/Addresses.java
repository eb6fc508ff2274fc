package org.liandong.live;

/** Event-bus addresses of the live layer, in one place. */
final class Addresses {
  private Addresses() {}

  /** Committed changes of one channel, published after commit by whichever node wrote them. */
  static String channel(String channel) {
    return "liandong.live." + channel;
  }

  /** Who is in a meeting room, announced by each node for its own sockets. */
  static String presence(String meetingId) {
    return "liandong.presence." + meetingId;
  }
}
