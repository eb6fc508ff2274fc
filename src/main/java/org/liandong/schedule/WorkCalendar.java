package org.liandong.schedule;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Working days: Monday to Friday, less public holidays, plus the weekend days worked in their
 * stead (调休). Dates map to working-day numbers so scheduling is integer arithmetic.
 */
public final class WorkCalendar {
  private static final LocalDate FIRST = LocalDate.of(2000, 1, 1);
  private static final LocalDate LAST = LocalDate.of(2060, 12, 31);

  private final Set<LocalDate> holidays;
  private final Set<LocalDate> workdays;
  /** For each calendar day since FIRST, the number of working days up to and including it. */
  private final int[] upTo;
  /** For each working-day number, its date. */
  private final LocalDate[] dates;

  WorkCalendar(Set<LocalDate> holidays, Set<LocalDate> workdays) {
    this.holidays = Set.copyOf(holidays);
    this.workdays = Set.copyOf(workdays);
    int days = (int) (LAST.toEpochDay() - FIRST.toEpochDay()) + 1;
    upTo = new int[days];
    dates = new LocalDate[days + 1];
    int n = 0;
    for (int i = 0; i < days; i++) {
      var d = FIRST.plusDays(i);
      if (isWorkday(d)) dates[++n] = d;
      upTo[i] = n;
    }
  }

  /** The Chinese calendar shipped in calendar/cn-holidays.json. */
  public static WorkCalendar china() {
    try (var in = WorkCalendar.class.getClassLoader().getResourceAsStream("calendar/cn-holidays.json")) {
      var json = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return new WorkCalendar(dates(json, "holidays"), dates(json, "workdays"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<LocalDate> dates(JsonObject json, String key) {
    var out = new HashSet<LocalDate>();
    json.getJsonArray(key).forEach(d -> out.add(LocalDate.parse((String) d)));
    return out;
  }

  static WorkCalendar weekdaysOnly() {
    return new WorkCalendar(Set.of(), Set.of());
  }

  static WorkCalendar of(LocalDate[] holidays, LocalDate[] workdays) {
    return new WorkCalendar(new HashSet<>(Arrays.asList(holidays)), new HashSet<>(Arrays.asList(workdays)));
  }

  public boolean isWorkday(LocalDate d) {
    if (workdays.contains(d)) return true;
    if (holidays.contains(d)) return false;
    return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  /** The working-day number of a date; a day off counts as the working day before it. */
  int floor(LocalDate d) {
    return upTo[offset(d)];
  }

  /** The working-day number of a date; a day off counts as the working day after it. */
  int ceil(LocalDate d) {
    return isWorkday(d) ? upTo[offset(d)] : upTo[offset(d)] + 1;
  }

  LocalDate date(int number) {
    return dates[Math.max(1, Math.min(number, dates.length - 1))];
  }

  private static int offset(LocalDate d) {
    if (d.isBefore(FIRST) || d.isAfter(LAST)) {
      throw new IllegalArgumentException("date out of the calendar's range " + FIRST + " – " + LAST + ": " + d);
    }
    return (int) (d.toEpochDay() - FIRST.toEpochDay());
  }
}
