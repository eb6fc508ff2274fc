package org.liandong.schedule;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.liandong.support.Failure;
import org.liandong.support.Text;

/**
 * A re-plan (倒排序时) proposed for one project: new due dates for its open steps that gate the
 * start, backward from a target start through their dependencies and durations on the working
 * calendar (done work stays as it is, work after the start keeps its dates), and the schedule as
 * it stands now and as it would stand with them: what becomes late, the critical path, the
 * projected start and its slip. A target the open work cannot meet is shown, not hidden: its
 * steps are late from the start and the slip says by how much.
 */
public final class Replanning {
  private final List<ScheduleRow> rows;
  private final LocalDate targetStart;
  private final LocalDate currentTarget;
  private final Map<String, LocalDate> changes;
  private final ProjectPlan before;
  private final ProjectPlan after;

  private Replanning(List<ScheduleRow> rows, LocalDate targetStart, LocalDate currentTarget, Map<String, LocalDate> changes,
                     ProjectPlan before, ProjectPlan after) {
    this.rows = rows;
    this.targetStart = targetStart;
    this.currentTarget = currentTarget;
    this.changes = changes;
    this.before = before;
    this.after = after;
  }

  /** Proposes new due dates backward from {@code targetStart} (the project's own when null); refuses what cannot be planned. */
  static Replanning of(Scheduler scheduler, List<ScheduleRow> rows, LocalDate targetStart, LocalDate currentTarget,
                       boolean started, LocalDate today) {
    var target = targetStart != null ? targetStart : currentTarget;
    if (target == null) {
      throw Failure.unprocessable("targetStartOn", Text.key("server.schedule.projectHasNoTarget"));
    }
    if (started) {
      throw Failure.unprocessable("targetStartOn", Text.key("server.schedule.projectHasStartedSteps"));
    }
    var proposed = scheduler.backward(rows.stream().map(ScheduleRow::task).toList(), target);
    var gates = Scheduler.gating(rows.stream().map(ScheduleRow::task).toList());
    var changes = new LinkedHashMap<String, LocalDate>();
    var moved = new ArrayList<ScheduleRow>();
    for (var row : rows) {
      var due = proposed.get(row.task().id());
      if (!row.task().done() && gates.contains(row.task().id()) && due != null && !due.equals(row.task().dueOn())) {
        changes.put(row.task().id(), due);
        moved.add(row.withDueOn(due));
      } else {
        moved.add(row);
      }
    }
    return new Replanning(rows, target, currentTarget, changes, new ProjectPlan(scheduler, rows, currentTarget, today),
        new ProjectPlan(scheduler, moved, target, today));
  }

  /** The new due date of each step whose date moves. */
  public Map<String, LocalDate> changes() {
    return changes;
  }

  /** The target start planned back from. */
  public LocalDate targetStart() {
    return targetStart;
  }

  /** Does the target start differ from the project's? */
  public boolean movesTarget() {
    return !targetStart.equals(currentTarget);
  }

  /** Each step's version as read (a step changed since the preview is refused by the apply). */
  public long version(String obligationId) {
    return rows.stream().filter(r -> r.task().id().equals(obligationId)).findFirst().orElseThrow().version();
  }

  /** The proposal as the page shows it. */
  public JsonObject json(String projectId) {
    var items = new ArrayList<JsonObject>();
    int lateAfter = 0;
    for (var row : rows) {
      var id = row.task().id();
      var plan = after.of(id);
      if (plan.flag().equals("red")) lateAfter++;
      if (!changes.containsKey(id) && !(plan.flag().equals("red") && !row.task().done())) continue;
      items.add(new JsonObject().put("id", id).put("title", row.task().title()).put("status", row.status())
          .put("departmentId", row.departmentId()).put("departmentName", row.departmentName())
          .put("durationDays", row.durationDays())
          .put("dueOn", str(row.task().dueOn())).put("newDueOn", str(changes.getOrDefault(id, row.task().dueOn())))
          .put("earliestFinish", str(plan.earliestFinish())).put("flagBefore", before.of(id).flag()).put("flag", plan.flag())
          .put("critical", plan.critical()));
    }
    int lateBefore = (int) rows.stream().filter(r -> before.of(r.task().id()).flag().equals("red")).count();
    return new JsonObject().put("projectId", projectId)
        .put("targetStartOn", targetStart.toString()).put("currentTargetStartOn", str(currentTarget))
        .put("projectedStartOn", str(after.projectedStart())).put("slipWorkdays", after.slip())
        .put("feasible", after.slip() == null || after.slip() == 0)
        .put("moved", changes.size()).put("lateBefore", lateBefore).put("lateAfter", lateAfter)
        .put("criticalPath", new JsonArray(after.critical()))
        .put("items", new JsonArray(new ArrayList<>(items.stream().sorted(java.util.Comparator.comparing((JsonObject o) -> String.valueOf(o.getString("newDueOn")))
            .thenComparing(o -> o.getString("title"))).toList())));
  }

  private static String str(LocalDate d) {
    return d == null ? null : d.toString();
  }
}
