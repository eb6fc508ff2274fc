package org.liandong.bench;

import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.liandong.Server;
import org.liandong.obligations.RawObligationWrite;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.async.AsyncSession;

/**
 * Obligation updates per second through the API at concurrency C, against the raw async driver
 * running the same Cypher the API runs (lock and read with the owner, update and show, the
 * change-log statement) in one managed transaction at the same concurrency. Each worker owns
 * one obligation, so nothing conflicts; every update is recorded on the same project's and
 * department's channels, as in a busy project.
 */
final class WritePath {
  private final List<String> ids;
  private final int concurrency;
  private final java.util.function.IntFunction<Worker> api;
  private final java.util.function.IntFunction<Worker> raw;

  private WritePath(HttpClient http, Server server, String token, int concurrency) {
    this.concurrency = concurrency;
    var created = new ArrayList<String>();
    for (int i = 0; i < concurrency * 2; i++) {
      created.add(Benchmark.call(http, HttpMethod.POST, "/api/obligations", token, new JsonObject().put("projectId", "p-n7")
          .put("departmentId", "d-zj-housing").put("title", "基准写入 " + i).put("track", "permits")
          .put("dueOn", LocalDate.now().plusDays(30).toString())).getString("id"));
    }
    this.ids = List.copyOf(created);
    var versions = new long[concurrency];
    java.util.Arrays.fill(versions, 1);
    this.api = worker -> {
      var id = ids.get(worker);
      return n -> {
        var r = Benchmark.call(http, HttpMethod.PATCH, "/api/obligations/" + id, token,
            new JsonObject().put("version", versions[worker]).put("note", "api " + n));
        versions[worker] = r.getLong("version");
      };
    };
    var driver = server.graph().driver();
    this.raw = worker -> {
      var id = ids.get(concurrency + worker);
      return n -> {
        var session = driver.session(AsyncSession.class, SessionConfig.builder().withDefaultAccessMode(AccessMode.WRITE).build());
        try {
          var now = java.time.ZonedDateTime.now(server.clock().withZone(java.time.ZoneOffset.UTC)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
          session.executeWriteAsync(tx -> RawObligationWrite.note(tx, id, "raw " + n, now)).toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        } finally {
          session.closeAsync();
        }
      };
    };
  }

  /** Creates the obligations the workers update: one per worker on each side. */
  static WritePath prepare(HttpClient http, Server server, String token, int concurrency) {
    return new WritePath(http, server, token, concurrency);
  }

  /** Both sides, unmeasured. */
  void warmUp(int seconds) {
    new Tally().add(concurrency, seconds, api);
    new Tally().add(concurrency, seconds, raw);
  }

  /**
   * Measures both sides in alternating rounds, so a JIT still warming or a neighbour's burst of
   * work on these shared cores weighs on both alike.
   */
  JsonObject run(int seconds) {
    var apiTally = new Tally();
    var rawTally = new Tally();
    int rounds = Math.max(1, seconds / 2);
    for (int r = 0; r < rounds; r++) {
      apiTally.add(concurrency, (double) seconds / rounds, api);
      rawTally.add(concurrency, (double) seconds / rounds, raw);
    }
    return new JsonObject().put("concurrency", concurrency).put("api", apiTally.json()).put("rawDriver", rawTally.json());
  }

  interface Worker {
    void write(long n);
  }

  /** Writes done, errors, latencies and time spent, over one or more rounds. */
  private static final class Tally {
    final ConcurrentHistogram histogram = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
    final AtomicLong count = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    double elapsed;

    void add(int concurrency, double seconds, java.util.function.IntFunction<Worker> workers) {
      var stop = new AtomicBoolean();
      var threads = new ArrayList<CompletableFuture<Void>>();
      long t0 = System.nanoTime();
      for (int w = 0; w < concurrency; w++) {
        var worker = workers.apply(w);
        threads.add(CompletableFuture.runAsync(() -> {
          long n = 0;
          while (!stop.get()) {
            long t = System.nanoTime();
            try {
              worker.write(n++);
              histogram.recordValue(System.nanoTime() - t);
              count.incrementAndGet();
            } catch (RuntimeException e) {
              errors.incrementAndGet();
            }
          }
        }, java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()));
      }
      try {
        Thread.sleep((long) (seconds * 1000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      stop.set(true);
      threads.forEach(CompletableFuture::join);
      elapsed += (System.nanoTime() - t0) / 1e9;
    }

    JsonObject json() {
      return new JsonObject().put("perSecond", count.get() / elapsed).put("p50ms", histogram.getValueAtPercentile(50) / 1e6)
          .put("p99ms", histogram.getValueAtPercentile(99) / 1e6).put("errors", errors.get());
    }
  }
}
