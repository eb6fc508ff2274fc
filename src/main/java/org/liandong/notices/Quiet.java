package org.liandong.notices;

import java.time.LocalTime;
import java.time.ZonedDateTime;

/** Quiet hours: no text message between 22:00 and 07:00 where the server keeps its time, except an urgent one. */
public final class Quiet {
  static final LocalTime FROM = LocalTime.of(22, 0);
  static final LocalTime UNTIL = LocalTime.of(7, 0);

  private Quiet() {}

  /**
   * When a text message that is not urgent may go: now, or at 07:00 when now is in the quiet
   * hours; {@code now} as the server's clock gives it, in LIANDONG_TIMEZONE (a transaction's $now).
   */
  public static ZonedDateTime smsAt(ZonedDateTime now) {
    var time = now.toLocalTime();
    if (!time.isBefore(FROM)) return now.toLocalDate().plusDays(1).atTime(UNTIL).atZone(now.getZone());
    if (time.isBefore(UNTIL)) return now.toLocalDate().atTime(UNTIL).atZone(now.getZone());
    return now;
  }
}
