package org.liandong.storage;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * Which node runs a timer's round, decided in Neo4j (as neo4j-migrations keeps its lock in the
 * database), not by a Hazelcast lock, which does not stay exclusive across a partition or a
 * paused member. A lease is a node {@code (:Lease {name})} with its holder, the round it was
 * claimed for, how long it lasts and a fencing token raised by each claim. A claim succeeds for a
 * round not yet claimed when the last lease has ended or was released; the sweep then writes
 * through {@link Fence#guard}, so a holder that outlived its lease asleep writes nothing.
 */
public final class Leases {
  static final String CLAIM = """
      MERGE (l:Lease {name: $name})
      WITH l WHERE coalesce(l.round, -1) < $round AND (l.until IS NULL OR l.until <= $at)
      SET l.round = $round, l.holder = $holder, l.claimedAt = $at, l.until = $until, l.token = coalesce(l.token, 0) + 1
      RETURN l.token AS token
      """;

  static final String RELEASE = """
      MATCH (l:Lease {name: $name}) WHERE l.token = $token AND l.until > $at
      SET l.until = $at
      """;

  private final Graph graph;
  private final Clock clock;
  private final String holder;

  /** {@code holder} names this node in the lease (for whoever reads the graph). */
  public Leases(Graph graph, Clock clock, String holder) {
    this.graph = graph;
    this.clock = clock;
    this.holder = holder;
  }

  /**
   * Claims the round of {@code name} that now falls in (rounds of {@code interval}, by this
   * node's clock), for at most {@code length}: the fence to write through, or empty when the round
   * is another node's or the last lease still runs.
   */
  public Future<Optional<Fence>> claim(String name, Duration interval, Duration length) {
    var at = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC));
    long round = clock.millis() / Math.max(1, interval.toMillis());
    var params = Map.<String, Object>of("name", name, "round", round, "holder", holder, "at", at, "until", at.plus(length));
    return graph.write(tx -> tx.first(CLAIM, params))
        .map(row -> row.map(r -> new Fence(name, r.get("token").asLong())));
  }

  /** Ends the lease early once its work is done, if it is still this fence's (the round stays claimed). */
  public Future<Void> release(Fence fence) {
    if (fence == Fence.NONE) return Future.succeededFuture();
    var at = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC));
    return graph.write(tx -> tx.run(RELEASE, Map.of("name", fence.name(), "token", fence.token(), "at", at))).mapEmpty();
  }
}
