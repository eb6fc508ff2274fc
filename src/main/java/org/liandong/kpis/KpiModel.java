package org.liandong.kpis;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.liandong.domain.Light;
import org.liandong.domain.Period;
import org.liandong.kpis.KpiRows.Department;
import org.liandong.kpis.KpiRows.Project;
import org.liandong.kpis.KpiTotals.Counted;
import org.liandong.storage.Change;
import org.liandong.storage.Graph;
import org.liandong.storage.KeptRows;
import org.liandong.support.Serial;

/**
 * The read model the battle map's figures come from: one row per project and, per period asked
 * for, one per department ({@link KpiCypher}), kept on this node and read again only for the
 * projects and departments a committed change touched (on any node of a cluster: {@link
 * Graph#onCommitAnywhere}). Each kept period also keeps its project figures as running totals
 * ({@link KpiTotals}): a changed project is taken away as it was counted and added as it is now,
 * so the figures after a change cost the change, not the graph. A new day, a changed account (a
 * leader's name) or {@link #reset} reads and counts everything again. Refreshes run one at a
 * time, in the order asked, so a refresh never overwrites a later one; each drains what was
 * touched before it reads, so a change committed while it reads is read by the next.
 */
final class KpiModel {
  /** The periods kept (the battle map's year, quarter, month, a range or two). */
  private static final int PERIODS = 8;

  /** A period's departments' rows and its project totals. */
  private static final class Kept {
    final Period period;
    final KeptRows<Department> departments = KpiRepository.departmentRows();
    KpiTotals totals;

    Kept(Period period) {
      this.period = period;
    }
  }

  private final Graph graph;
  private final Clock clock;
  private final Light.Outlooks outlooks;
  private final KeptRows<Project> projects = KpiRepository.projectRows();
  /** Departments touched since the last refresh: read again for every period kept. */
  private final Queue<String> departmentsTouched = new ConcurrentLinkedQueue<>();
  private final Serial refreshes = new Serial();

  /** The day the kept rows are of; null: read everything at the next refresh (a rebuild, a failed read). */
  private volatile LocalDate day;
  // read and written only by the refresh under way (one at a time)
  /** Each project as every kept period's totals counted it. */
  private final Map<String, Counted> counted = new HashMap<>();
  private final Map<String, Kept> periods = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
      return size() > PERIODS;
    }
  };

  KpiModel(Graph graph, Clock clock, Light.Outlooks outlooks) {
    this.graph = graph;
    this.clock = clock;
    this.outlooks = outlooks;
    graph.onCommitAnywhere(this::touched);
  }

  /** Reads everything again at the next refresh (the admin's rebuild). */
  void reset() {
    projects.everything();
    day = null;
  }

  /** Figures as JSON and as the bytes sent (encoded off the event loop: a thousand departments' rows). */
  record Answer(JsonObject figures, Buffer bytes) {}

  /** The period's figures as of {@code now}, after reading again what commits touched since the last refresh. */
  Future<Answer> figures(Period period, Instant now) {
    return refreshes.next(() -> refresh(period).compose(kept -> graph.vertx().executeBlocking(() -> {
      var figures = figures(kept, now);
      return new Answer(figures, figures.toBuffer());
    }, false)));
  }

  /** The figures of {@code period} and of every other period kept, as of {@code now}, by period (the rebuild's check). */
  Future<Map<Period, JsonObject>> everyPeriod(Period period, Instant now) {
    return refreshes.next(() -> refresh(period).compose(asked -> graph.vertx().executeBlocking(() -> {
      var out = new LinkedHashMap<Period, JsonObject>();
      for (var kept : periods.values()) out.put(kept.period, figures(kept, now));
      return out;
    }, false)));
  }

  private static JsonObject figures(Kept kept, Instant now) {
    return kept.totals.figures(List.copyOf(kept.departments.values()), now);
  }

  private void touched(List<Change> changes) {
    for (var c : changes) {
      // a project's own changes carry its id as projectId; a department's are on its channel, below
      projects.touch(c.projectId());
      // a leader's name is on every project they champion
      if ("User".equals(c.entity())) projects.everything();
      if (c.seqs() != null) {
        for (var channel : c.seqs().keySet()) {
          if (channel.startsWith("department:")) departmentsTouched.add(channel.substring("department:".length()));
        }
      }
      for (var side : new JsonObject[] {c.before(), c.after()}) {
        if (side != null && side.getValue("departmentId") instanceof String department) departmentsTouched.add(department);
      }
    }
  }

  /** Reads again what was touched, counts the touched projects again in every kept period, and keeps {@code period}. */
  private Future<Kept> refresh(Period period) {
    var today = LocalDate.now(clock);
    if (!today.equals(day)) {
      // a new day (or a rebuild): every figure that reads "today" is read again
      day = today;
      projects.everything();
      periods.clear();
    }
    var someProjects = projects.drain();
    var someDepartments = new HashSet<String>();
    for (String id; (id = departmentsTouched.poll()) != null; ) someDepartments.add(id);
    var kept = periods.get(period.text());
    var asked = kept != null ? kept : new Kept(period);
    // the changed projects are planned while their rows are read (the plan needs only their ids)
    var planning = someProjects == null || someProjects.isEmpty() ? null : outlooks.of(List.copyOf(someProjects));
    // the projects' rows and the departments' are read side by side (two transactions: they are counted apart)
    var projectsRead = graph.read(tx -> projects.read(tx, someProjects, projectParams(today)));
    var departmentsRead = graph.read(tx -> {
      Future<Void> done = Future.succeededFuture();
      for (var k : new ArrayList<>(periods.values())) {
        done = done.compose(v -> k.departments.read(tx, someDepartments, departmentParams(k.period, today, clock)));
      }
      if (kept == null) done = done.compose(v -> asked.departments.read(tx, null, departmentParams(period, today, clock)));
      return done;
    });
    return Future.all(projectsRead, departmentsRead).compose(v -> count(someProjects, planning, asked, today)).onFailure(e -> {
      // what was drained was not counted: every period is read afresh
      day = null;
    });
  }

  /**
   * Counts the projects read again (every project when null, planned now) into every kept
   * period's totals, with their lights' outlooks ({@code planning} for some), and keeps {@code
   * asked} (counted afresh if it is new).
   */
  private Future<Kept> count(Set<String> someProjects, Future<Map<String, Light.Outlook>> planning, Kept asked, LocalDate today) {
    boolean every = someProjects == null;
    if (!every && someProjects.isEmpty() && asked.totals != null) return Future.succeededFuture(asked);
    Future<Map<String, Light.Outlook>> outlooked;
    if (every) {
      var ids = new ArrayList<String>();
      for (var row : projects.values()) ids.add(row.id());
      outlooked = outlooks.of(ids);
    } else {
      outlooked = planning != null ? planning : Future.succeededFuture(Map.of());
    }
    return outlooked.compose(lights -> graph.vertx().executeBlocking(() -> {
      if (every) countAfresh(lights, today); else someProjects.forEach(id -> recount(id, lights.get(id), today));
      periods.put(asked.period.text(), asked);
      for (var k : periods.values()) {
        if (k.totals != null) continue;
        k.totals = new KpiTotals(k.period, today);
        counted.values().forEach(k.totals::add);
      }
      return asked;
    }, false));
  }

  /** Every project counted again with its outlook; every kept period's totals are made again from them. */
  private void countAfresh(Map<String, Light.Outlook> lights, LocalDate today) {
    counted.clear();
    for (var row : projects.values()) counted.put(row.id(), Counted.of(row, lights.get(row.id()), today));
    periods.values().forEach(k -> k.totals = null);
  }

  /** Takes the project away from every kept period's totals as it was counted, and adds it as it is now (if it still is). */
  private void recount(String id, Light.Outlook outlook, LocalDate today) {
    var before = counted.remove(id);
    var row = projects.get(id);
    var after = row == null ? null : Counted.of(row, outlook, today);
    if (after != null) counted.put(id, after);
    for (var k : periods.values()) {
      if (k.totals == null) continue;
      if (before != null) k.totals.remove(before);
      if (after != null) k.totals.add(after);
    }
  }

  static Map<String, Object> projectParams(LocalDate today) {
    return Map.of("today", today);
  }

  static Map<String, Object> departmentParams(Period period, LocalDate today, Clock clock) {
    var zone = clock.getZone();
    return Map.of("today", today, "from", period.from(), "to", period.to(),
        "fromAt", period.from().atStartOfDay(zone), "toAt", period.to().plusDays(1).atStartOfDay(zone));
  }
}
