package org.liandong.schedule;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.liandong.domain.Light;
import org.liandong.domain.WorkCalendar;

/**
 * One project planned (倒排序时) on one day: each step's dates, float and flag, the projected start
 * and its slip, and what the project adds to the bottleneck ranking. The schedule page, the
 * project's light and the ranking all read it, so they cannot disagree.
 */
final class ProjectPlan {
  /**
   * A project's plan as the battle map reads it: the outlook its light takes, its work that holds
   * things up (what it adds to the bottleneck ranking), and the other projects its steps depend
   * on (a change to this project changes what they hold up).
   */
  record Planned(Light.Outlook outlook, List<Late> late, Set<String> upstream) {}

  /**
   * Work that holds things up: a late step (past its due date or with negative float), or one on
   * the critical path with float under the warning. {@code waiting}: each project that waits on it
   * (its own, and those with a step that depends on it) with its investment (亿元); {@code points}:
   * its weight in the ranking, in hundredths ({@link #points}).
   */
  record Late(String departmentId, String departmentName, boolean red, long points, Map<String, Double> waiting,
              JsonObject obligation) {}

  /** A project with no obligations: nothing projected, nothing late. */
  static final Planned NOTHING = new Planned(new Light.Outlook(null, null, 0), List.of(), Set.of());

  private final List<ScheduleRow> rows;
  private final LocalDate targetStart;
  private final LocalDate today;
  private final Scheduler scheduler;
  private final Map<String, Scheduler.Plan> plans;
  private final LocalDate projected;

  /**
   * Plans the rows of one project against {@code targetStart}, which holds only until the project
   * has started (then each step answers to its due date alone).
   */
  ProjectPlan(Scheduler scheduler, List<ScheduleRow> rows, LocalDate targetStart, LocalDate today) {
    this.scheduler = scheduler;
    this.rows = rows;
    this.targetStart = targetStart;
    this.today = today;
    boolean started = !rows.isEmpty() && rows.get(0).projectStarted();
    this.plans = scheduler.plan(rows.stream().map(ScheduleRow::task).toList(), started ? null : targetStart, today);
    this.projected = Scheduler.projectedStart(plans, targetStart, started, today);
  }

  Scheduler.Plan of(String id) {
    return plans.get(id);
  }

  LocalDate projectedStart() {
    return projected;
  }

  Integer slip() {
    return projected == null ? null : scheduler.slip(projected, targetStart);
  }

  /** The critical path's steps, in the rows' order. */
  List<String> critical() {
    return rows.stream().map(r -> r.task().id()).filter(id -> plans.get(id).critical()).toList();
  }

  /** The schedule as the page reads it: each step's dates, float, flag and days late, by latest start. */
  JsonObject json(String projectId, boolean calendarProvisional) {
    var items = new ArrayList<JsonObject>();
    for (var row : rows) items.add(item(row));
    items.sort(Comparator.comparing((JsonObject o) -> o.getString("latestStart", "9999"))
        .thenComparing(o -> o.getString("id")));
    return new JsonObject().put("projectId", projectId).put("today", today.toString()).put("calendarProvisional", calendarProvisional)
        .put("targetStartOn", str(targetStart))
        .put("projectedStartOn", str(projected)).put("slipWorkdays", slip())
        .put("criticalPath", new JsonArray(critical())).put("items", new JsonArray(new ArrayList<>(items)));
  }

  private JsonObject item(ScheduleRow row) {
    var t = row.task();
    var plan = plans.get(t.id());
    return new JsonObject().put("id", t.id()).put("title", t.title()).put("kind", row.kind()).put("track", t.track())
        .put("status", row.status()).put("version", row.version())
        .put("departmentId", row.departmentId()).put("departmentName", row.departmentName())
        .put("durationDays", row.durationDays()).put("dueOn", str(t.dueOn()))
        .put("dependsOn", new JsonArray(t.dependsOn())).put("gatesStart", plan.gatesStart())
        .put("earliestStart", str(plan.earliestStart())).put("earliestFinish", str(plan.earliestFinish()))
        .put("latestStart", str(plan.latestStart())).put("latestFinish", str(plan.latestFinish()))
        .put("totalFloat", plan.latestFinish() == null ? null : plan.totalFloat()).put("critical", plan.critical())
        .put("flag", plan.flag()).put("daysLate", plan.late() ? (int) ChronoUnit.DAYS.between(t.dueOn(), today) : 0);
  }

  /** Were any of the dates planned in a year whose holidays are not announced yet? */
  boolean provisional(WorkCalendar calendar) {
    return plans.values().stream().anyMatch(p -> calendar.provisional(p.earliestFinish())
        || (p.latestFinish() != null && calendar.provisional(p.latestFinish())));
  }

  /** The project's outlook for its light, and what it adds to the bottleneck ranking. */
  Planned planned() {
    int red = (int) plans.values().stream().filter(p -> p.flag().equals("red")).count();
    var late = new ArrayList<Late>();
    var waiting = waiting();
    var upstream = new HashSet<String>();
    // an archived project holds nobody up any more
    for (var row : rows.isEmpty() || rows.get(0).archived() ? List.<ScheduleRow>of() : rows) {
      var plan = plans.get(row.task().id());
      boolean red1 = plan.flag().equals("red");
      if (!red1 && !(plan.critical() && plan.flag().equals("yellow"))) continue;
      var on = waiting.get(row.task().id());
      long points = points(red1, on);
      late.add(new Late(row.departmentId(), row.departmentName(), red1, points, on, new JsonObject()
          .put("id", row.task().id()).put("title", row.task().title())
          .put("projectId", row.projectId()).put("projectName", row.projectName())
          .put("dueOn", str(row.task().dueOn())).put("flag", plan.flag()).put("totalFloat", plan.totalFloat())
          .put("daysLate", plan.late() ? (int) ChronoUnit.DAYS.between(row.task().dueOn(), today) : 0)
          .put("projectsWaiting", on.size()).put("weight", points / 100.0)));
    }
    rows.forEach(r -> upstream.addAll(r.upstream()));
    return new Planned(new Light.Outlook(projected, slip(), red), List.copyOf(late), Set.copyOf(upstream));
  }

  /**
   * A step's weight in the ranking, in hundredths: 2 for late work, 1 for tight critical work,
   * times the projects waiting on it plus their investment in tens of 亿元.
   */
  static long points(boolean red, Map<String, Double> waiting) {
    double investment = waiting.values().stream().mapToDouble(Double::doubleValue).sum();
    return Math.round((red ? 2 : 1) * (waiting.size() + investment / 10) * 100);
  }

  /**
   * For each step, the projects waiting on it: its own, those with a step depending on it
   * directly, and those waiting on its successors in this project.
   */
  private Map<String, Map<String, Double>> waiting() {
    var out = new HashMap<String, Map<String, Double>>();
    for (var row : rows) {
      var on = new LinkedHashMap<String, Double>();
      on.put(row.projectId(), row.investmentYi());
      row.waiting().forEach(w -> on.put(w.projectId(), w.investmentYi()));
      out.put(row.task().id(), on);
    }
    // successors before what they depend on: each hands its waiting projects to its prerequisites
    var order = Scheduler.order(rows.stream().map(ScheduleRow::task).toList());
    for (int i = order.size() - 1; i >= 0; i--) {
      var t = order.get(i);
      for (var dep : t.dependsOn()) {
        var before = out.get(dep);
        if (before != null) before.putAll(out.get(t.id()));
      }
    }
    return out;
  }

  private static String str(LocalDate d) {
    return d == null ? null : d.toString();
  }
}
