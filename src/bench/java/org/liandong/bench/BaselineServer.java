package org.liandong.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The same-run baseline: a bare Vert.x WebSocket broadcast server, no accounts, no Neo4j, doing
 * the transport work Liandong does: as many HTTP verticles as cores, so sockets spread over the
 * event loops the same way; clients send {"type":"subscribe","channel":c}; POST /publish
 * {channel, entityId, version} sends every subscriber of c one frame of the same shape and size
 * as Liandong's event (built from a real event given at start), encoded once, seq per channel.
 * It never drops a frame: a full write queue is counted (GET /stats) and the frame queued anyway.
 */
public final class BaselineServer {
  static final Map<String, Set<ServerWebSocket>> CHANNELS = new ConcurrentHashMap<>();
  static final Map<String, AtomicLong> SEQS = new ConcurrentHashMap<>();
  static final AtomicInteger SOCKETS = new AtomicInteger();
  static final AtomicLong QUEUE_FULL = new AtomicLong();
  static final String EPOCH = UUID.randomUUID().toString();
  static JsonObject sample;

  public static void main(String[] args) throws Exception {
    sample = args.length > 0 ? new JsonObject(Files.readString(Path.of(args[0]))) : new JsonObject();
    var vertx = Vertx.vertx();
    int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
    var port = new java.util.concurrent.CompletableFuture<Integer>();
    // the instances of one deployment listening on port 0 share one free port (Vert.x spreads the
    // connections over them), as Liandong's HTTP verticles do
    vertx.deployVerticle(() -> new Node(port), new DeploymentOptions().setInstances(instances))
        .onSuccess(id -> System.out.println("PORT " + port.join()))
        .onFailure(e -> {
          e.printStackTrace();
          System.exit(1);
        });
  }

  /** One event loop's share of the sockets, all on one port. */
  static final class Node extends VerticleBase {
    private final java.util.concurrent.CompletableFuture<Integer> port;

    Node(java.util.concurrent.CompletableFuture<Integer> port) {
      this.port = port;
    }

    @Override
    public Future<?> start() {
      var server = vertx.createHttpServer()
          .webSocketHandler(ws -> {
            SOCKETS.incrementAndGet();
            ws.textMessageHandler(text -> {
              var m = new JsonObject(text);
              if ("subscribe".equals(m.getString("type"))) {
                CHANNELS.computeIfAbsent(m.getString("channel"), k -> ConcurrentHashMap.newKeySet()).add(ws);
              }
            });
            ws.closeHandler(x -> {
              SOCKETS.decrementAndGet();
              CHANNELS.values().forEach(s -> s.remove(ws));
            });
          })
          .requestHandler(req -> {
            if (req.path().equals("/stats")) {
              System.gc();
              req.response().end(new JsonObject().put("heap", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed())
                  .put("rss", Rss.self()).put("sockets", SOCKETS.get()).put("queueFull", QUEUE_FULL.get()).encode());
              return;
            }
            req.body().onSuccess(body -> {
              var m = body.toJsonObject();
              var channel = m.getString("channel");
              long seq = SEQS.computeIfAbsent(channel, c -> new AtomicLong()).incrementAndGet();
              var frame = event(channel, seq, m.getString("entityId"), m.getLong("version")).encode();
              for (var ws : CHANNELS.getOrDefault(channel, Set.of())) {
                if (ws.writeQueueFull()) QUEUE_FULL.incrementAndGet();
                ws.writeFinalTextFrame(frame);
              }
              req.response().end("{}");
            });
          });
      return server.listen(0, "127.0.0.1").onSuccess(s -> port.complete(s.actualPort()));
    }
  }

  /** An event shaped and sized as Liandong's: the sample's fields, this write's channel, seq, entity and version. */
  static JsonObject event(String channel, long seq, String entityId, long version) {
    var data = sample.getJsonObject("data", new JsonObject()).copy().put("entityId", entityId);
    var after = data.getJsonObject("after", new JsonObject()).copy().put("version", version);
    data.put("after", after);
    return sample.copy().put("channel", channel).put("seq", seq).put("epoch", EPOCH).put("data", data);
  }
}
