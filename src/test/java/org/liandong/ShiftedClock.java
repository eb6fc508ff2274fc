package org.liandong;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock that runs at the real pace from a start the test chooses, and that the test may move
 * forward: for a server whose timers must keep ticking (each tick a new round) while the test
 * sets the day and hour.
 */
public final class ShiftedClock extends Clock {
  private final ZoneId zone;
  private volatile Duration offset;

  public ShiftedClock(Instant start, ZoneId zone) {
    this.zone = zone;
    this.offset = Duration.between(Instant.now(), start);
  }

  /** Moves the clock to {@code when} (never back: leases and rounds count forward). */
  public void moveTo(Instant when) {
    var by = Duration.between(instant(), when);
    if (by.isNegative()) throw new IllegalArgumentException("the clock moves forward only: " + when + " is before " + instant());
    offset = offset.plus(by);
  }

  public void advance(Duration by) {
    offset = offset.plus(by);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }
}
