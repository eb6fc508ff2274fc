package org.liandong.domain;

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
 * stead (调休). Dates map to working-day numbers so scheduling is integer arithmetic. The data,
 * its source and the rule for years not yet announced are in calendar/cn-holidays.json; the
 * calendar spans 2000 to 2099, the range the API accepts for dates.
 */
public final class WorkCalendar {
  public static final LocalDate FIRST = LocalDate.of(2000, 1, 1);
  public static final LocalDate LAST = LocalDate.of(2099, 12, 31);

  private final Set<LocalDate> holidays;
  private final Set<LocalDate> workdays;
  /** Years whose arrangement the State Council has announced; others are provisional. */
  private final Set<Integer> announced;
  /** For each calendar day since FIRST, the number of working days up to and including it. */
  private final int[] upTo;
  /** For each working-day number, its date. */
  private final LocalDate[] dates;

  WorkCalendar(Set<LocalDate> holidays, Set<LocalDate> workdays) {
    this(holidays, workdays, Set.of());
  }

  WorkCalendar(Set<LocalDate> holidays, Set<LocalDate> workdays, Set<Integer> announced) {
    this.holidays = Set.copyOf(holidays);
    this.workdays = Set.copyOf(workdays);
    this.announced = Set.copyOf(announced);
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
      var holidays = new HashSet<LocalDate>();
      var workdays = new HashSet<LocalDate>();
      var announced = new HashSet<Integer>();
      json.getJsonObject("announced").forEach(year -> {
        var notice = (JsonObject) year.getValue();
        announced.add(Integer.parseInt(year.getKey()));
        holidays.addAll(dates(notice, "holidays"));
        workdays.addAll(dates(notice, "workdays"));
      });
      var statutory = json.getJsonObject("statutory");
      statutory.fieldNames().forEach(year -> holidays.addAll(dates(statutory, year)));
      return new WorkCalendar(holidays, workdays, announced);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<LocalDate> dates(JsonObject json, String key) {
    var out = new HashSet<LocalDate>();
    json.getJsonArray(key).forEach(d -> out.add(LocalDate.parse((String) d)));
    return out;
  }

  public static WorkCalendar weekdaysOnly() {
    return new WorkCalendar(Set.of(), Set.of());
  }

  public static WorkCalendar of(LocalDate[] holidays, LocalDate[] workdays) {
    return new WorkCalendar(new HashSet<>(Arrays.asList(holidays)), new HashSet<>(Arrays.asList(workdays)));
  }

  /** Is this date's year without a published arrangement (statutory days or weekdays only)? */
  public boolean provisional(LocalDate d) {
    return !announced.contains(d.getYear());
  }

  public boolean isWorkday(LocalDate d) {
    if (workdays.contains(d)) return true;
    if (holidays.contains(d)) return false;
    return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  /** How many working days come after {@code from} up to and including {@code to} (negative when {@code to} is earlier). */
  public int workdaysBetween(LocalDate from, LocalDate to) {
    return floor(to) - floor(from);
  }

  /** The working day {@code n} working days after {@code from} (a day off counts as the working day before it). */
  public LocalDate addWorkdays(LocalDate from, int n) {
    return date(floor(from) + n);
  }

  /** The working-day number of a date; a day off counts as the working day before it. */
  public int floor(LocalDate d) {
    return upTo[offset(d)];
  }

  /** The working-day number of a date; a day off counts as the working day after it. */
  public int ceil(LocalDate d) {
    return isWorkday(d) ? upTo[offset(d)] : upTo[offset(d)] + 1;
  }

  public LocalDate date(int number) {
    return dates[Math.max(1, Math.min(number, dates.length - 1))];
  }

  private static int offset(LocalDate d) {
    if (d.isBefore(FIRST) || d.isAfter(LAST)) {
      throw org.liandong.support.Failure.unprocessable("date", org.liandong.support.Text.key("server.domain.dateOutsideWorkingDay", "d", d, "first", FIRST, "last", LAST));
    }
    return (int) (d.toEpochDay() - FIRST.toEpochDay());
  }
}
