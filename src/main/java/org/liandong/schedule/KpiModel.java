package org.liandong.schedule;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.liandong.schedule.KpiRows.Department;
import org.liandong.schedule.KpiRows.Project;
import org.liandong.storage.Change;
import org.liandong.storage.Graph;
import org.liandong.storage.KeptRows;
import org.liandong.support.Period;
import org.liandong.support.Serial;

/**
 * The read model the battle map's figures come from: one row per project and, per period asked
 * for, one per department ({@link KpiCypher}), kept on this node and read again only for the
 * projects and departments a committed change touched (on any node of a cluster: {@link
 * Graph#onCommitAnywhere}). A new day, a changed account (a leader's name) or {@link #reset}
 * reads everything again. Refreshes run one at a time, in the order asked, so a refresh never
 * overwrites a later one; each drains what was touched before it reads, so a change committed
 * while it reads is read by the next.
 */
final class KpiModel {
  /** The periods whose department rows are kept (the battle map's year, quarter, month, a range or two). */
  private static final int PERIODS = 8;

  /** What the figures are assembled from. */
  record Rows(List<Project> projects, List<Department> departments) {}

  private record Kept(Period period, KeptRows<Department> departments) {}

  private final Graph graph;
  private final Clock clock;
  private final KeptRows<Project> projects = new KeptRows<>(KpiCypher.ALL_PROJECTS + KpiCypher.PROJECT_ROWS,
      KpiCypher.SOME_PROJECTS + KpiCypher.PROJECT_ROWS, Project::of);
  /** Departments touched since the last refresh: read again for every period kept. */
  private final Queue<String> departmentsTouched = new ConcurrentLinkedQueue<>();
  private final Serial refreshes = new Serial();

  /** The day the kept rows are of; null: read everything at the next refresh (a rebuild, a failed read). */
  private volatile LocalDate day;
  // read and written only by the refresh under way (one at a time)
  private final Map<String, Kept> periods = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
      return size() > PERIODS;
    }
  };

  KpiModel(Graph graph, Clock clock) {
    this.graph = graph;
    this.clock = clock;
    graph.onCommitAnywhere(this::touched);
  }

  /** Reads everything again at the next refresh (the admin's rebuild). */
  void reset() {
    projects.everything();
    day = null;
  }

  /** The rows for the period, after reading again what commits touched since the last refresh. */
  Future<Rows> rows(Period period) {
    return refreshes.next(() -> refresh(period));
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

  private Future<Rows> refresh(Period period) {
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
    var asked = kept != null ? kept : new Kept(period, new KeptRows<>(KpiCypher.ALL_DEPARTMENTS + KpiCypher.DEPARTMENT_ROWS,
        KpiCypher.SOME_DEPARTMENTS + KpiCypher.DEPARTMENT_ROWS, Department::of));
    return graph.read(tx -> {
      Future<Void> done = projects.read(tx, someProjects, projectParams(today));
      for (var k : new ArrayList<>(periods.values())) {
        done = done.compose(v -> k.departments().read(tx, someDepartments, departmentParams(k.period(), today, clock)));
      }
      if (kept == null) done = done.compose(v -> asked.departments().read(tx, null, departmentParams(period, today, clock)));
      return done;
    }).map(v -> {
      periods.put(period.text(), asked);
      return new Rows(List.copyOf(projects.values()), List.copyOf(asked.departments().values()));
    }).onFailure(e -> {
      // the departments drained were not read: every period is read afresh
      day = null;
    });
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
