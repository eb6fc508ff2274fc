package org.liandong.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.liandong.TestServer;
import org.neo4j.driver.summary.Plan;

/**
 * The planner's operators for a statement as a request sends it, EXPLAINed on the embedded
 * Neo4j of the shared test server: a filtered list must start from an index seek, not read a
 * whole label and filter it.
 */
public final class Plans {
  private Plans() {}

  public static List<String> operators(Statement statement) {
    try (var session = TestServer.get().graph().driver().session()) {
      return operators(session.run("EXPLAIN " + statement.cypher(), statement.params()).consume().plan());
    }
  }

  private static List<String> operators(Plan plan) {
    var out = new ArrayList<String>();
    var details = plan.arguments().get("Details");
    var text = details == null || details.isNull() ? "" : details.asString().replaceAll("\\s+", " ");
    out.add(plan.operatorType().replace("@neo4j", "") + (text.isEmpty() ? "" : " " + (text.length() > 90 ? text.substring(0, 90) + "…" : text)));
    plan.children().forEach(c -> out.addAll(operators(c)));
    return out;
  }

  /** The statement seeks an index and scans no label (nor every node) on the way. */
  public static void assertSeeks(String what, Statement statement) {
    var ops = operators(statement);
    assertThat(ops).as("%s seeks an index: %s", what, ops).anyMatch(op -> op.contains("IndexSeek"));
    assertThat(ops).as("%s scans no label: %s", what, ops)
        .noneMatch(op -> op.startsWith("NodeByLabelScan") || op.startsWith("AllNodesScan") || op.startsWith("NodeIndexScan"));
  }
}
