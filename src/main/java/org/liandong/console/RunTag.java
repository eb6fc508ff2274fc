package org.liandong.console;

import java.util.Map;

/** Which console run a query is, and whose: its transaction's metadata, by which a cancel finds it (none for a tile). */
record RunTag(String runId, String userId) {
  static final RunTag NONE = new RunTag(null, null);
  /** The metadata's keys: the run's id (the page's) and whose it is. */
  static final String RUN = "consoleRun";
  static final String RUN_BY = "consoleUser";

  Map<String, Object> metadata() {
    return runId == null ? Map.of() : Map.of(RUN, runId, RUN_BY, userId);
  }
}
