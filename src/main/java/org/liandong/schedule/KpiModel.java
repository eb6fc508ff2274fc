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
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.liandong.schedule.KpiDetails.Row;
import org.liandong.storage.Change;
import org.liandong.storage.Graph;
import org.liandong.storage.Tx;
import org.liandong.support.Period;

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
  record Rows(List<Row> projects, List<Row> departments) {}

  private record Kept(Period period, Map<String, Row> departments) {}

  private final Graph graph;
  private final Clock clock;
  private final Queue<String> projectsTouched = new ConcurrentLinkedQueue<>();
  private final Queue<String> departmentsTouched = new ConcurrentLinkedQueue<>();
  private volatile boolean everything = true;
  private Future<?> tail = Future.succeededFuture();

  // read and written only by the refresh under way (one at a time)
  private LocalDate day;
  private final Map<String, Row> projects = new TreeMap<>();
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
    everything = true;
  }

  /** The rows for the period, after reading again what commits touched since the last refresh. */
  Future<Rows> rows(Period period) {
    synchronized (this) {
      Future<Rows> next = tail.transform(ignored -> refresh(period));
      tail = next;
      return next;
    }
  }

  private void touched(List<Change> changes) {
    for (var c : changes) {
      if (c.projectId() != null) projectsTouched.add(c.projectId());
      switch (c.entity()) {
        case "Project" -> projectsTouched.add(c.entityId());
        case "Department" -> departmentsTouched.add(c.entityId());
        // a leader's name is on every project they champion
        case "User" -> everything = true;
        default -> { }
      }
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
    boolean all = everything || !today.equals(day);
    everything = false;
    var someProjects = drain(projectsTouched);
    var someDepartments = drain(departmentsTouched);
    if (all) {
      day = today;
      projects.clear();
      periods.clear();
    }
    var kept = periods.get(period.text());
    var fresh = kept == null ? new Kept(period, new TreeMap<>()) : kept;
    return graph.read(tx -> {
      Future<Void> done = all ? read(tx, KpiCypher.ALL_PROJECTS + KpiCypher.PROJECT_ROWS, null, projectParams(today), projects)
          : someProjects.isEmpty() ? Future.succeededFuture()
          : read(tx, KpiCypher.SOME_PROJECTS + KpiCypher.PROJECT_ROWS, someProjects, projectParams(today), projects);
      for (var k : new ArrayList<>(periods.values())) {
        if (someDepartments.isEmpty()) break;
        done = done.compose(v -> read(tx, KpiCypher.SOME_DEPARTMENTS + KpiCypher.DEPARTMENT_ROWS, someDepartments, departmentParams(k.period(), today, clock), k.departments()));
      }
      if (kept == null) {
        done = done.compose(v -> read(tx, KpiCypher.ALL_DEPARTMENTS + KpiCypher.DEPARTMENT_ROWS, null, departmentParams(period, today, clock), fresh.departments()));
      }
      return done;
    }).map(v -> {
      periods.put(period.text(), fresh);
      return new Rows(List.copyOf(projects.values()), List.copyOf(fresh.departments().values()));
    }).onFailure(e -> {
      // what was drained is not read: read everything next time
      everything = true;
    });
  }

  /** Reads the rows (of {@code ids}, or all when null) into {@code into}, by id; an id that no longer answers leaves it. */
  private static Future<Void> read(Tx tx, String cypher, Set<String> ids, Map<String, Object> params, Map<String, Row> into) {
    var all = new java.util.HashMap<>(params);
    if (ids != null) all.put("ids", List.copyOf(ids));
    return tx.list(cypher, all).map(records -> {
      if (ids == null) into.clear(); else ids.forEach(into::remove);
      records.forEach(r -> into.put(r.get("id").asString(), Row.of(r)));
      return null;
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

  private static Set<String> drain(Queue<String> queue) {
    var out = new HashSet<String>();
    for (String id; (id = queue.poll()) != null; ) out.add(id);
    return out;
  }
}
