package org.liandong.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The same-run baseline: a bare Vert.x WebSocket broadcast server, no accounts, no Neo4j.
 * Clients send {"type":"subscribe","channel":c}; POST /publish {channel, id} sends every
 * subscriber of c one message, encoded once. GET /stats reports heap and connections.
 */
public final class BaselineServer {
  public static void main(String[] args) {
    var vertx = Vertx.vertx();
    Map<String, Set<ServerWebSocket>> channels = new HashMap<>();
    Map<String, Long> seqs = new HashMap<>();
    int[] sockets = {0};
    var ctx = vertx.getOrCreateContext();
    ctx.runOnContext(v -> vertx.createHttpServer()
        .webSocketHandler(ws -> {
          sockets[0]++;
          ws.textMessageHandler(text -> {
            var m = new JsonObject(text);
            if ("subscribe".equals(m.getString("type"))) channels.computeIfAbsent(m.getString("channel"), k -> new HashSet<>()).add(ws);
          });
          ws.closeHandler(x -> {
            sockets[0]--;
            channels.values().forEach(s -> s.remove(ws));
          });
        })
        .requestHandler(req -> {
          if (req.path().equals("/stats")) {
            System.gc();
            req.response().end(new JsonObject().put("heap", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed())
                .put("rss", Rss.self()).put("sockets", sockets[0]).encode());
            return;
          }
          req.body().onSuccess(body -> {
            var m = body.toJsonObject();
            var channel = m.getString("channel");
            long seq = seqs.merge(channel, 1L, Long::sum);
            var frame = Buffer.buffer(new JsonObject().put("channel", channel).put("seq", seq).put("id", m.getLong("id")).encode());
            for (var ws : channels.getOrDefault(channel, Set.of())) {
              if (!ws.writeQueueFull()) ws.writeFinalTextFrame(frame.toString());
            }
            req.response().end("{}");
          });
        })
        .listen(0, "127.0.0.1")
        .onSuccess(server -> System.out.println("PORT " + server.actualPort())));
  }
}
