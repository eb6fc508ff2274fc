package org.liandong.history;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.liandong.storage.Graph;
import org.liandong.storage.Statement;
import org.liandong.storage.Where;
import org.liandong.support.Json;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** Reads the change log and the work it is about, for the diffs. */
final class HistoryRepository {
  /** One obligation change: what it was before and after (as the log keeps them, JSON). */
  record Logged(String type, String id, String at, String actor, JsonObject before, JsonObject after) {}

  private final Graph graph;

  HistoryRepository(Graph graph) {
    this.graph = graph;
  }

  Future<List<Logged>> changes(List<String> channels, ZonedDateTime from, ZonedDateTime to) {
    return graph.query(HistoryCypher.CHANGES, Map.of("channels", channels, "from", from, "to", to))
        .map(rows -> rows.stream().map(HistoryRepository::logged).toList());
  }

  static Statement newlyLateList(List<String> projects, String department, ZonedDateTime to, LocalDate fromDay, LocalDate toDay) {
    return Where.of().seek("projects", projects, HistoryCypher.IN_PROJECTS, "USING INDEX SEEK p:Project(id)")
        .seek("department", department, HistoryCypher.OF_DEPARTMENT, "USING INDEX SEEK d:Department(id)")
        .when(true, HistoryCypher.LATE_IN_WINDOW)
        .around(HistoryCypher.NEWLY_LATE_FROM, HistoryCypher.NEWLY_LATE_RETURN, Map.of("to", to, "fromDay", fromDay, "toDay", toDay));
  }

  Future<List<JsonObject>> newlyLate(List<String> projects, String department, ZonedDateTime from, ZonedDateTime to, LocalDate fromDay, LocalDate toDay) {
    var list = newlyLateList(projects, department, to, fromDay, toDay);
    return graph.query(list.cypher(), list.params())
        .map(rows -> rows.stream().map(r -> Json.object(r.get("obligation").asMap())).toList());
  }

  Future<Map<String, JsonObject>> obligations(List<String> ids) {
    return graph.query(HistoryCypher.NAMES, Map.of("ids", ids)).map(rows -> {
      var out = new java.util.HashMap<String, JsonObject>();
      for (var r : rows) out.put(r.get("id").asString(), Json.object(r.get("obligation").asMap()));
      return out;
    });
  }

  Future<List<String>> departmentProjects(String department) {
    return graph.query(HistoryCypher.DEPARTMENT_PROJECTS, Map.of("department", department))
        .map(rows -> rows.get(0).get("projects").asList(Value::asString));
  }

  /** The meeting about any of the projects that closed last before {@code to}, and when. */
  record Previous(JsonObject meeting, java.time.ZonedDateTime closedAt) {}

  Future<java.util.Optional<Previous>> lastMeeting(List<String> projects, java.time.ZonedDateTime to) {
    return graph.query(HistoryCypher.LAST_MEETING, Map.of("projects", projects, "to", to)).map(rows -> rows.stream().findFirst()
        .map(r -> new Previous(Json.object(r.get("previous").asMap()), (java.time.ZonedDateTime) r.get("closedAt").asObject())));
  }

  Future<List<String>> leaderProjects(String leader) {
    return graph.query(HistoryCypher.LEADER_PROJECTS, Map.of("leader", leader))
        .map(rows -> rows.get(0).get("projects").asList(Value::asString));
  }

  Future<List<JsonObject>> decisions(String meeting) {
    return graph.query(HistoryCypher.DECISIONS, Map.of("meeting", meeting)).map(rows -> rows.stream()
        .map(r -> Json.object(r.get("decision").asMap())
            .put("obligations", new io.vertx.core.json.JsonArray(r.get("obligations").asList(v -> Json.object(v.asMap())))))
        .toList());
  }

  private static Logged logged(Record r) {
    return new Logged(r.get("type").asString(), r.get("id").asString(), r.get("at").asString(),
        r.get("actor").isNull() ? null : r.get("actor").asString(), json(r.get("before")), json(r.get("after")));
  }

  private static JsonObject json(Value value) {
    return value.isNull() ? null : new JsonObject(value.asString());
  }
}
