package org.liandong.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.liandong.support.Failure;
import org.liandong.support.Patch;
import org.liandong.support.Text;

/**
 * Values that may be true but are odd enough to ask once more (a due date already past, a
 * signing more than ten years ahead, a target start or completion decades away, an investment over
 * 1,000 亿元, more than 100,000 亩): the write is refused with 422 {@code unconfirmed}, each value
 * named beside its field, until the person sends the same values again with {@code confirmed: true}.
 * The one place the pages' "are you sure" comes from; only the values a request sends are asked about.
 */
public final class Plausible {
  public static final String CONFIRMED = "confirmed";
  static final double MAX_INVESTMENT_YI = 1000;
  static final double MAX_LAND_MU = 100_000;

  private Plausible() {}

  /** Takes {@code confirmed} out of the change, and fails when it sends an odd value without it. */
  public static void check(Patch change, LocalDate today) {
    boolean confirmed = Boolean.TRUE.equals(change.bool(CONFIRMED));
    change.remove(CONFIRMED);
    var odd = odd(change, today);
    if (!confirmed && !odd.isEmpty()) throw Failure.unconfirmed(odd);
  }

  static Map<String, Text> odd(Patch change, LocalDate today) {
    var odd = new LinkedHashMap<String, Text>();
    if (change.date("dueOn") instanceof LocalDate due && due.isBefore(today)) {
      odd.put("dueOn", Text.key("server.domain.dueInThePast", "date", due, "today", today));
    }
    if (change.date("signedOn") instanceof LocalDate signed && signed.isAfter(today.plusYears(10))) {
      odd.put("signedOn", Text.key("server.domain.signedFarAhead", "date", signed));
    }
    for (var field : new String[] {"targetStartOn", "targetCompleteOn"}) {
      if (change.date(field) instanceof LocalDate day && (day.isAfter(today.plusYears(20)) || day.isBefore(today.minusYears(20)))) {
        odd.put(field, Text.key("server.domain.decadesAway", "date", day));
      }
    }
    if (change.number("investmentYi") instanceof Double yi && yi > MAX_INVESTMENT_YI) {
      odd.put("investmentYi", Text.key("server.domain.investmentHuge", "yi", plain(yi)));
    }
    if (change.number("landMu") instanceof Double mu && mu > MAX_LAND_MU) {
      odd.put("landMu", Text.key("server.domain.landHuge", "mu", plain(mu)));
    }
    return odd;
  }

  private static String plain(double value) {
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
