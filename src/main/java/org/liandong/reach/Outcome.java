package org.liandong.reach;

import java.util.Map;

/**
 * What came of one try of a delivery: sent (no reason), or failed with why (a reason the admins
 * read in their language, and what the other side said), whether no retry can help, and the wait
 * before the next.
 */
record Outcome(String id, String to, DeliveryError.Reason reason, String error, boolean undeliverable, long waitSeconds) {
  static Outcome sent(String id, String to) {
    return new Outcome(id, to, null, null, false, 0);
  }

  boolean sent() {
    return reason == null;
  }

  /** As the outbox's statements take it. */
  Map<String, Object> row() {
    return sent() ? Map.of("id", id, "to", to)
        : Map.of("id", id, "to", to, "reason", reason.name(), "error", error, "final", undeliverable, "wait", waitSeconds);
  }
}
