package org.liandong.schedule;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.liandong.projects.Light;
import org.liandong.support.Failure;

/**
 * The critical-path method over a DAG of obligations, in working days (倒排序时):
 * backward from the target start date to each obligation's latest start and finish, forward
 * from today and from what is done to its earliest start and finish, and the float between.
 * Durations count whole working days; an obligation starting on day s with duration d finishes
 * at the end of day s + d - 1, and what depends on it may start the next day.
 */
final class Scheduler {
  /** One obligation as scheduling sees it. {@code started} is when work began, if it has. */
  record Task(String id, String title, int duration, LocalDate dueOn, boolean done, LocalDate doneOn,
              LocalDate started, List<String> dependsOn) {
    int days() {
      return Math.max(1, duration);
    }
  }

  record Plan(String id, LocalDate earliestStart, LocalDate earliestFinish, LocalDate latestStart,
              LocalDate latestFinish, int totalFloat, boolean critical, String flag) {}

  private final WorkCalendar calendar;
  private final int yellowFloat;

  Scheduler(WorkCalendar calendar, int yellowFloat) {
    this.calendar = calendar;
    this.yellowFloat = yellowFloat;
  }

  /**
   * Plans every task. Obligations due on or before the target start (or with no due date) must
   * be finished by it; those due after it keep their own due date. Dependencies on tasks outside
   * the list are ignored here: {@link #forward} takes them into account for a what-if.
   */
  Map<String, Plan> plan(List<Task> tasks, LocalDate targetStart, LocalDate today) {
    var order = order(tasks);
    var byId = index(tasks);
    var ef = forward(order, byId, today, Map.of(), Map.of());
    var es = new HashMap<String, Integer>();
    for (var t : order) es.put(t.id(), start(t, ef.get(t.id())));

    var successors = successors(tasks, byId);
    var lf = new HashMap<String, Integer>();
    for (int i = order.size() - 1; i >= 0; i--) {
      var t = order.get(i);
      int finish = deadline(t, targetStart);
      for (var s : successors.get(t.id())) finish = Math.min(finish, lf.get(s.id()) - s.days());
      lf.put(t.id(), finish);
    }

    int minFloat = Integer.MAX_VALUE;
    var floats = new HashMap<String, Integer>();
    for (var t : order) {
      int f = lf.get(t.id()) - ef.get(t.id());
      floats.put(t.id(), f);
      if (!t.done()) minFloat = Math.min(minFloat, f);
    }
    var plans = new LinkedHashMap<String, Plan>();
    for (var t : order) {
      int ls = lf.get(t.id()) - t.days() + 1;
      int f = floats.get(t.id());
      boolean critical = !t.done() && f == minFloat;
      var flag = Light.step(t.done(), f, yellowFloat);
      plans.put(t.id(), new Plan(t.id(), calendar.date(es.get(t.id())), calendar.date(ef.get(t.id())),
          calendar.date(ls), calendar.date(lf.get(t.id())), f, critical, flag));
    }
    return plans;
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

  private int start(Task t, int earliestFinish) {
    return earliestFinish - t.days() + 1;
  }

  private int deadline(Task t, LocalDate targetStart) {
    if (targetStart != null && (t.dueOn() == null || !t.dueOn().isAfter(targetStart))) return calendar.floor(targetStart);
    if (t.dueOn() != null) return calendar.floor(t.dueOn());
    return Integer.MAX_VALUE / 2;
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

  /** Prerequisites first (Kahn's algorithm); a cycle is refused, naming it. */
  static List<Task> order(List<Task> tasks) {
    var byId = index(tasks);
    var pending = new HashMap<String, Integer>();
    var successors = successors(tasks, byId);
    for (var t : tasks) pending.put(t.id(), (int) t.dependsOn().stream().filter(byId::containsKey).count());
    var ready = new ArrayDeque<Task>();
    tasks.stream().filter(t -> pending.get(t.id()) == 0).forEach(ready::add);
    var order = new ArrayList<Task>();
    while (!ready.isEmpty()) {
      var t = ready.poll();
      order.add(t);
      for (var s : successors.get(t.id())) {
        if (pending.merge(s.id(), -1, Integer::sum) == 0) ready.add(s);
      }
    }
    if (order.size() < tasks.size()) throw cycle(byId, pending);
    return order;
  }

  private static Failure cycle(Map<String, Task> byId, Map<String, Integer> pending) {
    // walk prerequisites among the tasks left over until one repeats: that is the cycle
    var start = pending.entrySet().stream().filter(e -> e.getValue() > 0).findFirst().orElseThrow().getKey();
    var path = new ArrayList<String>();
    var seen = new HashMap<String, Integer>();
    var current = start;
    while (!seen.containsKey(current)) {
      seen.put(current, path.size());
      path.add(current);
      current = byId.get(current).dependsOn().stream()
          .filter(d -> byId.containsKey(d) && pending.get(d) > 0).findFirst().orElseThrow();
    }
    var loop = new ArrayList<>(path.subList(seen.get(current), path.size()));
    loop.add(current);
    var names = loop.stream().map(id -> byId.get(id).title()).toList();
    var cycle = String.join(" → ", names);
    return Failure.unprocessable("dependsOn", org.liandong.support.Text.of("the dependencies form a cycle: " + cycle, "依赖关系形成循环：" + cycle));
  }
}
