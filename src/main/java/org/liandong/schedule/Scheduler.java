package org.liandong.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.liandong.domain.Light;
import org.liandong.domain.WorkCalendar;

/**
 * The critical-path method over a DAG of obligations, in working days (倒排序时). Each open step
 * has a deadline: its own due date and, when it gates the start of construction, the target
 * start; what depends on it pulls its latest finish earlier still. Backward from those deadlines
 * come its latest start and finish; forward from today and from what is done, its earliest; the
 * float between is the smaller of its slack against its due date and against the start.
 * Durations count whole working days; a step starting on day s with duration d finishes at the
 * end of day s + d - 1, and what depends on it may start the next day.
 */
final class Scheduler {
  /** The tracks whose work must be done before construction starts (the three parallel tracks). */
  static final Set<String> START_TRACKS = Set.of("land", "site", "permits");

  /** One obligation as scheduling sees it. {@code started} is when work began, if it has. */
  record Task(String id, String title, int duration, LocalDate dueOn, boolean done, LocalDate doneOn,
              LocalDate started, List<String> dependsOn, String track, String kind) {
    /** A step on the permits track, of no particular kind. */
    Task(String id, String title, int duration, LocalDate dueOn, boolean done, LocalDate doneOn,
         LocalDate started, List<String> dependsOn) {
      this(id, title, duration, dueOn, done, doneOn, started, dependsOn, "permits", "task");
    }

    int days() {
      return Math.max(1, duration);
    }
  }

  /**
   * A step's plan. {@code gatesStart}: it must be done before construction starts; {@code late}:
   * open and past its due date.
   */
  record Plan(String id, LocalDate earliestStart, LocalDate earliestFinish, LocalDate latestStart,
              LocalDate latestFinish, int totalFloat, boolean critical, String flag, boolean gatesStart, boolean late) {}

  /** No deadline at all: a step with no due date that does not gate the start, and nothing after it. */
  private static final int NONE = Integer.MAX_VALUE / 2;

  private final WorkCalendar calendar;
  private final int yellowFloat;

  Scheduler(WorkCalendar calendar, int yellowFloat) {
    this.calendar = calendar;
    this.yellowFloat = yellowFloat;
  }

  /**
   * The steps that gate the start of construction: those of the three tracks, except a step that
   * comes after a milestone (it depends on one, directly or through others): the first milestone
   * of a chain is the start itself (开工建设), what follows it (一期主体竣工) is after the start.
   */
  static Set<String> gating(List<Task> tasks) {
    var byId = index(tasks);
    var afterMilestone = new HashSet<String>();
    for (var t : order(tasks)) {
      for (var dep : t.dependsOn()) {
        var before = byId.get(dep);
        if (before != null && ("milestone".equals(before.kind()) || afterMilestone.contains(dep))) afterMilestone.add(t.id());
      }
    }
    var out = new HashSet<String>();
    for (var t : tasks) if (START_TRACKS.contains(t.track()) && !afterMilestone.contains(t.id())) out.add(t.id());
    return out;
  }

  /**
   * Plans every task against its deadlines (its due date; the target start too for the steps
   * that gate it, when {@code targetStart} is given: null once the project has started).
   * Dependencies on tasks outside the list are ignored here: {@link #forward} takes them into
   * account for a what-if.
   */
  Map<String, Plan> plan(List<Task> tasks, LocalDate targetStart, LocalDate today) {
    var order = order(tasks);
    var byId = index(tasks);
    var gates = gating(tasks);
    var ef = forward(order, byId, today, Map.of(), Map.of());
    var lf = latestFinish(order, tasks, t -> Math.min(due(t), gates.contains(t.id()) ? start(targetStart) : NONE));

    int minFloat = Integer.MAX_VALUE;
    var floats = new HashMap<String, Integer>();
    for (var t : order) {
      int f = lf.get(t.id()) >= NONE ? NONE : lf.get(t.id()) - ef.get(t.id());
      floats.put(t.id(), f);
      if (!t.done()) minFloat = Math.min(minFloat, f);
    }
    var plans = new LinkedHashMap<String, Plan>();
    for (var t : order) {
      int f = floats.get(t.id());
      boolean late = !t.done() && t.dueOn() != null && t.dueOn().isBefore(today);
      boolean critical = !t.done() && f == minFloat && f < NONE;
      int finish = lf.get(t.id());
      var latestFinish = finish >= NONE ? null : calendar.date(finish);
      var latestStart = finish >= NONE ? null : calendar.date(finish - t.days() + 1);
      plans.put(t.id(), new Plan(t.id(), calendar.date(ef.get(t.id()) - t.days() + 1), calendar.date(ef.get(t.id())),
          latestStart, latestFinish, f >= NONE ? NONE : f, critical, Light.step(t.done(), late, f, yellowFloat),
          gates.contains(t.id()), late));
    }
    return plans;
  }

  /**
   * When construction is projected to start: when the last step that gates it is projected to
   * finish, and not before today while the project has not started. Null with no target start,
   * once started, or with nothing that gates the start.
   */
  static LocalDate projectedStart(Map<String, Plan> plans, LocalDate targetStart, boolean started, LocalDate today) {
    if (targetStart == null || started) return null;
    LocalDate projected = null;
    for (var p : plans.values()) {
      if (!p.gatesStart()) continue;
      if (projected == null || p.earliestFinish().isAfter(projected)) projected = p.earliestFinish();
    }
    return projected == null || !projected.isBefore(today) ? projected : today;
  }

  /** Working days the projected start comes after the target start (0 when on time or early). */
  int slip(LocalDate projected, LocalDate targetStart) {
    return Math.max(0, calendar.floor(projected) - calendar.floor(targetStart));
  }

  /**
   * 倒排序时 as an action: the latest working day each open step may finish for the open work to
   * meet {@code targetStart}, its due date set aside when it gates the start (what does not gate
   * the start keeps its due date, and pulls what it depends on with it). Done steps are not
   * planned and hold nothing back. Only open steps with a deadline are in the answer.
   */
  Map<String, LocalDate> backward(List<Task> tasks, LocalDate targetStart) {
    var open = tasks.stream().filter(t -> !t.done()).toList();
    var gates = gating(tasks);
    var lf = latestFinish(order(open), open, t -> gates.contains(t.id()) ? start(targetStart) : due(t));
    var out = new LinkedHashMap<String, LocalDate>();
    for (var t : open) if (lf.get(t.id()) < NONE) out.put(t.id(), calendar.date(lf.get(t.id())));
    return out;
  }

  /** Backward from each task's deadline, pulled earlier by what depends on it (what is done holds nothing back). */
  private Map<String, Integer> latestFinish(List<Task> order, List<Task> tasks, java.util.function.ToIntFunction<Task> deadline) {
    var successors = successors(tasks, index(tasks));
    var lf = new HashMap<String, Integer>();
    for (int i = order.size() - 1; i >= 0; i--) {
      var t = order.get(i);
      int finish = deadline.applyAsInt(t);
      for (var s : successors.get(t.id())) {
        if (!s.done() && lf.get(s.id()) < NONE) finish = Math.min(finish, lf.get(s.id()) - s.days());
      }
      lf.put(t.id(), finish);
    }
    return lf;
  }

  private int due(Task t) {
    return t.dueOn() == null ? NONE : calendar.floor(t.dueOn());
  }

  private int start(LocalDate targetStart) {
    return targetStart == null ? NONE : calendar.floor(targetStart);
  }

  /**
   * Earliest finish (a working-day number) of every task, given the finish of tasks outside the
   * list that some depend on, and extra days of slip per task.
   */
  Map<String, Integer> forward(List<Task> tasks, LocalDate today, Map<String, Integer> external, Map<String, Integer> slips) {
    return forward(order(tasks), index(tasks), today, external, slips);
  }

  private Map<String, Integer> forward(List<Task> order, Map<String, Task> byId, LocalDate today,
                                       Map<String, Integer> external, Map<String, Integer> slips) {
    int now = calendar.ceil(today);
    var ef = new HashMap<String, Integer>();
    for (var t : order) {
      int finish;
      if (t.done()) {
        finish = calendar.floor(t.doneOn());
      } else {
        int start = t.started() == null ? now : calendar.ceil(t.started());
        for (var dep : t.dependsOn()) {
          var before = byId.containsKey(dep) ? ef.get(dep) : external.get(dep);
          if (before != null) start = Math.max(start, before + 1);
        }
        finish = start + t.days() - 1;
        if (t.started() != null) finish = Math.max(finish, now);
      }
      ef.put(t.id(), finish + slips.getOrDefault(t.id(), 0));
    }
    return ef;
  }

  int day(LocalDate date) {
    return calendar.floor(date);
  }

  LocalDate date(int day) {
    return calendar.date(day);
  }

  private static Map<String, Task> index(List<Task> tasks) {
    var byId = new LinkedHashMap<String, Task>();
    tasks.forEach(t -> byId.put(t.id(), t));
    return byId;
  }

  private static Map<String, List<Task>> successors(List<Task> tasks, Map<String, Task> byId) {
    var successors = new HashMap<String, List<Task>>();
    tasks.forEach(t -> successors.put(t.id(), new ArrayList<>()));
    for (var t : tasks) {
      for (var dep : t.dependsOn()) if (byId.containsKey(dep)) successors.get(dep).add(t);
    }
    return successors;
  }

  static List<Task> order(List<Task> tasks) {
    return TaskOrder.of(tasks);
  }
}
