package org.liandong.console;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.liandong.config.AppConfig;
import org.liandong.storage.Tx;
import org.liandong.support.Failure;
import org.liandong.support.Text;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.ProfiledPlan;

/** One console query inside its READ transaction: planned, executed within the caps, answered as JSON. */
final class Runner {
  private final AppConfig.Console limits;
  private final ConsoleService.Ask ask;

  Runner(AppConfig.Console limits, ConsoleService.Ask ask) {
    this.limits = limits;
    this.ask = ask;
  }

  String plan() {
    return ask.plan();
  }

  Future<Tx.Capped> explain(Tx tx) {
    return tx.capped("EXPLAIN " + ask.cypher(), ask.params().getMap(), 0, 0, r -> 0);
  }

  Future<Tx.Capped> execute(Tx tx) {
    var text = "profile".equals(ask.plan()) ? "PROFILE " + ask.cypher() : ask.cypher();
    return tx.capped(text, ask.params().getMap(), ask.rowCap(), limits.maxBytes(),
        record -> record.values().stream().mapToLong(Results::size).sum());
  }

  JsonObject answer(Tx.Capped planned, Tx.Capped executed, long t0) {
    var results = new Results();
    var rows = new JsonArray();
    if (executed != null) {
      for (var record : executed.records()) {
        var row = new JsonArray();
        record.values().forEach(v -> row.add(results.value(v)));
        rows.add(row);
      }
    }
    var summary = new JsonObject()
        .put("ms", (System.nanoTime() - t0) / 1_000_000)
        .put("rows", rows.size())
        .put("truncated", executed != null && executed.truncated())
        .put("rowCap", ask.rowCap())
        .put("maxBytes", limits.maxBytes())
        .put("queryType", String.valueOf(planned.summary().queryType()));
    var out = new JsonObject()
        .put("columns", new JsonArray(executed == null ? List.of() : executed.keys()))
        .put("rows", rows)
        .put("graph", new JsonObject().put("nodes", new JsonArray(new ArrayList<>(results.nodes.values())))
            .put("relationships", new JsonArray(new ArrayList<>(results.relationships.values()))))
        .put("summary", summary);
    var source = executed != null && executed.summary().hasProfile() ? executed.summary() : planned.summary();
    if (source.hasPlan() && (executed == null || executed.summary().hasProfile())) {
      out.put("plan", plan(source.hasProfile() ? source.profile() : source.plan()));
    }
    return out;
  }

  private static JsonObject plan(Plan p) {
    var json = new JsonObject().put("operator", p.operatorType()).put("identifiers", new JsonArray(p.identifiers()));
    var details = p.arguments().get("Details");
    if (details != null) json.put("details", details.asObject().toString());
    if (p instanceof ProfiledPlan pp) json.put("rows", pp.records()).put("dbHits", pp.dbHits());
    var children = new JsonArray();
    p.children().forEach(c -> children.add(plan(c)));
    return json.put("children", children);
  }

  /**
   * The database's verdict in words an analyst can act on. A syntax error keeps Neo4j's text
   * (without our EXPLAIN prefix); an error while running names its kind, never the values it
   * met (they could be anything the query touched).
   */
  static Failure translate(Throwable error, java.time.Duration budget) {
    if (error instanceof Failure f) return f;
    if (error instanceof Neo4jException ce && String.valueOf(ce.code()).contains("Terminated")
        && !String.valueOf(ce.code()).contains("TimedOut")) {
      return Failure.unprocessable("cypher", Text.key("server.console.stoppedYourRequest"));
    }
    if (error instanceof ClientException ce) {
      var code = String.valueOf(ce.code());
      if (code.contains("TransactionTimedOut")) {
        return Failure.unprocessable("cypher", Text.key("server.console.stoppedAfterLimitS", "toSeconds", budget.toSeconds()));
      }
      if (code.contains("Memory")) {
        return Failure.unprocessable("cypher", Text.key("server.console.stoppedNeededMoreMemory"));
      }
      if (code.contains("AccessMode") || code.contains("Forbidden")) {
        return ConsoleService.refused(Text.key("server.console.databaseRefusedReadOnly"), null);
      }
      if (code.contains("SyntaxError") || code.contains("SemanticError") || code.contains("ArgumentError")
          || code.contains("TypeError")) {
        // the first line says what is wrong; the lines below quote the query or the value met
        var first = String.valueOf(ce.getMessage()).lines().findFirst().orElse("")
            .replace("EXPLAIN ", "").replace("PROFILE ", "").replaceAll("'[^']*'|\"[^\"]*\"", "…");
        return Failure.invalid("cypher", Text.key("server.console.queryWrong", "problem", first));
      }
      var kind = code.substring(code.lastIndexOf('.') + 1);
      return Failure.unprocessable("cypher", Text.key("server.console.queryFailedWhileRunning", "kind", kind));
    }
    return Failure.unprocessable("cypher", Text.key("server.console.queryFailed"));
  }

  /** EXPLAIN's word on the query: read-only or not (the guard on the parse tree has spoken first). */
  static boolean readOnly(org.liandong.storage.Tx.Capped planned) {
    return planned.summary().queryType() == org.neo4j.driver.summary.QueryType.READ_ONLY;
  }

  static String queryType(org.liandong.storage.Tx.Capped planned) {
    return String.valueOf(planned.summary().queryType());
  }
}
