package org.liandong.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;

/** A large graph for the read path, written with UNWIND batches straight through the driver (no change log: the server is told after). */
final class LargeGraph {
  private LargeGraph() {}

  /** A size of the generated graph. */
  record Size(int projects, int obligations, int departments) {
    /** "2000x100000x300": projects, obligations, departments. */
    static Size parse(String text) {
      var parts = text.trim().split("x");
      return new Size(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    }

    String text() {
      return String.format("%,d projects / %,d obligations / %,d departments", projects, obligations, departments);
    }
  }

  /**
   * Grows the generated graph from {@code from} to {@code to} (projects, obligations, departments;
   * {@code from} null: nothing generated yet, and the 500-obligation project is added), printing
   * its progress. Obligations per project stay {@code to.obligations / to.projects}.
   */
  static void generate(Driver driver, Size from, Size to) {
    int projects = to.projects();
    int departments = to.departments();
    int obligations = to.obligations();
    long t0 = System.nanoTime();
    try (var session = driver.session(SessionConfig.defaultConfig())) {
      var depts = new ArrayList<Map<String, Object>>();
      for (int d = from == null ? 0 : from.departments(); d < departments; d++) {
        depts.add(Map.of("id", "bench-d" + d, "name", "基准部门 " + d, "level", d % 3 == 0 ? "city" : "district"));
      }
      session.executeWrite(tx -> tx.run("""
          UNWIND $rows AS r CREATE (:Department {id: r.id, name: r.name, shortName: r.name, level: r.level, version: 1})""",
          Map.of("rows", depts)).consume());
      var today = LocalDate.now();
      if (from == null) big(session, today, departments);
      int perProject = Math.max(1, obligations / projects);
      int batch = 50;
      for (int start = from == null ? 0 : from.projects(); start < projects; start += batch) {
        var rows = new ArrayList<Map<String, Object>>();
        for (int p = start; p < Math.min(projects, start + batch); p++) {
          var obs = new ArrayList<Map<String, Object>>();
          for (int o = 0; o < perProject; o++) {
            var due = today.plusDays((o * 3L + p) % 120 - 20);
            var status = o < perProject / 3 ? "done" : o % 7 == 0 ? "in_progress" : "dispatched";
            var row = new HashMap<String, Object>();
            row.put("id", "bench-p" + p + "-o" + o);
            row.put("title", "基准事项 " + o);
            row.put("department", "bench-d" + ((p * 7 + o) % departments));
            row.put("status", status);
            row.put("dueOn", due);
            row.put("doneOn", status.equals("done") ? due.minusDays(1) : null);
            row.put("durationDays", 1 + o % 5);
            row.put("track", List.of("land", "site", "permits").get(o % 3));
            row.put("dependsOn", o == 0 ? List.of() : List.of("bench-p" + p + "-o" + (o - 1)));
            obs.add(row);
          }
          rows.add(Map.of("id", "bench-" + p, "code", "BENCH-" + p, "name", "基准项目 " + p,
              "signedOn", LocalDate.of(2023, 1 + p % 12, 1 + p % 28), "targetStartOn", today.plusDays(90 + p % 60),
              "targetCompleteOn", today.plusDays(400), "stage", List.of("signed", "filed", "land", "permitted", "started", "producing").get(p % 6),
              "investmentYi", 1.0 + p % 20, "obligations", obs));
        }
        session.executeWrite(tx -> tx.run("""
            UNWIND $rows AS r
            CREATE (p:Project {id: r.id, code: r.code, name: r.name, company: '基准公司', signedOn: r.signedOn,
                               targetStartOn: r.targetStartOn, targetCompleteOn: r.targetCompleteOn, stage: r.stage,
                               investmentYi: r.investmentYi, level: 'city', `new`: true, version: 1})
            WITH p, r
            UNWIND r.obligations AS o
            MATCH (d:Department {id: o.department})
            CREATE (d)-[:OWES]->(x:Obligation {id: o.id, title: o.title, status: o.status, dueOn: o.dueOn, doneOn: o.doneOn,
                                              durationDays: o.durationDays, track: o.track, kind: 'approval', version: 1,
                                              dispatchedAt: datetime()})-[:FOR]->(p)
            WITH x, o
            UNWIND o.dependsOn AS dep
            MATCH (y:Obligation {id: dep})
            CREATE (x)-[:DEPENDS_ON]->(y)""", Map.of("rows", rows)).consume());
        if ((start / batch) % 20 == 0) {
          Benchmark.log("  … %d of %d projects, %d of %d obligations (%d s)", Math.min(projects, start + batch), projects,
              (long) Math.min(projects, start + batch) * perProject, (long) projects * perProject, (System.nanoTime() - t0) / 1_000_000_000L);
        }
      }
    }
    Benchmark.log("  generated in %d s", (System.nanoTime() - t0) / 1_000_000_000L);
  }

  /** One project of 500 obligations, each depending on the one before and the one three before. */
  private static void big(org.neo4j.driver.Session session, LocalDate today, int departments) {
    var obs = new ArrayList<Map<String, Object>>();
    for (int o = 0; o < 500; o++) {
      var deps = new ArrayList<String>();
      if (o > 0) deps.add("bench-big-o" + (o - 1));
      if (o > 2) deps.add("bench-big-o" + (o - 3));
      obs.add(Map.of("id", "bench-big-o" + o, "department", "bench-d" + (o % departments), "durationDays", 1 + o % 3,
          "dependsOn", deps));
    }
    session.executeWrite(tx -> tx.run("""
        CREATE (p:Project {id: 'bench-big', code: 'BENCH-BIG', name: '五百事项项目', company: '基准公司', stage: 'land',
                           level: 'city', signedOn: $today, targetStartOn: $start, investmentYi: 10.0, version: 1})
        WITH p UNWIND $rows AS o
        MATCH (d:Department {id: o.department})
        CREATE (d)-[:OWES]->(:Obligation {id: o.id, title: o.id, status: 'dispatched', durationDays: o.durationDays,
                                          dueOn: $start, track: 'permits', kind: 'approval', version: 1})-[:FOR]->(p)
        WITH collect(o) AS rows
        UNWIND rows AS o UNWIND o.dependsOn AS dep
        MATCH (x:Obligation {id: o.id}), (y:Obligation {id: dep})
        CREATE (x)-[:DEPENDS_ON]->(y)""", Map.of("rows", obs, "today", today, "start", today.plusYears(2))).consume());
  }
}
