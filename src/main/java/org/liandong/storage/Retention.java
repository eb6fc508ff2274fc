package org.liandong.storage;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * Deletes what has outlived its retention (README: change records, idempotency keys, console
 * audit, expired sessions), in batches, every so often. A change still within any of its
 * channels' replay windows is kept whatever its age, so a returning client's replay stays
 * exact. Its timer is an {@link org.liandong.support.Every} (one node of a cluster sweeps each
 * round); were two to, each batch deletes what it finds.
 */
public final class Retention {
  private static final int BATCH = 5_000;

  /** One kind of record and the statement that deletes a batch of it older than $cutoff. */
  public record Rule(String what, String cypher, Duration keep) {}

  static final String CHANGES = """
      MATCH (c:Change) WHERE c.at < $cutoff
        AND NOT EXISTS { (c)-[r:IN]->(ch:Channel) WHERE r.seq > ch.seq - $window }
      WITH c LIMIT $batch
      DETACH DELETE c
      RETURN count(*) AS deleted
      """;

  static final String IDEMPOTENCY_KEYS = """
      MATCH (k:IdempotencyKey) WHERE k.takenAt < $cutoff
      WITH k LIMIT $batch
      DELETE k
      RETURN count(*) AS deleted
      """;

  /** The log's own records: changes (the replay window kept) and idempotency keys. */
  public static List<Rule> storage(Duration changes, Duration keys) {
    return List.of(new Rule("change records", CHANGES, changes), new Rule("idempotency keys", IDEMPOTENCY_KEYS, keys));
  }

  private final Graph graph;
  private final List<Rule> rules;
  private final int window;
  private final Clock clock;

  public Retention(Graph graph, List<Rule> rules, int replayWindow, Clock clock) {
    this.graph = graph;
    this.rules = rules;
    this.window = replayWindow;
    this.clock = clock;
  }

  /** One pass over every rule; resolves to how many records went. For the timer and the tests. */
  public Future<Integer> sweep() {
    return sweep(Fence.NONE);
  }

  /** One sweep, every write through the timer's fence. */
  public Future<Integer> sweep(Fence fence) {
    Future<Long> chain = Future.succeededFuture(0L);
    for (var rule : rules) chain = chain.compose(n -> drain(rule, fence, 0).map(d -> n + d));
    return chain.map(Long::intValue);
  }

  private Future<Long> drain(Rule rule, Fence fence, long so) {
    var cutoff = ZonedDateTime.now(clock).minus(rule.keep());
    return graph.write(fence.guard(tx -> tx.first(rule.cypher(), Map.of("cutoff", cutoff, "batch", BATCH, "window", window))))
        .map(row -> row.map(r -> r.get("deleted").asLong()).orElse(0L))
        .compose(deleted -> deleted < BATCH ? Future.succeededFuture(so + deleted) : drain(rule, fence, so + deleted));
  }
}
