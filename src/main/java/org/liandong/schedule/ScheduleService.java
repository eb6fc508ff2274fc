package org.liandong.schedule;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.liandong.projects.Light;
import org.liandong.storage.Graph;
import org.liandong.storage.Touched;
import org.liandong.support.EncodedArray;
import org.liandong.support.Serial;
import org.liandong.support.SingleFlight;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** 倒排序时 per project, what-if delay impact across projects, and the bottleneck departments. */
public final class ScheduleService implements Light.Outlooks {
  private static final Set<String> MILESTONE_KINDS = Set.of("permit", "milestone");

  private final Graph graph;
  private final Clock clock;
  private final Scheduler scheduler;
  private final WorkCalendar calendar;

  private final int yellowFloat;
  /** Null through another door (as of an instant): that graph is read once and never changes. */
  private final PlanCache kept;

  /** The bottleneck ranking for a day, until the next commit anywhere (every battle map asks after every change). */
  private final Map<LocalDate, EncodedArray.Encoded> ranked = new ConcurrentHashMap<>();
  private final SingleFlight<LocalDate, EncodedArray.Encoded> ranking = new SingleFlight<>();

  /** The ranking counted plan by plan; brought up to date one request at a time. */
  private final Bottlenecks counted = new Bottlenecks();
  private final Serial ranks = new Serial();
  /** The projects commits touched since the ranking last counted them: only their plans are counted again (every project's at first, after a rebuild or a failed ranking, on a new day). */
  private final Touched rankTouched = new Touched();
  private volatile LocalDate rankedOn;

  /** A department's obligations in the ranking: its most urgent this many (its counts are of all). */
  static final int BOTTLENECK_OBLIGATIONS = 20;

  public ScheduleService(Graph graph, Clock clock, WorkCalendar calendar, int yellowFloat) {
    this(graph, clock, calendar, yellowFloat, new PlanCache());
    graph.onCommitAnywhere(changes -> {
      kept.forget(changes);
      for (var c : changes) rankTouched.touch(c.projectId());
      ranked.clear();
      ranking.forgetAll();
    });
  }

  private ScheduleService(Graph graph, Clock clock, WorkCalendar calendar, int yellowFloat, PlanCache kept) {
    this.graph = graph;
    this.clock = clock;
    this.calendar = calendar;
    this.yellowFloat = yellowFloat;
    this.scheduler = new Scheduler(calendar, yellowFloat);
    this.kept = kept;
  }

  @Override
  public void reset() {
    if (kept != null) kept.reset();
    rankTouched.everything();
    ranked.clear();
    ranking.forgetAll();
  }

  @Override
  public ScheduleService on(Graph door) {
    return new ScheduleService(door, door.clock(), calendar, yellowFloat, null);
  }

  /** The outlooks kept, and those of the projects a change touched since planned again (every project when null). */
  @Override
  public Future<Map<String, Light.Outlook>> of(List<String> projectIds) {
    return planned(projectIds).map(plans -> {
      var out = new HashMap<String, Light.Outlook>();
      plans.forEach((id, planned) -> out.put(id, planned.outlook()));
      return out;
    });
  }

  /**
   * A project's plan as the battle map reads it: the outlook its light takes, and its critical
   * obligations that are late or nearly late (what it adds to the bottleneck ranking).
   */
  record Planned(Light.Outlook outlook, List<Late> late) {}

  /** A late or nearly late obligation on a project's critical path, and the department that owes it. */
  record Late(String departmentId, String departmentName, boolean red, JsonObject obligation) {}

  /** The plans kept, and those of the projects a change touched since planned again, off the event loop (every project when null). */
  private Future<Map<String, Planned>> planned(List<String> projectIds) {
    if (kept == null) return plan(projectIds);
    var today = today();
    var known = kept.all();
    Future<List<String>> ids = projectIds != null ? Future.succeededFuture(projectIds)
        : known != null ? Future.succeededFuture(List.copyOf(known))
        : graph.query(ScheduleCypher.PROJECT_IDS, Map.of()).map(rows -> {
          var every = rows.stream().map(r -> r.get("id").asString()).toList();
          kept.all(every);
          return every;
        });
    return ids.compose(all -> {
      long readAt = System.nanoTime();
      var out = new HashMap<>(kept.known(all, today));
      var missing = all.stream().filter(id -> !out.containsKey(id)).distinct().toList();
      if (missing.isEmpty()) return Future.succeededFuture(out);
      return plan(missing).map(planned -> {
        for (var id : missing) {
          var plan = planned.getOrDefault(id, NOTHING_PLANNED);
          out.put(id, plan);
          kept.keep(id, plan, today, readAt);
        }
        return out;
      });
    });
  }

  /** A project with no obligations: nothing projected, nothing late. */
  private static final Planned NOTHING_PLANNED = new Planned(new Light.Outlook(null, null, 0), List.of());

  /** An obligation with what the schedule needs beside the task itself. */
  record Row(String projectId, String projectName, LocalDate targetStart, String kind, String departmentId,
             String departmentName, String status, Long durationDays, Scheduler.Task task) {}

  public Future<JsonObject> schedule(String projectId) {
    return preview(projectId, null, Map.of());
  }

  /**
   * The schedule as it would be with another target start and other durations, for the page to
   * show before anything is saved; writes nothing.
   */
  Future<JsonObject> preview(String projectId, LocalDate targetStartOn, Map<String, Integer> durations) {
    return graph.query(ScheduleCypher.PROJECT, Map.of("id", projectId)).compose(found -> {
      if (found.isEmpty()) return Future.failedFuture(org.liandong.storage.Node.Project.notFound(projectId));
      var targetStart = targetStartOn != null ? targetStartOn : date(found.get(0).get("targetStartOn"));
      return rows(List.of(projectId)).map(rows -> project(projectId, targetStart, withDurations(rows, durations), today()));
    });
  }

  private static List<Row> withDurations(List<Row> rows, Map<String, Integer> durations) {
    if (durations.isEmpty()) return rows;
    return rows.stream().map(r -> {
      var d = durations.get(r.task().id());
      if (d == null) return r;
      var t = r.task();
      return new Row(r.projectId(), r.projectName(), r.targetStart(), r.kind(), r.departmentId(), r.departmentName(), r.status(),
          d.longValue(), new Scheduler.Task(t.id(), t.title(), d, t.dueOn(), t.done(), t.doneOn(), t.started(), t.dependsOn()));
    }).toList();
  }

  /** One step of a plan not yet in the graph (a track template's item). */
  public record Step(String key, String title, int durationDays, List<String> dependsOn) {}

  /**
   * 倒排序时 for steps not yet in the graph: the latest working day each may finish for the last
   * to finish by the target start.
   */
  public Map<String, LocalDate> backward(List<Step> steps, LocalDate targetStart) {
    var tasks = steps.stream().map(s -> new Scheduler.Task(s.key(), s.title(), s.durationDays(), null, false, null, null,
        s.dependsOn())).toList();
    var plans = scheduler.plan(tasks, targetStart, today());
    var out = new LinkedHashMap<String, LocalDate>();
    steps.forEach(s -> out.put(s.key(), plans.get(s.key()).latestFinish()));
    return out;
  }

  private JsonObject project(String projectId, LocalDate targetStart, List<Row> rows, LocalDate today) {
    var tasks = rows.stream().map(Row::task).toList();
    var plans = scheduler.plan(tasks, targetStart, today);
    var items = new JsonArray();
    var critical = new JsonArray();
    var projected = plannedStart(rows, plans, targetStart);
    for (var row : rows) {
      var plan = plans.get(row.task().id());
      if (plan.critical()) critical.add(row.task().id());
      items.add(new JsonObject().put("id", row.task().id()).put("title", row.task().title()).put("kind", row.kind())
          .put("status", row.status()).put("departmentId", row.departmentId()).put("departmentName", row.departmentName())
          .put("durationDays", row.durationDays()).put("dueOn", str(row.task().dueOn()))
          .put("dependsOn", new JsonArray(row.task().dependsOn()))
          .put("earliestStart", str(plan.earliestStart())).put("earliestFinish", str(plan.earliestFinish()))
          .put("latestStart", str(plan.latestStart())).put("latestFinish", str(plan.latestFinish()))
          .put("totalFloat", plan.totalFloat()).put("critical", plan.critical()).put("flag", plan.flag()));
    }
    var sorted = new ArrayList<>(items.stream().map(JsonObject.class::cast).toList());
    sorted.sort(Comparator.comparing((JsonObject o) -> o.getString("latestStart")).thenComparing(o -> o.getString("id")));
    Integer slip = projected == null ? null : slip(projected, targetStart);
    var provisional = rows.stream().map(r -> plans.get(r.task().id())).anyMatch(p -> calendar.provisional(p.latestFinish())
        || calendar.provisional(p.earliestFinish()));
    return new JsonObject().put("projectId", projectId).put("today", today.toString()).put("calendarProvisional", provisional)
        .put("targetStartOn", str(targetStart)).put("projectedStartOn", str(projected)).put("slipWorkdays", slip)
        .put("criticalPath", critical).put("items", new JsonArray(new ArrayList<>(sorted)));
  }

  /** When the pre-start obligations are projected to finish: the latest of their earliest finishes. */
  private static LocalDate plannedStart(List<Row> rows, Map<String, Scheduler.Plan> plans, LocalDate targetStart) {
    if (targetStart == null) return null;
    LocalDate projected = null;
    for (var row : rows) {
      if (!preStart(row, targetStart)) continue;
      var finish = plans.get(row.task().id()).earliestFinish();
      if (projected == null || finish.isAfter(projected)) projected = finish;
    }
    return projected;
  }

  private int slip(LocalDate projected, LocalDate targetStart) {
    return Math.max(0, scheduler.day(projected) - scheduler.day(targetStart));
  }

  /**
   * Plans the projects: each one's outlook for its light ({@link Light}: its projected start and
   * slip against the target start, none without a target start or obligations before it, and its
   * red steps) and its late critical work. The planning runs on a worker thread: at start-up, or
   * through another door, it is every project's.
   */
  private Future<Map<String, Planned>> plan(List<String> projectIds) {
    var today = today();
    // every project's obligations at start-up: read out of the driver's records on the worker too
    return records(projectIds).compose(records -> graph.vertx().executeBlocking(() -> {
      var byProject = new LinkedHashMap<String, List<Row>>();
      for (var record : records) {
        var r = row(record);
        byProject.computeIfAbsent(r.projectId(), k -> new ArrayList<>()).add(r);
      }
      var out = new HashMap<String, Planned>();
      byProject.forEach((id, project) -> out.put(id, plan(project, today)));
      return out;
    }, false));
  }

  private Planned plan(List<Row> project, LocalDate today) {
    var target = project.get(0).targetStart();
    var plans = scheduler.plan(project.stream().map(Row::task).toList(), target, today);
    var projected = plannedStart(project, plans, target);
    int red = (int) plans.values().stream().filter(p -> p.flag().equals("red")).count();
    var late = new ArrayList<Late>();
    if (!project.stream().allMatch(r -> r.task().done())) {
      for (var row : project) {
        var plan = plans.get(row.task().id());
        if (!plan.critical() || plan.flag().equals("green") || plan.flag().equals("done")) continue;
        late.add(new Late(row.departmentId(), row.departmentName(), plan.flag().equals("red"),
            new JsonObject().put("id", row.task().id()).put("title", row.task().title())
                .put("projectId", row.projectId()).put("projectName", row.projectName()).put("flag", plan.flag())
                .put("totalFloat", plan.totalFloat())));
      }
    }
    return new Planned(new Light.Outlook(projected, projected == null ? null : slip(projected, target), red), List.copyOf(late));
  }

  /** If this obligation slipped by {@code days} working days, what would move? Writes nothing. */
  Future<JsonObject> impact(String obligationId, int days) {
    return graph.query(ScheduleCypher.GATED, Map.of("id", obligationId)).compose(found -> {
      var projectIds = found.isEmpty() ? List.<String>of() : found.get(0).get("projectIds").asList(Value::asString);
      if (projectIds.isEmpty()) return Future.failedFuture(org.liandong.storage.Node.Obligation.notFound(obligationId));
      return rows(projectIds).compose(rows -> graph.query(ScheduleCypher.CHAMPIONS, Map.of("projectIds", projectIds))
          .map(champions -> impact(obligationId, days, rows, champions)));
    });
  }

  private JsonObject impact(String obligationId, int days, List<Row> rows, List<Record> champions) {
    var today = today();
    var tasks = rows.stream().map(Row::task).toList();
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
      departments.computeIfAbsent(row.departmentId(), k -> new JsonObject().put("id", k)
          .put("name", row.departmentName()).put("obligations", 0));
      departments.get(row.departmentId()).put("obligations", departments.get(row.departmentId()).getInteger("obligations") + 1);
      projects.computeIfAbsent(row.projectId(), k -> new JsonObject().put("id", k).put("name", row.projectName()));
    }
    for (var entry : projects.entrySet()) {
      var inProject = rows.stream().filter(r -> r.projectId().equals(entry.getKey())).toList();
      var target = inProject.get(0).targetStart();
      int startBefore = projectedStart(inProject, before, target);
      int startAfter = projectedStart(inProject, after, target);
      entry.getValue().put("targetStartOn", str(target))
          .put("projectedStartBefore", startBefore < 0 ? null : str(scheduler.date(startBefore)))
          .put("projectedStartAfter", startAfter < 0 ? null : str(scheduler.date(startAfter)))
          .put("startSlipWorkdays", startBefore < 0 ? 0 : startAfter - startBefore);
    }
    var leaders = new JsonArray();
    for (var c : champions) {
      var theirs = c.get("projectIds").asList(Value::asString).stream().filter(projects::containsKey).toList();
      if (!theirs.isEmpty()) leaders.add(new JsonObject().put("id", c.get("id").asString())
          .put("displayName", c.get("displayName").asString()).put("projectIds", new JsonArray(theirs)));
    }
    return new JsonObject().put("obligationId", obligationId).put("workdays", days).put("today", today.toString())
        .put("obligations", moved).put("milestones", milestones)
        .put("projects", new JsonArray(new ArrayList<>(projects.values())))
        .put("departments", new JsonArray(new ArrayList<>(departments.values()))).put("leaders", leaders);
  }

  private int projectedStart(List<Row> rows, Map<String, Integer> finish, LocalDate target) {
    if (target == null) return -1;
    return rows.stream().filter(r -> preStart(r, target)).mapToInt(r -> finish.get(r.task().id())).max().orElse(-1);
  }

  /**
   * Departments ranked by the late and nearly late critical-path obligations they hold, from
   * each project's kept plan: a change plans its project again and {@link Bottlenecks} counts
   * only that project again; the ranking is kept, encoded, until the next commit. With {@code
   * first}, only that many of the most late departments (what a battle map or a wall shows; every
   * department with late work when null).
   */
  Future<Buffer> bottlenecks(Integer first) {
    var today = today();
    var kept = ranked.get(today);
    Future<EncodedArray.Encoded> encoded = kept != null ? Future.succeededFuture(kept) : ranking.get(today, this::rank, r -> {
      ranked.clear();
      ranked.put(today, r);
    });
    return encoded.map(r -> first == null ? r.all() : r.first(first));
  }

  /** Plans every project and ranks the departments now (at start-up), so the first battle map does not wait for them. */
  public Future<Void> warm() {
    return bottlenecks(null).mapEmpty();
  }

  private Future<EncodedArray.Encoded> rank() {
    // one ranking at a time: it is brought up to date from the plans it last counted, taking
    // again only the projects changed since (every project's at first and on a new day)
    return ranks.next(() -> {
      var today = today();
      if (!today.equals(rankedOn)) rankTouched.everything();
      var some = rankTouched.drain();
      return planned(some == null ? null : List.copyOf(some)).map(plans -> {
        if (some == null) counted.update(plans); else counted.updateSome(plans);
        rankedOn = today;
        return counted.ranking(BOTTLENECK_OBLIGATIONS);
      }).onFailure(e -> rankTouched.everything());
    });
  }

  private Future<List<Row>> rows(List<String> projectIds) {
    return records(projectIds).map(records -> records.stream().map(this::row).toList());
  }

  private Future<List<Record>> records(List<String> projectIds) {
    return graph.query(tasks(projectIds), projectIds == null ? Map.of() : Map.of("projectIds", projectIds));
  }

  /** The tasks' read: of the projects given, each sought by id, or of every project (null). */
  static String tasks(List<String> projectIds) {
    return (projectIds == null ? ScheduleCypher.TASKS_ALL : ScheduleCypher.TASKS_OF) + ScheduleCypher.TASKS_RETURN;
  }

  private Row row(Record r) {
    var o = r.get("o");
    var status = o.get("status").asString();
    var accepted = o.get("acceptedAt").isNull() ? null : ((ZonedDateTime) o.get("acceptedAt").asObject())
        .withZoneSameInstant(clock.getZone()).toLocalDate();
    boolean started = accepted != null && !status.equals("dispatched") && !status.equals("blocked");
    var duration = o.get("durationDays").isNull() ? null : o.get("durationDays").asLong();
    var task = new Scheduler.Task(o.get("id").asString(), o.get("title").asString(),
        duration == null ? 1 : duration.intValue(), date(o.get("dueOn")), status.equals("done"), date(o.get("doneOn")),
        started ? accepted : null, o.get("dependsOn").asList(Value::asString));
    return new Row(r.get("projectId").asString(), r.get("projectName").asString(), date(r.get("targetStartOn")),
        o.get("kind").asString(null), o.get("departmentId").asString(), o.get("departmentName").asString(),
        status, duration, task);
  }

  private static boolean preStart(Row row, LocalDate targetStart) {
    return row.task().dueOn() == null || !row.task().dueOn().isAfter(targetStart);
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private static LocalDate date(Value v) {
    return v == null || v.isNull() ? null : v.asLocalDate();
  }

  private static String str(LocalDate d) {
    return d == null ? null : d.toString();
  }
}
