package org.liandong.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Neo4j driver values to JSON: temporals become ISO strings, maps and lists recurse. */
public final class Json {
  private Json() {}

  /** Secrets kept on nodes that never leave the server: not in answers, events or the change log. */
  private static final java.util.Set<String> SECRETS = java.util.Set.of("passwordHash", "kioskKeyHash");

  public static JsonObject object(Map<String, ?> map) {
    var out = new JsonObject();
    // sorted keys make responses and change-log snapshots stable to read and to diff
    new TreeMap<>(map).forEach((k, v) -> {
      if (!k.startsWith("_") && !SECRETS.contains(k)) out.put(k, value(v));
    });
    return out;
  }

  public static Object value(Object v) {
    if (v == null) return null;
    if (v instanceof Map<?, ?> m) {
      @SuppressWarnings("unchecked") var typed = (Map<String, ?>) m;
      return object(typed);
    }
    if (v instanceof List<?> l) {
      var array = new JsonArray();
      l.forEach(item -> array.add(value(item)));
      return array;
    }
    if (v instanceof ZonedDateTime z) return z.toOffsetDateTime().toString();
    if (v instanceof OffsetDateTime o) return o.toString();
    if (v instanceof LocalDate || v instanceof LocalDateTime) return v.toString();
    if (v instanceof TemporalAccessor t) return t.toString();
    return v;
  }
}
