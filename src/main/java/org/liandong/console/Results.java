package org.liandong.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.liandong.support.Json;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;

/** Query results as JSON, gathering the nodes and relationships they hold for the graph view. */
final class Results {
  final Map<String, JsonObject> nodes = new LinkedHashMap<>();
  final Map<String, JsonObject> relationships = new LinkedHashMap<>();

  Object value(Value v) {
    return switch (v.type().name()) {
      case "NODE" -> node(v.asNode());
      case "RELATIONSHIP" -> relationship(v.asRelationship());
      case "PATH" -> path(v.asPath());
      case "LIST" -> new JsonArray(v.asList(this::value));
      case "MAP" -> {
        var out = new JsonObject();
        v.keys().forEach(k -> out.put(k, value(v.get(k))));
        yield out;
      }
      case "NULL" -> null;
      default -> Json.value(v.asObject());
    };
  }

  /**
   * A node outside the domain graph (a session, an audit entry, a channel…) that an unnamed
   * pattern reached is shown only as hidden; a domain node shows only the properties the
   * console may read (never a password hash).
   */
  private JsonObject node(Node n) {
    var labels = list(n.labels());
    if (labels.isEmpty() || !labels.stream().allMatch(Reach::label)) {
      return new JsonObject().put("_type", "node").put("id", n.elementId()).put("labels", new JsonArray()).put("hidden", true);
    }
    var allowed = new java.util.HashSet<String>();
    labels.forEach(l -> allowed.addAll(Reach.LABELS.get(l)));
    var json = new JsonObject().put("_type", "node").put("id", n.elementId()).put("labels", new JsonArray(labels))
        .put("properties", properties(n.asMap(), allowed));
    nodes.putIfAbsent(n.elementId(), json);
    return json;
  }

  private JsonObject relationship(Relationship r) {
    var allowed = Reach.TYPES.containsKey(r.type()) ? Reach.TYPES.get(r.type()) : Reach.SHARED_TYPES.get(r.type());
    if (allowed == null) {
      return new JsonObject().put("_type", "relationship").put("id", r.elementId()).put("hidden", true);
    }
    var json = new JsonObject().put("_type", "relationship").put("id", r.elementId()).put("type", r.type())
        .put("start", r.startNodeElementId()).put("end", r.endNodeElementId()).put("properties", properties(r.asMap(), allowed));
    relationships.putIfAbsent(r.elementId(), json);
    return json;
  }

  private JsonObject path(Path p) {
    var nodesOut = new JsonArray();
    var relsOut = new JsonArray();
    p.nodes().forEach(n -> nodesOut.add(node(n)));
    p.relationships().forEach(r -> relsOut.add(relationship(r)));
    return new JsonObject().put("_type", "path").put("nodes", nodesOut).put("relationships", relsOut);
  }

  private static JsonObject properties(Map<String, Object> map, java.util.Set<String> allowed) {
    var out = new JsonObject();
    new java.util.TreeMap<>(map).forEach((k, v) -> {
      if (allowed.contains(k)) out.put(k, Json.value(v));
    });
    return out;
  }

  /** About how many bytes a value takes in the answer, for the console's size cap. */
  static long size(Value v) {
    return switch (v.type().name()) {
      case "STRING" -> 2L + v.asString().length() * 3L;
      case "LIST" -> 2 + 8L * v.size() + sum(v.values());
      case "MAP" -> 2 + sum(v.values()) + 16L * v.size();
      case "NODE" -> 64 + sum(v.asNode().values()) + 16L * v.asNode().size();
      case "RELATIONSHIP" -> 64 + sum(v.asRelationship().values()) + 16L * v.asRelationship().size();
      case "PATH" -> 64L * v.asPath().length() + 64;
      default -> 16;
    };
  }

  private static long sum(Iterable<Value> values) {
    long total = 0;
    for (var x : values) total += size(x);
    return total;
  }

  private static java.util.List<String> list(Iterable<String> items) {
    var out = new java.util.ArrayList<String>();
    items.forEach(out::add);
    return out;
  }
}
