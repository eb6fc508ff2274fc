package org.liandong.kpis;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import org.liandong.kpis.KpiRows.Department;
import org.liandong.kpis.KpiRows.Project;

/**
 * The KPI figures' shared rules: the departments' 绩效考核 from their rows ({@link KpiRows}), the
 * pools and their rates, key projects, medians and rounding. The project figures are kept as
 * running totals ({@link KpiTotals}).
 */
final class KpiDetails {
  private KpiDetails() {}

  /** Key projects are those at city level or above (市级及以上重点). */
  static boolean isKey(Project p) {
    return "province".equals(p.level()) || "city".equals(p.level());
  }

  static double round(double value, int places) {
    return java.math.BigDecimal.valueOf(value).setScale(places, java.math.RoundingMode.HALF_UP).doubleValue();
  }

  static final List<String> STAGES = org.liandong.domain.Stage.names();

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
    for (var r : sorted) out.add(department(r));
    rank(out);
    return new JsonArray(new ArrayList<>(out));
  }

  /** One department's row and its score. */
  private static JsonObject department(Department r) {
    long settled = r.settled();
    long onTime = r.doneOnTime();
    var hours = hours(median(r.acceptSeconds()));
    long supervisions = r.supervisions();
    long answered = r.supervisionsAnsweredOnTime();
    long deficienciesDue = r.deficienciesDue();
    long lapses = r.lapses();
    Double score = settled == 0 && hours == null ? null : round1(
        50 * share(onTime, settled) + 20 * response(hours) + 15 * share(answered, supervisions)
            + 15 * share(deficienciesDue - lapses, deficienciesDue));
    return new JsonObject().put("id", r.id()).put("name", r.name()).put("shortName", r.shortName())
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
        .put("score", score);
  }

  /** Ranks by score, the highest first, equal scores sharing a rank; no score, no rank. */
  private static void rank(List<JsonObject> out) {
    var scored = out.stream().filter(d -> d.getValue("score") != null)
        .sorted(Comparator.comparing((JsonObject d) -> -d.getDouble("score"))).toList();
    for (int i = 0; i < scored.size(); i++) {
      var d = scored.get(i);
      boolean tie = i > 0 && scored.get(i - 1).getDouble("score").equals(d.getDouble("score"));
      d.put("rank", tie ? scored.get(i - 1).getInteger("rank") : i + 1);
    }
    out.forEach(d -> { if (!d.containsKey("rank")) d.putNull("rank"); });
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

  private static Double rate(long part, long whole) {
    return whole == 0 ? null : round1(100.0 * part / whole);
  }

  /** Seconds in hours, with two decimals; null stays null. */
  static Double hours(Double seconds) {
    return seconds == null ? null : Math.round(seconds / 36.0) / 100.0;
  }

  static Double median(List<Long> values) {
    return middle(values.stream().sorted().toList());
  }

  /** The median of values already sorted; null for none. */
  static Double middle(List<Long> sorted) {
    if (sorted.isEmpty()) return null;
    int n = sorted.size();
    return n % 2 == 1 ? (double) sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }

  static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
