package org.liandong.storage;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.liandong.support.Addresses;

/**
 * In a cluster, tells every other node what this one committed, so that their caches of the
 * graph ({@link Graph#onCommitAnywhere}) forget what changed at once instead of after their
 * freshness runs out. The live channels do not need it: their events go on the bus themselves.
 */
public final class CommitRelay {
  private final Vertx vertx;
  private final String node;

  private CommitRelay(Vertx vertx, String node) {
    this.vertx = vertx;
    this.node = node;
  }

  public static void start(Vertx vertx, Graph graph, String node) {
    var relay = new CommitRelay(vertx, node);
    graph.onCommit(relay::send);
    vertx.eventBus().<JsonObject>consumer(Addresses.COMMITTED, msg -> {
      if (!node.equals(msg.body().getString("node"))) graph.committedElsewhere(decode(msg.body().getJsonArray("changes")));
    });
  }

  private void send(List<Change> changes) {
    var list = new JsonArray();
    for (var c : changes) {
      list.add(new JsonObject().put("id", c.id()).put("at", c.at()).put("actor", c.actor()).put("actorName", c.actorName()).put("type", c.type())
          .put("entity", c.entity()).put("entityId", c.entityId()).put("projectId", c.projectId())
          .put("before", c.before()).put("after", c.after())
          .put("seqs", new JsonObject(new HashMap<>(c.seqs()))).put("epochs", new JsonObject(new HashMap<>(c.epochs()))));
    }
    vertx.eventBus().publish(Addresses.COMMITTED, new JsonObject().put("node", node).put("changes", list));
  }

  static List<Change> decode(JsonArray list) {
    return list.stream().map(o -> (JsonObject) o).map(c -> {
      Map<String, Long> seqs = new HashMap<>();
      c.getJsonObject("seqs").forEach(e -> seqs.put(e.getKey(), ((Number) e.getValue()).longValue()));
      Map<String, String> epochs = new HashMap<>();
      c.getJsonObject("epochs").forEach(e -> epochs.put(e.getKey(), (String) e.getValue()));
      return new Change(c.getString("id"), c.getString("at"), c.getString("actor"), c.getString("actorName"), c.getString("type"), c.getString("entity"),
          c.getString("entityId"), c.getString("projectId"), c.getJsonObject("before"), c.getJsonObject("after"), seqs, epochs);
    }).toList();
  }
}
