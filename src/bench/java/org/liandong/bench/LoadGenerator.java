package org.liandong.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.liandong.obligations.RawObligationWrite;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.async.AsyncSession;

/**
 * The load generator, in a JVM of its own: every client the benchmark measures runs here, never
 * in the server's JVM. Modes:
 * fanout — N WebSocket clients over M channels, obligation updates (or the baseline's publishes)
 * at a fixed open-loop rate; latency from each write's intended send time to each receipt (so
 * coordinated omission is corrected), a late delivery counted at its latency, one that never
 * arrives counted as lost;
 * writes — the write path closed-loop at concurrency C, through the API and through the raw
 * driver running the same statements, in alternating rounds;
 * rate — open-loop obligation updates at rising rates, the rate sustained and p99 at each;
 * idle — N authenticated idle sockets held open until told to close (for memory).
 * Prints one line "RESULT {json}". Every wait has a timeout.
 */
public final class LoadGenerator {
  private static final long WAIT_SECONDS = 60;

  public static void main(String[] args) throws Exception {
    var spec = new JsonObject(Files.readString(Path.of(args[0])));
    var vertx = Vertx.vertx();
    var result = switch (spec.getString("mode")) {
      case "fanout" -> fanout(vertx, spec);
      case "idle" -> idle(vertx, spec);
      case "writes" -> writes(vertx, spec);
      case "rate" -> rate(vertx, spec);
      default -> throw new IllegalArgumentException(spec.getString("mode"));
    };
    System.out.println("RESULT " + result.encode());
    System.out.flush();
    System.exit(0);
  }

  /** A histogram that grows as it must: a late value is counted at its latency, never dropped. */
  static Histogram histogram() {
    return new ConcurrentHistogram(3);
  }

  static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
  }

  private static final List<WebSocketClient> CLIENTS = new ArrayList<>();

  private static List<WebSocket> connect(Vertx vertx, JsonObject spec, int n, java.util.function.BiConsumer<Integer, WebSocket> setup)
      throws Exception {
    // held for the whole run: Vert.x closes a client's connections once the client is garbage collected
    var client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(n + 10).setConnectTimeout(30_000)
        .setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 20));
    CLIENTS.add(client);
    var sockets = new ArrayList<WebSocket>();
    int batch = 200;
    for (int start = 0; start < n; start += batch) {
      var futures = new ArrayList<Future<WebSocket>>();
      for (int i = start; i < Math.min(n, start + batch); i++) {
        int index = i;
        futures.add(client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(socketPort(spec, i)).setURI("/ws"))
            .onSuccess(ws -> setup.accept(index, ws)));
      }
      Future.all(futures).await(WAIT_SECONDS, TimeUnit.SECONDS);
      futures.forEach(f -> sockets.add(f.result()));
    }
    return sockets;
  }

  /** Where socket i connects: the spec's port, or, given "socketPorts", those ports in turn (the two-node row's direct split). */
  private static int socketPort(JsonObject spec, int i) {
    var ports = spec.getJsonArray("socketPorts");
    return ports == null ? spec.getInteger("port") : ports.getInteger(i % ports.size());
  }

  private static HttpClient http(Vertx vertx, JsonObject spec) {
    return vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(spec.getInteger("port"))
        .setConnectTimeout(30_000).setIdleTimeout(120), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(256));
  }

  /** One obligation update through the API: resolves to the status and, on 200, the new version. */
  private static Future<long[]> patch(HttpClient http, String token, String id, long version, String note) {
    return http.request(new RequestOptions().setMethod(HttpMethod.PATCH).setURI("/api/obligations/" + id)
            .putHeader("Authorization", "Bearer " + token).putHeader("Content-Type", "application/json").setTimeout(30_000))
        .compose(req -> req.send(new JsonObject().put("version", version).put("note", note).encode()))
        .compose(r -> r.body().map(b -> r.statusCode() == 200
            ? new long[] {200, new JsonObject(b).getLong("version")} : new long[] {r.statusCode(), version}));
  }

  // ---------------------------------------------------------------------------------------------
  // fan-out

  private static JsonObject fanout(Vertx vertx, JsonObject spec) throws Exception {
    boolean liandong = "liandong".equals(spec.getString("target"));
    int clients = spec.getInteger("clients");
    var channels = spec.getJsonArray("channels");
    int rate = spec.getInteger("rate");
    int seconds = spec.getInteger("seconds");
    var toScreen = histogram();
    var answered = histogram();
    var intended = new ConcurrentHashMap<String, Long>();
    var perChannel = new ConcurrentHashMap<String, AtomicLong>();
    var delivered = new AtomicLong();
    var gaps = new AtomicLong();
    var duplicates = new AtomicLong();
    var errors = new AtomicLong();
    var subscribed = new AtomicLong();
    var receipts = spec.containsKey("receiptsFile") ? new ConcurrentLinkedQueue<String>() : null;
    // with "socketPorts", latency is also kept per port the sockets connected to
    var ports = spec.getJsonArray("socketPorts");
    var byPort = new Histogram[ports == null ? 0 : ports.size()];
    for (int p = 0; p < byPort.length; p++) byPort[p] = histogram();
    // … and each receipt's time after the first receipt of the same change on the first port's
    // sockets: the same changes compared socket by socket, so the write's own time drops out
    var firstOnFirstPort = new ConcurrentHashMap<String, Long>();
    var receiptsByPort = new ConcurrentLinkedQueue<Object[]>();

    connect(vertx, spec, clients, (i, ws) -> {
      var channel = channels.getString(i % channels.size());
      perChannel.computeIfAbsent(channel, c -> new AtomicLong()).incrementAndGet();
      var last = new long[] {-1};
      ws.textMessageHandler(text -> {
        var m = new JsonObject(text);
        var type = m.getString("type");
        if ("welcome".equals(type)) {
          ws.writeTextMessage(new JsonObject().put("type", "subscribe").put("channel", channel).encode());
        } else if ("subscribed".equals(type)) {
          last[0] = m.getLong("seq");
          subscribed.incrementAndGet();
        } else if ("error".equals(type) || "resync".equals(type)) {
          errors.incrementAndGet();
        } else if (m.containsKey("seq") && m.containsKey("data")) {
          long now = System.nanoTime();
          long seq = m.getLong("seq");
          if (last[0] >= 0 && seq <= last[0]) duplicates.incrementAndGet();
          else if (last[0] >= 0 && seq != last[0] + 1) gaps.incrementAndGet();
          last[0] = Math.max(last[0], seq);
          var data = m.getJsonObject("data");
          var key = data.getString("entityId") + "#" + data.getJsonObject("after").getLong("version");
          var sent = intended.get(key);
          if (sent != null) {
            toScreen.recordValue(Math.max(0, now - sent));
            if (byPort.length > 0) byPort[i % byPort.length].recordValue(Math.max(0, now - sent));
          }
          if (byPort.length > 0) {
            if (i % byPort.length == 0) firstOnFirstPort.merge(key, now, Math::min);
            receiptsByPort.add(new Object[] {i % byPort.length, key, now});
          }
          if (receipts != null) receipts.add(key + " " + micros(Instant.now()));
          delivered.incrementAndGet();
        }
      });
      if (liandong) ws.writeTextMessage(new JsonObject().put("type", "auth").put("token", spec.getString("token")).encode());
      else {
        ws.writeTextMessage(new JsonObject().put("type", "subscribe").put("channel", channel).encode());
        subscribed.incrementAndGet();
      }
    });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (subscribed.get() < clients && System.nanoTime() < deadline) Thread.sleep(50);

    // the writer: open loop at a fixed rate, each write sent at its intended time whatever is
    // still in flight. Writes go round the obligations (several per channel, so one is never
    // written again before its last write was answered at these rates); the k-th update of an
    // obligation is its version + k.
    var http = http(vertx, spec);
    var targets = spec.getJsonArray("obligations");
    var versions = new HashMap<String, long[]>();
    targets.forEach(o -> versions.put(((JsonObject) o).getString("id"), new long[] {((JsonObject) o).getLong("version")}));
    long writes = (long) rate * seconds;
    var ok = new AtomicLong();
    var okPerChannel = new ConcurrentHashMap<String, AtomicLong>();
    long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
    var ctx = vertx.getOrCreateContext();
    var done = new CountDownLatch((int) writes);
    for (long i = 0; i < writes; i++) {
      long at = t0 + i * 1_000_000_000L / rate;
      long n = i;
      long delayMs = Math.max(1, (at - System.nanoTime()) / 1_000_000);
      ctx.runOnContext(v -> vertx.setTimer(Math.max(1, (at - System.nanoTime()) / 1_000_000), t -> {
        var target = targets.getJsonObject((int) (n % targets.size()));
        var id = target.getString("id");
        var channel = target.getString("channel");
        long next = ++versions.get(id)[0];
        intended.put(id + "#" + next, at);
        Future<Integer> sent = liandong
            ? patch(http, spec.getString("token"), id, next - 1, "fanout " + n).map(r -> (int) r[0])
            : http.request(new RequestOptions().setMethod(HttpMethod.POST).setURI("/publish"))
                .compose(req -> req.send(new JsonObject().put("channel", channel).put("entityId", id).put("version", next).encode()))
                .compose(r -> r.body().map(b -> r.statusCode()));
        sent.onComplete(r -> {
          if (r.succeeded() && r.result() == 200) {
            ok.incrementAndGet();
            okPerChannel.computeIfAbsent(channel, c -> new AtomicLong()).incrementAndGet();
          } else {
            errors.incrementAndGet();
          }
          answered.recordValue(Math.max(0, System.nanoTime() - at));
          done.countDown();
        });
      }));
      if (delayMs > 1000) Thread.sleep(500);
    }
    done.await(seconds + WAIT_SECONDS, TimeUnit.SECONDS);
    // every accepted write reaches every client watching its channel, however late: wait for it,
    // while deliveries still come, at most a minute
    long expected = 0;
    for (var e : okPerChannel.entrySet()) expected += e.getValue().get() * perChannel.getOrDefault(e.getKey(), new AtomicLong()).get();
    long lastCount = -1;
    long quietSince = System.nanoTime();
    long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (delivered.get() < expected && System.nanoTime() < waitUntil && System.nanoTime() - quietSince < TimeUnit.SECONDS.toNanos(5)) {
      Thread.sleep(100);
      if (delivered.get() != lastCount) {
        lastCount = delivered.get();
        quietSince = System.nanoTime();
      }
    }
    long elapsed = System.nanoTime() - t0;
    if (receipts != null) Files.write(Path.of(spec.getString("receiptsFile")), receipts, StandardCharsets.UTF_8);
    var afterFirst = new Histogram[byPort.length];
    for (int p = 0; p < byPort.length; p++) afterFirst[p] = histogram();
    for (var r : receiptsByPort) {
      var first = firstOnFirstPort.get((String) r[1]);
      if (first != null) afterFirst[(Integer) r[0]].recordValue(Math.max(0, (Long) r[2] - first));
    }
    var perPort = new JsonArray();
    for (int p = 0; p < byPort.length; p++) {
      perPort.add(new JsonObject().put("port", ports.getInteger(p)).put("p50ms", ms(byPort[p], 50)).put("p99ms", ms(byPort[p], 99))
          .put("afterFirstP50ms", ms(afterFirst[p], 50)).put("afterFirstP99ms", ms(afterFirst[p], 99)));
    }
    return new JsonObject().put("clients", clients).put("channels", channels.size()).put("rate", rate).put("seconds", seconds)
        .put("byPort", perPort)
        .put("writes", writes).put("accepted", ok.get()).put("delivered", delivered.get()).put("expected", expected)
        .put("lost", Math.max(0, expected - delivered.get()))
        .put("deliveriesPerSecond", delivered.get() * 1e9 / elapsed)
        .put("p50ms", ms(toScreen, 50)).put("p99ms", ms(toScreen, 99)).put("p999ms", ms(toScreen, 99.9))
        .put("maxMs", toScreen.getMaxValue() / 1e6)
        .put("gaps", gaps.get()).put("duplicates", duplicates.get()).put("errors", errors.get())
        .put("writeAnsweredP50ms", ms(answered, 50)).put("writeAnsweredP99ms", ms(answered, 99));
  }

  static double ms(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1e6;
  }

  // ---------------------------------------------------------------------------------------------
  // the write path, closed loop: the API against the raw driver

  private static JsonObject writes(Vertx vertx, JsonObject spec) throws Exception {
    int concurrency = spec.getInteger("concurrency");
    int rounds = spec.getInteger("rounds");
    double seconds = spec.getDouble("seconds");
    var http = http(vertx, spec);
    var bolt = spec.getJsonObject("bolt");
    long offsetMs = spec.getLong("clockOffsetMs");
    try (var driver = GraphDatabase.driver(bolt.getString("uri"), AuthTokens.basic(bolt.getString("user"), bolt.getString("password")))) {
      var apiIds = spec.getJsonArray("api");
      var rawIds = spec.getJsonArray("raw");
      var versions = new long[concurrency];
      for (int w = 0; w < concurrency; w++) versions[w] = apiIds.getJsonObject(w).getLong("version");
      Worker api = (w, n) -> patch(http, spec.getString("token"), apiIds.getJsonObject(w).getString("id"), versions[w], "api " + n)
          .toCompletionStage().toCompletableFuture().thenApply(r -> {
            if (r[0] != 200) throw new IllegalStateException("status " + r[0]);
            versions[w] = r[1];
            return null;
          });
      Worker raw = (w, n) -> {
        var session = driver.session(AsyncSession.class, SessionConfig.builder().withDefaultAccessMode(AccessMode.WRITE).build());
        // what the server's statements read as $now: its clock when the transaction began
        var now = ZonedDateTime.ofInstant(Instant.now().plusMillis(offsetMs), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        return session.executeWriteAsync(tx -> RawObligationWrite.note(tx, rawIds.getString(w), "raw " + n, now))
            .handle((v, e) -> {
              session.closeAsync();
              if (e != null) throw new IllegalStateException(e);
              return (Void) null;
            }).toCompletableFuture();
      };
      if (spec.getInteger("warmup", 0) > 0) {
        new Tally().add(concurrency, spec.getInteger("warmup"), api);
        new Tally().add(concurrency, spec.getInteger("warmup"), raw);
      }
      // rounds 0: a warm-up only, nothing measured
      if (rounds == 0) return new JsonObject().put("concurrency", concurrency).put("warmup", spec.getInteger("warmup", 0));
      var apiTally = new Tally();
      var rawTally = new Tally();
      for (int r = 0; r < rounds; r++) {
        apiTally.add(concurrency, seconds / rounds, api);
        rawTally.add(concurrency, seconds / rounds, raw);
      }
      return new JsonObject().put("concurrency", concurrency).put("api", apiTally.json()).put("rawDriver", rawTally.json());
    }
  }

  interface Worker {
    CompletableFuture<Void> write(int worker, long n);
  }

  /** Writes done, errors, latencies and time spent, over one or more rounds; each worker writes again when answered. */
  private static final class Tally {
    final Histogram histogram = histogram();
    final AtomicLong count = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    double elapsed;

    void add(int concurrency, double seconds, Worker worker) throws InterruptedException {
      var stop = new AtomicBoolean();
      var finished = new CountDownLatch(concurrency);
      long t0 = System.nanoTime();
      for (int w = 0; w < concurrency; w++) loop(worker, w, 0, stop, finished);
      Thread.sleep((long) (seconds * 1000));
      stop.set(true);
      if (!finished.await(WAIT_SECONDS, TimeUnit.SECONDS)) errors.addAndGet(finished.getCount());
      elapsed += (System.nanoTime() - t0) / 1e9;
    }

    private void loop(Worker worker, int w, long n, AtomicBoolean stop, CountDownLatch finished) {
      if (stop.get()) {
        finished.countDown();
        return;
      }
      long t = System.nanoTime();
      worker.write(w, n).orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).whenComplete((v, e) -> {
        if (e == null) {
          histogram.recordValue(System.nanoTime() - t);
          count.incrementAndGet();
        } else {
          errors.incrementAndGet();
        }
        loop(worker, w, n + 1, stop, finished);
      });
    }

    JsonObject json() {
      return new JsonObject().put("perSecond", count.get() / elapsed).put("p50ms", ms(histogram, 50))
          .put("p99ms", ms(histogram, 99)).put("errors", errors.get());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // rising rates, open loop

  private static JsonObject rate(Vertx vertx, JsonObject spec) throws Exception {
    var http = http(vertx, spec);
    var token = spec.getString("token");
    var steps = new JsonArray();
    var versions = new HashMap<String, Long>();
    spec.getJsonArray("obligations").forEach(o -> versions.put(((JsonObject) o).getString("id"), ((JsonObject) o).getLong("version")));
    for (var r : spec.getJsonArray("rates")) {
      steps.add(step(vertx, http, token, versions, (Integer) r, spec.getInteger("seconds")));
    }
    return new JsonObject().put("steps", steps);
  }

  /**
   * One rate for some seconds. A write goes to an obligation with no write in flight; if every
   * one is busy it waits for the first to come free (the server is behind), its latency still
   * counted from its intended time.
   */
  private static JsonObject step(Vertx vertx, HttpClient http, String token, Map<String, Long> versions, int rate, int seconds)
      throws Exception {
    var latency = histogram();
    var idle = new ArrayDeque<>(versions.keySet());
    var waiting = new ArrayDeque<long[]>();
    var ok = new AtomicLong();
    var refused = new AtomicLong();
    var errors = new AtomicLong();
    var lastAnswer = new AtomicLong();
    long writes = (long) rate * seconds;
    var done = new CountDownLatch((int) writes);
    var ctx = vertx.getOrCreateContext();
    long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
    class Send {
      void to(String id, long at, long n) {
        patch(http, token, id, versions.get(id), "rate " + rate + " #" + n).onComplete(r -> ctx.runOnContext(v -> {
          long now = System.nanoTime();
          latency.recordValue(Math.max(0, now - at));
          lastAnswer.set(now);
          if (r.succeeded() && r.result()[0] == 200) {
            ok.incrementAndGet();
            versions.put(id, r.result()[1]);
          } else if (r.succeeded() && r.result()[0] == 503) {
            refused.incrementAndGet();
          } else {
            errors.incrementAndGet();
          }
          done.countDown();
          var next = waiting.poll();
          if (next != null) to(id, next[0], next[1]); else idle.add(id);
        }));
      }
    }
    var send = new Send();
    for (long i = 0; i < writes; i++) {
      long at = t0 + i * 1_000_000_000L / rate;
      long n = i;
      long delayMs = Math.max(1, (at - System.nanoTime()) / 1_000_000);
      ctx.runOnContext(v -> vertx.setTimer(Math.max(1, (at - System.nanoTime()) / 1_000_000), t -> {
        var id = idle.poll();
        if (id != null) send.to(id, at, n); else waiting.add(new long[] {at, n});
      }));
      if (delayMs > 1000) Thread.sleep(500);
    }
    boolean finished = done.await(seconds + WAIT_SECONDS, TimeUnit.SECONDS);
    double span = Math.max(1, lastAnswer.get() - t0) / 1e9;
    return new JsonObject().put("rate", rate).put("seconds", seconds).put("writes", writes).put("ok", ok.get())
        .put("refused", refused.get()).put("errors", errors.get() + (finished ? 0 : done.getCount()))
        .put("sustained", ok.get() / span).put("p50ms", ms(latency, 50)).put("p99ms", ms(latency, 99))
        .put("maxMs", latency.getMaxValue() / 1e6);
  }

  // ---------------------------------------------------------------------------------------------
  // idle sockets

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
