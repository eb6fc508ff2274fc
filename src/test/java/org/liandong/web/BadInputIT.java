package org.liandong.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.Api;
import org.liandong.TestServer;
import org.yaml.snakeyaml.Yaml;

/**
 * The campaign's bad-input run, generated from the contract: for every write route, a valid body,
 * then that body with each field made null, of the wrong type, too long or too big, a date
 * outside the calendar, a control character, plus unknown fields, duplicates and non-JSON.
 * Nothing may answer 5xx, and afterwards every read still answers.
 */
@DisplayName("Bad input over every write route")
class BadInputIT {
  static Api admin;
  static String project;
  static String obligation;
  static String meeting;
  static String department;
  static String user;
  static String saved;
  static Map<String, Object> schemas;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void fixtures() throws Exception {
    admin = TestServer.api().as("demo-admin");
    project = created(admin.with("Idempotency-Key", UUID.randomUUID().toString()).post("/api/projects", projectBody("BAD-FIXTURE")));
    obligation = created(admin.post("/api/obligations", obligationBody()));
    meeting = created(admin.post("/api/meetings", new JsonObject().put("title", "坏输入测试会").put("startsAt", "2031-03-01T09:00:00+08:00")
        .put("projectIds", new JsonArray().add(project)).put("agenda", new JsonArray().add("议题"))));
    department = created(admin.post("/api/departments", new JsonObject().put("name", "坏输入测试局").put("level", "district")));
    user = created(admin.post("/api/users", new JsonObject().put("username", "bad-input-user").put("displayName", "测试")
        .put("password", "long-enough-1").put("roles", new JsonArray().add("officer"))));
    saved = created(admin.post("/api/console/saved", new JsonObject().put("name", "坏输入").put("cypher", "MATCH (p:Project) RETURN count(p)")));
    try (InputStream in = BadInputIT.class.getClassLoader().getResourceAsStream("openapi.yaml")) {
      Map<String, Object> doc = new Yaml().load(in);
      schemas = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("schemas");
    }
  }

  private static String created(Api.Response r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().getString("id");
  }

  static JsonObject projectBody(String code) {
    return new JsonObject().put("code", code).put("name", "坏输入测试项目").put("company", "测试公司").put("investmentYi", 2.5)
        .put("stage", "signed").put("level", "district").put("signedOn", "2030-03-01").put("targetStartOn", "2030-09-01");
  }

  static JsonObject obligationBody() {
    return new JsonObject().put("projectId", project).put("departmentId", "d-zj-housing").put("title", "坏输入测试事项")
        .put("track", "permits").put("dueOn", "2030-08-01").put("durationDays", 5);
  }

  /** One write route: how to call it, with a valid body, and the contract's schema of that body. */
  record Route(String method, String path, String schema, JsonObject valid) {}

  List<Route> routes() {
    return List.of(
        new Route("POST", "/api/projects", "ProjectCreate", projectBody("BAD-" + UUID.randomUUID().toString().substring(0, 8))),
        new Route("PATCH", "/api/projects/" + project, "ProjectChange", new JsonObject().put("version", 0).put("name", "改名")),
        new Route("POST", "/api/obligations", "ObligationDraft", obligationBody()),
        new Route("PATCH", "/api/obligations/" + obligation, "ObligationChange", new JsonObject().put("version", 0).put("note", "备注")),
        new Route("POST", "/api/obligations/" + obligation + "/dependencies", "inline:dependsOn", new JsonObject().put("version", 0).put("dependsOn", "n7-1")),
        new Route("POST", "/api/meetings", "inline:meeting", new JsonObject().put("title", "会").put("startsAt", "2031-03-02T09:00:00+08:00")),
        new Route("PATCH", "/api/meetings/" + meeting, "inline:meetingChange", new JsonObject().put("version", 0).put("title", "会")),
        new Route("POST", "/api/meetings/" + meeting + "/agenda", "inline:agenda", new JsonObject().put("title", "议题")),
        new Route("POST", "/api/meetings/" + meeting + "/decisions", "inline:decision", new JsonObject().put("text", "决定")
            .put("obligations", new JsonArray().add(new JsonObject().put("departmentId", "d-zj-housing").put("title", "决定事项")
                .put("track", "permits").put("dueOn", "2030-09-01")))),
        new Route("POST", "/api/departments", "DepartmentCreate", new JsonObject().put("name", "局").put("level", "city")),
        new Route("PATCH", "/api/departments/" + department, "DepartmentChange", new JsonObject().put("version", 0).put("shortName", "局")),
        new Route("POST", "/api/users", "inline:user", new JsonObject().put("username", "u" + UUID.randomUUID().toString().substring(0, 8))
            .put("displayName", "人").put("password", "long-enough-1").put("roles", new JsonArray().add("analyst"))),
        new Route("PATCH", "/api/users/" + user, "inline:userChange", new JsonObject().put("version", 0).put("displayName", "人")),
        new Route("POST", "/api/console/saved", "SavedQueryCreate", new JsonObject().put("name", "q").put("cypher", "RETURN 1")),
        new Route("PATCH", "/api/console/saved/" + saved, "SavedQueryChange", new JsonObject().put("version", 0).put("name", "q")),
        new Route("POST", "/api/console/query", "inline:query", new JsonObject().put("cypher", "RETURN 1 AS one")),
        new Route("POST", "/api/impact", "inline:impact", new JsonObject().put("obligationId", "n7-2").put("days", 3)),
        new Route("POST", "/api/session", "inline:login", new JsonObject().put("username", "nobody-at-all").put("password", "x")));
  }

  /** Field names and kinds of a schema, read from the contract (inline ones from the valid body). */
  @SuppressWarnings("unchecked")
  Map<String, String> fields(Route route) {
    var out = new LinkedHashMap<String, String>();
    if (route.schema().startsWith("inline:")) {
      route.valid().forEach(e -> out.put(e.getKey(), kind(e.getValue())));
      return out;
    }
    var schema = (Map<String, Object>) schemas.get(route.schema());
    var properties = (Map<String, Map<String, Object>>) schema.get("properties");
    properties.forEach((name, property) -> out.put(name, kind(property)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static String kind(Object property) {
    if (property instanceof Map<?, ?> m) {
      var ref = m.get("$ref") != null ? (String) m.get("$ref")
          : m.get("oneOf") instanceof List<?> l ? (String) ((Map<String, Object>) l.get(0)).get("$ref") : null;
      if (ref != null) {
        var name = ref.substring(ref.lastIndexOf('/') + 1);
        return switch (name) {
          case "Date" -> "date";
          case "DateTime" -> "datetime";
          case "Version" -> "integer";
          default -> "string";
        };
      }
      var type = m.get("type") instanceof List<?> l ? String.valueOf(l.get(0)) : String.valueOf(m.get("type"));
      return type;
    }
    if (property instanceof Number n) return n instanceof Double ? "number" : "integer";
    if (property instanceof Boolean) return "boolean";
    if (property instanceof JsonArray) return "array";
    if (property instanceof JsonObject) return "object";
    return "string";
  }

  /** The bad variants of one field of a valid body. */
  static List<Object> badValues(String kind) {
    var common = new ArrayList<Object>(List.of(JsonObject.of("x", 1), new JsonArray().add(new JsonArray().add(1))));
    common.add(null);
    switch (kind) {
      case "string" -> common.addAll(List.of(12345, "x".repeat(30_000), "\u0000", "   ", true));
      case "date" -> common.addAll(List.of("2100-01-01", "+10000-01-01", "2023-02-30", "1999-12-31", "20/06/2023", 20230620));
      case "datetime" -> common.addAll(List.of("2023-06-27T09:00", "2100-01-01T00:00:00Z", "yesterday", 1687827600));
      case "integer" -> common.addAll(List.of("7", 1.5, new java.math.BigInteger("18446744073709551617"), -1, Long.MAX_VALUE));
      case "number" -> common.addAll(List.of("3亿", -1, 1e300, new java.math.BigDecimal("1e400")));
      case "boolean" -> common.addAll(List.of("true", 1));
      case "array" -> common.addAll(List.of("a,b", new JsonArray().add((Object) null), new JsonArray(java.util.Collections.nCopies(500, "x"))));
      default -> common.addAll(List.of("x", 1));
    }
    return common;
  }

  @Test
  @DisplayName("more than 300 malformed requests: none answers 5xx, each 4xx names a field, and every read still answers")
  void campaign() {
    int sent = 0;
    var failures = new ArrayList<String>();
    for (var route : routes()) {
      for (var field : fields(route).entrySet()) {
        for (var bad : badValues(field.getValue())) {
          var body = route.valid().copy();
          if (bad == null) body.putNull(field.getKey()); else body.put(field.getKey(), bad);
          sent++;
          check(route, body.encode(), failures);
        }
      }
      for (var raw : List.of("{}", "[]", "null", "not json", "{\"a\":1,\"a\":2}", "{/*x*/}", route.valid().copy().put("zz", 1).encode(),
          "{\"" + "k".repeat(5000) + "\":1}", "[".repeat(200) + "]".repeat(200))) {
        sent++;
        check(route, raw, failures);
      }
    }
    assertThat(failures).as("requests answered 5xx").isEmpty();
    assertThat(sent).isGreaterThanOrEqualTo(300);

    for (var read : List.of("/api/projects", "/api/obligations?limit=500", "/api/bottlenecks", "/api/kpis", "/api/meetings",
        "/api/departments", "/api/users", "/api/console/saved")) {
      assertThat(admin.get(read).status()).as(read).isEqualTo(200);
    }
    for (var p : admin.get("/api/projects").array()) {
      var id = ((JsonObject) p).getString("id");
      assertThat(admin.get("/api/projects/" + id + "/schedule").status()).as("schedule of " + id).isEqualTo(200);
    }
  }

  private static void check(Route route, String body, List<String> failures) {
    var r = admin.send(route.method(), route.path(), new Raw(body));
    if (r.status() >= 500) failures.add(route.method() + " " + route.path() + " " + truncate(body) + " → " + r.status() + " " + r.body());
    if (r.status() == 400) {
      var json = r.json();
      assertThat(json.getString("messageZh")).as(body).isNotBlank();
      assertThat(json.getJsonObject("fields")).as(truncate(body)).isNotNull().isNotEmpty();
    }
  }

  private static String truncate(String s) {
    return s.length() > 120 ? s.substring(0, 120) + "…" : s;
  }

  /** A body sent exactly as written (not re-encoded). */
  record Raw(String text) {
    @Override
    public String toString() {
      return text;
    }
  }
}
