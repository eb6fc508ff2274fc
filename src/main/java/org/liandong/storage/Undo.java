package org.liandong.storage;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Puts projects and obligations back as they stood at an instant, from the change log: for each
 * one changed since, the {@code before} of its first change after the instant is what it was
 * then (none: it did not exist yet). Used only inside {@link Graph#asOf}'s transaction, which is
 * rolled back. The relationships a change does not carry (an obligation's dependencies) stay as
 * they are now; champions are put back from a project's {@code championIds}.
 */
final class Undo {
  private Undo() {}

  /** Keys the log's maps carry beside the node's own properties. */
  private static final Set<String> NOT_PROPERTIES = Set.of("championIds", "liaisonId", "departmentId", "dependsOn", "projectId");
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /**
   * Per entity changed after $asOf (in all projects, or with {@link #IN_PROJECT} in one), the
   * before of its first change, in the project's channel order.
   */
  static final String FIRST_AFTER = """
      MATCH (c:Change)-[r:IN]->(ch:Channel)
      WHERE c.at > $asOf AND c.entity IN ['Project', 'Obligation'] AND ch.name = 'project:' + c.projectId%s
      WITH c ORDER BY r.seq
      WITH c.entity AS entity, c.entityId AS id, head(collect(c)) AS first
      RETURN entity, id, first.projectId AS projectId, first.before AS before
      """;
  static final String IN_PROJECT = " AND c.projectId = $project";

  static final String DROP = """
      UNWIND $ids AS id
      OPTIONAL MATCH (p:Project {id: id})
      OPTIONAL MATCH (o:Obligation {id: id})
      DETACH DELETE p, o
      """;

  static final String PROJECTS = """
      UNWIND $rows AS row
      MERGE (p:Project {id: row.id})
      SET p = row.props
      WITH p, row WHERE row.championIds IS NOT NULL
      OPTIONAL MATCH (p)<-[old:CHAMPIONS]-(:User)
      DELETE old
      WITH DISTINCT p, row
      UNWIND row.championIds AS champion
      MATCH (u:User {id: champion})
      MERGE (u)-[:CHAMPIONS]->(p)
      """;

  /** Those there now take their properties back. */
  static final String OBLIGATIONS = """
      UNWIND $rows AS row
      MATCH (o:Obligation {id: row.id})
      SET o = row.props
      """;

  /**
   * Those deleted since come back, with their department and dependencies, when the log knows
   * them (deletions record both).
   */
  static final String DELETED_OBLIGATIONS = """
      UNWIND $rows AS row
      WITH row WHERE row.departmentId IS NOT NULL AND NOT EXISTS { (:Obligation {id: row.id}) }
      MATCH (p:Project {id: row.projectId}), (d:Department {id: row.departmentId})
      CREATE (d)-[:OWES]->(n:Obligation)-[:FOR]->(p)
      SET n = row.props
      WITH n, row
      UNWIND coalesce(row.dependsOn, []) AS dep
      MATCH (x:Obligation {id: dep})
      MERGE (n)-[:DEPENDS_ON]->(x)
      """;

  static Work<Void> to(ZonedDateTime asOf, String projectId) {
    var params = new HashMap<String, Object>();
    params.put("asOf", asOf);
    if (projectId != null) params.put("project", projectId);
    var cypher = FIRST_AFTER.formatted(projectId == null ? "" : IN_PROJECT);
    return tx -> tx.list(cypher, params).compose(rows -> {
      var gone = new ArrayList<String>();
      var projects = new ArrayList<Map<String, Object>>();
      var obligations = new ArrayList<Map<String, Object>>();
      for (var r : rows) {
        var id = r.get("id").asString();
        var before = r.get("before");
        if (before.isNull()) {
          gone.add(id);
          continue;
        }
        var map = new JsonObject(before.asString());
        var row = new HashMap<String, Object>();
        row.put("id", id);
        row.put("projectId", r.get("projectId").asString(null));
        row.put("departmentId", map.getString("departmentId"));
        row.put("championIds", map.getJsonArray("championIds") == null ? null : map.getJsonArray("championIds").getList());
        row.put("dependsOn", map.getJsonArray("dependsOn") == null ? null : map.getJsonArray("dependsOn").getList());
        row.put("props", properties(map));
        ("Project".equals(r.get("entity").asString()) ? projects : obligations).add(row);
      }
      return tx.run(DROP, Map.of("ids", gone))
          .compose(v -> tx.run(PROJECTS, Map.of("rows", projects)))
          .compose(v -> tx.run(OBLIGATIONS, Map.of("rows", obligations)))
          .compose(v -> tx.run(DELETED_OBLIGATIONS, Map.of("rows", obligations)))
          .mapEmpty();
    });
  }

  /**
   * The node's properties from the log's JSON, with their types back: {@code …On} keys holding a
   * day are dates, {@code …At} keys holding a time with its offset are date-times.
   */
  static Map<String, Object> properties(JsonObject map) {
    var props = new HashMap<String, Object>();
    for (var key : map.fieldNames()) {
      if (NOT_PROPERTIES.contains(key)) continue;
      var value = map.getValue(key);
      if (value == null) continue;
      props.put(key, typed(key, value));
    }
    return props;
  }

  private static Object typed(String key, Object value) {
    if (value instanceof String s) {
      if (key.endsWith("On") && DAY.matcher(s).matches()) return LocalDate.parse(s);
      if (key.endsWith("At")) {
        try {
          return OffsetDateTime.parse(s).toZonedDateTime();
        } catch (DateTimeParseException e) {
          return s;
        }
      }
      return s;
    }
    if (value instanceof JsonArray a) return a.getList();
    if (value instanceof JsonObject o) return o.encode();
    return value;
  }
}
