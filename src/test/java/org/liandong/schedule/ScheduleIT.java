package org.liandong.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.liandong.Api;
import org.liandong.Server;
import org.liandong.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Against a server whose clock reads Monday 2031-01-06 (weekdays only that month). Two
 * projects share an approval X: P1 = X(3) → A1(2) → S1(start), C1(1) → S1, target Fri 17;
 * P2 = X → B2(1) → S2(start), target Fri 24.
 */
@DisplayName("Schedules, what-if impact and bottlenecks over HTTP")
class ScheduleIT {
  static Server server;
  static Api coordinator;
  static String p1, p2, x, a1, c1, s1, b2, s2;

  @BeforeAll
  static void graph() {
    var clock = Clock.fixed(ZonedDateTime.of(2031, 1, 6, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("Asia/Shanghai"));
    server = Server.start(TestServer.config(TestServer.tempDir("liandong-schedule-")), clock);
    coordinator = new Api(server.port()).as("demo-coordinator");
    p1 = project("SCH-P1", "2031-01-17", "u-demo-leader");
    p2 = project("SCH-P2", "2031-01-24", "u-leader-liu");
    x = obligation(p1, "d-zj-nrp", "共享审批X", "approval", 3);
    a1 = obligation(p1, "d-zj-housing", "A1", "approval", 2, x);
    c1 = obligation(p1, "d-zj-housing", "C1", "task", 1);
    s1 = obligation(p1, "d-hz-service", "P1开工", "milestone", 1, a1, c1);
    b2 = obligation(p2, "d-zj-drawing", "B2", "approval", 1, x);
    s2 = obligation(p2, "d-hz-service", "P2开工", "milestone", 1, b2);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String project(String code, String targetStart, String champion) {
    var r = coordinator.post("/api/projects", new JsonObject().put("code", code).put("name", code).put("company", "测试")
        .put("investmentYi", 1.0).put("stage", "land").put("level", "city").put("signedOn", "2030-12-01")
        .put("targetStartOn", targetStart).put("championIds", new JsonArray().add(champion)));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().getString("id");
  }

  static String obligation(String project, String department, String title, String kind, int days, String... dependsOn) {
    var r = coordinator.post("/api/obligations", new JsonObject().put("projectId", project).put("departmentId", department)
        .put("title", title).put("kind", kind).put("track", "permits").put("durationDays", days).put("dueOn", "2031-01-17")
        .put("dependsOn", new JsonArray(List.of((Object[]) dependsOn))));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().getString("id");
  }

  static JsonObject item(JsonObject schedule, String id) {
    return schedule.getJsonArray("items").stream().map(JsonObject.class::cast).filter(o -> id.equals(o.getString("id"))).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("the project schedule gives latest and earliest dates, float and the critical path")
  void schedule() {
    var s = coordinator.get("/api/projects/" + p1 + "/schedule").json();
    assertThat(s.getString("today")).isEqualTo("2031-01-06");
    assertThat(item(s, x).getString("latestStart")).isEqualTo("2031-01-10");
    assertThat(item(s, x).getString("latestFinish")).isEqualTo("2031-01-14");
    assertThat(item(s, x).getString("earliestFinish")).isEqualTo("2031-01-08");
    assertThat(item(s, x).getInteger("totalFloat")).isEqualTo(4);
    assertThat(item(s, a1).getInteger("totalFloat")).isEqualTo(4);
    assertThat(item(s, c1).getInteger("totalFloat")).isEqualTo(8);
    assertThat(item(s, s1).getString("latestStart")).isEqualTo("2031-01-17");
    assertThat(s.getJsonArray("criticalPath")).containsExactlyInAnyOrder(x, a1, s1);
    assertThat(s.getString("projectedStartOn")).isEqualTo("2031-01-13");
    assertThat(s.getInteger("slipWorkdays")).isZero();
    assertThat(coordinator.get("/api/projects/nope/schedule").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("a slip of the shared approval moves both projects, their milestones, departments and leaders")
  void sharedSlip() {
    var r = coordinator.post("/api/impact", new JsonObject().put("obligationId", x).put("days", 3));
    assertThat(r.status()).isEqualTo(200);
    var impact = r.json();
    var moved = impact.getJsonArray("obligations").stream().map(JsonObject.class::cast).toList();
    assertThat(moved).extracting(o -> o.getString("id")).containsExactlyInAnyOrder(x, a1, s1, b2, s2);
    assertThat(moved).allSatisfy(o -> assertThat(o.getInteger("workdays")).isEqualTo(3));
    assertThat(impact.getJsonArray("milestones").stream().map(JsonObject.class::cast).map(o -> o.getString("id")))
        .containsExactlyInAnyOrder(s1, s2);
    var projects = impact.getJsonArray("projects").stream().map(JsonObject.class::cast).toList();
    var first = projects.stream().filter(p -> p1.equals(p.getString("id"))).findFirst().orElseThrow();
    assertThat(first.getString("projectedStartBefore")).isEqualTo("2031-01-13");
    assertThat(first.getString("projectedStartAfter")).isEqualTo("2031-01-16");
    var second = projects.stream().filter(p -> p2.equals(p.getString("id"))).findFirst().orElseThrow();
    assertThat(second.getString("projectedStartBefore")).isEqualTo("2031-01-10");
    assertThat(second.getString("projectedStartAfter")).isEqualTo("2031-01-15");
    assertThat(impact.getJsonArray("departments").stream().map(JsonObject.class::cast).map(d -> d.getString("id")))
        .containsExactlyInAnyOrder("d-zj-nrp", "d-zj-housing", "d-hz-service", "d-zj-drawing");
    assertThat(impact.getJsonArray("leaders").stream().map(JsonObject.class::cast).map(l -> l.getString("id")))
        .containsExactlyInAnyOrder("u-demo-leader", "u-leader-liu");
    assertThat(coordinator.get("/api/obligations/" + x).json().getLong("version")).as("a what-if writes nothing").isEqualTo(1);
  }

  @Test
  @DisplayName("a slip off the critical path moves only that obligation; bad requests are named")
  void offPathSlip() {
    var impact = coordinator.post("/api/impact", new JsonObject().put("obligationId", c1).put("days", 2)).json();
    assertThat(impact.getJsonArray("obligations").stream().map(JsonObject.class::cast).map(o -> o.getString("id"))).containsExactly(c1);
    assertThat(impact.getJsonArray("milestones")).isEmpty();
    assertThat(impact.getJsonArray("projects").getJsonObject(0).getInteger("startSlipWorkdays")).isZero();
    assertThat(coordinator.post("/api/impact", new JsonObject().put("obligationId", c1).put("days", 0)).status()).isEqualTo(400);
    assertThat(coordinator.post("/api/impact", new JsonObject().put("obligationId", "nope").put("days", 2)).status()).isEqualTo(404);
  }

  @Test
  @DisplayName("bottlenecks rank departments by late critical-path obligations")
  void bottlenecks() {
    var p3 = project("SCH-P3", "2031-01-08", "u-demo-leader");
    var z = coordinator.post("/api/obligations", new JsonObject().put("projectId", p3).put("departmentId", "d-zj-housing")
        .put("title", "来不及的审批").put("track", "permits").put("durationDays", 5).put("dueOn", "2031-01-08")).json().getString("id");
    var ranking = coordinator.get("/api/bottlenecks").array().stream().map(JsonObject.class::cast).toList();
    var housing = ranking.stream().filter(d -> "d-zj-housing".equals(d.getString("departmentId"))).findFirst().orElseThrow();
    assertThat(housing.getInteger("late")).isGreaterThanOrEqualTo(1);
    assertThat(housing.getJsonArray("obligations").stream().map(JsonObject.class::cast).map(o -> o.getString("id"))).contains(z);
    assertThat(ranking.get(0).getInteger("late")).isGreaterThanOrEqualTo(ranking.get(ranking.size() - 1).getInteger("late"));
    // what the battle map shows: the top of the same ranking
    assertThat(ranking).as("enough departments to cut the ranking").hasSizeGreaterThan(1);
    var top = coordinator.get("/api/bottlenecks?limit=1").array();
    assertThat(top.getList()).as("the first of the ranking").hasSize(1);
    assertThat(top.getJsonObject(0)).isEqualTo(ranking.get(0));
    assertThat(coordinator.get("/api/bottlenecks?limit=1000").array().size()).isEqualTo(ranking.size());
    for (var bad : List.of("0", "1001", "ten")) {
      var refused = coordinator.get("/api/bottlenecks?limit=" + bad);
      assertThat(refused.status()).as("limit=" + bad).isEqualTo(400);
      assertThat(refused.json().getString("messageZh")).isNotBlank();
    }
  }

  @Test
  @DisplayName("the battle map, the project page, the schedule and the leaders' figures read one light")
  void oneMeaningOfRed() {
    var leader = new Api(server.port()).as("demo-admin").post("/api/users", new JsonObject().put("username", "sch-leader")
        .put("displayName", "王领导").put("password", "long-enough-1").put("roles", new JsonArray().add("leader")));
    assertThat(leader.status()).as(leader.toString()).isEqualTo(201);
    var wangId = leader.json().getString("id");
    var late = project("SCH-LATE", "2031-01-08", wangId);
    var slipping = project("SCH-SLIP", "2031-01-13", wangId);
    var ok = project("SCH-OK", "2031-01-24", wangId);
    // late: 10 working days from Monday 6th finish on the 17th, seven after the 8th; slipping: 8 finish on the 15th, two after
    for (var p : List.of(late, slipping, ok)) {
      int days = p.equals(late) ? 10 : p.equals(slipping) ? 8 : 2;
      var due = coordinator.get("/api/projects/" + p).json().getString("targetStartOn");
      assertThat(coordinator.post("/api/obligations", new JsonObject().put("projectId", p).put("departmentId", "d-zj-drawing")
          .put("title", "施工图审查 " + days).put("track", "permits").put("durationDays", days).put("dueOn", due))
          .status()).isEqualTo(201);
    }
    var list = coordinator.get("/api/projects?champion=" + wangId).array().stream().map(JsonObject.class::cast).toList();
    for (var p : list) {
      var schedule = coordinator.get("/api/projects/" + p.getString("id") + "/schedule").json();
      assertThat(p.getString("projectedStartOn")).as("the list's projected start is the schedule's").isEqualTo(schedule.getString("projectedStartOn"));
      assertThat(p.getInteger("slipWorkdays")).isEqualTo(schedule.getInteger("slipWorkdays"));
      var one = coordinator.get("/api/projects/" + p.getString("id")).json();
      assertThat(one.getString("light")).as("the project page says what the list says").isEqualTo(p.getString("light"));
    }
    var byCode = new java.util.HashMap<String, JsonObject>();
    list.forEach(p -> byCode.put(p.getString("code"), p));
    assertThat(byCode.get("SCH-LATE").getString("light")).isEqualTo("red");
    assertThat(byCode.get("SCH-LATE").getJsonArray("lightReasons")).containsExactly("startSlip");
    assertThat(byCode.get("SCH-LATE").getInteger("slipWorkdays")).isEqualTo(7);
    assertThat(byCode.get("SCH-SLIP").getString("light")).isEqualTo("yellow");
    assertThat(byCode.get("SCH-SLIP").getInteger("slipWorkdays")).isEqualTo(2);
    assertThat(byCode.get("SCH-OK").getString("light")).isEqualTo("green");
    var schedule = coordinator.get("/api/projects/" + late + "/schedule").json();
    assertThat(schedule.getJsonArray("items").getJsonObject(0).getString("flag")).as("the late step is red in the table too").isEqualTo("red");
    var wang = coordinator.get("/api/kpis").json().getJsonArray("leaders").stream().map(JsonObject.class::cast)
        .filter(l -> wangId.equals(l.getString("id"))).findFirst().orElseThrow();
    assertThat(wang.getLong("red")).isEqualTo(1);
    assertThat(wang.getLong("yellow")).isEqualTo(1);
    assertThat(wang.getLong("onTrack")).isEqualTo(1);

    // a later target start: the very next read no longer says it slips (the outlook kept for it is dropped at the commit);
    // its step is still due on the 13th and needs 8 working days from the 6th: it cannot finish by its own due date
    // (red in the schedule, so the project stays yellow), and it is due within the week
    var version = byCode.get("SCH-SLIP").getLong("version");
    assertThat(coordinator.patch("/api/projects/" + slipping, new JsonObject().put("version", version).put("targetStartOn", "2031-01-24"))
        .status()).isEqualTo(200);
    var again = coordinator.get("/api/projects?champion=" + wangId).array().stream().map(JsonObject.class::cast)
        .filter(p -> p.getString("id").equals(slipping)).findFirst().orElseThrow();
    assertThat(again.getInteger("slipWorkdays")).isZero();
    assertThat(again.getJsonArray("lightReasons")).containsExactly("lateSteps", "atRisk");
    assertThat(item(coordinator.get("/api/projects/" + slipping + "/schedule").json(), coordinator.get("/api/obligations?project=" + slipping)
        .json().getJsonArray("items").getJsonObject(0).getString("id")).getString("flag")).isEqualTo("red");
  }

  static JsonObject projectOf(String id) {
    return coordinator.get("/api/projects/" + id).json();
  }

  @Test
  @DisplayName("倒排序时 as an action: a target the open work cannot meet is previewed with its slip, applied at the project's version, and every page reads the same red")
  void replan() {
    var admin = new Api(server.port()).as("demo-admin");
    var leader = admin.post("/api/users", new JsonObject().put("username", "sch-replan-leader").put("displayName", "倒排领导")
        .put("password", "long-enough-1").put("roles", new JsonArray().add("leader")));
    assertThat(leader.status()).as(leader.toString()).isEqualTo(201);
    var leaderId = leader.json().getString("id");
    var id = project("SCH-REPLAN", "2031-03-03", leaderId);
    var a = obligation(id, "d-zj-culture", "倒排A", "approval", 5);
    var b = obligation(id, "d-zj-culture", "倒排B", "approval", 3, a);
    var s = obligation(id, "d-hz-service", "倒排开工", "milestone", 1, b);
    assertThat(projectOf(id).getString("light")).as("due the 17th, work done by the 15th: not yet at risk").isIn("green", "yellow");

    // previewed against three targets: the work puts the start on Thu 16th whatever the target
    for (var target : List.of("2031-01-08", "2031-01-20", "2031-03-03")) {
      var preview = coordinator.post("/api/projects/" + id + "/replan", new JsonObject().put("targetStartOn", target));
      assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
      assertThat(preview.json().getString("projectedStartOn")).as("target " + target).isEqualTo("2031-01-16");
    }
    var early = coordinator.post("/api/projects/" + id + "/replan", new JsonObject().put("targetStartOn", "2031-01-08")).json();
    assertThat(early.getBoolean("applied")).isFalse();
    assertThat(early.getBoolean("feasible")).isFalse();
    assertThat(early.getInteger("slipWorkdays")).isEqualTo(6);
    var proposed = new java.util.HashMap<String, JsonObject>();
    early.getJsonArray("items").forEach(i -> proposed.put(((JsonObject) i).getString("id"), (JsonObject) i));
    // S on the 8th, B (3 days) by Tue 7th, A by Thu 2nd (New Year's Day is a holiday, the 4th and 5th a weekend)
    assertThat(proposed.get(s).getString("newDueOn")).isEqualTo("2031-01-08");
    assertThat(proposed.get(b).getString("newDueOn")).isEqualTo("2031-01-07");
    assertThat(proposed.get(a).getString("newDueOn")).isEqualTo("2031-01-02");
    assertThat(proposed.get(a).getString("flag")).isEqualTo("red");
    assertThat(coordinator.get("/api/obligations/" + a).json().getString("dueOn")).as("a preview writes nothing").isEqualTo("2031-01-17");

    var version = projectOf(id).getLong("version");
    assertThat(coordinator.post("/api/projects/" + id + "/replan", new JsonObject().put("targetStartOn", "2031-01-08").put("apply", true))
        .status()).as("the version is needed").isEqualTo(428);
    assertThat(new Api(server.port()).as("demo-officer").post("/api/projects/" + id + "/replan", new JsonObject()).status()).isEqualTo(403);
    var applied = coordinator.post("/api/projects/" + id + "/replan", new JsonObject().put("targetStartOn", "2031-01-08")
        .put("apply", true).put("version", version));
    assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
    assertThat(applied.json().getBoolean("applied")).isTrue();
    assertThat(applied.json().getInteger("moved")).isEqualTo(3);
    assertThat(coordinator.post("/api/projects/" + id + "/replan", new JsonObject().put("apply", true).put("version", version))
        .status()).as("a stale version").isEqualTo(409);

    // the same verdict everywhere: A is past its new due date
    var project = projectOf(id);
    assertThat(project.getString("targetStartOn")).isEqualTo("2031-01-08");
    assertThat(project.getString("light")).isEqualTo("red");
    assertThat(project.getJsonArray("lightReasons")).contains("overdue", "startSlip");
    assertThat(project.getString("projectedStartOn")).isEqualTo("2031-01-16");
    var schedule = coordinator.get("/api/projects/" + id + "/schedule").json();
    assertThat(item(schedule, a).getString("flag")).isEqualTo("red");
    assertThat(item(schedule, a).getInteger("daysLate")).isEqualTo(4);
    assertThat(item(schedule, a).getString("latestFinish")).isEqualTo("2031-01-02");
    var kpiLeader = coordinator.get("/api/kpis").json().getJsonArray("leaders").stream().map(JsonObject.class::cast)
        .filter(l -> leaderId.equals(l.getString("id"))).findFirst().orElseThrow();
    assertThat(kpiLeader.getLong("red")).isEqualTo(1);
    var wall = coordinator.get("/api/battle-map?limit=1000").json();
    var onWall = wall.getJsonArray("projects").stream().map(JsonObject.class::cast).filter(p -> id.equals(p.getString("id"))).findFirst().orElseThrow();
    assertThat(onWall.getString("light")).isEqualTo("red");
    var culture = coordinator.get("/api/bottlenecks").array().stream().map(JsonObject.class::cast)
        .filter(d -> "d-zj-culture".equals(d.getString("departmentId"))).findFirst().orElseThrow();
    assertThat(culture.getInteger("late")).isGreaterThanOrEqualTo(1);
    var held = culture.getJsonArray("obligations").stream().map(JsonObject.class::cast).filter(o -> a.equals(o.getString("id"))).findFirst().orElseThrow();
    assertThat(held.getInteger("daysLate")).isEqualTo(4);
    assertThat(held.getDouble("weight")).as("late: 2 × (1 project + 1 亿元 / 10)").isEqualTo(2.2);

    // each date in the history with the target it was planned for
    var changes = coordinator.get("/api/projects/" + id + "/changes?limit=20").array().stream().map(JsonObject.class::cast).toList();
    var replanned = changes.stream().filter(c -> "obligation.replanned".equals(c.getString("type"))).toList();
    assertThat(replanned).hasSize(3);
    assertThat(replanned).allSatisfy(c -> assertThat(c.getJsonObject("after").getString("replannedFor")).isEqualTo("2031-01-08"));
    assertThat(changes).anySatisfy(c -> assertThat(c.getString("type")).isEqualTo("project.updated"));
  }
}
