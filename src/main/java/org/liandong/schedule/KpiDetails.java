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
import org.liandong.support.Period;
import org.liandong.schedule.KpiRows.Department;
import org.liandong.schedule.KpiRows.Project;

/**
 * Turns the KPI rows into figures: rates, medians, 序时 progress. A row is one project's or one
 * department's ({@link KpiRows}), however it was read: all at once, or kept and read again when a
 * commit touched it.
 */
final class KpiDetails {
  private KpiDetails() {}

  /** The headline: projects by stage and investment, key projects and 开工率, and what was newly signed in the period. */
  static JsonObject headline(List<Project> projects, Period period) {
    var byStage = new JsonArray();
    for (var stage : STAGES) {
      long count = 0;
      double investment = 0;
      for (var p : projects) {
        if (!stage.equals(p.stage())) continue;
        count++;
        investment += p.investment();
      }
      byStage.add(new JsonObject().put("stage", stage).put("count", count).put("investmentYi", investment));
    }
    long key = 0, keyNew = 0, keyNewStarted = 0, signed = 0;
    double signedInvestment = 0, total = 0;
    for (var p : projects) {
      total += p.investment();
      if (isKey(p)) {
        key++;
        if (p.isNew()) {
          keyNew++;
          if ("started".equals(p.stage()) || "producing".equals(p.stage())) keyNewStarted++;
        }
      }
      var signedOn = p.signedOn();
      if (signedOn != null && !signedOn.isBefore(period.from()) && !signedOn.isAfter(period.to()) && p.investment() >= 1) {
        signed++;
        signedInvestment += p.investment();
      }
    }
    return new JsonObject()
        .put("year", period.from().getYear())
        .put("period", period.json())
        .put("projects", (long) projects.size())
        .put("totalInvestmentYi", round(total, 2))
        .put("byStage", byStage)
        .put("pools", pools(byStage))
        .put("newlySigned", new JsonObject().put("count", signed).put("investmentYi", round(signedInvestment, 2)))
        .put("keyProjects", new JsonObject()
            .put("total", key)
            .put("new", keyNew)
            .put("newStarted", keyNewStarted)
            // 开工率: started new projects over new projects, as a percentage with one decimal
            .put("startRatePercent", keyNew == 0 ? null : round(100.0 * keyNewStarted / keyNew, 1)));
  }

  /** Key projects are those at city level or above (市级及以上重点). */
  private static boolean isKey(Project p) {
    return "province".equals(p.level()) || "city".equals(p.level());
  }

  private static double round(double value, int places) {
    return java.math.BigDecimal.valueOf(value).setScale(places, java.math.RoundingMode.HALF_UP).doubleValue();
  }

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

  /**
   * Per department, what it holds now and its 绩效考核 for the period, with a score out of 100
   * and a rank (README, "绩效考核: the score"):
   * 50 × on time (done by the due date, of the work due in the period and settled)
   * + 20 × response (median hours from dispatch to acceptance: 4 h or less full, 48 h or more none, linear between)
   * + 15 × 督办 answered on time (of those opened in the period)
   * + 15 × 容缺 kept (of those due in the period, the share that did not lapse).
   * A part with nothing to measure counts in full; a department with nothing settled and nothing
   * dispatched in the period has no score and no rank.
   */
  static JsonArray departments(List<Department> rows) {
    var out = new ArrayList<JsonObject>();
    var sorted = new ArrayList<>(rows);
    // most overdue first, then by name
    sorted.sort(Comparator.comparing((Department r) -> -r.overdue()).thenComparing(Department::name).thenComparing(Department::id));
    for (var r : sorted) {
      long settled = r.settled();
      long onTime = r.doneOnTime();
      var hours = medianHours(r.acceptSeconds());
      long supervisions = r.supervisions();
      long answered = r.supervisionsAnsweredOnTime();
      long deficienciesDue = r.deficienciesDue();
      long lapses = r.lapses();
      Double score = settled == 0 && hours == null ? null : round1(
          50 * share(onTime, settled) + 20 * response(hours) + 15 * share(answered, supervisions)
              + 15 * share(deficienciesDue - lapses, deficienciesDue));
      out.add(new JsonObject().put("id", r.id()).put("name", r.name())
          .put("owed", r.owed()).put("done", r.done())
          .put("overdue", r.overdue())
          .put("deficienciesOutstanding", r.deficient())
          .put("deficienciesExpired", r.deficiencyExpired())
          .put("due", r.due()).put("settled", settled).put("doneOnTime", onTime)
          .put("onTimePercent", rate(onTime, settled))
          .put("medianHoursToAccept", hours)
          .put("reminders", r.reminders())
          .put("supervisions", supervisions)
          .put("supervisionsAnsweredOnTime", answered)
          .put("extensions", r.extensions())
          .put("deficienciesDue", deficienciesDue)
          .put("lapses", lapses)
          .put("score", score));
    }
    var scored = out.stream().filter(d -> d.getValue("score") != null)
        .sorted(Comparator.comparing((JsonObject d) -> -d.getDouble("score"))).toList();
    for (int i = 0; i < scored.size(); i++) {
      var d = scored.get(i);
      boolean tie = i > 0 && scored.get(i - 1).getDouble("score").equals(d.getDouble("score"));
      d.put("rank", tie ? scored.get(i - 1).getInteger("rank") : i + 1);
    }
    out.forEach(d -> { if (!d.containsKey("rank")) d.putNull("rank"); });
    return new JsonArray(new ArrayList<>(out));
  }

  /** The share of {@code part} in {@code whole}; nothing to measure counts in full. */
  private static double share(long part, long whole) {
    return whole == 0 ? 1.0 : (double) part / whole;
  }

  /** 4 hours or less to accept: 1; 48 hours or more: 0; linear between; nothing dispatched: 1. */
  static double response(Double hours) {
    if (hours == null || hours <= 4) return 1.0;
    if (hours >= 48) return 0.0;
    return (48 - hours) / 44;
  }

  /** Per leader, the projects they champion by light (one rule: {@link Light}); at risk are the red and yellow ones. */
  static JsonArray leaders(List<Project> projects, Map<String, Light.Outlook> outlooks, LocalDate today) {
    var names = new HashMap<String, String>();
    var lights = new LinkedHashMap<String, Map<String, Long>>();
    for (var p : projects) {
      if (p.champions().isEmpty()) continue;
      var facts = new Light.Facts(p.stage(), p.targetCompleteOn(), p.overdue(), p.deficiencyExpired(), p.atRisk(), outlooks.get(p.id()));
      var color = Light.project(facts, today).color();
      for (var champion : p.champions()) {
        names.put(champion.id(), champion.name());
        lights.computeIfAbsent(champion.id(), k -> new HashMap<>()).merge(color, 1L, Long::sum);
      }
    }
    var out = new ArrayList<JsonObject>();
    lights.forEach((id, byColor) -> {
      long red = byColor.getOrDefault("red", 0L);
      long yellow = byColor.getOrDefault("yellow", 0L);
      long green = byColor.getOrDefault("green", 0L);
      out.add(new JsonObject().put("id", id).put("name", names.get(id))
          .put("projects", red + yellow + green).put("red", red).put("yellow", yellow)
          .put("atRisk", red + yellow).put("onTrack", green));
    });
    out.sort(Comparator.comparing((JsonObject l) -> -l.getLong("red")).thenComparing(l -> -l.getLong("atRisk"))
        .thenComparing(l -> l.getString("name")).thenComparing(l -> l.getString("id")));
    return new JsonArray(new ArrayList<>(out));
  }

  /** Each permit bundle (五证联发): from the first permit to the last, or running since the first at {@code now}. */
  static JsonArray permits(List<Project> projects, java.time.Instant now) {
    var out = new JsonArray();
    for (var p : projects) {
      var item = p.permit(now);
      if (item != null) out.add(item);
    }
    return out;
  }

  /** 拿地即开工 over the projects started in the period: each, the median days, and how many started by the next day. */
  static JsonObject landToStart(List<Project> projects, Period period) {
    var started = new ArrayList<Project>();
    for (var p : projects) {
      var on = p.startedOn();
      if (on != null && !on.isBefore(period.from()) && !on.isAfter(period.to()) && p.landToStartDays() != null) started.add(p);
    }
    started.sort(Comparator.comparing(Project::landToStartDays).thenComparing(Project::name));
    var list = new JsonArray();
    var days = new ArrayList<Long>();
    for (var r : started) {
      days.add(r.landToStartDays());
      list.add(r.landItem());
    }
    var median = median(days);
    return new JsonObject().put("projects", list).put("count", days.size())
        .put("medianDays", median == null ? null : round1(median))
        .put("byNextDay", days.stream().filter(d -> d <= 1).count());
  }

  /** Needs by stage of collect → dispatch → handle → respond → evaluate, and how fast they are handled. */
  static JsonObject needs(List<Project> projects) {
    var stages = new LinkedHashMap<String, Long>();
    for (var s : List.of("dispatched", "handling", "handled", "responded", "evaluated")) stages.put(s, 0L);
    var seconds = new ArrayList<Long>();
    long total = 0;
    for (var p : projects) {
      for (var r : p.needs()) {
        total++;
        var status = r.status();
        String stage = r.evaluated() ? "evaluated" : r.responded() ? "responded"
            : status.equals("done") ? "handled" : status.equals("dispatched") ? "dispatched" : "handling";
        stages.merge(stage, 1L, Long::sum);
        if (r.handledSeconds() != null) seconds.add(r.handledSeconds());
      }
    }
    return new JsonObject().put("total", total).put("byStage", new JsonObject(new LinkedHashMap<>(stages)))
        .put("medianHoursToHandle", median(seconds) == null ? null : Math.round(median(seconds) / 36.0) / 100.0);
  }

  /**
   * Progress against 序时: expected is the elapsed share of each project's signing-to-completion
   * window; actual is the share of its work done (by duration), or its stage when it has no
   * obligations on record. Both weighted by investment.
   */
  static JsonObject progress(List<Project> projects, LocalDate today) {
    var rows = new ArrayList<Project>();
    for (var p : projects) {
      var signed = p.signedOn();
      var complete = p.targetCompleteOn();
      if (signed != null && complete != null && complete.isAfter(signed)) rows.add(p);
    }
    var key = rows.stream().filter(KpiDetails::isKey).toList();
    return tally(rows, today).put("keyProjects", tally(key, today));
  }

  /** 序时 over the given projects: expected and actual, weighted by investment, and how many are ahead or behind. */
  private static JsonObject tally(List<Project> rows, LocalDate today) {
    double weight = 0, expected = 0, actual = 0;
    int ahead = 0, behind = 0;
    for (var r : rows) {
      var signed = r.signedOn();
      var complete = r.targetCompleteOn();
      double window = ChronoUnit.DAYS.between(signed, complete);
      double e = Math.max(0, Math.min(1, ChronoUnit.DAYS.between(signed, today) / window));
      double a = r.obligations() > 0
          ? r.workDone() / Math.max(1, r.work())
          : STAGES.indexOf(r.stage()) / (double) (STAGES.size() - 1);
      double w = r.investment();
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

  private static Double medianHours(List<Long> seconds) {
    var m = median(seconds);
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
