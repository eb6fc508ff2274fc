package org.liandong.projects;

import io.vertx.core.json.JsonObject;

/** The five permits issued together (五证联发): the span from first to last against its 7-hour target. */
public final class PermitBundle {
  public static final long TARGET_HOURS = 7;

  private PermitBundle() {}

  /** {spanHours, targetHours, metTarget} for a bundle whose permits span that many seconds (null while incomplete). */
  public static JsonObject figures(Long spanSeconds) {
    return new JsonObject()
        .put("spanHours", spanSeconds == null ? null : Math.round(spanSeconds / 36.0) / 100.0)
        .put("targetHours", TARGET_HOURS)
        .put("metTarget", spanSeconds == null ? null : spanSeconds <= TARGET_HOURS * 3600);
  }
}
