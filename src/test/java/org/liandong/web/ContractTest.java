package org.liandong.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.access.Policy;
import org.liandong.accounts.AccountRoutes;
import org.liandong.console.ConsoleRoutes;
import org.liandong.departments.DepartmentRoutes;
import org.liandong.kpis.KpiRoutes;
import org.liandong.meetings.MeetingRoutes;
import org.liandong.meta.MetaRoutes;
import org.liandong.obligations.ObligationRoutes;
import org.liandong.projects.ProjectRoutes;
import org.liandong.schedule.ScheduleRoutes;
import org.liandong.support.Routes;

/** The contract and the routes are one: every operation has exactly one handler and no handler is outside the contract. */
@DisplayName("openapi.yaml and the routes")
class ContractTest {
  static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  /** Every feature's routes as the server mounts them; mounting only names handlers, so no service is needed. */
  static List<Routes> features() {
    return new ArrayList<>(List.of(new AccountRoutes(null, false, false, null), new MetaRoutes(null), new DepartmentRoutes(null),
        new ProjectRoutes(null), new ObligationRoutes(null, null, null, null), new MeetingRoutes(null, null, null), new KpiRoutes(null, null),
        new ConsoleRoutes(null), new org.liandong.notices.NoticeRoutes(null),
        new org.liandong.history.HistoryRoutes(null), new org.liandong.sheets.SheetRoutes(null, null, null),
        new org.liandong.templates.TemplateRoutes(null), new org.liandong.reach.OutboxRoutes(null), new org.liandong.reach.ReceiptRoutes(null), new ScheduleRoutes(null)));
  }

  @Test
  @DisplayName("agree: the contract loads with every feature's handlers bound")
  void agree() throws Exception {
    var contract = Contract.load(vertx, features(), new Policy()).await(20, TimeUnit.SECONDS);
    assertThat(contract.contract().operations()).hasSizeGreaterThan(40);
  }

  @Test
  @DisplayName("the contract's Date and DateTime admit only what the server parses: whatever their patterns let through, java.time reads")
  @SuppressWarnings("unchecked")
  void formatsAreTheParsers() throws Exception {
    var doc = contract();
    var schemas = (java.util.Map<String, java.util.Map<String, Object>>) ((java.util.Map<String, Object>) doc.get("components")).get("schemas");
    var date = java.util.regex.Pattern.compile((String) schemas.get("Date").get("pattern"));
    var dateTime = java.util.regex.Pattern.compile((String) schemas.get("DateTime").get("pattern"));
    var random = new java.util.Random(20231227);
    for (int i = 0; i < 20_000; i++) {
      var candidate = String.format("20%02d-%02d-%02d", random.nextInt(100), random.nextInt(14), random.nextInt(33));
      if (date.matcher(candidate).matches() && validDate(candidate)) java.time.LocalDate.parse(candidate);
      var clock = String.format("%02d:%02d:%02d", random.nextInt(26), random.nextInt(62), random.nextInt(62));
      var time = candidate + "T" + (random.nextInt(5) == 0 ? clock.substring(0, 5) : clock + List.of("", ".5", ".123456789", ".1234567891").get(random.nextInt(4)))
          + List.of("", "Z", "+08:00", "-05:30", "+8:00", "+0800", "+08:00:00").get(random.nextInt(7));
      if (dateTime.matcher(time).matches() && validDate(candidate) && validTime(time.substring(11, Math.min(19, time.length())).replaceAll("[^0-9:].*", ""))) {
        java.time.OffsetDateTime.parse(time);
      }
      assertThat(dateTime.matcher(candidate + "T09:00:00").matches()).as("a time without its offset").isFalse();
    }
    assertThat(dateTime.matcher("2027-03-01T09:00:00+08:00").matches()).isTrue();
    assertThat(dateTime.matcher("2027-03-01T09:00:00Z").matches()).isTrue();
  }

  @Test
  @DisplayName("the contract says what can come back: 400 and 503 everywhere, 401 wherever a session is needed, 403 wherever a role is, the type a workbook is served as")
  @SuppressWarnings("unchecked")
  void answersDocumented() throws Exception {
    var doc = contract();
    var missing = new ArrayList<String>();
    var paths = (java.util.Map<String, java.util.Map<String, Object>>) doc.get("paths");
    paths.forEach((path, item) -> item.forEach((verb, value) -> {
      if (!(value instanceof java.util.Map<?, ?> op) || !op.containsKey("responses")) return;
      var responses = ((java.util.Map<Object, Object>) op.get("responses")).keySet().stream().map(String::valueOf).toList();
      boolean open = List.of().equals(op.get("security"));
      if (!open && !responses.contains("401")) missing.add(op.get("operationId") + ": 401");
      if (op.containsKey("x-action") && !responses.contains("403")) missing.add(op.get("operationId") + ": 403");
      // any request may carry a query parameter the operation does not know (400), and any may find the database out of reach (503)
      for (var always : List.of("400", "503")) if (!responses.contains(always)) missing.add(op.get("operationId") + ": " + always);
      var ok = (java.util.Map<String, Object>) ((java.util.Map<Object, Object>) op.get("responses")).get("200");
      var content = ok == null ? null : (java.util.Map<String, Object>) ok.get("content");
      // vertx-openapi 5.0 loads no binary response type but octet-stream: a workbook names what it is served as in x-served-as
      if (content != null && content.containsKey("application/octet-stream")
          && !String.valueOf(ok.get("x-served-as")).contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")) {
        missing.add(op.get("operationId") + ": a workbook's media type");
      }
    }));
    assertThat(missing).as("answers the contract does not describe").isEmpty();
  }

  @Test
  @DisplayName("the objects the API answers with are closed: each names every field it may carry, which are always there, and allows no other")
  @SuppressWarnings("unchecked")
  void objectsClosed() throws Exception {
    var schemas = (java.util.Map<String, java.util.Map<String, Object>>) ((java.util.Map<String, Object>) contract().get("components")).get("schemas");
    for (var name : List.of("Error", "Me", "User", "Department", "Project", "Obligation", "Meeting", "SavedQuery", "Tile", "Change")) {
      var schema = schemas.get(name);
      assertThat(schema.get("additionalProperties")).as(name).isEqualTo(false);
      assertThat((List<String>) schema.get("required")).as(name).isNotEmpty()
          .allSatisfy(field -> assertThat((java.util.Map<String, Object>) schema.get("properties")).as(name).containsKey(field));
    }
  }

  @Test
  @DisplayName("the contract's words for the domain's kinds are the server's: notice kinds, statuses, meeting statuses, roles")
  @SuppressWarnings("unchecked")
  void vocabularyIsTheServers() throws Exception {
    var schemas = (java.util.Map<String, java.util.Map<String, Object>>) ((java.util.Map<String, Object>) contract().get("components")).get("schemas");
    assertThat((List<String>) schemas.get("NoticeKind").get("enum")).containsExactlyInAnyOrderElementsOf(org.liandong.domain.NoticeKind.names());
    assertThat((List<String>) schemas.get("Status").get("enum")).containsExactlyInAnyOrderElementsOf(org.liandong.domain.Status.names());
    assertThat((List<String>) schemas.get("Role").get("enum")).containsExactlyInAnyOrderElementsOf(org.liandong.access.Role.keys());
    assertThat((List<String>) schemas.get("MeetingStatus").get("enum"))
        .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(org.liandong.domain.MeetingStatus.values()).map(Enum::name).toList());
  }

  @Test
  @DisplayName("every answer the contract documents says its fields: each object in it is closed, or says it is a free map and what it maps")
  @SuppressWarnings("unchecked")
  void everyAnswerSaysItsFields() throws Exception {
    var contract = contract();
    var components = (java.util.Map<String, Object>) contract.get("components");
    var open = new java.util.TreeSet<String>();
    var paths = (java.util.Map<String, java.util.Map<String, Object>>) contract.get("paths");
    paths.forEach((path, item) -> item.forEach((method, op) -> {
      if (!(op instanceof java.util.Map<?, ?> operation) || !operation.containsKey("responses")) return;
      ((java.util.Map<String, Object>) operation.get("responses")).forEach((status, answer) -> {
        var content = (java.util.Map<String, Object>) resolve(components, (java.util.Map<String, Object>) answer).get("content");
        if (content == null || !content.containsKey("application/json")) return;
        var schema = (java.util.Map<String, Object>) ((java.util.Map<String, Object>) content.get("application/json")).get("schema");
        walk(components, schema, operation.get("operationId") + " " + status, new java.util.HashSet<>(), open);
      });
    }));
    assertThat(open).as("answers (operation, status, field) whose objects neither close nor describe a free map").isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static void walk(java.util.Map<String, Object> components, java.util.Map<String, Object> schema, String where,
                           java.util.Set<String> seen, java.util.Set<String> open) {
    if (schema == null) return;
    var ref = (String) schema.get("$ref");
    if (ref != null && !seen.add(ref)) return;
    var s = resolve(components, schema);
    var type = s.get("type");
    var object = "object".equals(type) || (type instanceof List<?> types && types.contains("object"));
    var extra = s.get("additionalProperties");
    if (object && !(Boolean.FALSE.equals(extra) && s.containsKey("properties")) && !(extra != null && s.containsKey("description"))) open.add(where);
    if (s.get("properties") instanceof java.util.Map<?, ?> properties) {
      properties.forEach((name, field) -> walk(components, (java.util.Map<String, Object>) field, where + "." + name, seen, open));
      if (Boolean.FALSE.equals(extra) && s.get("required") instanceof List<?> required) {
        required.forEach(field -> { if (!properties.containsKey(field)) open.add(where + " requires " + field + " but does not name it"); });
      }
    }
    for (var key : List.of("oneOf", "anyOf", "allOf")) {
      if (s.get(key) instanceof List<?> options) options.forEach(o -> walk(components, (java.util.Map<String, Object>) o, where, seen, open));
    }
    if (s.get("items") instanceof java.util.Map<?, ?> items) walk(components, (java.util.Map<String, Object>) items, where + "[]", seen, open);
  }

  /** A schema or response, its $ref followed within the document. */
  @SuppressWarnings("unchecked")
  private static java.util.Map<String, Object> resolve(java.util.Map<String, Object> components, java.util.Map<String, Object> node) {
    while (node.get("$ref") instanceof String ref) {
      var parts = ref.substring("#/components/".length()).split("/");
      node = (java.util.Map<String, Object>) ((java.util.Map<String, Object>) components.get(parts[0])).get(parts[1]);
    }
    return node;
  }

  /** Calendar validity is the format check's (format: date), not the pattern's. */
  private static boolean validDate(String date) {
    return reads(() -> java.time.LocalDate.parse(date));
  }

  private static boolean validTime(String time) {
    return reads(() -> java.time.LocalTime.parse(time));
  }

  private static boolean reads(Runnable parse) {
    try {
      parse.run();
      return true;
    } catch (java.time.DateTimeException e) {
      return false;
    }
  }

  /** The contract as the server reads it, as plain YAML. */
  static java.util.Map<String, Object> contract() throws java.io.IOException {
    try (var in = ContractTest.class.getClassLoader().getResourceAsStream("openapi.yaml")) {
      return new org.yaml.snakeyaml.Yaml().load(in);
    }
  }

  @Test
  @DisplayName("a handler for an operation the contract lacks stops the start-up, naming it")
  void undescribed() {
    var features = features();
    features.add(api -> api.on("deleteEverything", ctx -> ctx.end()));
    assertThatThrownBy(() -> Contract.load(vertx, features, new Policy()).await(20, TimeUnit.SECONDS))
        .hasMessageContaining("deleteEverything").hasMessageContaining("does not describe");
  }

  @Test
  @DisplayName("an operation without a handler stops the start-up, naming it")
  void unserved() {
    var features = features();
    features.remove(features.size() - 1);
    assertThatThrownBy(() -> Contract.load(vertx, features, new Policy()).await(20, TimeUnit.SECONDS))
        .hasMessageContaining("without a handler").hasMessageContaining("bottlenecks");
  }

  @Test
  @DisplayName("the contract's lists of values are the server's own (stages, levels, statuses, tracks, kinds, sources, roles)")
  @SuppressWarnings("unchecked")
  void enumsAreTheDomains() throws Exception {
    var doc = contract();
    var schemas = (java.util.Map<String, java.util.Map<String, Object>>) ((java.util.Map<String, Object>) doc.get("components")).get("schemas");
    java.util.function.Function<String, List<String>> listed = name -> (List<String>) schemas.get(name).get("enum");
    assertThat(listed.apply("Stage")).containsExactlyElementsOf(org.liandong.domain.Stage.names());
    assertThat(listed.apply("Level")).containsExactlyElementsOf(org.liandong.domain.Level.names());
    assertThat(listed.apply("Status")).containsExactlyElementsOf(org.liandong.domain.Status.names());
    assertThat(listed.apply("Track")).containsExactlyInAnyOrderElementsOf(org.liandong.domain.Vocabulary.TRACKS.keySet());
    assertThat(listed.apply("Kind")).containsExactlyInAnyOrderElementsOf(org.liandong.domain.Vocabulary.KINDS.keySet());
    assertThat(listed.apply("NeedSource")).containsExactlyInAnyOrderElementsOf(org.liandong.domain.Vocabulary.NEED_SOURCES.keySet());
    assertThat(listed.apply("MeetingStatus")).containsExactlyElementsOf(
        java.util.Arrays.stream(org.liandong.domain.MeetingStatus.values()).map(Enum::name).toList());
    assertThat(listed.apply("Role")).containsExactlyElementsOf(org.liandong.access.Role.keys());
  }
}
