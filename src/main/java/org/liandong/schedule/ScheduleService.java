package org.liandong.schedule;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.liandong.domain.Light;
import org.liandong.domain.WorkCalendar;
import org.liandong.storage.Graph;
import org.liandong.storage.Touched;
import org.liandong.storage.Work;
import org.liandong.support.EncodedArray;
import org.liandong.support.Serial;
import org.liandong.support.SingleFlight;

/** 倒排序时 per project, re-planning, what-if delay impact across projects, and the bottleneck departments. */
public final class ScheduleService implements Light.Outlooks {
  private final ScheduleRepository repository;
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
    this(new ScheduleRepository(graph), clock, calendar, yellowFloat, new PlanCache());
    graph.onCommitAnywhere(changes -> {
      for (var id : kept.forget(changes)) rankTouched.touch(id);
      ranked.clear();
      ranking.forgetAll();
    });
  }

  private ScheduleService(ScheduleRepository repository, Clock clock, WorkCalendar calendar, int yellowFloat, PlanCache kept) {
    this.repository = repository;
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
    return new ScheduleService(new ScheduleRepository(door), door.clock(), calendar, yellowFloat, null);
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

  /** The plans kept, and those of the projects a change touched since planned again, off the event loop (every project when null). */
  private Future<Map<String, ProjectPlan.Planned>> planned(List<String> projectIds) {
    if (kept == null) return plan(projectIds);
    var today = today();
    var known = kept.all();
    Future<List<String>> ids = projectIds != null ? Future.succeededFuture(projectIds)
        : known != null ? Future.succeededFuture(List.copyOf(known))
        : repository.projectIds().map(every -> {
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
          var plan = planned.getOrDefault(id, ProjectPlan.NOTHING);
          out.put(id, plan);
          kept.keep(id, plan, today, readAt);
        }
        return out;
      });
    });
  }

  public Future<JsonObject> schedule(String projectId) {
    return preview(projectId, null, Map.of());
  }

  /**
   * The schedule as it would be with another target start and other durations, for the page to
   * show before anything is saved; writes nothing.
   */
  Future<JsonObject> preview(String projectId, LocalDate targetStartOn, Map<String, Integer> durations) {
    return repository.targetStart(projectId).compose(saved -> repository.rows(List.of(projectId)).map(rows -> {
      var target = targetStartOn != null ? targetStartOn : saved.orElse(null);
      var changed = rows.stream().map(r -> durations.containsKey(r.task().id()) ? r.withDuration(durations.get(r.task().id())) : r).toList();
      var plan = new ProjectPlan(scheduler, changed, target, today());
      return plan.json(projectId, plan.provisional(calendar));
    }));
  }

  /**
   * 倒排序时 as an action, inside the caller's transaction (which holds the project, as it is:
   * its {@code currentTarget} and whether it has {@code started}): the project's open steps given
   * due dates backward from {@code targetStart} (its own when null), with the schedule before and
   * after. Writes nothing: the caller writes the dates it accepts.
   */
  public Work<Replanning> replanning(String projectId, LocalDate targetStart, LocalDate currentTarget, boolean started) {
    var today = today();
    return repository.rows(projectId).map(rows -> Replanning.of(scheduler, rows, targetStart, currentTarget, started, today));
  }

  /** One step of a plan not yet in the graph (a track template's item). */
  public record Step(String key, String title, int durationDays, List<String> dependsOn, String track, String kind) {}

  /**
   * 倒排序时 for steps not yet in the graph: the latest working day each may finish for the last
   * to finish by the target start. A step that does not gate the start (a company need, work
   * after the start milestone) and holds nothing that does is due its working days after the
   * target start.
   */
  public Map<String, LocalDate> backward(List<Step> steps, LocalDate targetStart) {
    var tasks = steps.stream().map(s -> new Scheduler.Task(s.key(), s.title(), s.durationDays(), null, false, null, null,
        s.dependsOn(), s.track(), s.kind())).toList();
    var due = new LinkedHashMap<>(scheduler.backward(tasks, targetStart));
    for (var s : steps) due.computeIfAbsent(s.key(), k -> calendar.addWorkdays(targetStart, Math.max(1, s.durationDays())));
    return due;
  }

  /**
   * Plans the projects: each one's outlook for its light and what it adds to the bottleneck
   * ranking ({@link ProjectPlan#planned}). The planning runs on a worker thread: at start-up, or
   * through another door, it is every project's.
   */
  private Future<Map<String, ProjectPlan.Planned>> plan(List<String> projectIds) {
    var today = today();
    // every project's obligations at start-up: read out of the driver's records on the worker too
    return repository.records(projectIds).compose(records -> repository.graph().vertx().executeBlocking(() -> {
      var byProject = new LinkedHashMap<String, List<ScheduleRow>>();
      for (var record : records) {
        var r = repository.row(record);
        byProject.computeIfAbsent(r.projectId(), k -> new ArrayList<>()).add(r);
      }
      var out = new HashMap<String, ProjectPlan.Planned>();
      byProject.forEach((id, rows) -> out.put(id, new ProjectPlan(scheduler, rows, rows.get(0).targetStart(), today).planned()));
      return out;
    }, false));
  }

  /** If this obligation slipped by {@code days} working days, what would move? Writes nothing. */
  Future<JsonObject> impact(String obligationId, int days) {
    return repository.gated(obligationId).compose(projectIds -> repository.rows(projectIds)
        .compose(rows -> repository.champions(projectIds).map(champions -> new Impact(scheduler).of(obligationId, days, rows, champions, today()))));
  }

  /**
   * Departments ranked by the late work and the tight critical work they hold ({@link
   * Bottlenecks}), from each project's kept plan: a change plans its project again and only that
   * project is counted again; the ranking is kept, encoded, until the next commit. With {@code
   * first}, only that many of the first departments (what a battle map or a wall shows; every
   * department holding such work when null).
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

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
