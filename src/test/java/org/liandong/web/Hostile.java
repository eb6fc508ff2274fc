package org.liandong.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Requests derived from the contract, each breaking exactly one of its rules: for every operation
 * a body valid by its schema (or none), then one field of the wrong type, null where no null is
 * allowed, missing though required, too long, out of range, not one of its values, a date outside
 * the calendar, a time without its offset, a field the schema does not know, a query parameter
 * the operation does not know or of the wrong form, or a body that is not plain JSON.
 */
final class Hostile {
  /** One request: what it breaks is said in {@code broken}, for the failure message. */
  record Request(String method, String path, String body, String broken) {
    @Override
    public String toString() {
      var shown = body == null ? "" : " " + (body.length() > 160 ? body.substring(0, 160) + "…" : body);
      return method + " " + path + shown + " (" + broken + ")";
    }
  }

  /** An operation of the contract: its verb, path, the schema of its JSON body (or null) and its query parameters. */
  record Operation(String method, String path, Map<String, Object> body, Map<String, Map<String, Object>> query) {}

  private final Map<String, Object> components;
  private final List<Operation> operations = new ArrayList<>();

  @SuppressWarnings("unchecked")
  Hostile(Map<String, Object> contract) {
    components = (Map<String, Object>) contract.get("components");
    var paths = (Map<String, Map<String, Object>>) contract.get("paths");
    paths.forEach((path, item) -> item.forEach((verb, value) -> {
      if (!(value instanceof Map<?, ?> op) || !op.containsKey("responses")) return;
      var query = new LinkedHashMap<String, Map<String, Object>>();
      for (var p : parameters(item.get("parameters"), op.get("parameters"))) {
        if ("query".equals(p.get("in"))) query.put((String) p.get("name"), resolve((Map<String, Object>) p.get("schema")));
      }
      Map<String, Object> body = null;
      if (op.get("requestBody") instanceof Map<?, ?> rb && rb.get("content") instanceof Map<?, ?> content
          && content.get("application/json") instanceof Map<?, ?> json) {
        body = resolve((Map<String, Object>) json.get("schema"));
      }
      operations.add(new Operation(verb.toUpperCase(), path, body, query));
    }));
  }

  List<Operation> operations() {
    return operations;
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> parameters(Object... lists) {
    var out = new ArrayList<Map<String, Object>>();
    for (var list : lists) {
      if (list instanceof List<?> l) for (var p : l) out.add(resolve((Map<String, Object>) p));
    }
    return out;
  }

  /** A schema or parameter with its $ref followed (once per level, as the contract nests them). */
  @SuppressWarnings("unchecked")
  Map<String, Object> resolve(Map<String, Object> schema) {
    if (schema == null) return Map.of();
    var ref = (String) schema.get("$ref");
    if (ref == null) return schema;
    var parts = ref.substring("#/components/".length()).split("/");
    return resolve((Map<String, Object>) ((Map<String, Object>) components.get(parts[0])).get(parts[1]));
  }

  /** One request that breaks one rule of a random operation. */
  Request next(Random random) {
    var op = operations.get(random.nextInt(operations.size()));
    var path = op.path().replaceAll("\\{[^}]+}", "x");
    var body = op.body() == null ? null : valid(op.body(), random);
    var kinds = new ArrayList<String>(List.of("unknown query parameter"));
    if (!op.query().isEmpty()) kinds.add("query parameter of the wrong form");
    if (body instanceof JsonObject o && !o.isEmpty()) kinds.addAll(List.of("field", "field", "field", "unknown field", "not plain JSON"));
    if (body instanceof JsonObject && required(op.body()).size() > 0) kinds.add("missing field");
    var kind = kinds.get(random.nextInt(kinds.size()));
    return switch (kind) {
      case "unknown query parameter" -> send(op, path + "?zz" + random.nextInt(100) + "=1", body, kind);
      case "query parameter of the wrong form" -> {
        var names = new ArrayList<>(op.query().keySet());
        var name = names.get(random.nextInt(names.size()));
        var bad = badQuery(op.query().get(name), random);
        yield bad == null ? send(op, path + "?zz=1", body, "unknown query parameter")
            : send(op, path + "?" + name + "=" + java.net.URLEncoder.encode(bad, java.nio.charset.StandardCharsets.UTF_8), body,
                kind + ": " + name + "=" + bad);
      }
      case "unknown field" -> send(op, path, ((JsonObject) body).copy().put("zzUnknown", 1), kind);
      case "missing field" -> {
        var required = required(op.body());
        var name = required.get(random.nextInt(required.size()));
        var without = ((JsonObject) body).copy();
        without.remove(name);
        yield send(op, path, without, kind + ": " + name);
      }
      case "not plain JSON" -> {
        var raw = List.of("{\"a\":1,\"a\":2}", "{/*x*/}", "not json", "[".repeat(300) + "]".repeat(300), "[]", "null",
            ((JsonObject) body).encode().replaceFirst("\\{", "{\"dup\":1,\"dup\":1,"));
        yield new Request(op.method(), path, raw.get(random.nextInt(raw.size())), kind);
      }
      default -> breakAField(op, path, (JsonObject) body, random);
    };
  }

  private static Request send(Operation op, String path, Object body, String broken) {
    return new Request(op.method(), path, body == null ? null : body.toString(), broken);
  }

  @SuppressWarnings("unchecked")
  private Request breakAField(Operation op, String path, JsonObject body, Random random) {
    var properties = (Map<String, Object>) op.body().get("properties");
    var names = new ArrayList<>(body.fieldNames());
    var name = names.get(random.nextInt(names.size()));
    var schema = resolve((Map<String, Object>) properties.get(name));
    var bad = badValue(schema, random);
    var broken = body.copy();
    if (bad == NULL) broken.putNull(name); else broken.put(name, bad);
    return send(op, path, broken, "field " + name + " = " + (bad == NULL ? "null" : String.valueOf(bad)));
  }

  private static final Object NULL = new Object();

  /** A value the schema refuses: each choice breaks a rule the schema states. */
  @SuppressWarnings("unchecked")
  private Object badValue(Map<String, Object> schema, Random random) {
    var choices = new ArrayList<Object>();
    var types = types(schema);
    if (!types.contains("null") && !nullableOneOf(schema)) choices.add(NULL);
    if (!types.contains("string")) choices.add("text");
    if (!types.contains("integer") && !types.contains("number")) choices.add(12345);
    if (!types.contains("object")) choices.add(new JsonObject().put("x", 1));
    if (!types.contains("array")) choices.add(new JsonArray().add(1));
    if (!types.contains("boolean")) choices.add(true);
    if (schema.get("maxLength") instanceof Number max) choices.add("长".repeat(max.intValue() + 1));
    if (schema.get("maximum") instanceof Number max) choices.add(types.contains("integer") ? max.longValue() + 1 : max.doubleValue() * 10 + 1);
    if (schema.get("minimum") instanceof Number min) choices.add(types.contains("integer") ? min.longValue() - 1 : min.doubleValue() - 1);
    if (schema.get("enum") instanceof List<?>) choices.add("not-one-of-them");
    if ("date".equals(schema.get("format"))) choices.addAll(List.of("1999-12-31", "2100-01-01", "2023-02-30", "20/06/2023"));
    if ("date-time".equals(schema.get("format"))) choices.addAll(List.of("2023-06-27T09:00:00", "2100-01-01T00:00:00Z", "yesterday"));
    if (schema.get("maxItems") instanceof Number max) choices.add(new JsonArray(java.util.Collections.nCopies(max.intValue() + 1, "x")));
    return choices.get(random.nextInt(choices.size()));
  }

  private String badQuery(Map<String, Object> schema, Random random) {
    var choices = new ArrayList<String>();
    var types = types(schema);
    if (types.contains("integer") || types.contains("number")) choices.addAll(List.of("many", "1.5e999"));
    if (schema.get("maximum") instanceof Number max) choices.add(String.valueOf(max.longValue() + 1));
    if (schema.get("minimum") instanceof Number min) choices.add(String.valueOf(min.longValue() - 1));
    if (schema.get("enum") instanceof List<?>) choices.add("not-one-of-them");
    if (schema.get("maxLength") instanceof Number max) choices.add("x".repeat(max.intValue() + 1));
    if ("date".equals(schema.get("format"))) choices.addAll(List.of("1999-12-31", "2023-02-30"));
    if ("date-time".equals(schema.get("format"))) choices.addAll(List.of("2023-06-27T09:00:00", "2100-01-01T00:00:00Z"));
    if (types.contains("boolean")) choices.add("maybe");
    return choices.isEmpty() ? null : choices.get(random.nextInt(choices.size()));
  }

  @SuppressWarnings("unchecked")
  private static List<String> required(Map<String, Object> schema) {
    return schema.get("required") instanceof List<?> l ? (List<String>) l : List.of();
  }

  @SuppressWarnings("unchecked")
  private List<String> types(Map<String, Object> schema) {
    var type = schema.get("type");
    if (type instanceof List<?> l) return (List<String>) l;
    if (type instanceof String s) return List.of(s);
    if (schema.get("oneOf") instanceof List<?> l) {
      var out = new ArrayList<String>();
      for (var s : l) out.addAll(types(resolve((Map<String, Object>) s)));
      return out;
    }
    return List.of("string");
  }

  @SuppressWarnings("unchecked")
  private boolean nullableOneOf(Map<String, Object> schema) {
    return schema.get("oneOf") instanceof List<?> l && l.stream().anyMatch(s -> "null".equals(((Map<String, Object>) s).get("type")));
  }

  /** A value the schema accepts (as far as its types, formats, ranges and lengths say). */
  @SuppressWarnings("unchecked")
  Object valid(Map<String, Object> schema, Random random) {
    schema = resolve(schema);
    if (schema.get("oneOf") instanceof List<?> l) return valid((Map<String, Object>) l.get(0), random);
    if (schema.get("enum") instanceof List<?> l) return l.get(random.nextInt(l.size()));
    var type = types(schema).get(0);
    return switch (type) {
      case "object" -> {
        var out = new JsonObject();
        var properties = schema.get("properties") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.<String, Object>of();
        for (var name : required(schema)) out.put(name, valid((Map<String, Object>) properties.get(name), random));
        properties.forEach((name, p) -> {
          if (!out.containsKey(name) && random.nextInt(3) == 0) out.put(name, valid((Map<String, Object>) p, random));
        });
        yield out;
      }
      case "array" -> {
        var out = new JsonArray();
        int min = schema.get("minItems") instanceof Number n ? n.intValue() : 1;
        for (int i = 0; i < min; i++) out.add(valid((Map<String, Object>) schema.get("items"), random));
        yield out;
      }
      case "integer" -> schema.get("minimum") instanceof Number n ? Math.max(n.longValue(), 1) : 1;
      case "number" -> schema.get("minimum") instanceof Number n ? Math.max(n.doubleValue(), 1.5) : 1.5;
      case "boolean" -> false;
      default -> {
        if ("date".equals(schema.get("format"))) yield "2031-06-30";
        if ("date-time".equals(schema.get("format"))) yield "2031-06-30T09:00:00+08:00";
        int min = schema.get("minLength") instanceof Number n ? n.intValue() : 1;
        yield "a1" + "a".repeat(Math.max(0, min - 2));
      }
    };
  }
}
