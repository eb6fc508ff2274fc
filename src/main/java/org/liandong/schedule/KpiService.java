package org.liandong.schedule;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.liandong.storage.Graph;
import org.liandong.support.Json;
import org.neo4j.driver.Value;

/** The coordination KPIs: projects by stage, newly signed investment, 开工率. */
public final class KpiService {
  static final List<String> STAGES = List.of("signed", "filed", "land", "permitted", "started", "producing");

  private final Graph graph;

  public KpiService(Graph graph) {
    this.graph = graph;
  }

  Future<JsonObject> overview(int year) {
    return graph.query(KpiCypher.OVERVIEW, Map.of("year", year, "stages", STAGES)).map(rows -> {
      var r = rows.get(0);
      long keyNew = r.get("keyNewProjects").asLong();
      long started = r.get("keyNewStarted").asLong();
      return new JsonObject()
          .put("year", year)
          .put("projects", r.get("projects").asLong())
          .put("totalInvestmentYi", round(r.get("totalInvestmentYi").asDouble(), 2))
          .put("byStage", new JsonArray(r.get("byStage").asList(Value::asMap).stream().map(Json::object).toList()))
          .put("newlySigned", new JsonObject()
              .put("count", r.get("signedCount").asLong())
              .put("investmentYi", round(r.get("signedInvestmentYi").asDouble(), 2)))
          .put("keyProjects", new JsonObject()
              .put("total", r.get("keyProjects").asLong())
              .put("new", keyNew)
              .put("newStarted", started)
              // 开工率: started new projects over new projects, as a percentage with one decimal
              .put("startRatePercent", keyNew == 0 ? null : round(100.0 * started / keyNew, 1)));
    });
  }

  private static double round(double value, int places) {
    return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
  }
}
