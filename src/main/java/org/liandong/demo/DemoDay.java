package org.liandong.demo;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import org.liandong.storage.Graph;

/**
 * The demo's day. The scenario happens on the article's day, so the demo's clock starts there,
 * at 09:00 in the server's time zone, at the moment the demo was first loaded, and runs forward
 * in real time from then on (deadlines approach, 容缺 lapse, across restarts too).
 * {@code LIANDONG_TODAY} puts the demo on another day instead: 09:00 of that day when the server
 * starts, running forward. Outside the demo the server runs on the real clock.
 */
public final class DemoDay {
  /** The article's day (今日镇江, 2023-06-27): the day the scenario stands on. */
  public static final LocalDate ARTICLE_DAY = LocalDate.of(2023, 6, 27);
  static final LocalTime MORNING = LocalTime.of(9, 0);



  private DemoDay() {}

  /** The demo's clock: {@code day} at 09:00 at the instant {@code anchor} of the real clock. */
  public static Clock clock(Clock real, Instant anchor, LocalDate day) {
    var start = day.atTime(MORNING).atZone(real.getZone()).toInstant();
    return Clock.offset(real, Duration.between(anchor, start));
  }

  /** The server's clock in demo mode: on {@code today} from now, or on the article's day from the first load. */
  public static Future<Clock> clock(Graph graph, Clock real, Optional<LocalDate> today) {
    if (today.isPresent()) return Future.succeededFuture(clock(real, real.instant(), today.get()));
    return graph.write(DemoRepository.firstLoadedAt(ZonedDateTime.now(real))).map(first -> clock(real, first.toInstant(), ARTICLE_DAY));
  }
}
