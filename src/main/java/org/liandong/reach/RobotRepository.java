package org.liandong.reach;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.liandong.storage.Graph;
import org.liandong.support.Json;

/** A department's group robots in the graph; their webhook's secret and token are never read back out. */
final class RobotRepository {
  /** What is shown of a robot: the webhook's address up to its query (where the platforms put the token), and whether it signs. */
  private static final String VIEW = """
      r {.id, .platform, .name, createdAt: toString(r.createdAt), signed: r.secret IS NOT NULL,
         url: CASE WHEN r.url CONTAINS '?' THEN split(r.url, '?')[0] + '?…' ELSE r.url END, departmentId: d.id}""";

  static final String LIST = """
      MATCH (d:Department {id: $department})
      OPTIONAL MATCH (r:Robot)-[:OF]->(d)
      WITH d, r ORDER BY r.createdAt
      RETURN d.id AS department, [x IN collect(CASE WHEN r IS NULL THEN null ELSE %s END) WHERE x IS NOT NULL] AS robots
      """.formatted(VIEW);

  static final String ADD = """
      MATCH (d:Department {id: $department})
      CREATE (r:Robot {id: randomUUID(), platform: $platform, name: $name, url: $url, secret: $secret, createdAt: $now})-[:OF]->(d)
      RETURN %s AS robot
      """.formatted(VIEW);

  /** A robot removed; its deliveries not yet sent go with it. */
  static final String REMOVE = """
      MATCH (r:Robot {id: $id})-[:OF]->(:Department {id: $department})
      OPTIONAL MATCH (x:Delivery {status: 'pending'})-[:VIA]->(r)
      DETACH DELETE x, r
      RETURN count(*) AS removed
      """;

  private final Graph graph;

  RobotRepository(Graph graph) {
    this.graph = graph;
  }

  /** The department's robots; empty when there is no such department. */
  Future<java.util.Optional<JsonArray>> list(String departmentId) {
    return graph.query(LIST, Map.of("department", departmentId)).map(rows -> rows.stream().findFirst()
        .map(r -> new JsonArray(r.get("robots").asList(v -> Json.object(v.asMap())))));
  }

  /** A new robot; empty when there is no such department. */
  Future<java.util.Optional<JsonObject>> add(String departmentId, String platform, String name, String url, String secret) {
    var params = new HashMap<String, Object>();
    params.put("department", departmentId);
    params.put("platform", platform);
    params.put("name", name);
    params.put("url", url);
    params.put("secret", secret);
    return graph.write(tx -> tx.first(ADD, params)).map(row -> row.map(r -> Json.object(r.get("robot").asMap())));
  }

  Future<Boolean> remove(String departmentId, String robotId) {
    return graph.write(tx -> tx.first(REMOVE, Map.of("department", departmentId, "id", robotId)))
        .map(row -> row.map(r -> r.get("removed").asLong() > 0).orElse(false));
  }
}
