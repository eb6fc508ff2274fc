package org.liandong.chase;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.liandong.domain.WorkCalendar;

/**
 * When Liandong chases, in one place: due soon (催办 ahead), overdue (催办), overdue long enough
 * to become a 督办, a 督办 left unanswered past its response deadline, and a 容缺 deadline
 * approaching. All in working days of the holiday calendar, on the day the server's clock says.
 */
public final class ChaseRules {
  /** The settings: LIANDONG_REMIND_DAYS, LIANDONG_ESCALATE_DAYS, LIANDONG_RESPOND_DAYS. */
  public record Settings(int remindDays, int escalateDays, int respondDays) {
    /** As configured (LIANDONG_REMIND_DAYS, LIANDONG_ESCALATE_DAYS, LIANDONG_RESPOND_DAYS). */
    public static Settings of(org.liandong.config.AppConfig.Chase chase) {
      return new Settings(chase.remindDays(), chase.escalateDays(), chase.respondDays());
    }
  }

  /** What holds of one open obligation today. */
  public enum Fact { DUE_SOON, OVERDUE, ESCALATE, DEFICIENCY_DUE_SOON }

  /** The dates of an obligation the rules look at; {@code deficiencyDueOn} only while 容缺 and not yet lapsed. */
  public record Dates(String status, LocalDate dueOn, LocalDate deficiencyDueOn) {}

  private final Settings settings;
  private final WorkCalendar calendar;

  public ChaseRules(Settings settings, WorkCalendar calendar) {
    this.settings = settings;
    this.calendar = calendar;
  }

  public Set<Fact> facts(Dates o, LocalDate today) {
    var facts = EnumSet.noneOf(Fact.class);
    if ("done".equals(o.status())) return facts;
    if (o.dueOn() != null) {
      if (o.dueOn().isBefore(today)) {
        facts.add(Fact.OVERDUE);
        if (calendar.workdaysBetween(o.dueOn(), today) >= settings.escalateDays()) facts.add(Fact.ESCALATE);
      } else if (calendar.workdaysBetween(today, o.dueOn()) <= settings.remindDays()) {
        facts.add(Fact.DUE_SOON);
      }
    }
    if ("deficient".equals(o.status()) && o.deficiencyDueOn() != null && !o.deficiencyDueOn().isBefore(today)
        && calendar.workdaysBetween(today, o.deficiencyDueOn()) <= settings.remindDays()) {
      facts.add(Fact.DEFICIENCY_DUE_SOON);
    }
    return facts;
  }

  /** The latest due date a sweep must read to find every obligation due soon. */
  public LocalDate horizon(LocalDate today) {
    // remindDays working days ahead, and the days off after the last of them
    var last = calendar.addWorkdays(today, settings.remindDays());
    var after = last.plusDays(1);
    while (!calendar.isWorkday(after) && after.isBefore(last.plusDays(15))) after = after.plusDays(1);
    return after.minusDays(1);
  }

  /** The day a 督办 opened today must be answered by. */
  public LocalDate respondBy(LocalDate today) {
    return calendar.addWorkdays(today, settings.respondDays());
  }

  /** Has a 督办 gone unanswered past its response deadline (and so goes to the champions)? */
  public boolean unanswered(LocalDate respondBy, LocalDate today) {
    return respondBy.isBefore(today);
  }
}
