package org.liandong.kpis;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.liandong.domain.Light;
import org.liandong.domain.Period;
import org.liandong.kpis.KpiRows.Department;
import org.liandong.kpis.KpiRows.Project;

/**
 * The battle map's project figures for one period and day, as running totals: a project is
 * counted once ({@link #add}) and taken away again when its row changes ({@link #remove}), so an
 * answer costs what the figures list (stages, leaders, bundles, starts), not the graph's size.
 * The read model keeps one per period; a recomputation counts every project into a new one, so
 * both give their figures through the same code.
 */
final class KpiTotals {
  /** A project as the totals count it: its row and the colour of its light on the totals' day. */
  record Counted(Project row, String color) {
    static Counted of(Project row, Light.Outlook outlook, LocalDate today) {
      var facts = new Light.Facts(row.stage(), row.targetCompleteOn(), row.overdue(), row.deficiencyExpired(), row.atRisk(), outlook);
      return new Counted(row, Light.project(facts, today).color());
    }
  }

  private static final List<String> STAGES = KpiDetails.STAGES;
  private static final List<String> NEED_STAGES = List.of("dispatched", "handling", "handled", "responded", "evaluated");
  /** 拿地即开工's list: the quickest first, then by name (and id, so equal rows keep one order). */
  private static final Comparator<Project> BY_DAYS = Comparator.comparing(Project::landToStartDays)
      .thenComparing(Project::name, Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(Project::id);

  private static final class Leader {
    String name;
    long red;
    long yellow;
    long green;
  }

  private final Period period;
  private final LocalDate today;
  private long projects;
  private final long[] byStage = new long[STAGES.size()];
  private final ExactSum[] investmentByStage = new ExactSum[STAGES.size()];
  private final ExactSum investment = new ExactSum();
  private long key;
  private long keyNew;
  private long keyNewStarted;
  private long signed;
  private final ExactSum signedInvestment = new ExactSum();
  private final Map<String, Leader> leaders = new HashMap<>();
  private final TreeMap<String, Project> permits = new TreeMap<>();
  private final TreeSet<Project> started = new TreeSet<>(BY_DAYS);
  private final long[] needs = new long[NEED_STAGES.size()];
  private final List<Long> handledSeconds = new ArrayList<>();
  private final Tally progress = new Tally();
  private final Tally keyProgress = new Tally();

  KpiTotals(Period period, LocalDate today) {
    this.period = period;
    this.today = today;
    for (int i = 0; i < investmentByStage.length; i++) investmentByStage[i] = new ExactSum();
  }

  LocalDate today() {
    return today;
  }

  void add(Counted project) {
    count(project, 1);
  }

  void remove(Counted project) {
    count(project, -1);
  }

  private void count(Counted counted, int sign) {
    var p = counted.row();
    projects += sign;
    int stage = STAGES.indexOf(p.stage());
    if (stage >= 0) {
      byStage[stage] += sign;
      investmentByStage[stage].add(p.investment(), sign);
    }
    investment.add(p.investment(), sign);
    if (KpiDetails.isKey(p)) {
      key += sign;
      if (p.isNew()) {
        keyNew += sign;
        if ("started".equals(p.stage()) || "producing".equals(p.stage())) keyNewStarted += sign;
      }
    }
    if (within(p.signedOn()) && p.investment() >= 1) {
      signed += sign;
      signedInvestment.add(p.investment(), sign);
    }
    leaders(p, counted.color(), sign);
    if (p.permitItem() != null) {
      if (sign > 0) permits.put(p.id(), p); else permits.remove(p.id());
    }
    if (within(p.startedOn()) && p.landToStartDays() != null) {
      if (sign > 0) started.add(p); else started.remove(p);
    }
    needs(p, sign);
    progress(p, sign);
  }

  private boolean within(LocalDate day) {
    return day != null && !day.isBefore(period.from()) && !day.isAfter(period.to());
  }

  private void leaders(Project p, String color, int sign) {
    for (var champion : p.champions()) {
      var l = leaders.computeIfAbsent(champion.id(), k -> new Leader());
      if (sign > 0) l.name = champion.name();
      switch (color) {
        case "red" -> l.red += sign;
        case "yellow" -> l.yellow += sign;
        default -> l.green += sign;
      }
      if (l.red + l.yellow + l.green == 0) leaders.remove(champion.id());
    }
  }

  private void needs(Project p, int sign) {
    for (var r : p.needs()) {
      var status = r.status();
      String stage = r.evaluated() ? "evaluated" : r.responded() ? "responded"
          : status.equals("done") ? "handled" : status.equals("dispatched") ? "dispatched" : "handling";
      needs[NEED_STAGES.indexOf(stage)] += sign;
      if (r.handledSeconds() != null) sorted(handledSeconds, r.handledSeconds(), sign);
    }
  }

  /** Keeps {@code values} sorted as one value comes or goes: the median is then read off the middle. */
  private static void sorted(List<Long> values, long value, int sign) {
    int at = Collections.binarySearch(values, value);
    if (sign > 0) values.add(at >= 0 ? at : -at - 1, value); else if (at >= 0) values.remove(at);
  }

  /**
   * Progress against 序时: expected is the elapsed share of the project's signing-to-completion
   * window; actual is the share of its work done (by duration), or its stage when it has no
   * obligations on record. Both weighted by investment; only projects with such a window count.
   */
  private void progress(Project p, int sign) {
    var signedOn = p.signedOn();
    var complete = p.targetCompleteOn();
    if (signedOn == null || complete == null || !complete.isAfter(signedOn)) return;
    double window = ChronoUnit.DAYS.between(signedOn, complete);
    double e = Math.max(0, Math.min(1, ChronoUnit.DAYS.between(signedOn, today) / window));
    double a = p.obligations() > 0 ? p.workDone() / Math.max(1, p.work()) : STAGES.indexOf(p.stage()) / (double) (STAGES.size() - 1);
    progress.add(p.investment(), e, a, sign);
    if (KpiDetails.isKey(p)) keyProgress.add(p.investment(), e, a, sign);
  }

  /** Everything the battle map shows for the period, with the departments' rows of the period, as of {@code now}. */
  JsonObject figures(List<Department> departments, Instant now) {
    return headline()
        .put("departments", KpiDetails.departments(departments))
        .put("leaders", leaders())
        .put("permitBundles", permits(now))
        .put("landToStart", landToStart())
        .put("needs", needs())
        .put("progress", progress.json().put("keyProjects", keyProgress.json()))
        .put("today", today.toString());
  }

  /** The headline: projects by stage and investment, key projects and 开工率, and what was newly signed in the period. */
  private JsonObject headline() {
    var stages = new JsonArray();
    for (int i = 0; i < STAGES.size(); i++) {
      stages.add(new JsonObject().put("stage", STAGES.get(i)).put("count", byStage[i]).put("investmentYi", investmentByStage[i].value()));
    }
    return new JsonObject()
        .put("year", period.from().getYear())
        .put("period", period.json())
        .put("projects", projects)
        .put("totalInvestmentYi", KpiDetails.round(investment.value(), 2))
        .put("byStage", stages)
        .put("pools", KpiDetails.pools(stages))
        .put("newlySigned", new JsonObject().put("count", signed).put("investmentYi", KpiDetails.round(signedInvestment.value(), 2)))
        .put("keyProjects", new JsonObject()
            .put("total", key)
            .put("new", keyNew)
            .put("newStarted", keyNewStarted)
            // 开工率: started new projects over new projects, as a percentage with one decimal
            .put("startRatePercent", keyNew == 0 ? null : KpiDetails.round(100.0 * keyNewStarted / keyNew, 1)));
  }

  /** Per leader, the projects they champion by light; at risk are the red and yellow ones. The most red first. */
  private JsonArray leaders() {
    var out = new ArrayList<JsonObject>();
    leaders.forEach((id, l) -> out.add(new JsonObject().put("id", id).put("name", l.name)
        .put("projects", l.red + l.yellow + l.green).put("red", l.red).put("yellow", l.yellow)
        .put("atRisk", l.red + l.yellow).put("onTrack", l.green)));
    out.sort(Comparator.comparing((JsonObject l) -> -l.getLong("red")).thenComparing(l -> -l.getLong("atRisk"))
        .thenComparing(l -> l.getString("name"), Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(l -> l.getString("id")));
    return new JsonArray(new ArrayList<>(out));
  }

  /** Each permit bundle (五证联发), by project id: from the first permit to the last, or running since the first at {@code now}. */
  private JsonArray permits(Instant now) {
    var out = new JsonArray();
    for (var p : permits.values()) out.add(p.permit(now));
    return out;
  }

  /** 拿地即开工 over the projects started in the period: each, the median days, and how many started by the next day. */
  private JsonObject landToStart() {
    var list = new JsonArray();
    var days = new ArrayList<Long>();
    for (var p : started) {
      days.add(p.landToStartDays());
      list.add(p.landItem());
    }
    var median = KpiDetails.median(days);
    return new JsonObject().put("projects", list).put("count", days.size())
        .put("medianDays", median == null ? null : KpiDetails.round1(median))
        .put("byNextDay", days.stream().filter(d -> d <= 1).count());
  }

  /** Needs by stage of collect → dispatch → handle → respond → evaluate, and how fast they are handled. */
  private JsonObject needs() {
    var stages = new LinkedHashMap<String, Object>();
    long total = 0;
    for (int i = 0; i < NEED_STAGES.size(); i++) {
      stages.put(NEED_STAGES.get(i), needs[i]);
      total += needs[i];
    }
    return new JsonObject().put("total", total).put("byStage", new JsonObject(stages))
        .put("medianHoursToHandle", KpiDetails.hours(KpiDetails.middle(handledSeconds)));
  }
}
