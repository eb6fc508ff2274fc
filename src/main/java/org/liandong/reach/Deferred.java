package org.liandong.reach;

import java.time.ZonedDateTime;
import java.util.Map;

/** A text message held back for its person's quiet hours (domain.QuietHours), and when they end. */
record Deferred(String id, ZonedDateTime until) {
  /** As the outbox's statement takes it. */
  Map<String, Object> row() {
    return Map.of("id", id, "until", until);
  }
}
