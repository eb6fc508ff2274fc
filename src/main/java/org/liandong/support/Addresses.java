package org.liandong.support;

/** Event-bus addresses, in one place. With a clustered event bus each reaches every node. */
public final class Addresses {
  private Addresses() {}

  /** Committed changes of one channel, published after commit by whichever node wrote them. */
  public static String channel(String channel) {
    return "liandong.live." + channel;
  }

  /** Who is in a meeting room, announced by each node for its own sockets. */
  public static String presence(String meetingId) {
    return "liandong.presence." + meetingId;
  }

  /**
   * Sessions that ended ({@code {tokenHash}} on logout, {@code {userId}} when an account is
   * deactivated or its password changed): every node forgets them and closes their sockets.
   */
  public static final String SESSIONS_ENDED = "liandong.sessions.ended";

  /** A message for one person's sockets, on whichever node they are (an import's progress): {@code {userId, message}}. */
  public static final String PERSONAL = "liandong.personal";

  /** An import its owner cancelled, {@code {upload, userId}}: the node running it stops before its next step. */
  public static final String IMPORT_CANCELLED = "liandong.imports.cancelled";

  /** In a cluster: each node's committed changes, {@code {node, changes}}, for the other nodes' caches. */
  public static final String COMMITTED = "liandong.committed";
}
