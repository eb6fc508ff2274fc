package org.liandong.reach;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.liandong.domain.NoticeKind;
import org.liandong.storage.Graph;
import org.liandong.support.Json;
import org.neo4j.driver.Record;

/** 签收 in the graph: the receipt key, the receipts of deliveries and notices, a 督办's receipts. */
final class ReceiptRepository {
  private final Graph graph;

  ReceiptRepository(Graph graph) {
    this.graph = graph;
  }

  /** The receipt key every node signs with: made by the first node to start, read by the others. */
  Future<byte[]> key(byte[] fresh) {
    return graph.write(tx -> tx.first(ReceiptCypher.KEY, Map.of("key", Base64.getEncoder().encodeToString(fresh))))
        .map(row -> Base64.getDecoder().decode(row.orElseThrow().get("key").asString()));
  }

  /** What a receipt found: whether it was acknowledged already (the link spent), and the receipt. */
  record Found(boolean spent, JsonObject receipt) {}

  Future<Optional<Found>> open(String deliveryId) {
    return byDelivery(ReceiptCypher.OPEN, deliveryId);
  }

  Future<Optional<Found>> acknowledge(String deliveryId) {
    return byDelivery(ReceiptCypher.ACKNOWLEDGE, deliveryId);
  }

  private Future<Optional<Found>> byDelivery(String cypher, String deliveryId) {
    return graph.write(tx -> tx.first(cypher, Map.of("id", deliveryId, "kinds", NoticeKind.acknowledgedKinds())))
        .map(row -> row.map(ReceiptRepository::found));
  }

  /** 签收 of one's own notice in the app; {@code spent} here says the notice is not of a kind that asks for it. */
  Future<Optional<Found>> acknowledgeOwn(String noticeId, String userId) {
    return graph.write(tx -> tx.first(ReceiptCypher.ACKNOWLEDGE_OWN, Map.of("id", noticeId, "userId", userId,
            "kinds", NoticeKind.acknowledgedKinds())))
        .map(row -> row.map(r -> new Found(!r.get("asks").asBoolean(), Json.object(r.get("receipt").asMap()))));
  }

  /** Each person's receipt of a 督办; empty when there is no such 督办. */
  Future<Optional<JsonArray>> ofSupervision(String id) {
    return graph.query(ReceiptCypher.SUPERVISION_EXISTS, Map.of("id", id)).compose(exists -> exists.isEmpty()
        ? Future.succeededFuture(Optional.empty())
        : graph.query(ReceiptCypher.OF_SUPERVISION, Map.of("id", id))
            .map(rows -> Optional.of(new JsonArray(rows.stream().map(r -> Json.object(r.get("receipt").asMap())).toList()))));
  }

  private static Found found(Record r) {
    return new Found(r.get("spent").asBoolean(), Json.object(r.get("receipt").asMap()));
  }
}
