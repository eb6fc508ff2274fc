package org.liandong.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.liandong.Server;
import org.liandong.config.AppConfig;

/**
 * The benchmark: starts Liandong (embedded Neo4j, demo data) in this JVM, which is the server's
 * JVM (its heap and collector are set in the bench profile) and runs no client load itself: every
 * measured client runs in a load-generator JVM of its own, beside the bare Vert.x baseline in
 * another, all on loopback. It prints a table of figures and targets against the baseline
 * measured in the same run; results go to target/bench/.
 * Sizes are system properties: -Dclients=2000 -Dchannels=20 -Drate=100 -Dseconds=15
 * -Dconcurrency=16 -Dsizes=2000x100000x300,10000x500000x1000 (the read path's graph, grown size by size) -Didle=10000
 * -Dsamples=200 -Dstep=8 (seconds of each rising-rate step) -Dwritebatch=64 (1: no group commit); -Dwarmup=15 (seconds of each
 * unmeasured warm-up step); -Dparts=fanout,writes,hot,memory,cluster,reads runs only the sections named
 * (all by default; "hot" is the hot-project and many-projects rows; "cluster" the two-node row,
 * which needs nginx on the PATH).
 */
public final class Benchmark {
  static final int CLIENTS = Integer.getInteger("clients", 2000);
  static final int CHANNELS = Integer.getInteger("channels", 20);
  static final int RATE = Integer.getInteger("rate", 100);
  static final int SECONDS = Integer.getInteger("seconds", 15);
  static final int CONCURRENCY = Integer.getInteger("concurrency", 16);
  /** The read path's graph sizes, grown one after the other: projects x obligations x departments. */
  static final java.util.List<LargeGraph.Size> SIZES = java.util.Arrays.stream(
      System.getProperty("sizes", "2000x100000x300,10000x500000x1000").split(",")).map(LargeGraph.Size::parse).toList();
  static final int IDLE = Integer.getInteger("idle", 10_000);
  static final int WARM_UP = Integer.getInteger("warmup", 15);
  static final int SAMPLES = Integer.getInteger("samples", 200);
  static final int STEP = Integer.getInteger("step", 8);
  static final int[] RATES = {50, 100, 200, 400};
  static final int WRITE_BATCH = Integer.getInteger("writebatch", 64);
  static final java.util.Set<String> PARTS = java.util.Set.of(System.getProperty("parts", "fanout,writes,hot,memory,cluster,reads").split(","));
  private static final long WAIT_SECONDS = 60;

  public static void main(String[] args) {
    try {
      run();
    } catch (Throwable e) {
      // a failed run ends with its reason instead of hanging on the event loops' threads
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  private static void run() throws Exception {
    var out = Path.of("target", "bench");
    Files.createDirectories(out);
    var env = new HashMap<String, String>();
    env.put("LIANDONG_HTTP_PORT", "0");
    env.put("LIANDONG_HTTP_HOST", "127.0.0.1");
    env.put("LIANDONG_DATA_DIR", Files.createTempDirectory("liandong-bench-").toString());
    env.put("LIANDONG_DEMO", "true");
    env.put("LIANDONG_WS_MESSAGES_PER_SECOND", "1000");
    // -Dwritebatch=1: one write per transaction, each its own disk sync under its channels' locks
    // (the change log before group commit), to compare in the same conditions
    env.put("LIANDONG_WRITE_BATCH", String.valueOf(WRITE_BATCH));
    long t0 = System.nanoTime();
    var gc = new GcPauses();
    try (var server = Server.start(AppConfig.from(env))) {
      var http = new Rest(server.port());
      var token = http.call(HttpMethod.POST, "/api/session", null, new JsonObject().put("username", "demo-coordinator").put("password", "demo"))
          .getString("token");
      var results = new JsonObject().put("machine", machine()).put("at", Instant.now().toString()).put("writeBatch", WRITE_BATCH);
      // the instant the run began, on the server's clock: "as of" reads look back to it
      var startedAt = server.clock().instant();
      var fixtures = Fixtures.create(server.graph().driver(), CHANNELS);
      var commits = new Commits(server);
      var sample = out.resolve("sample-event.json");
      Files.writeString(sample, fixtures.sampleEvent(server, http, token).encode());
      var baseline = Baseline.start(sample);
      try {
        // a server answers warm: the JIT compiles Neo4j's and our hot paths over the first tens
        // of seconds of load, on the same two cores, so nothing below is measured cold
        log("warm-up (not measured): %d s of writes through the API and the raw driver, a short fan-out on both servers", 2 * WARM_UP);
        writePath(server, token, fixtures, WARM_UP, 0, 0);
        if (PARTS.contains("fanout")) {
          fanout("liandong", server.port(), token, fixtures.fan(), CLIENTS / 4, RATE, WARM_UP, null);
          fanout("baseline", baseline.port, null, fixtures.fan(), CLIENTS / 4, RATE, WARM_UP, null);
          log("fan-out: Liandong, %d clients over %d department channels, %d writes/s on one project for %d s", CLIENTS, CHANNELS, RATE, SECONDS);
          long mark = gc.mark();
          results.put("fanout", fanout("liandong", server.port(), token, fixtures.fan(), CLIENTS, RATE, SECONDS, null).put("gc", gc.since(mark)));
          log("fan-out: bare Vert.x baseline, same clients, channels, rate and frames");
          results.put("fanoutBaseline", fanout("baseline", baseline.port, null, fixtures.fan(), CLIENTS, RATE, SECONDS, null));
          log("commit-to-screen at 1000 clients and 100 writes/s");
          var receipts = out.resolve("receipts.txt");
          mark = gc.mark();
          var f1000 = fanout("liandong", server.port(), token, fixtures.fan(), 1000, 100, SECONDS, receipts);
          results.put("fanout1000", f1000.mergeIn(commits.toScreen(receipts)).put("gc", gc.since(mark)));
        }
        if (PARTS.contains("writes")) {
          log("write path: API vs raw driver at concurrency %d, both from the load generator's JVM", CONCURRENCY);
          long mark = gc.mark();
          results.put("writes", writePath(server, token, fixtures, 0, 5, 10).put("gc", gc.since(mark)));
        }
        if (PARTS.contains("hot")) {
          log("hot project: rising rates %s writes/s on one project, %d s each", java.util.Arrays.toString(RATES), STEP);
          long mark = gc.mark();
          results.put("hot", rates(server, token, fixtures.hot()).put("gc", gc.since(mark)));
          log("many projects: the same rates spread over %d projects", fixtures.projects());
          mark = gc.mark();
          results.put("many", rates(server, token, fixtures.many()).put("gc", gc.since(mark)));
        }
        results.put("refused", new JsonObject().put("project", server.graph().writes().refusedByLane())
            .put("node", server.graph().writes().refusedByNode()).put("transactions", server.graph().writes().transactions())
            .put("writes", server.graph().writes().writesRun()));
        if (PARTS.contains("memory")) {
          log("memory: %d idle authenticated sockets, Liandong vs baseline", IDLE);
          results.put("memory", new JsonObject()
              .put("liandong", idleMemory("liandong", server.port(), token, () -> selfMemory()))
              .put("baseline", idleMemory("baseline", baseline.port, null, baseline::memory)));
        }
        if (PARTS.contains("cluster")) {
          log("two nodes: a Neo4j server, Liandong nodes and nginx in processes of their own (the embedded server idles)");
          results.put("cluster", TwoNodes.run(CLIENTS / 2, RATE / 2, SECONDS, WARM_UP, CHANNELS));
        }
        if (PARTS.contains("reads")) {
          var admin = http.call(HttpMethod.POST, "/api/session", null, new JsonObject().put("username", "demo-admin").put("password", "demo"))
              .getString("token");
          var reads = new JsonObject();
          var sizes = new JsonArray();
          LargeGraph.Size previous = null;
          for (var size : SIZES) {
            log("read path: growing the graph to %s", size.text());
            LargeGraph.generate(server.graph().driver(), previous, size);
            // written past the server (no change log): the admin's rebuild reads the read model again
            var rebuilt = http.call(HttpMethod.POST, "/api/kpis/rebuild", admin, new JsonObject());
            log("  read model rebuilt: %d projects, %d departments; it had %s", rebuilt.getInteger("projects"), rebuilt.getInteger("departments"),
                rebuilt.getBoolean("equal") ? "equalled a recomputation" : "missed the generated graph in " + rebuilt.getJsonArray("differing").stream()
                    .map(d -> ((JsonObject) d).getString("figure")).toList());
            long mark = gc.mark();
            sizes.add(readsAt(http, token, size).put("gc", gc.since(mark)));
            if (previous == null) {
              reads.mergeIn(schedules(http, token));
              log("as of an instant: the KPIs rebuilt from the change log, a minute back and back to the run's start");
              reads.mergeIn(asOf(http, token, server, startedAt));
            }
            previous = size;
          }
          results.put("reads", reads.put("sizes", sizes));
        }
      } finally {
        baseline.stop();
      }
      results.put("collector", GcPauses.collector());
      results.put("seconds", (System.nanoTime() - t0) / 1_000_000_000L);
      Files.writeString(out.resolve("results.json"), results.encodePrettily());
      var table = Report.markdown(results);
      Files.writeString(out.resolve("benchmarks.md"), table);
      System.out.println();
      System.out.println(table);
    }
  }

  /** The write path in the load generator's JVM: the API and the raw driver, alternating rounds. */
  private static JsonObject writePath(Server server, String token, Fixtures fixtures, int warmup, int rounds, int seconds) throws Exception {
    var spec = new JsonObject().put("mode", "writes").put("port", server.port()).put("token", token)
        .put("concurrency", CONCURRENCY).put("rounds", rounds).put("seconds", (double) seconds).put("warmup", warmup)
        .put("api", new JsonArray(fixtures.path().subList(0, CONCURRENCY)))
        .put("raw", new JsonArray(fixtures.path().subList(CONCURRENCY, 2 * CONCURRENCY).stream().map(o -> o.getString("id")).toList()))
        .put("bolt", new JsonObject().put("uri", server.embedded().boltUri().toString()).put("user", org.liandong.storage.EmbeddedNeo4j.USER)
            .put("password", server.embedded().password()))
        .put("clockOffsetMs", server.clock().millis() - System.currentTimeMillis());
    return Generator.start(spec).finish();
  }

  private static JsonObject rates(Server server, String token, JsonArray obligations) throws Exception {
    var spec = new JsonObject().put("mode", "rate").put("port", server.port()).put("token", token)
        .put("obligations", obligations).put("rates", new JsonArray(java.util.Arrays.stream(RATES).boxed().toList())).put("seconds", STEP);
    return Generator.start(spec).finish();
  }

  /** Every wait of the benchmark has a timeout: a minute, then the run fails instead of hanging. */
  static <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future.await(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("no answer within " + WAIT_SECONDS + " s", e);
    }
  }

  static void log(String format, Object... args) {
    System.out.printf("[bench] " + format + "%n", args);
  }

  private static JsonObject fanout(String target, int port, String token, JsonArray obligations, int clients, int rate, int seconds,
                                   Path receipts) throws Exception {
    var channels = new JsonArray(obligations.stream().map(o -> ((JsonObject) o).getString("channel")).distinct().toList());
    var spec = new JsonObject().put("mode", "fanout").put("target", target).put("port", port).put("token", token)
        .put("clients", clients).put("channels", channels).put("rate", rate).put("seconds", seconds).put("obligations", obligations);
    if (receipts != null) spec.put("receiptsFile", receipts.toString());
    return Generator.start(spec).finish();
  }

  private static JsonObject idleMemory(String target, int port, String token, java.util.function.Supplier<long[]> measure) throws Exception {
    long[] before = measure.get();
    var spec = new JsonObject().put("mode", "idle").put("target", target).put("port", port).put("token", token).put("clients", IDLE);
    var generator = Generator.start(spec);
    var ready = generator.await("READY ");
    long[] after = measure.get();
    generator.release();
    long n = Long.parseLong(ready.trim());
    return new JsonObject().put("sockets", n)
        .put("rssPerSocketBytes", n == 0 ? null : (after[0] - before[0]) / n)
        .put("heapPerSocketBytes", n == 0 ? null : (after[1] - before[1]) / n);
  }

  /** This JVM's RSS and live heap (after a GC). */
  static long[] selfMemory() {
    System.gc();
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    System.gc();
    return new long[] {Rss.self(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()};
  }

  /**
   * The battle map's reads at one size of the graph, between changes and right after one (an
   * obligation of a generated project updated, untimed, before each timed request): the KPIs, the
   * battle map's list, the whole project list, the bottlenecks, and the obligation lists by project and by department.
   */
  private static JsonObject readsAt(Rest http, String token, LargeGraph.Size size) {
    var out = new JsonObject().put("projects", size.projects()).put("obligations", size.obligations()).put("departments", size.departments());
    // a change the figures show: the obligation's due date moves past and back (overdue and not, late on
    // its critical path and not), so the project's light, its department's row and the ranking move too
    var today = java.time.LocalDate.now();
    java.util.function.IntConsumer change = i -> {
      var id = "bench-p" + (i % 50) + "-o1";
      var version = http.call(HttpMethod.GET, "/api/obligations/" + id, token, null).getLong("version");
      http.call(HttpMethod.PATCH, "/api/obligations/" + id, token, new JsonObject().put("version", version)
          .put("dueOn", today.plusDays(i % 2 == 0 ? -3 : 30).toString()).put("confirmed", true));   // late on purpose
    };
    java.util.function.IntConsumer none = i -> {};
    // the whole list answers every project: fewer samples (40, as the issue measured)
    int lists = Math.max(20, SAMPLES / 5);
    out.put("kpis", time(SAMPLES, none, i -> http.call(HttpMethod.GET, "/api/kpis?year=2023", token, null)));
    out.put("kpisAfterChange", time(SAMPLES, change, i -> http.call(HttpMethod.GET, "/api/kpis?year=2023", token, null)));
    // what the battle map asks: the lights counted and the first 100 in the order of attention
    out.put("battleMap", time(SAMPLES, none, i -> http.call(HttpMethod.GET, "/api/battle-map?limit=100", token, null)));
    out.put("battleMapAfterChange", time(SAMPLES, change, i -> http.call(HttpMethod.GET, "/api/battle-map?limit=100", token, null)));
    out.put("projectList", time(lists, 5, none, i -> http.call(HttpMethod.GET, "/api/projects", token, null)));
    out.put("projectListAfterChange", time(lists, 5, change, i -> http.call(HttpMethod.GET, "/api/projects", token, null)));
    out.put("bottlenecks", time(SAMPLES, none, i -> http.call(HttpMethod.GET, "/api/bottlenecks", token, null)));
    out.put("bottlenecksAfterChange", time(SAMPLES, change, i -> http.call(HttpMethod.GET, "/api/bottlenecks", token, null)));
    // what the battle map asks: the top of the ranking (the full one lists every department with late work)
    out.put("bottlenecksTop", time(SAMPLES, none, i -> http.call(HttpMethod.GET, "/api/bottlenecks?limit=10", token, null)));
    out.put("bottlenecksTopAfterChange", time(SAMPLES, change, i -> http.call(HttpMethod.GET, "/api/bottlenecks?limit=10", token, null)));
    out.put("obligationsByProject", time(SAMPLES, none,
        i -> http.call(HttpMethod.GET, "/api/obligations?project=bench-" + (i * 37 % size.projects()), token, null)));
    out.put("obligationsByDepartment", time(SAMPLES, none,
        i -> http.call(HttpMethod.GET, "/api/obligations?department=bench-d" + (i * 13 % size.departments()), token, null)));
    return out;
  }

  /** The rows measured at the first size only: the schedules (50 and 500 obligations). */
  private static JsonObject schedules(Rest http, String token) {
    var projects = http.call(HttpMethod.GET, "/api/projects?level=city", token, null).getJsonArray("array");
    var ids = projects.stream().map(p -> ((JsonObject) p).getString("id")).filter(id -> id.startsWith("bench-")).limit(50).toList();
    var out = new JsonObject();
    out.put("schedule", time(SAMPLES, i -> {}, i -> http.call(HttpMethod.GET, "/api/projects/" + ids.get(i % ids.size()) + "/schedule", token, null)));
    out.put("schedule500", time(SAMPLES, i -> {}, i -> http.call(HttpMethod.GET, "/api/projects/bench-big/schedule", token, null)));
    return out;
  }

  /**
   * The KPIs as of an instant (Graph.asOf: the changes since undone in a rolled-back transaction,
   * then the same queries): its cost grows with the changes since, so it is read a minute back
   * (few) and back to the run's start (every write of the write section), beside the figures now.
   */
  private static JsonObject asOf(Rest http, String token, Server server, Instant startedAt) {
    var minuteAgo = server.clock().instant().minusSeconds(60);
    var out = new JsonObject();
    for (var at : java.util.List.of(java.util.Map.entry("kpisAsOfMinute", minuteAgo), java.util.Map.entry("kpisAsOfStart", startedAt))) {
      var text = java.net.URLEncoder.encode(java.time.OffsetDateTime.ofInstant(at.getValue(), java.time.ZoneOffset.UTC)
          .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME), StandardCharsets.UTF_8);
      long changes = server.graph().query("MATCH (c:Change) WHERE c.at > $t AND c.entity IN ['Project', 'Obligation'] RETURN count(c) AS n",
          java.util.Map.of("t", java.time.ZonedDateTime.ofInstant(at.getValue(), java.time.ZoneOffset.UTC))).await().get(0).get("n").asLong();
      // each undoes every change since (thousands after the write sections) and takes seconds on the
      // large graph: a tenth of the samples, at least 20, after 2 warm ones
      out.put(at.getKey(), time(Math.max(20, SAMPLES / 10), 2, i -> {}, i -> http.call(HttpMethod.GET, "/api/kpis?year=2023&asOf=" + text, token, null))
          .put("changesSince", changes));
    }
    return out;
  }

  /** n timed requests, each after an untimed setup step, after 20 untimed ones (the warm-up). */
  private static JsonObject time(int n, java.util.function.IntConsumer setup, java.util.function.IntConsumer request) {
    return time(n, 20, setup, request);
  }

  private static JsonObject time(int n, int warm, java.util.function.IntConsumer setup, java.util.function.IntConsumer request) {
    for (int i = 0; i < warm; i++) request.accept(i);
    var h = new Histogram(TimeUnit.SECONDS.toNanos(120), 3);
    for (int i = 0; i < n; i++) {
      setup.accept(i);
      long t = System.nanoTime();
      request.accept(i);
      h.recordValue(System.nanoTime() - t);
    }
    return new JsonObject().put("requests", n).put("p50ms", h.getValueAtPercentile(50) / 1e6).put("p99ms", h.getValueAtPercentile(99) / 1e6);
  }

  private static JsonObject machine() {
    return new JsonObject().put("cores", Runtime.getRuntime().availableProcessors())
        .put("java", System.getProperty("java.version")).put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"))
        .put("maxHeapMb", Runtime.getRuntime().maxMemory() / 1024 / 1024);
  }

  /** The baseline server in a JVM of its own. */
  static final class Baseline {
    final Process process;
    final int port;

    private Baseline(Process process, int port) {
      this.process = process;
      this.port = port;
    }

    static Baseline start(Path sample) throws Exception {
      var process = Generator.java(BaselineServer.class.getName(), sample.toString()).start();
      var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null && !line.startsWith("PORT ")) { /* skip */ }
      // keep reading what it says, so a full pipe never stops it
      Thread.ofPlatform().daemon().start(() -> {
        try {
          while (reader.readLine() != null) { /* drain */ }
        } catch (java.io.IOException ignored) {
          // it ended
        }
      });
      if (line == null) throw new IllegalStateException("the baseline server did not start");
      return new Baseline(process, Integer.parseInt(line.substring(5).trim()));
    }

    long[] memory() {
      var vertx = Vertx.vertx();
      try {
        var stats = await(vertx.createHttpClient().request(HttpMethod.GET, port, "127.0.0.1", "/stats")
            .compose(r -> r.send()).compose(r -> r.body())).toJsonObject();
        return new long[] {Rss.of(String.valueOf(process.pid())), stats.getLong("heap")};
      } finally {
        vertx.close();
      }
    }

    void stop() {
      process.destroy();
    }
  }
}
