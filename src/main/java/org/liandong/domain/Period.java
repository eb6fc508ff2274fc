package org.liandong.domain;

import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.liandong.support.Failure;
import org.liandong.support.Text;

/**
 * The period figures cover (统计周期): a year ({@code 2023}), a quarter ({@code 2023-Q2}), a month
 * ({@code 2023-06}) or the days from one date to another, both included
 * ({@code 2023-05-20..2023-06-27}). Written in a query as {@code ?period=}.
 */
public record Period(String kind, String text, LocalDate from, LocalDate to) {
  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");
  public static final int FIRST_YEAR = 1990;
  public static final int LAST_YEAR = 2100;
  /** The longest from–to period, in days (twenty years). */
  public static final long LONGEST_DAYS = 20 * 366;

  public static Period year(int year) {
    checkYear(year);
    return new Period("year", String.valueOf(year), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  /** Reads {@code text}; a person's mistake is a 400 on {@code field}, saying what is allowed. */
  public static Period parse(String field, String text) {
    try {
      var m = YEAR.matcher(text);
      if (m.matches()) return year(Integer.parseInt(m.group(1)));
      m = QUARTER.matcher(text);
      if (m.matches()) {
        int year = checkYear(Integer.parseInt(m.group(1)));
        int q = Integer.parseInt(m.group(2));
        var from = LocalDate.of(year, 3 * q - 2, 1);
        return new Period("quarter", text, from, from.plusMonths(3).minusDays(1));
      }
      m = MONTH.matcher(text);
      if (m.matches()) {
        var month = YearMonth.of(checkYear(Integer.parseInt(m.group(1))), Integer.parseInt(m.group(2)));
        return new Period("month", text, month.atDay(1), month.atEndOfMonth());
      }
      m = RANGE.matcher(text);
      if (m.matches()) {
        var from = LocalDate.parse(m.group(1));
        var to = LocalDate.parse(m.group(2));
        checkYear(from.getYear());
        checkYear(to.getYear());
        if (to.isBefore(from)) {
          throw Failure.invalid(field, Text.key("server.domain.periodEndsBeforeBegins", "text", text));
        }
        if (ChronoUnit.DAYS.between(from, to) > LONGEST_DAYS) {
          throw Failure.invalid(field, Text.key("server.domain.periodMostTwentyYears"));
        }
        return new Period("range", text, from, to);
      }
    } catch (DateTimeException | NumberFormatException e) {
      throw Failure.invalid(field, Text.key("server.domain.noSuchDate", "text", text));
    } catch (IllegalArgumentException e) {
      throw Failure.invalid(field, Text.key("server.domain.yearBetween", "first", FIRST_YEAR, "last", LAST_YEAR));
    }
    throw Failure.invalid(field, Text.key("server.domain.yearQuarterQMonth"));
  }

  private static int checkYear(int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new IllegalArgumentException("a year from " + FIRST_YEAR + " to " + LAST_YEAR);
    }
    return year;
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(from) && !day.isAfter(to);
  }

  public JsonObject json() {
    return new JsonObject().put("kind", kind).put("text", text).put("from", from.toString()).put("to", to.toString());
  }
}
