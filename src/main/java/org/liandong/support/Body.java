package org.liandong.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request body the contract has already validated (types, formats, lengths, required fields,
 * no unknown fields, no nulls where none are allowed), read as the values Neo4j stores:
 * LocalDate, ZonedDateTime, Long, Double, Boolean, String (stripped), List. What is left to
 * check here are the rules of the domain, which belong to the services.
 */
public final class Body {
  /** Where the web layer leaves the validated body for the handler. */
  public static final String KEY = "liandong.body";

  public enum Kind { TEXT, DATE, DATE_TIME, DECIMAL, INTEGER, BOOL, TEXTS, OBJECT }

  /** The fields of one kind of body and how each is read, declared once beside its routes. */
  public static final class Shape {
    private final Map<String, Kind> kinds = new LinkedHashMap<>();

    public static Shape of() {
      return new Shape();
    }

    public Shape with(Kind kind, String... names) {
      for (var n : names) kinds.put(n, kind);
      return this;
    }
  }

  private final JsonObject json;

  public Body(JsonObject json) {
    this.json = json == null ? new JsonObject() : json;
  }

  public static Body of(RoutingContext ctx) {
    JsonObject json = ctx.get(KEY);
    return new Body(json);
  }

  public JsonObject json() {
    return json;
  }

  public boolean has(String name) {
    return json.containsKey(name);
  }

  /** The fields of the shape that were sent, typed; an explicit null stays (it clears a property). */
  public Patch read(Shape shape) {
    var out = new LinkedHashMap<String, Object>();
    shape.kinds.forEach((name, kind) -> {
      if (json.containsKey(name)) out.put(name, value(name, kind, json.getValue(name)));
    });
    return Patch.of(out);
  }

  /**
   * Like {@link #read}, for a change: at least one field besides the version must be sent, else a
   * 400 naming those that may change (the shape's, and {@code others} read apart).
   */
  public Patch changes(Shape shape, String... others) {
    var values = read(shape);
    if (values.isEmpty() && java.util.Arrays.stream(others).noneMatch(json::containsKey)) {
      var names = new java.util.ArrayList<>(shape.kinds.keySet());
      names.addAll(java.util.List.of(others));
      throw Failure.invalid("body", Text.key("server.support.sendLeastOneField", "names", names));
    }
    return values;
  }

  public String text(String name) {
    return (String) value(Kind.TEXT, json.getValue(name));
  }

  public Long integer(String name) {
    return (Long) value(Kind.INTEGER, json.getValue(name));
  }

  public LocalDate date(String name) {
    return (LocalDate) value(Kind.DATE, json.getValue(name));
  }

  public JsonObject object(String name) {
    return json.getJsonObject(name);
  }

  public JsonArray array(String name) {
    return json.getJsonArray(name);
  }

  @SuppressWarnings("unchecked")
  public List<String> texts(String name) {
    return (List<String>) value(Kind.TEXTS, json.getValue(name));
  }

  /**
   * The value of a field. The contract's Date and DateTime patterns admit only what these parse
   * (ContractTest holds them together); should a value still fail, it is a 400 naming the field
   * and the form to send, never a 500.
   */
  private static Object value(String name, Kind kind, Object raw) {
    try {
      return value(kind, raw);
    } catch (java.time.DateTimeException e) {
      throw Failure.invalid(name, Text.key(kind == Kind.DATE ? "server.web.mustRealDateLike" : "server.support.mustDateTimeOffset"));
    }
  }

  private static Object value(Kind kind, Object raw) {
    if (raw == null) return null;
    return switch (kind) {
      case TEXT -> ((String) raw).strip();
      case DATE -> LocalDate.parse((String) raw);
      case DATE_TIME -> OffsetDateTime.parse((String) raw).toZonedDateTime();
      case DECIMAL -> ((Number) raw).doubleValue();
      case INTEGER -> ((Number) raw).longValue();
      case BOOL -> (Boolean) raw;
      case TEXTS -> ((JsonArray) raw).stream().map(s -> ((String) s).strip()).distinct().toList();
      case OBJECT -> raw;
    };
  }
}
