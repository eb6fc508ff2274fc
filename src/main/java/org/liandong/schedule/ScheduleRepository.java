package org.liandong.schedule;

import io.vertx.core.Future;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.liandong.domain.Stage;
import org.liandong.storage.Graph;
import org.liandong.storage.Node;
import org.liandong.storage.Work;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** What the schedule reads of the graph: projects' obligations as {@link ScheduleRow}s, and who champions them. */
final class ScheduleRepository {
  private final Graph graph;

  ScheduleRepository(Graph graph) {
    this.graph = graph;
  }

  Graph graph() {
    return graph;
  }

  /** The tasks' read: of the projects given, each sought by id, or of every project (null). */
  static String tasks(List<String> projectIds) {
    return (projectIds == null ? ScheduleCypher.TASKS_ALL : ScheduleCypher.TASKS_OF) + ScheduleCypher.TASKS_RETURN;
  }

  /** The rows as the driver gives them (every project's at start-up: mapped on a worker by the caller). */
  Future<List<Record>> records(List<String> projectIds) {
    return graph.query(tasks(projectIds), projectIds == null ? Map.of() : Map.of("projectIds", projectIds));
  }

  Future<List<ScheduleRow>> rows(List<String> projectIds) {
    return records(projectIds).map(records -> records.stream().map(this::row).toList());
  }

  /** One project's rows inside a write's transaction (a re-plan reads what it changes under the project's lock). */
  Work<List<ScheduleRow>> rows(String projectId) {
    return tx -> tx.list(tasks(List.of(projectId)), Map.of("projectIds", List.of(projectId)))
        .map(records -> records.stream().map(this::row).toList());
  }

  ScheduleRow row(Record r) {
    return row(r, graph.clock().getZone());
  }

  /** From a row of {@link ScheduleCypher#TASKS_RETURN}; "today" and the start of work are reckoned in {@code zone}. */
  static ScheduleRow row(Record r, ZoneId zone) {
    var o = r.get("o");
    var status = o.get("status").asString();
    var accepted = o.get("acceptedAt").isNull() ? null
        : ((ZonedDateTime) o.get("acceptedAt").asObject()).withZoneSameInstant(zone).toLocalDate();
    boolean started = accepted != null && !status.equals("dispatched") && !status.equals("blocked");
    var duration = o.get("durationDays").isNull() ? null : o.get("durationDays").asLong();
    var task = new Scheduler.Task(o.get("id").asString(), o.get("title").asString(),
        duration == null ? 1 : duration.intValue(), date(o.get("dueOn")), status.equals("done"), date(o.get("doneOn")),
        started ? accepted : null, o.get("dependsOn").asList(Value::asString), o.get("track").asString(null), o.get("kind").asString(null));
    var stage = r.get("stage").asString(null);
    var waiting = o.get("waiting").asList(w -> new ScheduleRow.Waiting(w.get("id").asString(), yi(w.get("investmentYi"))));
    return new ScheduleRow(r.get("projectId").asString(), r.get("projectName").asString(), date(r.get("targetStartOn")),
        stage != null && Stage.valueOf(stage).reached(Stage.started), r.get("archived").asBoolean(false), yi(r.get("investmentYi")),
        o.get("kind").asString(null), o.get("departmentId").asString(), o.get("departmentName").asString(),
        status, duration, o.get("version").asLong(1), waiting, o.get("upstream").asList(Value::asString), task);
  }

  private static double yi(Value v) {
    return v == null || v.isNull() ? 0 : v.asDouble();
  }

  Future<List<String>> projectIds() {
    return graph.query(ScheduleCypher.PROJECT_IDS, Map.of()).map(rows -> rows.stream().map(r -> r.get("id").asString()).toList());
  }

  /** A project's target start (empty when it has none); 404 when there is no such project. */
  Future<java.util.Optional<LocalDate>> targetStart(String projectId) {
    return graph.query(ScheduleCypher.PROJECT, Map.of("id", projectId)).compose(found -> found.isEmpty()
        ? Future.failedFuture(Node.Project.notFound(projectId))
        : Future.succeededFuture(java.util.Optional.ofNullable(date(found.get(0).get("targetStartOn")))));
  }

  /** The projects an obligation gates (its own and those of what depends on it); 404 when there is no such obligation. */
  Future<List<String>> gated(String obligationId) {
    return graph.query(ScheduleCypher.GATED, Map.of("id", obligationId)).compose(found -> {
      var ids = found.isEmpty() ? List.<String>of() : found.get(0).get("projectIds").asList(Value::asString);
      return ids.isEmpty() ? Future.failedFuture(Node.Obligation.notFound(obligationId)) : Future.succeededFuture(ids);
    });
  }

  /** A leader championing some of the projects given, with which. */
  record Champion(String id, String displayName, List<String> projectIds) {}

  Future<List<Champion>> champions(List<String> projectIds) {
    return graph.query(ScheduleCypher.CHAMPIONS, Map.of("projectIds", projectIds)).map(rows -> rows.stream()
        .map(c -> new Champion(c.get("id").asString(), c.get("displayName").asString(), c.get("projectIds").asList(Value::asString)))
        .toList());
  }

  private static LocalDate date(Value v) {
    return v == null || v.isNull() ? null : v.asLocalDate();
  }
}
