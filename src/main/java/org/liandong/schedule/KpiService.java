package org.liandong.schedule;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.liandong.projects.Light;
import org.liandong.storage.Graph;
import org.liandong.support.Json;
import org.liandong.support.Period;
import org.liandong.support.SingleFlight;
import org.neo4j.driver.Value;

/** The coordination KPIs: projects by stage, newly signed investment, 开工率. */
public final class KpiService {

  /** Figures are kept until the next change this node commits, or this long (changes on other nodes). */
  private static final long FRESH_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

  private final Graph graph;
  private final Clock clock;
  /**
   * The last figures per year and day: every wall screen asks after every change, and the answer
   * is the same for all of them until the next change.
   */
  private final Map<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

  private record Cached(JsonObject figures, long until) {}

  /** Figures being computed: the requests that arrive meanwhile share one computation. */
  private final SingleFlight<String, JsonObject> computing = new SingleFlight<>();

  private final Light.Outlooks outlooks;

  public KpiService(Graph graph, Clock clock, Light.Outlooks outlooks) {
    this.graph = graph;
    this.clock = clock;
    this.outlooks = outlooks;
    graph.onCommitAnywhere(changes -> {
      cache.clear();
      // a computation under way may have read before this change: later requests start afresh
      // and what it finds is not kept
      computing.forgetAll();
    });
  }

  /** The figures as they stood at {@code asOf} (none kept: each instant is asked once). */
  Future<JsonObject> overview(Period period, java.time.ZonedDateTime asOf) {
    if (asOf == null) return overview(period);
    return graph.asOf(asOf, null, door -> new KpiService(door, door.clock(), outlooks.on(door)).compute(period)
        .map(figures -> figures.put("asOf", asOf.withZoneSameInstant(clock.getZone()).toOffsetDateTime().toString())));
  }

  Future<JsonObject> overview(Period period) {
    var key = period.text() + "@" + LocalDate.now(clock);
    var cached = cache.get(key);
    if (cached != null && cached.until() - System.nanoTime() > 0) return Future.succeededFuture(cached.figures());
    return computing.get(key, () -> compute(period),
        figures -> cache.put(key, new Cached(figures, System.nanoTime() + FRESH_NANOS)));
  }

  /** Everything the battle map shows, read in one transaction so the figures agree. */
  private Future<JsonObject> compute(Period period) {
    var today = LocalDate.now(clock);
    var zone = clock.getZone();
    Map<String, Object> params = Map.of("today", today, "from", period.from(), "to", period.to(),
        "fromAt", period.from().atStartOfDay(zone), "toAt", period.to().plusDays(1).atStartOfDay(zone));
    return graph.read(tx -> tx.list(KpiCypher.OVERVIEW, Map.of("from", period.from(), "to", period.to(),
            "stages", org.liandong.projects.Stage.names()))
        .map(rows -> headline(rows, period))
        .compose(kpis -> tx.list(KpiCypher.DEPARTMENTS, params).map(r -> kpis.put("departments", KpiDetails.departments(r))))
        .compose(kpis -> tx.list(KpiCypher.LEADERS, params).compose(r -> outlooks.of(null)
            .map(s -> kpis.put("leaders", KpiDetails.leaders(r, s, today)))))
        .compose(kpis -> tx.list(KpiCypher.PERMITS, Map.of()).map(r -> kpis.put("permitBundles", KpiDetails.permits(r))))
        .compose(kpis -> tx.list(KpiCypher.LAND_TO_START, params).map(r -> kpis.put("landToStart", KpiDetails.landToStart(r))))
        .compose(kpis -> tx.list(KpiCypher.NEEDS, Map.of()).map(r -> kpis.put("needs", KpiDetails.needs(r))))
        .compose(kpis -> tx.list(KpiCypher.PROGRESS, Map.of()).map(r -> kpis.put("progress", KpiDetails.progress(r, today))))
        .map(kpis -> kpis.put("today", today.toString())));
  }

  private static JsonObject headline(List<Record> rows, Period period) {
    var r = rows.get(0);
    var byStage = new JsonArray(r.get("byStage").asList(Value::asMap).stream().map(Json::object).toList());
    long keyNew = r.get("keyNewProjects").asLong();
    long started = r.get("keyNewStarted").asLong();
    return new JsonObject()
          .put("year", period.from().getYear())
          .put("period", period.json())
          .put("projects", r.get("projects").asLong())
          .put("totalInvestmentYi", round(r.get("totalInvestmentYi").asDouble(), 2))
          .put("byStage", byStage)
          .put("pools", KpiDetails.pools(byStage))
          .put("newlySigned", new JsonObject()
              .put("count", r.get("signedCount").asLong())
              .put("investmentYi", round(r.get("signedInvestmentYi").asDouble(), 2)))
          .put("keyProjects", new JsonObject()
              .put("total", r.get("keyProjects").asLong())
              .put("new", keyNew)
              .put("newStarted", started)
              // 开工率: started new projects over new projects, as a percentage with one decimal
              .put("startRatePercent", keyNew == 0 ? null : round(100.0 * started / keyNew, 1)));
  }

  private static double round(double value, int places) {
    return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
  }
}
