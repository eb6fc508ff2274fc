package org.liandong.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * The load generator, in a JVM of its own. Modes:
 * fanout — N WebSocket clients over M channels, writes at a fixed open-loop rate, latency from
 * each write's intended send time to each receipt (so coordinated omission is corrected);
 * idle — N authenticated idle sockets held open until told to close (for memory).
 * Prints one line "RESULT {json}".
 */
public final class LoadGenerator {
  public static void main(String[] args) throws Exception {
    var spec = new JsonObject(Files.readString(Path.of(args[0])));
    var vertx = Vertx.vertx();
    var result = switch (spec.getString("mode")) {
      case "fanout" -> fanout(vertx, spec);
      case "idle" -> idle(vertx, spec);
      default -> throw new IllegalArgumentException(spec.getString("mode"));
    };
    System.out.println("RESULT " + result.encode());
    System.out.flush();
    System.exit(0);
  }

  private static List<WebSocket> connect(Vertx vertx, JsonObject spec, int n, java.util.function.BiConsumer<Integer, WebSocket> setup) throws Exception {
    var client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(n + 10).setConnectTimeout(30_000));
    var sockets = new ArrayList<WebSocket>();
    int batch = 200;
    for (int start = 0; start < n; start += batch) {
      var futures = new ArrayList<Future<WebSocket>>();
      for (int i = start; i < Math.min(n, start + batch); i++) {
        int index = i;
        futures.add(client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(spec.getInteger("port")).setURI("/ws"))
            .onSuccess(ws -> setup.accept(index, ws)));
      }
      Future.all(futures).await(60, TimeUnit.SECONDS);
      futures.forEach(f -> sockets.add(f.result()));
    }
    return sockets;
  }

  private static JsonObject fanout(Vertx vertx, JsonObject spec) throws Exception {
    boolean liandong = "liandong".equals(spec.getString("target"));
    int clients = spec.getInteger("clients");
    var channels = spec.getJsonArray("channels");
    int rate = spec.getInteger("rate");
    int seconds = spec.getInteger("seconds");
    var histogram = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
    // from each write's intended time to its answer: how much of the latency is the write's
    var answered = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
    var intended = new ConcurrentHashMap<String, Long>();
    var delivered = new AtomicLong();
    var gaps = new AtomicLong();
    var errors = new AtomicLong();
    var subscribed = new AtomicLong();

    connect(vertx, spec, clients, (i, ws) -> {
      var channel = channels.getString(i % channels.size());
      var last = new long[] {-1};
      ws.textMessageHandler(text -> {
        var m = new JsonObject(text);
        var type = m.getString("type");
        if ("welcome".equals(type)) {
          ws.writeTextMessage(new JsonObject().put("type", "subscribe").put("channel", channel).encode());
        } else if ("subscribed".equals(type)) {
          last[0] = m.getLong("seq");
          subscribed.incrementAndGet();
        } else if ("error".equals(type)) {
          errors.incrementAndGet();
        } else if (m.containsKey("seq") && (!liandong || m.containsKey("data"))) {
          long seq = m.getLong("seq");
          if (last[0] >= 0 && seq != last[0] + 1) gaps.incrementAndGet();
          last[0] = seq;
          var key = liandong
              ? m.getString("channel") + "#" + m.getJsonObject("data").getJsonObject("after").getLong("version")
              : String.valueOf(m.getLong("id"));
          var sent = intended.get(key);
          if (sent != null) histogram.recordValue(Math.max(0, System.nanoTime() - sent));
          delivered.incrementAndGet();
        }
      });
      if (liandong) ws.writeTextMessage(new JsonObject().put("type", "auth").put("token", spec.getString("token")).encode());
      else {
        ws.writeTextMessage(new JsonObject().put("type", "subscribe").put("channel", channel).encode());
        subscribed.incrementAndGet();
      }
    });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (subscribed.get() < clients && System.nanoTime() < deadline) Thread.sleep(50);

    // the writer: open loop at a fixed rate, each write sent at its intended time whatever is
    // still in flight, as with the baseline. A meeting's k-th change (its version + k) is matched
    // to its k-th scheduled write: intended times only grow, so this never understates latency.
    var http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(spec.getInteger("port")),
        new io.vertx.core.http.PoolOptions().setHttp1MaxSize(64));
    var meetings = spec.getJsonArray("meetings", new JsonArray());
    var versions = new HashMap<String, long[]>();
    meetings.forEach(m -> versions.put(((JsonObject) m).getString("id"), new long[] {((JsonObject) m).getLong("version")}));
    long writes = (long) rate * seconds;
    long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
    var ctx = vertx.getOrCreateContext();
    var done = new java.util.concurrent.CountDownLatch((int) writes);
    for (long i = 0; i < writes; i++) {
      long at = t0 + i * 1_000_000_000L / rate;
      long n = i;
      long delayMs = Math.max(1, (at - System.nanoTime()) / 1_000_000);
      ctx.runOnContext(v -> vertx.setTimer(Math.max(1, (at - System.nanoTime()) / 1_000_000), t -> {
        int c = (int) (n % channels.size());
        if (liandong) {
          focus(http, spec, meetings.getJsonObject(c), at, versions, intended, answered, errors, done);
        } else {
          intended.put(String.valueOf(n), at);
          http.request(new RequestOptions().setMethod(HttpMethod.POST).setURI("/publish"))
              .compose(req -> req.send(new JsonObject().put("channel", channels.getString(c)).put("id", n).encode()))
              .compose(r -> r.body()).onComplete(r -> {
                if (r.failed()) errors.incrementAndGet();
                answered.recordValue(Math.max(0, System.nanoTime() - at));
                done.countDown();
              });
        }
      }));
      if (delayMs > 1000) Thread.sleep(500);
    }
    done.await(seconds + 60L, TimeUnit.SECONDS);
    Thread.sleep(3000);
    long elapsed = System.nanoTime() - t0;
    long expected = writes * (clients / channels.size());
    return new JsonObject().put("clients", clients).put("channels", channels.size()).put("rate", rate).put("seconds", seconds)
        .put("writes", writes).put("delivered", delivered.get()).put("expected", expected)
        .put("deliveriesPerSecond", delivered.get() * 1e9 / elapsed)
        .put("p50ms", histogram.getValueAtPercentile(50) / 1e6).put("p99ms", histogram.getValueAtPercentile(99) / 1e6)
        .put("p999ms", histogram.getValueAtPercentile(99.9) / 1e6).put("maxMs", histogram.getMaxValue() / 1e6)
        .put("gaps", gaps.get()).put("errors", errors.get())
        .put("writeAnsweredP50ms", answered.getValueAtPercentile(50) / 1e6).put("writeAnsweredP99ms", answered.getValueAtPercentile(99) / 1e6);
  }

  /** One focus write on a meeting, intended at {@code at}. */
  private static void focus(io.vertx.core.http.HttpClient http, JsonObject spec, JsonObject meeting, long at, Map<String, long[]> versions,
                            Map<String, Long> intended, ConcurrentHistogram answered, AtomicLong errors,
                            java.util.concurrent.CountDownLatch done) {
    var id = meeting.getString("id");
    long next = ++versions.get(id)[0];
    intended.put("meeting:" + id + "#" + next, at);
    var items = meeting.getJsonArray("items");
    http.request(new RequestOptions().setMethod(HttpMethod.POST).setURI("/api/meetings/" + id + "/focus")
            .putHeader("Authorization", "Bearer " + spec.getString("token")).putHeader("Content-Type", "application/json"))
        .compose(req -> req.send(new JsonObject().put("agendaItemId", items.getString((int) (next % items.size()))).encode()))
        .compose(r -> r.body().map(b -> r.statusCode()))
        .onComplete(r -> {
          if (r.failed() || r.result() != 200) errors.incrementAndGet();
          answered.recordValue(Math.max(0, System.nanoTime() - at));
          done.countDown();
        });
  }

  /** N idle sockets, authenticated (Liandong) or subscribed (baseline); held until stdin closes. */
  private static JsonObject idle(Vertx vertx, JsonObject spec) throws Exception {
    boolean liandong = "liandong".equals(spec.getString("target"));
    int n = spec.getInteger("clients");
    var ready = new AtomicLong();
    var sockets = connect(vertx, spec, n, (i, ws) -> {
      ws.textMessageHandler(text -> { if (text.contains("\"welcome\"")) ready.incrementAndGet(); });
      if (liandong) ws.writeTextMessage(new JsonObject().put("type", "auth").put("token", spec.getString("token")).encode());
      else { ws.writeTextMessage(new JsonObject().put("type", "subscribe").put("channel", "idle").encode()); ready.incrementAndGet(); }
    });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (ready.get() < n && System.nanoTime() < deadline) Thread.sleep(50);
    System.out.println("READY " + ready.get());
    System.out.flush();
    System.in.read();
    sockets.forEach(WebSocket::close);
    return new JsonObject().put("clients", n).put("ready", ready.get());
  }
}
