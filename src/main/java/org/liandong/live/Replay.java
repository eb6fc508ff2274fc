package org.liandong.live;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.liandong.storage.Graph;
import org.neo4j.driver.Record;

/** Reads a channel's committed events back from the (:Change) log. */
final class Replay {
  private final Graph graph;

  Replay(Graph graph) {
    this.graph = graph;
  }

  Future<Long> currentSeq(String channel) {
    return graph.query(LiveCypher.CURRENT_SEQ, Map.of("name", channel)).map(rows -> rows.get(0).get("seq").asLong());
  }

  /** Events with after < seq <= upTo, in order. */
  Future<List<JsonObject>> between(String channel, long after, long upTo) {
    if (upTo <= after) return Future.succeededFuture(List.of());
    return graph.query(LiveCypher.EVENTS_AFTER, Map.of("name", channel, "after", after, "upTo", upTo))
        .map(rows -> rows.stream().map(r -> event(channel, r)).toList());
  }

  private static JsonObject event(String channel, Record r) {
    return new JsonObject()
        .put("channel", channel)
        .put("seq", r.get("seq").asLong())
        .put("type", r.get("type").asString())
        .put("at", r.get("at").asString())
        .put("actor", r.get("actor").asString())
        .put("data", new JsonObject()
            .put("entity", r.get("entity").asString(null))
            .put("entityId", r.get("entityId").asString(null))
            .put("projectId", r.get("projectId").asString(null))
            .put("before", json(r.get("before").asString(null)))
            .put("after", json(r.get("after").asString(null))));
  }

  private static JsonObject json(String text) {
    return text == null ? null : new JsonObject(text);
  }
}
