package org.liandong.obligations;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.Api;
import org.liandong.TestServer;

@DisplayName("Obligations over HTTP against the embedded Neo4j")
class ObligationsIT {
  static Api coordinator;
  static Api officer;
  static Api analyst;
  static Api leader;

  @BeforeAll
  static void logIn() {
    var api = TestServer.api();
    coordinator = api.as("demo-coordinator");
    officer = api.as("demo-officer");
    analyst = api.as("demo-analyst");
    leader = api.as("demo-leader");
  }

  /** A fresh obligation owed by 市住建局 on the 航空新材料 project, so tests do not share state. */
  static JsonObject newHousingObligation(String title) {
    var created = coordinator.post("/api/obligations", new JsonObject()
        .put("projectId", "p-n7").put("departmentId", "d-zj-housing").put("title", title)
        .put("kind", "approval").put("track", "permits").put("dueOn", LocalDate.now(TestServer.get().clock()).plusDays(9).toString())
        .put("durationDays", 3));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  @Test
  @DisplayName("an officer accepts and starts an obligation its department owes, and the change is recorded")
  void officerMovesOwnObligation() {
    var o = newHousingObligation("测试：消防验收");
    var id = o.getString("id");

    var accepted = officer.with("If-Match", "\"1\"").patch("/api/obligations/" + id,
        new JsonObject().put("status", "accepted").put("note", "已受理"));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    assertThat(accepted.json().getString("status")).isEqualTo("accepted");
    assertThat(accepted.json().getLong("version")).isEqualTo(2);
    assertThat(accepted.json().getString("acceptedAt")).isNotNull();
    assertThat(accepted.header("ETag")).isEqualTo("\"2\"");

    var started = officer.patch("/api/obligations/" + id, new JsonObject().put("version", 2).put("status", "in_progress"));
    assertThat(started.status()).as(started.toString()).isEqualTo(200);

    var reread = officer.get("/api/obligations/" + id).json();
    assertThat(reread.getString("status")).isEqualTo("in_progress");
    assertThat(reread.getString("note")).isEqualTo("已受理");

    var history = officer.get("/api/projects/p-n7/changes?limit=100").array();
    var mine = history.stream().map(JsonObject.class::cast).filter(c -> id.equals(c.getString("entityId"))).toList();
    assertThat(mine).extracting(c -> c.getString("type"))
        .containsExactly("obligation.status", "obligation.status", "obligation.created");
    assertThat(mine.get(0).getString("actor")).isEqualTo("demo-officer");
    assertThat(mine.get(0).getJsonObject("before").getString("status")).isEqualTo("accepted");
    assertThat(mine.get(0).getJsonObject("after").getString("status")).isEqualTo("in_progress");
  }

  @Test
  @DisplayName("a write based on a stale version gets 409 with the current state, and nothing changes")
  void staleVersionIsRefused() {
    var id = newHousingObligation("测试：版本冲突").getString("id");
    assertThat(coordinator.patch("/api/obligations/" + id, new JsonObject().put("version", 1).put("note", "first")).status())
        .isEqualTo(200);

    var stale = officer.patch("/api/obligations/" + id, new JsonObject().put("version", 1).put("status", "accepted"));

    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.json().getString("error")).isEqualTo("conflict");
    assertThat(stale.json().getJsonObject("current").getLong("version")).isEqualTo(2);
    assertThat(stale.json().getJsonObject("current").getString("note")).isEqualTo("first");
    assertThat(officer.get("/api/obligations/" + id).json().getString("status")).isEqualTo("dispatched");
  }

  @Test
  @DisplayName("of two concurrent writes based on the same version exactly one wins; the other gets 409")
  void concurrentWritesAreNotLost() {
    var id = newHousingObligation("测试：并发修改").getString("id");
    var attempts = new ArrayList<CompletableFuture<Api.Response>>();
    for (int i = 0; i < 8; i++) {
      var note = "writer " + i;
      attempts.add(CompletableFuture.supplyAsync(() ->
          coordinator.patch("/api/obligations/" + id, new JsonObject().put("version", 1).put("note", note))));
    }
    var statuses = attempts.stream().map(CompletableFuture::join).map(Api.Response::status).toList();

    assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
    var after = coordinator.get("/api/obligations/" + id).json();
    assertThat(after.getLong("version")).isEqualTo(2);
  }

  @Test
  @DisplayName("an officer may not change another department's obligation, nor fields other than the workflow's")
  void officerLimits() {
    var other = coordinator.get("/api/obligations/n8-1").json();
    var foreign = officer.patch("/api/obligations/n8-1",
        new JsonObject().put("version", other.getLong("version")).put("status", "done"));
    assertThat(foreign.status()).isEqualTo(403);

    var mine = newHousingObligation("测试：经办权限");
    var retitle = officer.patch("/api/obligations/" + mine.getString("id"),
        new JsonObject().put("version", 1).put("title", "改名"));
    assertThat(retitle.status()).isEqualTo(403);
    assertThat(retitle.json().getString("message")).contains("title");
  }

  @Test
  @DisplayName("analysts and leaders may read obligations but not change or create them")
  void readOnlyRoles() {
    var mine = newHousingObligation("测试：只读角色");
    var id = mine.getString("id");
    assertThat(analyst.get("/api/obligations/" + id).status()).isEqualTo(200);
    assertThat(analyst.patch("/api/obligations/" + id, new JsonObject().put("version", 1).put("status", "accepted")).status())
        .isEqualTo(403);
    assertThat(leader.patch("/api/obligations/" + id, new JsonObject().put("version", 1).put("note", "x")).status())
        .isEqualTo(403);
    assertThat(analyst.post("/api/obligations", new JsonObject().put("projectId", "p-n7")).status()).isEqualTo(403);
  }

  @Test
  @DisplayName("the workflow refuses impossible moves and asks for a deadline for 容缺 and a reason for blocked")
  void workflowRules() {
    var id = newHousingObligation("测试：流程规则").getString("id");

    var skip = officer.patch("/api/obligations/" + id, new JsonObject().put("version", 1).put("status", "in_progress"));
    assertThat(skip.status()).isEqualTo(422);
    assertThat(skip.json().getJsonObject("fields").getString("status")).contains("dispatched").contains("in_progress");

    var deficient = officer.patch("/api/obligations/" + id, new JsonObject().put("version", 1).put("status", "deficient"));
    assertThat(deficient.status()).isEqualTo(422);
    assertThat(deficient.json().getJsonObject("fields").containsKey("deficiencyDueOn")).isTrue();

    var blocked = officer.patch("/api/obligations/" + id, new JsonObject().put("version", 1).put("status", "blocked"));
    assertThat(blocked.status()).isEqualTo(422);
    assertThat(blocked.json().getJsonObject("fields").containsKey("blockedReason")).isTrue();

    var today = LocalDate.now(TestServer.get().clock());
    var past = officer.patch("/api/obligations/" + id, new JsonObject().put("version", 1).put("status", "deficient")
        .put("deficiencyDueOn", today.minusDays(1).toString()));
    assertThat(past.status()).isEqualTo(422);
    assertThat(past.json().getJsonObject("fieldsZh").getString("deficiencyDueOn")).contains("不能早于今天");
    var unlisted = officer.patch("/api/obligations/" + id, new JsonObject().put("version", 1).put("status", "deficient")
        .put("deficiencyDueOn", today.plusDays(3).toString()));
    assertThat(unlisted.status()).as("容缺 lists the documents to come").isEqualTo(422);
    assertThat(unlisted.json().getJsonObject("fieldsZh").getString("missingDocuments")).contains("补正材料清单");
    var ok = officer.patch("/api/obligations/" + id, new JsonObject().put("version", 1).put("status", "deficient")
        .put("deficiencyDueOn", today.plusDays(3).toString())
        .put("missingDocuments", new io.vertx.core.json.JsonArray().add("环评批复").add("水土保持方案")));
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.json().getBoolean("deficiencyExpired")).isFalse();
    assertThat(ok.json().getJsonArray("documentsReceived").getList()).isEmpty();
    var stray = officer.patch("/api/obligations/" + id, new JsonObject().put("version", 2)
        .put("documentsReceived", new io.vertx.core.json.JsonArray().add("营业执照")));
    assertThat(stray.status()).isEqualTo(422);
    assertThat(stray.json().getJsonObject("fieldsZh").getString("documentsReceived")).contains("营业执照");
    var ticked = officer.patch("/api/obligations/" + id, new JsonObject().put("version", 2)
        .put("documentsReceived", new io.vertx.core.json.JsonArray().add("环评批复")));
    assertThat(ticked.status()).as(ticked.toString()).isEqualTo(200);
    assertThat(ticked.json().getJsonArray("documentsReceived").getList()).containsExactly("环评批复");

    var done = officer.patch("/api/obligations/" + id, new JsonObject().put("version", 3).put("status", "done"));
    assertThat(done.json().getString("doneOn")).isNotNull();
    var reopen = officer.patch("/api/obligations/" + id, new JsonObject().put("version", 4).put("status", "in_progress"));
    assertThat(reopen.status()).isEqualTo(403);
  }

  @Test
  @DisplayName("bad input gets a 400 naming each field; unknown ids 404; a write without a version 428")
  void badInput() {
    var missing = coordinator.post("/api/obligations", new JsonObject().put("projectId", "p-n7").put("dueOn", "soon")
        .put("durationDays", "three").put("colour", "red"));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().getJsonObject("fields").fieldNames())
        .contains("departmentId", "title", "dueOn", "durationDays", "colour");

    var notJson = coordinator.send("POST", "/api/obligations", "{not json");
    assertThat(notJson.status()).isEqualTo(400);

    var unknownProject = coordinator.post("/api/obligations", new JsonObject().put("projectId", "p-nope")
        .put("departmentId", "d-zj-housing").put("title", "x").put("track", "permits").put("dueOn", "2030-01-01"));
    assertThat(unknownProject.status()).isEqualTo(422);
    assertThat(unknownProject.json().getJsonObject("fields").getString("projectId")).contains("p-nope");

    assertThat(coordinator.get("/api/obligations/no-such-thing").status()).isEqualTo(404);
    assertThat(coordinator.patch("/api/obligations/no-such-thing", new JsonObject().put("version", 1).put("note", "x")).status())
        .isEqualTo(404);
    assertThat(coordinator.patch("/api/obligations/n7-1", new JsonObject().put("note", "x")).status()).isEqualTo(428);
    assertThat(coordinator.get("/api/obligations?overdue=maybe").status()).isEqualTo(400);
    assertThat(coordinator.get("/api/obligations?limit=0").status()).isEqualTo(400);
    assertThat(coordinator.get("/api/obligations?status=lost").status()).isEqualTo(400);
  }

  @Test
  @DisplayName("a retried create with the same Idempotency-Key creates one obligation")
  void idempotentCreate() {
    var key = UUID.randomUUID().toString();
    var body = new JsonObject().put("projectId", "p-n8").put("departmentId", "d-zj-nrp").put("title", "测试：幂等创建")
        .put("track", "land").put("dueOn", "2031-01-01");
    var first = coordinator.with("Idempotency-Key", key).post("/api/obligations", body);
    var retry = coordinator.with("Idempotency-Key", key).post("/api/obligations", body);

    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.json().getString("id")).isEqualTo(first.json().getString("id"));
    var same = coordinator.get("/api/obligations?project=p-n8&limit=500").json().getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(o -> "测试：幂等创建".equals(o.getString("title"))).count();
    assertThat(same).isEqualTo(1);

    var reused = coordinator.with("Idempotency-Key", key).post("/api/obligations", body.copy().put("title", "别的"));
    assertThat(reused.status()).isEqualTo(422);
  }

  @Test
  @DisplayName("a dependency that would close a cycle is refused with the cycle named")
  void cycleRefused() {
    var a = newHousingObligation("测试甲").getString("id");
    var b = newHousingObligation("测试乙").getString("id");
    var c = newHousingObligation("测试丙").getString("id");
    assertThat(coordinator.post("/api/obligations/" + b + "/dependencies", new JsonObject().put("version", 1).put("dependsOn", a)).status())
        .isEqualTo(200);
    assertThat(coordinator.post("/api/obligations/" + c + "/dependencies", new JsonObject().put("version", 1).put("dependsOn", b)).status())
        .isEqualTo(200);

    var loop = coordinator.post("/api/obligations/" + a + "/dependencies", new JsonObject().put("version", 1).put("dependsOn", c));

    assertThat(loop.status()).isEqualTo(422);
    assertThat(loop.json().getJsonObject("fields").getString("dependsOn")).contains("测试甲 → 测试丙 → 测试乙 → 测试甲");
    // the version goes in If-Match: one sent in the query is named and refused, not ignored
    var unlinked = coordinator.delete("/api/obligations/" + c + "/dependencies/" + b + "?version=0");
    assertThat(unlinked.status()).isEqualTo(400);
    assertThat(unlinked.json().getJsonObject("fields").getString("version")).contains("If-Match");
    assertThat(coordinator.delete("/api/obligations/" + c + "/dependencies/" + b).status()).isEqualTo(428);
    var removed = coordinator.with("If-Match", "\"2\"").delete("/api/obligations/" + c + "/dependencies/" + b);
    assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
    assertThat(removed.json().getJsonArray("dependsOn")).isEmpty();
    assertThat(coordinator.with("If-Match", "\"3\"").delete("/api/obligations/" + c + "/dependencies/" + b).status()).isEqualTo(404);
    var self = coordinator.post("/api/obligations/" + a + "/dependencies", new JsonObject().put("version", 1).put("dependsOn", a));
    assertThat(self.status()).isEqualTo(422);
    assertThat(coordinator.get("/api/obligations/" + a).json().getJsonArray("dependsOn")).isEmpty();
  }

  @Test
  @DisplayName("an obligation others depend on is not deleted; a free one is, and its deletion is in the history")
  void delete() {
    var a = newHousingObligation("测试：被依赖").getString("id");
    var b = newHousingObligation("测试：依赖者").getString("id");
    coordinator.post("/api/obligations/" + b + "/dependencies", new JsonObject().put("version", 1).put("dependsOn", a));
    assertThat(coordinator.with("If-Match", "\"1\"").delete("/api/obligations/" + a).status()).isEqualTo(409);
    assertThat(officer.with("If-Match", "\"2\"").delete("/api/obligations/" + b).status()).isEqualTo(403);
    assertThat(coordinator.with("If-Match", "\"2\"").delete("/api/obligations/" + b).status()).isEqualTo(204);
    assertThat(coordinator.get("/api/obligations/" + b).status()).isEqualTo(404);
    var history = coordinator.get("/api/projects/p-n7/changes?limit=20").array().stream().map(JsonObject.class::cast)
        .filter(ch -> b.equals(ch.getString("entityId"))).findFirst().orElseThrow();
    assertThat(history.getString("type")).isEqualTo("obligation.deleted");
    assertThat(history.getValue("after")).isNull();
  }

  @Test
  @DisplayName("the inbox filters by department, status and overdue, most urgent first, with paging")
  void inboxFilters() {
    var page = officer.get("/api/obligations?department=d-zj-housing&status=dispatched,accepted,in_progress,deficient,blocked&limit=500")
        .json();
    JsonArray items = page.getJsonArray("items");
    assertThat(items).isNotEmpty();
    assertThat(items.stream().map(JsonObject.class::cast)).allSatisfy(o -> {
      assertThat(o.getString("departmentId")).isEqualTo("d-zj-housing");
      assertThat(o.getString("status")).isNotEqualTo("done");
    });
    assertThat(items.getJsonObject(0).getBoolean("overdue")).isTrue();

    var overdue = officer.get("/api/obligations?overdue=true&limit=500").json().getJsonArray("items");
    assertThat(overdue.stream().map(JsonObject.class::cast).map(o -> o.getString("id"))).contains("d1-2", "n7-4", "n8-3");
    assertThat(overdue.stream().map(JsonObject.class::cast)).allSatisfy(o -> assertThat(o.getBoolean("overdue")).isTrue());

    var first = officer.get("/api/obligations?project=p-hadian&limit=10&offset=0").json();
    var second = officer.get("/api/obligations?project=p-hadian&limit=10&offset=10").json();
    var counted = TestServer.get().graph().query("MATCH (:Project {id: 'p-hadian'})<-[:FOR]-(o:Obligation) RETURN count(o) AS n",
        java.util.Map.of()).await().get(0).get("n").asLong();
    assertThat(first.getLong("total")).as("the graph's own count").isEqualTo(counted).isGreaterThan(10);
    assertThat(first.getJsonArray("items")).hasSize(10);
    assertThat(second.getJsonArray("items").getJsonObject(0).getString("id"))
        .isNotIn(first.getJsonArray("items").stream().map(JsonObject.class::cast).map(o -> o.getString("id")).toList());
  }

  @Test
  @DisplayName("a company need is dispatched, done, then gets the company's feedback and an evaluation")
  void needCycle() {
    var need = coordinator.post("/api/obligations", new JsonObject().put("projectId", "p-n7").put("departmentId", "d-zj-housing")
        .put("title", "企业需求：测试用水报装").put("kind", "need").put("needSource", "visit").put("dueOn", "2031-02-01")
        .put("assisted", true));
    assertThat(need.status()).as(need.toString()).isEqualTo(201);
    var id = need.json().getString("id");
    assertThat(need.json().getString("track")).isEqualTo("need");
    assertThat(need.json().getString("needStage")).isEqualTo("dispatched");
    assertThat(need.json().getBoolean("assisted")).isTrue();

    var early = coordinator.patch("/api/obligations/" + id, new JsonObject().put("version", 1).put("feedback", "好"));
    assertThat(early.status()).isEqualTo(422);

    officer.patch("/api/obligations/" + id, new JsonObject().put("version", 1).put("status", "accepted"));
    var done = officer.patch("/api/obligations/" + id, new JsonObject().put("version", 2).put("status", "done"));
    assertThat(done.json().getString("needStage")).isEqualTo("handled");

    var feedback = officer.patch("/api/obligations/" + id, new JsonObject().put("version", 3).put("feedback", "满意"));
    assertThat(feedback.status()).isEqualTo(403);
    var evaluated = coordinator.patch("/api/obligations/" + id, new JsonObject().put("version", 3)
        .put("feedback", "企业反馈：已通水，满意").put("evaluation", 5));
    assertThat(evaluated.status()).as(evaluated.toString()).isEqualTo(200);
    assertThat(evaluated.json().getString("needStage")).isEqualTo("evaluated");
    assertThat(coordinator.patch("/api/obligations/" + id, new JsonObject().put("version", 4).put("evaluation", 9)).status())
        .isEqualTo(400);
  }

  @Test
  @DisplayName("a 容缺 whose listed documents have all come does not lapse when its deadline passes")
  void documentsInTime() {
    var id = newHousingObligation("测试：补正材料齐全").getString("id");
    var zone = java.time.ZoneId.of("Asia/Shanghai");
    var today = LocalDate.now(TestServer.get().clock());
    var accepted = officer.patch("/api/obligations/" + id, new JsonObject().put("version", 1).put("status", "deficient")
        .put("deficiencyDueOn", today.toString()).put("missingDocuments", new io.vertx.core.json.JsonArray().add("消防设计文件")));
    assertThat(accepted.status()).isEqualTo(200);
    assertThat(officer.patch("/api/obligations/" + id, new JsonObject().put("version", 2)
        .put("documentsReceived", new io.vertx.core.json.JsonArray().add("消防设计文件"))).status()).isEqualTo(200);
    var tomorrow = java.time.Clock.fixed(today.plusDays(1).atTime(9, 0).atZone(zone).toInstant(), zone);
    new ObligationService(TestServer.get().graph(), new org.liandong.access.Policy(), tomorrow)
        .expireDeficiencies().toCompletionStage().toCompletableFuture().join();
    var after = officer.get("/api/obligations/" + id).json();
    assertThat(after.getString("status")).isEqualTo("deficient");
    assertThat(after.getValue("deficiencyExpiredOn")).isNull();
  }

  @Test
  @DisplayName("五证联发: the bundle's clock runs while permits are issued and warns past 7 h; an officer corrects an issue time with a reason, kept in the history")
  void permitClockAndCorrectedIssueTime() {
    var clock = TestServer.get().clock();
    var project = coordinator.post("/api/projects", new JsonObject().put("code", "PERMIT-CLOCK").put("name", "五证联发测试").put("company", "测试")
        .put("investmentYi", 2.0).put("stage", "land").put("level", "city").put("signedOn", LocalDate.now(clock).minusDays(30).toString()));
    assertThat(project.status()).as(project.toString()).isEqualTo(201);
    var pid = project.json().getString("id");
    var permits = new java.util.ArrayList<String>();
    for (var title : java.util.List.of("建设工程规划许可证", "建筑工程施工许可证")) {
      var r = coordinator.post("/api/obligations", new JsonObject().put("projectId", pid).put("departmentId", "d-zj-housing").put("title", title)
          .put("kind", "permit").put("track", "permits").put("dueOn", LocalDate.now(clock).plusDays(5).toString()));
      assertThat(r.status()).as(r.toString()).isEqualTo(201);
      permits.add(r.json().getString("id"));
    }
    var first = permits.get(0);
    long version = 1;
    for (var status : java.util.List.of("accepted", "in_progress", "done")) {
      var moved = officer.patch("/api/obligations/" + first, new JsonObject().put("version", version).put("status", status));
      assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
      version = moved.json().getLong("version");
    }
    var running = coordinator.get("/api/projects/" + pid + "/permits").json();
    assertThat(running.getBoolean("running")).as("one of two issued: the clock runs").isTrue();
    assertThat(running.getDouble("elapsedHours")).isBetween(0.0, 1.0);
    assertThat(running.getBoolean("exceeded")).isFalse();
    var done = officer.get("/api/obligations/" + first).json();
    assertThat(done.getJsonObject("actions").getBoolean("correctDoneAt")).isTrue();

    var eightHoursAgo = java.time.OffsetDateTime.ofInstant(clock.instant().minus(java.time.Duration.ofHours(8)), clock.getZone()).withNano(0);
    var correct = new JsonObject().put("version", version).put("doneAt", eightHoursAgo.toString()).put("reason", "窗口系统故障，补录实际发证时间");
    var dispatchedAt = java.time.OffsetDateTime.parse(done.getString("dispatchedAt"));
    if (dispatchedAt.isAfter(eightHoursAgo)) {
      // created moments ago, so eight hours ago is before its dispatch: refused, with the dispatch time
      var before = officer.post("/api/obligations/" + first + "/done-at", correct);
      assertThat(before.status()).as(before.toString()).isEqualTo(422);
      assertThat(before.json().toString()).contains("dispatch");
    }
    var future = officer.post("/api/obligations/" + first + "/done-at", correct.copy()
        .put("doneAt", java.time.OffsetDateTime.ofInstant(clock.instant().plusSeconds(3600), clock.getZone()).toString()));
    assertThat(future.status()).as(future.toString()).isEqualTo(422);
    assertThat(officer.post("/api/obligations/" + permits.get(1) + "/done-at", correct.copy().put("version", 1)).status())
        .as("not done: nothing to correct").isEqualTo(422);
    assertThat(officer.post("/api/obligations/" + first + "/done-at", correct.copy().put("doneAt", "yesterday")).status()).isEqualTo(400);
    assertThat(officer.post("/api/obligations/" + first + "/done-at", correct.copy().put("reason", "  ")).status()).isEqualTo(400);
    assertThat(officer.post("/api/obligations/" + first + "/done-at", correct.copy().putNull("reason")).status()).isEqualTo(400);
    assertThat(analyst.post("/api/obligations/" + first + "/done-at", correct).status()).isEqualTo(403);

    // a time it could have been done: between its dispatch and now
    var between = dispatchedAt.toInstant().plusMillis(java.time.Duration.between(dispatchedAt.toInstant(), clock.instant()).toMillis() / 2);
    var corrected = officer.post("/api/obligations/" + first + "/done-at", correct.copy().put("doneAt",
        java.time.OffsetDateTime.ofInstant(between, clock.getZone()).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
    assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
    assertThat(corrected.json().getLong("version")).isEqualTo(version + 1);
    assertThat(officer.post("/api/obligations/" + first + "/done-at", correct).status()).as("the version read is stale").isEqualTo(409);
    var history = coordinator.get("/api/projects/" + pid + "/changes?limit=20").array().stream().map(JsonObject.class::cast)
        .filter(c -> "obligation.doneAtCorrected".equals(c.getString("type"))).toList();
    assertThat(history).singleElement().satisfies(c -> {
      assertThat(c.getJsonObject("before").getString("doneAt")).isEqualTo(done.getString("doneAt"));
      assertThat(c.getJsonObject("after").getString("doneAtCorrectionReason")).isEqualTo("窗口系统故障，补录实际发证时间");
    });
    assertThat(coordinator.get("/api/projects/" + pid + "/permits").json().getBoolean("running")).isTrue();
  }
}
