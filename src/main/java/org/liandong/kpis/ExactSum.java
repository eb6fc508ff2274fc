package org.liandong.kpis;

import java.math.BigDecimal;

/**
 * A sum of doubles that can take a value away again exactly: kept totals add a project's amount
 * and take it away when the project changes, and must end where a sum of the rows afresh ends,
 * in any order. Each double is exact as a {@link BigDecimal}, so their sum is too.
 */
final class ExactSum {
  private BigDecimal sum = BigDecimal.ZERO;

  void add(double value, int sign) {
    if (value == 0) return;
    var exact = new BigDecimal(value);
    sum = sign > 0 ? sum.add(exact) : sum.subtract(exact);
  }

  double value() {
    return sum.doubleValue();
  }
}
