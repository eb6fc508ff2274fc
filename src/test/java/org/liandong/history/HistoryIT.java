package org.liandong.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.Api;
import org.liandong.TestServer;

class HistoryIT {
  private static Api coordinator;
  private static Api officer;

  @BeforeAll
  static void server() {
    coordinator = TestServer.api().as("demo-coordinator");
    officer = TestServer.api().as("demo-officer");
  }

  private static String project() {
    var created = coordinator.post("/api/projects", new JsonObject().put("code", "HIST-" + UUID.randomUUID().toString().substring(0, 8))
        .put("name", "会办对比测试项目").put("company", "测试公司").put("investmentYi", 1.5).put("level", "district")
        .put("stage", "signed").put("signedOn", "2022-03-01").put("targetStartOn", "2024-03-01").put("targetCompleteOn", "2025-12-31"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getString("id");
  }

  private static JsonObject obligation(String project, String title, LocalDate due) {
    var created = coordinator.post("/api/obligations", new JsonObject().put("projectId", project).put("departmentId", "d-zj-housing")
        .put("title", title).put("track", "permits").put("dueOn", due.toString()).put("durationDays", 3));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  private static String meeting(String project, String title) {
    var created = coordinator.post("/api/meetings", new JsonObject().put("title", title).put("startsAt", "2031-06-10T09:30:00+08:00")
        .put("projectIds", new JsonArray().add(project)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getString("id");
  }

  private static void hold(String meeting) {
    assertThat(coordinator.patch("/api/meetings/" + meeting, new JsonObject().put("version", 1).put("status", "open")).status()).isEqualTo(200);
    assertThat(coordinator.patch("/api/meetings/" + meeting, new JsonObject().put("version", 2).put("status", "closed")).status()).isEqualTo(200);
  }

  private static void move(String id, String... statuses) {
    for (var status : statuses) {
      var version = officer.get("/api/obligations/" + id).json().getLong("version");
      var moved = officer.patch("/api/obligations/" + id, new JsonObject().put("version", version).put("status", status));
      assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    }
  }

  private static List<String> ids(JsonObject diff, String kind) {
    return diff.getJsonArray(kind).stream().map(o -> ((JsonObject) o).getString("id")).toList();
  }

  @Test
  @DisplayName("since the previous meeting: exactly what was done, slipped (in working days) and dispatched between the two, and nothing from before")
  void sincePrevious() {
    var today = LocalDate.now(TestServer.get().clock());
    var project = project();
    var finished = obligation(project, "对比：将办结", today.plusDays(20)).getString("id");
    var slipping = obligation(project, "对比：将推迟", today.plusDays(20));
    var untouched = obligation(project, "对比：不变", today.plusDays(20)).getString("id");
    move(finished, "accepted");
    var first = meeting(project, "对比：第一次会办");
    hold(first);

    move(finished, "in_progress", "done");
    var moved = coordinator.patch("/api/obligations/" + slipping.getString("id"), new JsonObject()
        .put("version", slipping.getLong("version")).put("dueOn", "2031-07-04"));
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    var added = obligation(project, "对比：新交办", today.plusDays(30)).getString("id");
    var second = meeting(project, "对比：第二次会办");

    var since = coordinator.get("/api/meetings/" + second + "/since-previous");
    assertThat(since.status()).as(since.toString()).isEqualTo(200);
    var diff = since.json();
    assertThat(diff.getJsonObject("previous").getString("id")).isEqualTo(first);
    assertThat(ids(diff, "done")).containsExactly(finished);
    assertThat(ids(diff, "slipped")).containsExactly(slipping.getString("id"));
    var slip = diff.getJsonArray("slipped").getJsonObject(0);
    assertThat(slip.getString("previousDueOn")).isEqualTo(today.plusDays(20).toString());
    assertThat(slip.getString("dueOn")).isEqualTo("2031-07-04");
    assertThat(slip.getInteger("slipWorkdays")).isPositive();
    assertThat(ids(diff, "created")).containsExactly(added);
    assertThat(ids(diff, "done")).doesNotContain(untouched);
    assertThat(diff.getJsonObject("counts").getInteger("done")).isEqualTo(1);

    // a diff without from starts where the last meeting about the project closed
    var sinceLast = coordinator.get("/api/history/diff?project=" + project);
    assertThat(sinceLast.status()).as(sinceLast.toString()).isEqualTo(200);
    assertThat(sinceLast.json().getJsonObject("previous").getString("id")).isEqualTo(first);
    assertThat(ids(sinceLast.json(), "done")).containsExactly(finished);
    assertThat(ids(sinceLast.json(), "created")).containsExactly(added);
    assertThat(coordinator.get("/api/history/diff?department=d-zj-housing").status()).as("a department's window needs its from").isEqualTo(422);

    // the first meeting had none before it: all the project's history to its opening
    var before = coordinator.get("/api/meetings/" + first + "/since-previous").json();
    assertThat(before.getValue("previous")).isNull();
    assertThat(ids(before, "created")).containsExactlyInAnyOrder(finished, slipping.getString("id"), untouched);
    assertThat(ids(before, "done")).isEmpty();
  }

  @Test
  @DisplayName("the diff between two instants for a project, and refusals a person can act on")
  void diffBetweenInstants() {
    var today = LocalDate.now(TestServer.get().clock());
    var project = project();
    var id = obligation(project, "区间：办结", today.plusDays(10)).getString("id");
    var start = Instant.now(TestServer.get().clock()).toString();
    move(id, "accepted", "in_progress", "done");
    var end = Instant.now(TestServer.get().clock()).plusSeconds(1).toString();
    var diff = coordinator.get("/api/history/diff?project=" + project + "&from=" + enc(start) + "&to=" + enc(end));
    assertThat(diff.status()).as(diff.toString()).isEqualTo(200);
    assertThat(ids(diff.json(), "done")).containsExactly(id);
    assertThat(ids(diff.json(), "created")).as("created before the window").isEmpty();

    assertThat(coordinator.get("/api/history/diff?project=" + project + "&from=" + enc(end) + "&to=" + enc(start)).status()).isEqualTo(422);
    assertThat(coordinator.get("/api/history/diff?project=" + project + "&department=d-zj-housing&from=" + enc(start)).status()).isEqualTo(400);
    var bad = coordinator.get("/api/history/diff?project=" + project + "&from=yesterday");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(coordinator.get("/api/meetings/m-nope/since-previous").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("a leader's diff without from starts when the last meeting about their projects closed")
  void leaderSinceTheLastMeeting() {
    // to the demo's morning, before any test closed a meeting of its own
    var diff = coordinator.get("/api/history/diff?leader=u-demo-leader&to=" + enc("2023-06-27T09:00:00+08:00"));
    assertThat(diff.status()).as(diff.toString()).isEqualTo(200);
    var previous = diff.json().getJsonObject("previous");
    assertThat(previous).as("the demo's 哈电储能 meeting of 15 June").isNotNull();
    assertThat(java.time.Instant.parse(diff.json().getString("from"))).isEqualTo(java.time.OffsetDateTime.parse(previous.getString("closedAt")).toInstant());
    assertThat(ids(diff.json(), "done")).as("the permits issued on 26 June").contains("hd-f5");
  }

  @Test
  @DisplayName("the demo's history starts at each project's signing and tells the permit bundle as it happened")
  void demoHistory() {
    var changes = coordinator.get("/api/projects/p-hadian/changes?limit=500").array();
    var oldest = changes.getJsonObject(changes.size() - 1);
    assertThat(oldest.getString("type")).isEqualTo("project.created");
    assertThat(Instant.parse(oldest.getString("at"))).isEqualTo(Instant.parse("2023-05-20T02:00:00Z"));
    var permits = changes.stream().map(JsonObject.class::cast)
        .filter(c -> c.getString("type").equals("obligation.status") && c.getString("entityId").startsWith("hd-f")
            && "done".equals(c.getJsonObject("after").getString("status")))
        .map(c -> Instant.parse(c.getString("at"))).sorted().toList();
    assertThat(permits).hasSize(5);
    assertThat(java.time.Duration.between(permits.get(0), permits.get(4)).toMinutes()).isLessThan(7 * 60);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
