package org.liandong.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.TestServer;
import org.neo4j.driver.summary.Plan;

/** The schedule's read for some projects seeks them by id (a filter written as "$x IS NULL OR", or an IN the planner scans, reads every project). */
@DisplayName("The schedule's read uses the index on the projects it is given")
class PlanIT {
  private static List<String> operators(Plan plan) {
    var out = new ArrayList<String>();
    out.add(plan.operatorType());
    plan.children().forEach(c -> out.addAll(operators(c)));
    return out;
  }

  private static List<String> explain(List<String> projectIds) {
    try (var session = TestServer.get().graph().driver().session()) {
      var summary = session.run("EXPLAIN " + ScheduleRepository.tasks(projectIds),
          projectIds == null ? java.util.Map.of() : java.util.Map.of("projectIds", projectIds)).consume();
      return operators(summary.plan());
    }
  }

  @Test
  @DisplayName("for given projects: an index seek on Project, no label scan; for every project, the scan it asks for")
  void seeksTheProjects() {
    var some = explain(List.of("p-hadian", "p-n7"));
    assertThat(some).as("%s", some).anyMatch(op -> op.contains("IndexSeek"));
    assertThat(some).as("%s", some).noneMatch(op -> op.contains("NodeByLabelScan") || op.contains("AllNodesScan"));
    assertThat(explain(null)).as("every project is read on purpose").anyMatch(op -> op.contains("Scan"));
  }
}
