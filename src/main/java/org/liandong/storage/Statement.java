package org.liandong.storage;

import java.util.Map;

/**
 * A statement as it is sent: its text (fixed pieces, never a value) and its parameters. The
 * lists build theirs in one place each, so the plan tests EXPLAIN exactly what a request runs.
 */
public record Statement(String cypher, Map<String, Object> params) {
  public Statement {
    params = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(params));
  }
}
