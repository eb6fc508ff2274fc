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
  private final List<String> hints = new ArrayList<>();
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

  /**
   * Adds {@code condition} and {@code hint} (a {@code USING INDEX SEEK} for the condition's node) when the
   * value is not null: on a small or young graph the planner may otherwise read a whole index or
   * label for a filter that names one node, and the lists must not grow with the graph.
   */
  public Where seek(String name, Object value, String condition, String hint) {
    if (value != null) hints.add(hint);
    return when(name, value, condition);
  }

  /** A parameter the MATCH before this WHERE names (a list starts from its filter's node, when given, to seek it). */
  public Where with(String name, Object value) {
    if (value != null) params.put(name, value);
    return this;
  }

  /** A condition without a parameter of its own, added when {@code applies}. */
  public Where when(boolean applies, String condition) {
    if (applies) conditions.add(condition);
    return this;
  }

  public String cypher() {
    var using = hints.stream().map(h -> h + "\n").reduce("", String::concat);
    return using + (conditions.isEmpty() ? "" : "WHERE " + String.join("\n  AND ", conditions) + "\n");
  }

  /** {@code before}, this WHERE, then {@code after}, with the filter's parameters and the others the query needs. */
  public Statement around(String before, String after, Map<String, Object> others) {
    return new Statement(before + cypher() + after, params(others));
  }

  /** The filter's parameters with the others the query needs. */
  public Map<String, Object> params(Map<String, Object> others) {
    var all = new HashMap<>(others);
    all.putAll(params);
    return all;
  }
}
