package org.liandong.live;

import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import org.liandong.access.CurrentUser;

/** One authenticated socket as the hub sees it. The mutable fields belong to the hub's context. */
final class Peer {
  final ServerWebSocket ws;
  final CurrentUser user;
  final Set<String> channels = new HashSet<>();
  /** Events waiting for the socket's write queue to drain, in order; bounded by the hub. */
  final ArrayDeque<Runnable> backlog = new ArrayDeque<>();
  boolean lagging;
  long laggingSince;
  /** Set when we close the socket: nothing more may follow our close frame. */
  volatile boolean closing;

  Peer(ServerWebSocket ws, CurrentUser user) {
    this.ws = ws;
    this.user = user;
  }

  void send(JsonObject message) {
    if (!closing && !ws.isClosed()) ws.writeFinalTextFrame(message.encode());
  }

  /** Sends bytes encoded once for every socket; the frame wraps the shared array without copying. */
  void send(byte[] utf8) {
    if (!closing && !ws.isClosed()) ws.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, utf8, true));
  }

  /** Closes from our side; the hub stops writing first, so no frame follows the close frame. */
  void close(short code, String reason) {
    closing = true;
    ws.close(code, reason);
  }

  JsonObject who() {
    return new JsonObject().put("userId", user.id()).put("displayName", user.displayName())
        .put("departmentId", user.departmentId()).put("departmentName", user.departmentName());
  }
}
