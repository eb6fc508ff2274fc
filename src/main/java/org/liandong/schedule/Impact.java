package org.liandong.schedule;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What if one obligation slipped: what moves with it, across projects, and whom it concerns. Writes nothing. */
final class Impact {
  private static final Set<String> MILESTONE_KINDS = Set.of("permit", "milestone");

  private final Scheduler scheduler;

  Impact(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** The slip of {@code days} working days of one obligation, over the rows of every project it gates. */
  JsonObject of(String obligationId, int days, List<ScheduleRow> rows, List<ScheduleRepository.Champion> champions, LocalDate today) {
    var tasks = rows.stream().map(ScheduleRow::task).toList();
    var before = scheduler.forward(tasks, today, Map.of(), Map.of());
    var after = scheduler.forward(tasks, today, Map.of(), Map.of(obligationId, days));
    var moved = new JsonArray();
    var milestones = new JsonArray();
    var departments = new LinkedHashMap<String, JsonObject>();
    var projects = new LinkedHashMap<String, JsonObject>();
    for (var row : rows) {
      var id = row.task().id();
      int delta = after.get(id) - before.get(id);
      if (delta <= 0) continue;
      var item = new JsonObject().put("id", id).put("title", row.task().title()).put("kind", row.kind())
          .put("projectId", row.projectId()).put("projectName", row.projectName())
          .put("departmentId", row.departmentId()).put("departmentName", row.departmentName())
          .put("workdays", delta).put("earliestFinishBefore", str(scheduler.date(before.get(id))))
          .put("earliestFinishAfter", str(scheduler.date(after.get(id))));
      moved.add(item);
      if (MILESTONE_KINDS.contains(row.kind())) milestones.add(item);
      var department = departments.computeIfAbsent(row.departmentId(), k -> new JsonObject().put("id", k)
          .put("name", row.departmentName()).put("obligations", 0));
      department.put("obligations", department.getInteger("obligations") + 1);
      projects.computeIfAbsent(row.projectId(), k -> new JsonObject().put("id", k).put("name", row.projectName()));
    }
    for (var entry : projects.entrySet()) {
      var inProject = rows.stream().filter(r -> r.projectId().equals(entry.getKey())).toList();
      var target = inProject.get(0).plannedStart();
      int startBefore = projectedStart(inProject, before, target);
      int startAfter = projectedStart(inProject, after, target);
      entry.getValue().put("targetStartOn", str(inProject.get(0).targetStart()))
          .put("projectedStartBefore", startBefore < 0 ? null : str(scheduler.date(startBefore)))
          .put("projectedStartAfter", startAfter < 0 ? null : str(scheduler.date(startAfter)))
          .put("startSlipWorkdays", startBefore < 0 ? 0 : startAfter - startBefore);
    }
    return new JsonObject().put("obligationId", obligationId).put("workdays", days).put("today", today.toString())
        .put("obligations", moved).put("milestones", milestones)
        .put("projects", new JsonArray(new ArrayList<>(projects.values())))
        .put("departments", new JsonArray(new ArrayList<>(departments.values()))).put("leaders", leaders(champions, projects));
  }

  private static JsonArray leaders(List<ScheduleRepository.Champion> champions, Map<String, JsonObject> projects) {
    var leaders = new JsonArray();
    for (var c : champions) {
      var theirs = c.projectIds().stream().filter(projects::containsKey).toList();
      if (!theirs.isEmpty()) leaders.add(new JsonObject().put("id", c.id()).put("displayName", c.displayName())
          .put("projectIds", new JsonArray(theirs)));
    }
    return leaders;
  }

  /** The last finish of the steps that gate the project's start (-1 without a target start, once started, or with none). */
  private static int projectedStart(List<ScheduleRow> rows, Map<String, Integer> finish, LocalDate target) {
    if (target == null) return -1;
    var gates = Scheduler.gating(rows.stream().map(ScheduleRow::task).toList());
    return rows.stream().filter(r -> gates.contains(r.task().id())).mapToInt(r -> finish.get(r.task().id())).max().orElse(-1);
  }

  private static String str(LocalDate d) {
    return d == null ? null : d.toString();
  }
}
