package org.liandong.domain;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.regex.Pattern;

/**
 * A person's quiet hours: no text message between {@code from} and {@code until} where the server
 * keeps its time (LIANDONG_TIMEZONE), except an urgent one (an escalation). The window may run
 * over midnight (22:00–07:00, the default) or lie within a day (12:00–14:00); from equal to until
 * means none. The one rule, read by the outbox when a text message is due.
 */
public record QuietHours(LocalTime from, LocalTime until) {
  public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
  private static final Pattern CLOCK = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

  /** A person's, as kept on their account ("HH:mm"; a missing end is the default's). */
  public static QuietHours of(String from, String until) {
    return new QuietHours(from == null ? DEFAULT.from : LocalTime.parse(from), until == null ? DEFAULT.until : LocalTime.parse(until));
  }

  /** Whether a person's text is a time of day as kept: "HH:mm", 00:00 to 23:59. */
  public static boolean valid(String clock) {
    return clock != null && CLOCK.matcher(clock).matches();
  }

  public boolean none() {
    return from.equals(until);
  }

  /** When a text message that is not urgent may go: {@code now}, or the end of the quiet hours it falls in. */
  public ZonedDateTime smsAt(ZonedDateTime now) {
    if (none()) return now;
    var time = now.toLocalTime();
    if (from.isBefore(until)) {
      return !time.isBefore(from) && time.isBefore(until) ? now.with(until) : now;
    }
    if (!time.isBefore(from)) return now.toLocalDate().plusDays(1).atTime(until).atZone(now.getZone());
    if (time.isBefore(until)) return now.toLocalDate().atTime(until).atZone(now.getZone());
    return now;
  }

  public String fromText() {
    return from.toString();
  }

  public String untilText() {
    return until.toString();
  }
}
