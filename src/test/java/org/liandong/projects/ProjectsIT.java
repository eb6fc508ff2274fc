package org.liandong.projects;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.liandong.Api;
import org.liandong.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Projects over HTTP")
class ProjectsIT {
  static Api coordinator;
  static Api analyst;

  @BeforeAll
  static void logIn() {
    coordinator = TestServer.api().as("demo-coordinator");
    analyst = TestServer.api().as("demo-analyst");
  }

  static JsonObject body(String code) {
    return new JsonObject().put("code", code).put("name", "测试项目 " + code).put("company", "测试公司")
        .put("investmentYi", 2.5).put("landMu", 30.0).put("stage", "signed").put("level", "district")
        .put("signedOn", "2022-03-01").put("targetStartOn", "2022-09-01").put("championIds", new JsonArray().add("u-leader-liu"))
        .put("liaisonId", "u-liaison-sun");
  }

  static String code() {
    return "T-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  @DisplayName("a coordinator registers a project with its champion and liaison; everyone reads it")
  void create() {
    var created = coordinator.post("/api/projects", body(code()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    var id = created.json().getString("id");
    assertThat(created.header("Location")).isEqualTo("/api/projects/" + id);

    var read = analyst.get("/api/projects/" + id).json();
    assertThat(read.getDouble("investmentYi")).isEqualTo(2.5);
    assertThat(read.getString("signedOn")).isEqualTo("2022-03-01");
    assertThat(read.getBoolean("new")).isTrue();
    assertThat(read.getLong("version")).isEqualTo(1);
    assertThat(read.getJsonArray("champions").getJsonObject(0).getString("id")).isEqualTo("u-leader-liu");
    assertThat(read.getJsonObject("liaison").getString("id")).isEqualTo("u-liaison-sun");
    assertThat(read.getString("light")).isEqualTo("green");
  }

  @Test
  @DisplayName("odd but possible values (1,000+ 亿元, a signing in 2099, a step due before today) are asked about beside their fields,"
      + " and written once confirmed; confirmed itself is never stored")
  void oddValuesAreConfirmed() {
    var odd = body(code()).put("investmentYi", 1000.5).put("signedOn", "2099-03-01").put("targetStartOn", "2099-09-01");
    var before = coordinator.get("/api/projects").array().size();
    var asked = coordinator.post("/api/projects", odd);
    assertThat(asked.status()).as(asked.toString()).isEqualTo(422);
    assertThat(asked.json().getString("error")).isEqualTo("unconfirmed");
    assertThat(asked.json().getJsonObject("fields").fieldNames()).containsExactlyInAnyOrder("investmentYi", "signedOn", "targetStartOn");
    assertThat(asked.json().getJsonObject("fieldsZh").getString("investmentYi")).contains("1000.5").contains("亿元");
    assertThat(asked.json().getString("message")).contains("investment (100 million yuan)").doesNotContain("investmentYi");
    assertThat(coordinator.get("/api/projects").array().size()).as("nothing written").isEqualTo(before);

    var confirmed = coordinator.post("/api/projects", odd.copy().put("confirmed", true));
    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(201);
    var id = confirmed.json().getString("id");
    assertThat(confirmed.json().containsKey("confirmed")).isFalse();
    assertThat(confirmed.json().getDouble("investmentYi")).isEqualTo(1000.5);

    // an ordinary change of the same project asks nothing (only what a request sends is asked about)
    var renamed = coordinator.with("If-Match", "\"1\"").patch("/api/projects/" + id, new JsonObject().put("name", "改名"));
    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
    var dueBefore = coordinator.post("/api/obligations", new JsonObject().put("projectId", id).put("departmentId", "d-zj-housing")
        .put("title", "补录的事项").put("track", "permits").put("dueOn", "2020-05-01"));
    assertThat(dueBefore.status()).as(dueBefore.toString()).isEqualTo(422);
    assertThat(dueBefore.json().getJsonObject("fieldsZh").getString("dueOn")).contains("2020-05-01").contains("早于今天");
    var recorded = coordinator.post("/api/obligations", new JsonObject().put("projectId", id).put("departmentId", "d-zj-housing")
        .put("title", "补录的事项").put("track", "permits").put("dueOn", "2020-05-01").put("confirmed", true));
    assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
    assertThat(recorded.json().containsKey("confirmed")).isFalse();
  }

  @Test
  @DisplayName("an update with the current version applies; a stale one gets 409; reaching started stamps the date")
  void update() {
    var id = coordinator.post("/api/projects", body(code())).json().getString("id");
    var moved = coordinator.with("If-Match", "\"1\"").patch("/api/projects/" + id, new JsonObject().put("stage", "started"));
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    assertThat(moved.json().getString("startedOn")).isNotNull();

    var stale = coordinator.with("If-Match", "\"1\"").patch("/api/projects/" + id, new JsonObject().put("name", "改名"));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.json().getJsonObject("current").getString("stage")).isEqualTo("started");

    var history = analyst.get("/api/projects/" + id + "/changes").array();
    assertThat(history.stream().map(JsonObject.class::cast).map(c -> c.getString("type")))
        .containsExactly("project.updated", "project.created");
  }

  @Test
  @DisplayName("a retried create with the same Idempotency-Key creates one project")
  void idempotent() {
    var key = UUID.randomUUID().toString();
    var body = body(code());
    var first = coordinator.with("Idempotency-Key", key).post("/api/projects", body);
    var retry = coordinator.with("Idempotency-Key", key).post("/api/projects", body);
    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.json().getString("id")).isEqualTo(first.json().getString("id"));
    var withCode = analyst.get("/api/projects").array().stream().map(JsonObject.class::cast)
        .filter(p -> body.getString("code").equals(p.getString("code"))).count();
    assertThat(withCode).isEqualTo(1);
  }

  @Test
  @DisplayName("bad input is named field by field; a taken code is a conflict; champions must be leaders")
  void badInput() {
    var bad = coordinator.post("/api/projects", new JsonObject().put("code", "x y").put("investmentYi", "二十")
        .put("stage", "dreaming").put("signedOn", "2023-13-01").put("new", "yes"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getJsonObject("fields").fieldNames())
        .contains("code", "investmentYi", "stage", "signedOn", "new", "name", "company", "level");

    var taken = coordinator.post("/api/projects", body("ZJHT-2023-001"));
    assertThat(taken.status()).isEqualTo(409);

    var notLeader = coordinator.post("/api/projects", body(code()).put("championIds", new JsonArray().add("u-demo-officer")));
    assertThat(notLeader.status()).isEqualTo(422);
    assertThat(notLeader.json().getJsonObject("fields").getString("championIds")).contains("u-demo-officer");

    var backwards = coordinator.post("/api/projects", body(code()).put("targetCompleteOn", "2022-06-01"));
    assertThat(backwards.status()).isEqualTo(422);

    assertThat(analyst.get("/api/projects/nope").status()).isEqualTo(404);
    assertThat(analyst.get("/api/projects/nope/changes").status()).isEqualTo(404);
    assertThat(analyst.get("/api/projects?stage=flying").status()).isEqualTo(400);
  }

  @Test
  @DisplayName("analysts may not write; nobody without a session may read")
  void authorization() {
    assertThat(analyst.post("/api/projects", body(code())).status()).isEqualTo(403);
    assertThat(analyst.patch("/api/projects/p-n7", new JsonObject().put("version", 1).put("name", "x")).status()).isEqualTo(403);
    assertThat(TestServer.api().get("/api/projects").status()).isEqualTo(401);
    assertThat(TestServer.api().get("/api/projects/p-hadian").status()).isEqualTo(401);
  }

  @Test
  @DisplayName("a project with obligations cannot be deleted; an empty one can")
  void delete() {
    var version = analyst.get("/api/projects/p-hadian").json().getLong("version");
    var inUse = coordinator.with("If-Match", "\"" + version + "\"").delete("/api/projects/p-hadian");
    assertThat(inUse.status()).isEqualTo(409);
    var owed = analyst.get("/api/obligations?project=p-hadian&limit=1").json().getLong("total");
    assertThat(inUse.json().getString("message")).contains(owed + " obligations");
    assertThat(inUse.json().getString("messageZh")).contains(owed + " 项事项");
    var id = coordinator.post("/api/projects", body(code())).json().getString("id");
    assertThat(coordinator.with("If-Match", "\"1\"").delete("/api/projects/" + id).status()).isEqualTo(204);
    assertThat(analyst.get("/api/projects/" + id).status()).isEqualTo(404);
  }

  @Test
  @DisplayName("the KPIs follow a change at once, though they are kept between changes")
  void kpisFollowChanges() {
    var before = analyst.get("/api/kpis?year=2029").json().getJsonObject("newlySigned").getLong("count");
    assertThat(analyst.get("/api/kpis?year=2029").json().getJsonObject("newlySigned").getLong("count")).isEqualTo(before);
    var created = coordinator.post("/api/projects", body(code()).put("signedOn", "2029-02-01").put("targetStartOn", "2029-09-01"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(analyst.get("/api/kpis?year=2029").json().getJsonObject("newlySigned").getLong("count")).isEqualTo(before + 1);

    // many wall screens ask at once right after a change: every one of them sees it
    assertThat(coordinator.post("/api/projects", body(code()).put("signedOn", "2029-03-01").put("targetStartOn", "2029-09-01"))
        .status()).isEqualTo(201);
    try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      var asks = java.util.stream.IntStream.range(0, 8).mapToObj(i -> pool.submit(() ->
          analyst.get("/api/kpis?year=2029").json().getJsonObject("newlySigned").getLong("count"))).toList();
      for (var ask : asks) assertThat(ask).succeedsWithin(java.time.Duration.ofSeconds(30)).isEqualTo(before + 2);
    }
  }

  @Test
  @DisplayName("the list shows a red light for projects with overdue obligations")
  void lights() {
    var list = analyst.get("/api/projects").array().stream().map(JsonObject.class::cast).toList();
    var n8 = list.stream().filter(p -> "p-n8".equals(p.getString("id"))).findFirst().orElseThrow();
    assertThat(n8.getString("light")).isEqualTo("red");
    assertThat(n8.getLong("overdue")).isGreaterThan(0);
  }

  @Test
  @DisplayName("the battle map counts every project by light and lists the first in attention order: red, yellow, green, the most overdue first; a change moves a project at once")
  void battleMap() {
    var id = coordinator.post("/api/projects", body(code()).put("signedOn", "2021-05-01")).json().getString("id");
    assertBattleMapIsTheList();
    var map = analyst.get("/api/battle-map?limit=1000").json();
    assertThat(lightOf(map, id)).isEqualTo("green");

    // an obligation overdue by a week: the project turns red and moves among the red ones
    var due = java.time.LocalDate.now(TestServer.get().clock()).minusDays(7).toString();
    var owed = coordinator.post("/api/obligations", new JsonObject().put("projectId", id).put("departmentId", "d-zj-housing")
        .put("title", "逾期测试").put("kind", "approval").put("track", "permits").put("dueOn", due)
        .put("confirmed", true));   // a step recorded after its due date passed, on purpose
    assertThat(owed.status()).as(owed.toString()).isEqualTo(201);
    var after = analyst.get("/api/battle-map?limit=1000").json();
    assertThat(lightOf(after, id)).isEqualTo("red");
    assertThat(after.getJsonObject("lights").getInteger("red")).isEqualTo(map.getJsonObject("lights").getInteger("red") + 1);
    assertThat(after.getJsonObject("lights").getInteger("green")).isEqualTo(map.getJsonObject("lights").getInteger("green") - 1);
    assertBattleMapIsTheList();

    // a page of two is the first two; a limit out of range or not a number is refused
    var two = analyst.get("/api/battle-map?limit=2").json();
    assertThat(two.getJsonArray("projects")).isEqualTo(new JsonArray(analyst.get("/api/battle-map?limit=1000").json().getJsonArray("projects").getList().subList(0, 2)));
    assertThat(two.getInteger("total")).isEqualTo(after.getInteger("total"));
    for (var bad : new String[] {"0", "1001", "many", "-3"}) {
      var refused = analyst.get("/api/battle-map?limit=" + bad);
      assertThat(refused.status()).as(bad).isEqualTo(400);
      // the field by its key for the page's form, by its label for the person (never the JSON key in the words)
      assertThat(refused.json().getJsonObject("fields").containsKey("limit")).as(bad).isTrue();
      assertThat(refused.json().getString("message")).as(bad).startsWith("page size:");
      assertThat(refused.json().getString("messageZh")).as(bad).startsWith("每页条数：");
    }
  }

  /** What a leader would check: the battle map holds the same projects as the list, counted and ordered by the battle map's rule. */
  private static void assertBattleMapIsTheList() {
    var list = analyst.get("/api/projects").array().stream().map(JsonObject.class::cast).toList();
    var map = analyst.get("/api/battle-map?limit=1000").json();
    assertThat(map.getInteger("total")).isEqualTo(list.size());
    for (var light : java.util.List.of("red", "yellow", "green")) {
      assertThat(map.getJsonObject("lights").getInteger(light)).as(light).isEqualTo((int) list.stream().filter(p -> light.equals(p.getString("light"))).count());
    }
    var rank = java.util.List.of("red", "yellow", "green");
    var expected = list.stream().sorted(java.util.Comparator.<JsonObject>comparingInt(p -> rank.indexOf(p.getString("light")))
        .thenComparing(java.util.Comparator.<JsonObject>comparingLong(p -> p.getLong("overdue")).reversed())
        .thenComparingInt(list::indexOf)).limit(1000).toList();
    assertThat(map.getJsonArray("projects")).isEqualTo(new JsonArray(new java.util.ArrayList<>(expected)));
    int thisYear = java.time.LocalDate.now(TestServer.get().clock()).getYear();
    var latest = list.stream().map(p -> p.getString("signedOn")).filter(s -> s != null && Integer.parseInt(s.substring(0, 4)) <= thisYear)
        .map(s -> Integer.valueOf(s.substring(0, 4))).max(Integer::compare).orElse(null);
    assertThat(map.getInteger("latestSigningYear")).isEqualTo(latest);
  }

  private static String lightOf(JsonObject map, String id) {
    return map.getJsonArray("projects").stream().map(JsonObject.class::cast).filter(p -> id.equals(p.getString("id")))
        .map(p -> p.getString("light")).findFirst().orElseThrow();
  }
}
