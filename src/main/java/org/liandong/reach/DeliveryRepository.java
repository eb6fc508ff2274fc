package org.liandong.reach;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.liandong.storage.Fence;
import org.liandong.storage.Graph;
import org.liandong.support.Json;

/** The outbox in the graph, read as typed records and JSON views. */
final class DeliveryRepository {
  private final Graph graph;

  DeliveryRepository(Graph graph) {
    this.graph = graph;
  }

  /** A test message to the person by each channel they can be reached by; empty when they asked less than a minute ago. */
  Future<Optional<List<String>>> test(String userId) {
    return graph.write(tx -> tx.first(DeliveryCypher.TEST, Map.of("userId", userId)))
        .map(row -> row.filter(r -> !r.get("channels").isNull()).map(r -> r.get("channels").asList(org.neo4j.driver.Value::asString)));
  }

  /** Today's digests, written once a day through the fence: how many. */
  Future<Integer> digests(Fence fence, java.time.LocalDate today, java.time.ZonedDateTime since, java.time.LocalDate horizon, List<String> low) {
    return graph.write(fence.guard(tx -> tx.first(DeliveryCypher.DIGEST, Map.of("today", today, "since", since, "horizon", horizon, "low", low))))
        .map(row -> row.map(r -> r.get("written").asInt()).orElse(0));
  }

  Future<Void> channels(List<String> channels) {
    return graph.write(tx -> tx.run(DeliveryCypher.CHANNELS, Map.of("channels", channels))).mapEmpty();
  }

  /** The deliveries due, claimed for {@code holdSeconds} through the fence. */
  Future<List<Outgoing>> claim(Fence fence, int batch, long holdSeconds) {
    return graph.write(fence.guard(tx -> tx.list(DeliveryCypher.CLAIM, Map.of("batch", batch, "hold", holdSeconds))))
        .map(rows -> rows.stream().map(r -> new Outgoing(r.get("delivery").get("id").asString(), r.get("delivery").get("channel").asString(),
            r.get("delivery").get("kind").asString(null), r.get("delivery").get("attempts").asLong(), r.get("notice").asMap(),
            r.get("person").isNull() ? null : r.get("person").asMap(), r.get("robot").isNull() ? null : r.get("robot").asMap())).toList());
  }

  /** What came of a batch, through the fence, in one write: those tried, and those held back for the quiet hours. */
  Future<Void> record(Fence fence, List<Outcome> outcomes, List<Deferred> deferred, int maxAttempts) {
    var sent = outcomes.stream().filter(Outcome::sent).map(Outcome::row).toList();
    var failed = outcomes.stream().filter(o -> !o.sent()).map(Outcome::row).toList();
    var held = deferred.stream().map(Deferred::row).toList();
    return graph.write(fence.guard(tx -> tx.run(DeliveryCypher.SENT, Map.of("sent", sent))
        .compose(s -> tx.run(DeliveryCypher.FAILED, Map.of("failed", failed, "max", maxAttempts)))
        .compose(f -> tx.run(DeliveryCypher.DEFERRED, Map.of("deferred", held))))).mapEmpty();
  }

  Future<JsonObject> list(String status, int limit) {
    var params = new HashMap<String, Object>();
    params.put("status", status);
    params.put("limit", limit);
    return graph.query(DeliveryCypher.LIST, params).compose(rows -> graph.query(DeliveryCypher.COUNTS, Map.of()).map(counts -> {
      var byStatus = new JsonObject().put("pending", 0L).put("sent", 0L).put("failed", 0L);
      counts.forEach(c -> byStatus.put(c.get("status").asString(), c.get("count").asLong()));
      return new JsonObject().put("counts", byStatus)
          .put("items", new JsonArray(rows.stream().map(r -> Json.object(r.get("delivery").asMap())).toList()));
    }));
  }

  /** A delivery as it was ({@code was}) and as it is after a retry (pending again, only if it had failed). */
  record Retried(String was, JsonObject delivery) {}

  Future<Optional<Retried>> retry(String id) {
    return graph.write(tx -> tx.first(DeliveryCypher.RETRY, Map.of("id", id)))
        .map(row -> row.map(r -> new Retried(r.get("was").asString(), Json.object(r.get("delivery").asMap()))));
  }
}
