package org.liandong.bench;

import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.liandong.Server;
import org.liandong.storage.ChangeLog;
import org.liandong.support.Json;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.async.AsyncSession;

/**
 * Obligation updates per second through the API at concurrency C, against the raw async driver
 * running the same statements (lock and read, update, the very change-log statement) at the
 * same concurrency.
 * Each worker owns one obligation, so nothing conflicts.
 */
final class WritePath {
  private WritePath() {}

  static final String LOCK = "MATCH (n:Obligation {id: $id}) SET n._lock = true WITH n REMOVE n._lock RETURN n {.*} AS n";
  static final String UPDATE = """
      MATCH (o:Obligation {id: $id})
      SET o += $changes, o.version = o.version + 1, o.updatedAt = datetime()
      RETURN o {.*} AS o
      """;

  static JsonObject run(HttpClient http, Server server, String token, int concurrency, int seconds) throws Exception {
    var ids = new ArrayList<String>();
    for (int i = 0; i < concurrency * 2; i++) {
      ids.add(Benchmark.call(http, HttpMethod.POST, "/api/obligations", token, new JsonObject().put("projectId", "p-n7")
          .put("departmentId", "d-zj-housing").put("title", "基准写入 " + i).put("track", "permits")
          .put("dueOn", LocalDate.now().plusDays(30).toString())).getString("id"));
    }
    var api = measure(concurrency, seconds, worker -> {
      var id = ids.get(worker);
      long[] version = {1};
      return n -> {
        var r = Benchmark.call(http, HttpMethod.PATCH, "/api/obligations/" + id, token,
            new JsonObject().put("version", version[0]).put("note", "api " + n));
        version[0] = r.getLong("version");
      };
    });
    var driver = server.graph().driver();
    var raw = measure(concurrency, seconds, worker -> {
      var id = ids.get(concurrency + worker);
      return n -> {
        var session = driver.session(AsyncSession.class, SessionConfig.builder().withDefaultAccessMode(AccessMode.WRITE).build());
        try {
          session.executeWriteAsync(tx -> tx.runAsync(LOCK, Map.of("id", id)).thenCompose(c -> c.singleAsync())
              .thenCompose(before -> tx.runAsync(UPDATE, Map.of("id", id, "changes", Map.of("note", "raw " + n))).thenCompose(c -> c.singleAsync())
                  .thenCompose(after -> tx.runAsync(ChangeLog.RECORD, record(id, before.get("n").asMap(), after.get("o").asMap()))
                      .thenCompose(c -> c.consumeAsync()))))
              .toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        } finally {
          session.closeAsync();
        }
      };
    });
    return new JsonObject().put("concurrency", concurrency).put("api", api).put("rawDriver", raw);
  }

  private static Map<String, Object> record(String id, Map<String, Object> before, Map<String, Object> after) {
    var params = new java.util.HashMap<String, Object>();
    params.put("id", UUID.randomUUID().toString());
    params.put("actor", "bench");
    params.put("type", "obligation.updated");
    params.put("entity", "Obligation");
    params.put("entityId", id);
    params.put("projectId", "p-n7");
    params.put("before", Json.object(before).encode());
    params.put("after", Json.object(after).encode());
    params.put("channels", List.of("project:p-n7", "department:d-zj-housing"));
    return params;
  }

  interface Worker {
    void write(long n);
  }

  private static JsonObject measure(int concurrency, int seconds, java.util.function.IntFunction<Worker> workers) {
    var histogram = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
    var count = new AtomicLong();
    var errors = new AtomicLong();
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
      Thread.sleep(seconds * 1000L);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stop.set(true);
    threads.forEach(CompletableFuture::join);
    double elapsed = (System.nanoTime() - t0) / 1e9;
    return new JsonObject().put("perSecond", count.get() / elapsed).put("p50ms", histogram.getValueAtPercentile(50) / 1e6)
        .put("p99ms", histogram.getValueAtPercentile(99) / 1e6).put("errors", errors.get());
  }
}
