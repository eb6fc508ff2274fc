package org.liandong.kpis;

import io.vertx.core.json.JsonObject;

/** 序时 over some projects, as running totals: investment-weighted expected and actual progress, and how many are ahead or behind. */
final class Tally {
  private final ExactSum weight = new ExactSum();
  private final ExactSum expected = new ExactSum();
  private final ExactSum actual = new ExactSum();
  private long ahead;
  private long behind;

  /** Counts ({@code sign} 1) or takes away (-1) a project of weight {@code w}, expected {@code e} and actually {@code a} done. */
  void add(double w, double e, double a, int sign) {
    weight.add(w, sign);
    expected.add(w * e, sign);
    actual.add(w * a, sign);
    if (a >= e) ahead += sign; else behind += sign;
  }

  JsonObject json() {
    double w = weight.value();
    return new JsonObject()
        .put("expectedPercent", w == 0 ? null : KpiDetails.round1(100 * expected.value() / w))
        .put("actualPercent", w == 0 ? null : KpiDetails.round1(100 * actual.value() / w))
        .put("projectsAheadOrOnSchedule", ahead).put("projectsBehind", behind);
  }
}
