package org.liandong.schedule;

import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
    return ScheduleRow.from(r, graph.clock().getZone());
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

  Future<List<Record>> champions(List<String> projectIds) {
    return graph.query(ScheduleCypher.CHAMPIONS, Map.of("projectIds", projectIds));
  }

  private static LocalDate date(Value v) {
    return v == null || v.isNull() ? null : v.asLocalDate();
  }
}
