package org.liandong.live;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.liandong.support.Addresses;

/**
 * This node's open sockets by the session they authenticated with. A session that ends (logout),
 * or a person deactivated or given a new password, closes their sockets on every node at once:
 * each node hears SESSIONS_ENDED and closes its own.
 */
final class Sessions {
  private final Map<String, Set<Connection>> bySession = new ConcurrentHashMap<>();
  private volatile boolean databaseUp = true;

  Sessions(Vertx vertx) {
    vertx.eventBus().<JsonObject>consumer(Addresses.SESSIONS_ENDED, msg -> ended(msg.body()));
    // one consumer per node, not per socket: each message goes to this node's sockets of its person
    vertx.eventBus().<JsonObject>consumer(Addresses.PERSONAL, msg -> told(msg.body()));
  }

  void opened(String tokenHash, Connection connection) {
    bySession.computeIfAbsent(tokenHash, k -> ConcurrentHashMap.newKeySet()).add(connection);
  }

  void closed(String tokenHash, Connection connection) {
    bySession.computeIfPresent(tokenHash, (k, set) -> {
      set.remove(connection);
      return set.isEmpty() ? null : set;
    });
  }

  /** Whether the database answers (LiveVerticle asks every second); when that changes, every socket of this node hears it. */
  void database(boolean up) {
    if (up == databaseUp) return;
    databaseUp = up;
    var status = Messages.database(up);
    bySession.values().forEach(connections -> connections.forEach(c -> c.tell(status)));
  }

  /** Whether the database answered when last asked: a socket welcomed while it does not is told at once. */
  boolean databaseUp() {
    return databaseUp;
  }

  private void told(JsonObject personal) {
    var userId = personal.getString("userId");
    var message = personal.getJsonObject("message");
    if (userId == null || message == null) return;
    bySession.values().forEach(connections -> connections.forEach(c -> {
      if (c.userIs(userId)) c.tell(message);
    }));
  }

  private void ended(JsonObject ended) {
    var hash = ended.getString("tokenHash");
    var userId = ended.getString("userId");
    bySession.forEach((session, connections) -> connections.forEach(c -> {
      if (session.equals(hash) || c.userIs(userId)) c.sessionEnded();
    }));
  }
}
