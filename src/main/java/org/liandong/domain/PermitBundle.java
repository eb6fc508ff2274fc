package org.liandong.domain;

import io.vertx.core.json.JsonObject;

/** The five permits issued together (五证联发): the span from first to last against its 7-hour target. */
public final class PermitBundle {
  public static final long TARGET_HOURS = 7;

  private PermitBundle() {}

  /**
   * {spanHours, targetHours, metTarget, running, elapsedHours, exceeded} for a bundle whose permits
   * span {@code spanSeconds} (null while incomplete), or which has been issuing for
   * {@code runningSeconds} since its first permit (null unless some but not all are issued).
   * {@code exceeded} warns that the bundle is over its 7 hours, finished or still running.
   */
  public static JsonObject figures(Long spanSeconds, Long runningSeconds) {
    long limit = TARGET_HOURS * 3600;
    return new JsonObject()
        .put("spanHours", hours(spanSeconds))
        .put("targetHours", TARGET_HOURS)
        .put("metTarget", spanSeconds == null ? null : spanSeconds <= limit)
        .put("running", runningSeconds != null)
        .put("elapsedHours", hours(runningSeconds))
        .put("exceeded", (spanSeconds != null && spanSeconds > limit) || (runningSeconds != null && runningSeconds > limit));
  }

  private static Double hours(Long seconds) {
    return seconds == null ? null : Math.round(seconds / 36.0) / 100.0;
  }
}
