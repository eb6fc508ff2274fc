package org.liandong.reach;

import java.util.Map;

/**
 * What came of one try of a delivery: sent (no error), or failed with why, whether no retry can
 * help, and the wait before the next.
 */
record Outcome(String id, String to, String error, boolean undeliverable, long waitSeconds) {
  boolean sent() {
    return error == null;
  }

  /** As the outbox's statements take it. */
  Map<String, Object> row() {
    return sent() ? Map.of("id", id, "to", to)
        : Map.of("id", id, "to", to, "error", error, "final", undeliverable, "wait", waitSeconds);
  }
}
