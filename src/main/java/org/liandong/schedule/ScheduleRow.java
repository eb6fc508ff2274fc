package org.liandong.schedule;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.liandong.domain.Stage;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * An obligation as the schedule reads it: the task itself, with its project (target start,
 * whether it has started or is archived, its investment), the department that owes it, and the other projects
 * with a step that depends on it ({@code waiting}) or that one of its steps depends on ({@code upstream}).
 */
record ScheduleRow(String projectId, String projectName, LocalDate targetStart, boolean projectStarted, boolean archived, double investmentYi,
                   String kind, String departmentId, String departmentName, String status, Long durationDays, long version,
                   List<Waiting> waiting, List<String> upstream, Scheduler.Task task) {

  /** Another project with a step that depends on this one, and its investment (亿元). */
  record Waiting(String projectId, double investmentYi) {}

  /** From a row of {@link ScheduleCypher#TASKS_RETURN}; "today" and the start of work are reckoned in {@code zone}. */
  static ScheduleRow from(Record r, ZoneId zone) {
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
    var waiting = o.get("waiting").asList(w -> new Waiting(w.get("id").asString(), yi(w.get("investmentYi"))));
    return new ScheduleRow(r.get("projectId").asString(), r.get("projectName").asString(), date(r.get("targetStartOn")),
        stage != null && Stage.valueOf(stage).reached(Stage.started), r.get("archived").asBoolean(false), yi(r.get("investmentYi")),
        o.get("kind").asString(null), o.get("departmentId").asString(), o.get("departmentName").asString(),
        status, duration, o.get("version").asLong(1), waiting, o.get("upstream").asList(Value::asString), task);
  }

  /** The same row with another duration (a what-if). */
  ScheduleRow withDuration(int days) {
    var t = task;
    return new ScheduleRow(projectId, projectName, targetStart, projectStarted, archived, investmentYi, kind, departmentId, departmentName,
        status, (long) days, version, waiting, upstream, new Scheduler.Task(t.id(), t.title(), days, t.dueOn(), t.done(), t.doneOn(),
        t.started(), t.dependsOn(), t.track(), t.kind()));
  }

  /** The same row with another due date (a re-plan's proposal). */
  ScheduleRow withDueOn(LocalDate dueOn) {
    var t = task;
    return new ScheduleRow(projectId, projectName, targetStart, projectStarted, archived, investmentYi, kind, departmentId, departmentName,
        status, durationDays, version, waiting, upstream, new Scheduler.Task(t.id(), t.title(), t.duration(), dueOn, t.done(),
        t.doneOn(), t.started(), t.dependsOn(), t.track(), t.kind()));
  }

  /** The target start the schedule plans against: none once the project has started. */
  LocalDate plannedStart() {
    return projectStarted ? null : targetStart;
  }

  private static double yi(Value v) {
    return v == null || v.isNull() ? 0 : v.asDouble();
  }

  private static LocalDate date(Value v) {
    return v == null || v.isNull() ? null : v.asLocalDate();
  }
}
