package org.liandong.schedule;

import java.time.LocalDate;
import java.util.List;

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
}
