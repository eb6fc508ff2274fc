package org.liandong.support;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates a JSON request body field by field, collecting every problem so the
 * client hears about all of them at once. Each accessor returns the value (or null when the
 * field is absent) and remembers valid present values in {@link #values()}, in the types the
 * Neo4j driver stores (LocalDate, ZonedDateTime, Long, Double, Boolean, String, List).
 */
public final class Fields {
  private final JsonObject json;
  private final Map<String, String> errors = new LinkedHashMap<>();
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Set<String> known = new LinkedHashSet<>();

  public Fields(JsonObject json) {
    this.json = json;
  }

  /** The request body as fields; a missing or malformed body is a 400 naming the problem. */
  public static Fields of(RoutingContext ctx) {
    var body = ctx.body();
    if (body == null || body.length() == 0) {
      return new Fields(new JsonObject());
    }
    try {
      var value = body.asJsonObject();
      return new Fields(value == null ? new JsonObject() : value);
    } catch (DecodeException | ClassCastException e) {
      throw Failure.invalid("body", "must be a JSON object");
    }
  }

  public JsonObject json() { return json; }

  public boolean has(String name) { return json.containsKey(name); }

  public Fields require(String... names) {
    for (var name : names) {
      known.add(name);
      if (json.getValue(name) == null && !errors.containsKey(name)) errors.put(name, "is required");
    }
    return this;
  }

  public String text(String name, int maxLength) {
    var raw = raw(name);
    if (raw == null) return null;
    if (!(raw instanceof String s)) return error(name, "must be a string");
    var trimmed = s.strip();
    if (trimmed.isEmpty()) return error(name, "must not be blank");
    if (trimmed.length() > maxLength) return error(name, "must be at most " + maxLength + " characters");
    return keep(name, trimmed);
  }

  public String choice(String name, Collection<String> allowed) {
    var value = text(name, 64);
    if (value != null && !allowed.contains(value)) {
      values.remove(name);
      return error(name, "must be one of " + String.join(", ", allowed));
    }
    return value;
  }

  public LocalDate date(String name) {
    var raw = raw(name);
    if (raw == null) return null;
    try {
      return keep(name, LocalDate.parse((String) raw));
    } catch (ClassCastException | DateTimeParseException e) {
      return error(name, "must be a date like 2023-06-26");
    }
  }

  public ZonedDateTime dateTime(String name) {
    var raw = raw(name);
    if (raw == null) return null;
    try {
      return keep(name, OffsetDateTime.parse((String) raw).toZonedDateTime());
    } catch (ClassCastException | DateTimeParseException e) {
      return error(name, "must be a date-time with offset like 2023-06-26T09:00:00+08:00");
    }
  }

  public Double decimal(String name, double min, double max) {
    var raw = raw(name);
    if (raw == null) return null;
    if (!(raw instanceof Number n)) return error(name, "must be a number");
    double d = n.doubleValue();
    if (!Double.isFinite(d) || d < min || d > max) return error(name, "must be between " + min + " and " + max);
    return keep(name, d);
  }

  public Long integer(String name, long min, long max) {
    var raw = raw(name);
    if (raw == null) return null;
    if (!(raw instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      return error(name, "must be a whole number");
    }
    long l = n.longValue();
    if (l < min || l > max) return error(name, "must be between " + min + " and " + max);
    return keep(name, l);
  }

  public Boolean bool(String name) {
    var raw = raw(name);
    if (raw == null) return null;
    if (!(raw instanceof Boolean b)) return error(name, "must be true or false");
    return keep(name, b);
  }

  public List<String> textList(String name, int maxItems, int maxLength) {
    var raw = raw(name);
    if (raw == null) return null;
    if (!(raw instanceof JsonArray array)) return error(name, "must be an array of strings");
    if (array.size() > maxItems) return error(name, "must have at most " + maxItems + " items");
    var list = new ArrayList<String>();
    for (var item : array) {
      if (!(item instanceof String s) || s.isBlank() || s.length() > maxLength) {
        return error(name, "must be an array of non-blank strings of at most " + maxLength + " characters");
      }
      if (!list.contains(s.strip())) list.add(s.strip());
    }
    return keep(name, List.copyOf(list));
  }

  /** A nested object, validated by the caller with a Fields of its own. */
  public JsonObject object(String name) {
    var raw = raw(name);
    if (raw == null) return null;
    if (!(raw instanceof JsonObject o)) return error(name, "must be an object");
    return o;
  }

  public JsonArray array(String name, int maxItems) {
    var raw = raw(name);
    if (raw == null) return null;
    if (!(raw instanceof JsonArray a)) return error(name, "must be an array");
    if (a.size() > maxItems) return error(name, "must have at most " + maxItems + " items");
    return a;
  }

  /** Accept the field name without reading it (read elsewhere, e.g. version). */
  public Fields allow(String... names) {
    known.addAll(List.of(names));
    return this;
  }

  public void fail(String name, String message) {
    errors.putIfAbsent(name, message);
    values.remove(name);
  }

  /** Adds errors from a nested object under a prefix, e.g. obligations[0].dueOn. */
  public void absorb(String prefix, Fields nested) {
    nested.unknownFields();
    nested.errors.forEach((k, v) -> errors.putIfAbsent(prefix + "." + k, v));
  }

  /** Throws a 400 listing every problem, including fields nobody asked for. */
  public Fields check() {
    unknownFields();
    if (!errors.isEmpty()) throw new Failure.Invalid(errors);
    return this;
  }

  /** The valid fields that were present, explicit nulls included (they clear a property). */
  public Map<String, Object> values() {
    return values;
  }

  private void unknownFields() {
    for (var name : json.fieldNames()) {
      if (!known.contains(name)) errors.putIfAbsent(name, "is not a known field");
    }
  }

  private Object raw(String name) {
    known.add(name);
    if (json.containsKey(name) && json.getValue(name) == null) values.put(name, null);
    return json.getValue(name);
  }

  private <T> T keep(String name, T value) {
    values.put(name, value);
    return value;
  }

  private <T> T error(String name, String message) {
    fail(name, message);
    return null;
  }
}
