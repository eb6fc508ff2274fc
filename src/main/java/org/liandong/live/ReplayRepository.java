package org.liandong.live;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.liandong.storage.Graph;
import org.neo4j.driver.Record;

/** Reads a channel's committed events back from the (:Change) log. */
final class ReplayRepository {
  private final Graph graph;

  ReplayRepository(Graph graph) {
    this.graph = graph;
  }

  /** Where a channel stands: its last seq, and its epoch (null until something is written to it). */
  record Position(long seq, String epoch) {}

  Future<Position> current(String channel) {
    return graph.query(LiveCypher.CURRENT_SEQ, Map.of("name", channel))
        .map(rows -> new Position(rows.get(0).get("seq").asLong(), rows.get(0).get("epoch").asString(null)));
  }

  /** Events with after < seq <= upTo, in order. */
  Future<List<JsonObject>> between(String channel, long after, long upTo) {
    if (upTo <= after) return Future.succeededFuture(List.of());
    return graph.query(LiveCypher.EVENTS_AFTER, Map.of("name", channel, "after", after, "upTo", upTo))
        .map(rows -> rows.stream().map(r -> event(channel, r)).toList());
  }

  private static JsonObject event(String channel, Record r) {
    return LiveEvent.json(channel, r.get("seq").asLong(), r.get("epoch").asString(null), r.get("type").asString(), r.get("at").asString(),
        r.get("actor").asString(), r.get("actorName").asString(null), r.get("entity").asString(null), r.get("entityId").asString(null),
        r.get("projectId").asString(null), json(r.get("before").asString(null)), json(r.get("after").asString(null)));
  }

  private static JsonObject json(String text) {
    return text == null ? null : new JsonObject(text);
  }
}
