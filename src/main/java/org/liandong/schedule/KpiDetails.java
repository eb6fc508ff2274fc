package org.liandong.schedule;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.liandong.projects.Light;
import org.liandong.support.Json;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** Turns the KPI queries' rows into figures: rates, medians, 序时 progress. */
final class KpiDetails {
  private KpiDetails() {}

  static final List<String> STAGES = org.liandong.projects.Stage.names();

  /** The four pools 签约 / 备案 / 开工 / 投产 (each counting the later stages too) and five rates. */
  static JsonObject pools(JsonArray byStage) {
    var counts = new LinkedHashMap<String, Long>();
    for (var stage : List.of("signed", "filed", "started", "producing")) {
      long n = 0;
      for (var s : byStage) {
        var row = (JsonObject) s;
        if (STAGES.indexOf(row.getString("stage")) >= STAGES.indexOf(stage)) n += row.getLong("count");
      }
      counts.put(stage, n);
    }
    var rates = new JsonObject()
        .put("filedOfSigned", rate(counts.get("filed"), counts.get("signed")))
        .put("startedOfFiled", rate(counts.get("started"), counts.get("filed")))
        .put("producingOfStarted", rate(counts.get("producing"), counts.get("started")))
        .put("startedOfSigned", rate(counts.get("started"), counts.get("signed")))
        .put("producingOfSigned", rate(counts.get("producing"), counts.get("signed")));
    return new JsonObject().put("signed", counts.get("signed")).put("filed", counts.get("filed"))
        .put("started", counts.get("started")).put("producing", counts.get("producing")).put("ratesPercent", rates);
  }

  static JsonArray departments(List<Record> rows) {
    var out = new JsonArray();
    for (var r : rows) {
      long done = r.get("done").asLong();
      out.add(new JsonObject().put("id", r.get("id").asString()).put("name", r.get("name").asString())
          .put("owed", r.get("owed").asLong()).put("done", done)
          .put("onTimePercent", rate(r.get("doneOnTime").asLong(), done))
          .put("medianHoursToAccept", medianHours(r.get("acceptSeconds")))
          .put("overdue", r.get("overdue").asLong())
          .put("deficienciesOutstanding", r.get("deficient").asLong())
          .put("deficienciesExpired", r.get("deficiencyExpired").asLong())
          .put("reminders", r.get("reminders").asLong())
          .put("supervisions", r.get("supervisions").asLong())
          .put("supervisionsAnsweredOnTime", r.get("supervisionsAnsweredOnTime").asLong())
          .put("extensions", r.get("extensions").asLong())
          .put("lapses", r.get("lapses").asLong()));
    }
    return out;
  }

  /** Per leader, their projects by light (one rule: {@link Light}); at risk are the red and yellow ones. */
  static JsonArray leaders(List<Record> rows, Map<String, Light.Slip> slips, LocalDate today) {
    var out = new JsonArray();
    for (var r : rows) {
      var lights = new HashMap<String, Long>();
      for (var p : r.get("projects").asList(Value::asMap)) {
        var project = Json.object(p);
        var color = Light.project(Light.Facts.of(project, slips.get(project.getString("id"))), today).color();
        lights.merge(color, 1L, Long::sum);
      }
      long red = lights.getOrDefault("red", 0L);
      long yellow = lights.getOrDefault("yellow", 0L);
      long green = lights.getOrDefault("green", 0L);
      out.add(new JsonObject().put("id", r.get("id").asString()).put("name", r.get("name").asString())
          .put("projects", red + yellow + green).put("red", red).put("yellow", yellow)
          .put("atRisk", red + yellow).put("onTrack", green));
    }
    var sorted = new ArrayList<>(out.stream().map(JsonObject.class::cast).toList());
    sorted.sort(Comparator.comparing((JsonObject l) -> -l.getLong("red")).thenComparing(l -> -l.getLong("atRisk"))
        .thenComparing(l -> l.getString("name")));
    return new JsonArray(new ArrayList<>(sorted));
  }

  static JsonArray permits(List<Record> rows) {
    var out = new JsonArray();
    for (var r : rows) {
      var span = r.get("spanSeconds");
      out.add(new JsonObject().put("projectId", r.get("id").asString()).put("projectName", r.get("name").asString())
          .put("total", r.get("total").asLong()).put("issued", r.get("issued").asLong())
          .mergeIn(org.liandong.projects.PermitBundle.figures(span.isNull() ? null : span.asLong())));
    }
    return out;
  }

  /** Needs by stage of collect → dispatch → handle → respond → evaluate, and how fast they are handled. */
  static JsonObject needs(List<Record> rows) {
    var stages = new LinkedHashMap<String, Long>();
    for (var s : List.of("dispatched", "handling", "handled", "responded", "evaluated")) stages.put(s, 0L);
    var seconds = new ArrayList<Long>();
    for (var r : rows) {
      var status = r.get("status").asString();
      String stage = r.get("evaluated").asBoolean() ? "evaluated" : r.get("responded").asBoolean() ? "responded"
          : status.equals("done") ? "handled" : status.equals("dispatched") ? "dispatched" : "handling";
      stages.merge(stage, 1L, Long::sum);
      if (!r.get("handledSeconds").isNull()) seconds.add(r.get("handledSeconds").asLong());
    }
    return new JsonObject().put("total", (long) rows.size()).put("byStage", new JsonObject(new LinkedHashMap<>(stages)))
        .put("medianHoursToHandle", median(seconds) == null ? null : Math.round(median(seconds) / 36.0) / 100.0);
  }

  /**
   * Progress against 序时: expected is the elapsed share of each project's signing-to-completion
   * window; actual is the share of its work done (by duration), or its stage when it has no
   * obligations on record. Both weighted by investment.
   */
  static JsonObject progress(List<Record> rows, LocalDate today) {
    var key = rows.stream().filter(r -> r.get("key").asBoolean()).toList();
    return tally(rows, today).put("keyProjects", tally(key, today));
  }

  /** 序时 over the given projects: expected and actual, weighted by investment, and how many are ahead or behind. */
  private static JsonObject tally(List<Record> rows, LocalDate today) {
    double weight = 0, expected = 0, actual = 0;
    int ahead = 0, behind = 0;
    for (var r : rows) {
      var signed = r.get("signedOn").asLocalDate();
      var complete = r.get("targetCompleteOn").asLocalDate();
      double window = ChronoUnit.DAYS.between(signed, complete);
      double e = Math.max(0, Math.min(1, ChronoUnit.DAYS.between(signed, today) / window));
      double a = r.get("obligations").asLong() > 0
          ? r.get("done").asDouble() / Math.max(1, r.get("total").asDouble())
          : STAGES.indexOf(r.get("stage").asString()) / (double) (STAGES.size() - 1);
      double w = r.get("investmentYi").isNull() ? 0 : r.get("investmentYi").asDouble();
      weight += w;
      expected += w * e;
      actual += w * a;
      if (a >= e) ahead++; else behind++;
    }
    return new JsonObject()
        .put("expectedPercent", weight == 0 ? null : round1(100 * expected / weight))
        .put("actualPercent", weight == 0 ? null : round1(100 * actual / weight))
        .put("projectsAheadOrOnSchedule", ahead).put("projectsBehind", behind);
  }

  private static Double rate(long part, long whole) {
    return whole == 0 ? null : round1(100.0 * part / whole);
  }

  private static Double medianHours(Value seconds) {
    var list = seconds.asList(Value::asLong);
    var m = median(new ArrayList<>(list));
    return m == null ? null : Math.round(m / 36.0) / 100.0;
  }

  private static Double median(List<Long> values) {
    if (values.isEmpty()) return null;
    var sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }

  private static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
