package org.liandong.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A WHERE clause built from the filters actually given: each condition is a fixed text with a
 * parameter, added only when its value is present. {@code $x IS NULL OR n.x = $x} would keep the
 * planner from seeking the index (measured: 600,951 db hits against 303).
 */
public final class Where {
  private final List<String> conditions = new ArrayList<>();
  private final Map<String, Object> params = new HashMap<>();

  public static Where of() {
    return new Where();
  }

  /** Adds {@code condition} (which names {@code $name}) when the value is not null. */
  public Where when(String name, Object value, String condition) {
    if (value != null) {
      conditions.add(condition);
      params.put(name, value);
    }
    return this;
  }

  /** A condition without a parameter of its own, added when {@code applies}. */
  public Where when(boolean applies, String condition) {
    if (applies) conditions.add(condition);
    return this;
  }

  public String cypher() {
    return conditions.isEmpty() ? "" : "WHERE " + String.join("\n  AND ", conditions) + "\n";
  }

  /** The filter's parameters with the others the query needs. */
  public Map<String, Object> params(Map<String, Object> others) {
    var all = new HashMap<>(others);
    all.putAll(params);
    return all;
  }
}
