package org.liandong.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** A request's query parameters, validated and typed by the contract (integers, booleans, lists). */
public final class Query {
  public static final String KEY = "liandong.query";

  private final JsonObject params;

  private Query(JsonObject params) {
    this.params = params == null ? new JsonObject() : params;
  }

  public static Query of(RoutingContext ctx) {
    JsonObject params = ctx.get(KEY);
    return new Query(params);
  }

  public String text(String name) {
    return params.getValue(name) instanceof String s ? s : null;
  }

  public int integer(String name, int fallback) {
    return params.getValue(name) instanceof Number n ? n.intValue() : fallback;
  }

  public Boolean bool(String name) {
    return params.getValue(name) instanceof Boolean b ? b : null;
  }

  /** A comma-separated list parameter (style form, explode false); null when absent. */
  public List<String> texts(String name) {
    var value = params.getValue(name);
    if (value instanceof JsonArray a) return a.stream().map(String::valueOf).toList();
    if (value instanceof String s) return List.of(s.split(","));
    return null;
  }

  /** A date-time parameter (RFC 3339, with its offset) as an instant in UTC; null when absent. */
  public java.time.ZonedDateTime instant(String name) {
    var text = text(name);
    if (text == null) return null;
    try {
      return java.time.OffsetDateTime.parse(text).atZoneSameInstant(java.time.ZoneOffset.UTC);
    } catch (java.time.format.DateTimeParseException e) {
      throw Failure.invalid(name, Text.key("server.support.dateTimeOffsetE"));
    }
  }

  public Page page() {
    return new Page(integer("offset", 0), integer("limit", 50));
  }

  /** ?offset=&limit= as the contract bounds them. */
  public record Page(int offset, int limit) {}
}
