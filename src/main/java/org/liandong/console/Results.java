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
      default -> redact(Json.value(v.asObject()));
    };
  }

  /** Password hashes never leave the server, however a query reaches them (u.passwordHash, u[k], u {.*}). */
  static Object redact(Object value) {
    return value instanceof String s && s.startsWith("$argon2") ? "[redacted]" : value;
  }

  private JsonObject node(Node n) {
    var json = new JsonObject().put("_type", "node").put("id", n.elementId())
        .put("labels", new JsonArray(n.labels() instanceof java.util.Collection<?> c ? java.util.List.copyOf(c) : list(n.labels())))
        .put("properties", properties(n.asMap()));
    nodes.putIfAbsent(n.elementId(), json);
    return json;
  }

  private JsonObject relationship(Relationship r) {
    var json = new JsonObject().put("_type", "relationship").put("id", r.elementId()).put("type", r.type())
        .put("start", r.startNodeElementId()).put("end", r.endNodeElementId()).put("properties", properties(r.asMap()));
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

  private static JsonObject properties(Map<String, Object> map) {
    var out = new JsonObject();
    map.forEach((k, v) -> out.put(k, redact(Json.value(v))));
    return out;
  }

  private static java.util.List<String> list(Iterable<String> items) {
    var out = new java.util.ArrayList<String>();
    items.forEach(out::add);
    return out;
  }
}
