package org.liandong.chase;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.Api;
import org.liandong.TestServer;
import org.liandong.domain.WorkCalendar;
import org.liandong.live.LiveClient;

@DisplayName("督办 through the API and the live feed: due soon, 催办, 督办 and its answer, escalation, exactly once")
class ChaseIT {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static Api coordinator;
  static Api officer;
  static Api leader;

  @BeforeAll
  static void logIn() {
    coordinator = TestServer.api().as("demo-coordinator");
    officer = TestServer.api().as("demo-officer");
    leader = TestServer.api().as("demo-leader");
  }

  /** A sweep as the server's timer runs it, on the given day at 09:00 in Zhenjiang. */
  static int sweepOn(String day) {
    return chaser(day).sweep().toCompletionStage().toCompletableFuture().join();
  }

  static Chaser chaser(String day) {
    var clock = Clock.fixed(LocalDate.parse(day).atTime(9, 0).atZone(ZONE).toInstant(), ZONE);
    return new Chaser(TestServer.get().graph(), new ChaseRules(new ChaseRules.Settings(3, 2, 2), WorkCalendar.china()), clock);
  }

  static String obligation(String title, String dueOn) {
    var created = coordinator.post("/api/obligations", new JsonObject().put("projectId", "p-n7").put("departmentId", "d-zj-housing")
        .put("title", title).put("track", "permits").put("dueOn", dueOn));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getString("id");
  }

  static List<JsonObject> notices(Api who, String obligationId) {
    return who.get("/api/notices?limit=500").json().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(n -> obligationId.equals(n.getString("obligationId"))).toList();
  }

  static List<String> kinds(Api who, String obligationId) {
    return notices(who, obligationId).stream().map(n -> n.getString("kind")).sorted().toList();
  }

  @Test
  @DisplayName("an obligation nobody moves: due soon, then 催办 to the department and a red light to the champion, then a 督办 the champion sees; the department answers")
  void chaseToSupervisionAndAnswer() {
    var id = obligation("督办测试：消防验收", "2031-03-10");
    try (var live = LiveClient.connect(TestServer.get().port(), officer.token())) {
      live.subscribe("user:u-demo-officer", null);
      sweepOn("2031-03-04");
      assertThat(kinds(officer, id)).as("four working days ahead: nothing yet").isEmpty();

      sweepOn("2031-03-05");
      assertThat(kinds(officer, id)).containsExactly("dueSoon");
      var arrived = live.next(m -> "notice.created".equals(m.getString("type")) && id.equals(m.getJsonObject("data").getJsonObject("after").getString("obligationId")));
      assertThat(arrived.getJsonObject("data").getJsonObject("after").getString("kind")).isEqualTo("dueSoon");
    }
    sweepOn("2031-03-07");
    assertThat(kinds(officer, id)).as("once per fact, on every sweep after").containsExactly("dueSoon");

    sweepOn("2031-03-11");
    assertThat(kinds(officer, id)).containsExactly("dueSoon", "overdue");
    assertThat(kinds(leader, id)).containsExactly("redLight");
    var history = coordinator.get("/api/projects/p-n7/changes?limit=50").array();
    assertThat(history.stream().map(JsonObject.class::cast)
        .filter(c -> id.equals(c.getString("entityId"))).map(c -> c.getString("type"))).contains("obligation.reminded");
    assertThat(supervisions(id)).isEmpty();

    sweepOn("2031-03-12");
    var opened = supervisions(id);
    assertThat(opened).hasSize(1);
    assertThat(opened.get(0).getString("status")).isEqualTo("open");
    assertThat(opened.get(0).getString("respondBy")).isEqualTo("2031-03-14");
    assertThat(kinds(officer, id)).contains("supervision");
    assertThat(kinds(leader, id)).contains("supervision");
    assertThat(kinds(coordinator, id)).contains("supervision");

    var supervision = opened.get(0).getString("id");
    var foreign = leader.post("/api/supervisions/" + supervision + "/answer", new JsonObject().put("plan", "x").put("planBy", "2031-03-20"));
    assertThat(foreign.status()).as("the department answers, not the champion").isEqualTo(403);
    var late = officer.post("/api/supervisions/" + supervision + "/answer", new JsonObject().put("plan", "补齐材料").put("planBy", "2020-01-01"));
    assertThat(late.status()).isEqualTo(422);
    assertThat(officer.post("/api/supervisions/" + supervision + "/answer", new JsonObject().put("plan", " ").put("planBy", "2031-03-14"))
        .status()).isEqualTo(400);
    assertThat(officer.post("/api/supervisions/nobody/answer", new JsonObject().put("plan", "x").put("planBy", "2031-03-14"))
        .status()).isEqualTo(404);
    var answer = officer.post("/api/supervisions/" + supervision + "/answer",
        new JsonObject().put("plan", "本周五前补齐消防验收材料并现场复核").put("planBy", "2031-03-14"));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.json().getString("status")).isEqualTo("answered");
    assertThat(officer.post("/api/supervisions/" + supervision + "/answer", new JsonObject().put("plan", "again").put("planBy", "2031-03-20"))
        .status()).isEqualTo(409);
    assertThat(kinds(leader, id)).contains("supervisionAnswered");
    sweepOn("2031-03-17");
    assertThat(supervisions(id).get(0).getString("status")).as("an answered 督办 does not escalate").isEqualTo("answered");

    // 绩效考核 counts how the department was chased, in the quarter it was chased
    var housing = coordinator.get("/api/kpis?period=2031-Q1").json().getJsonArray("departments").stream().map(JsonObject.class::cast)
        .filter(d -> "d-zj-housing".equals(d.getString("id"))).findFirst().orElseThrow();
    assertThat(housing.getLong("reminders")).isGreaterThanOrEqualTo(1);
    assertThat(housing.getLong("supervisions")).isGreaterThanOrEqualTo(1);
    assertThat(housing.getLong("supervisionsAnsweredOnTime")).isGreaterThanOrEqualTo(1);
  }

  static List<JsonObject> supervisions(String obligationId) {
    return coordinator.get("/api/supervisions?obligation=" + obligationId).array().stream().map(JsonObject.class::cast).toList();
  }

  @Test
  @DisplayName("a 督办 left unanswered past its deadline goes once to the champions; two timers at the same moment announce each fact once")
  void escalationAndExactlyOnce() {
    var id = obligation("督办测试：无人答复", "2031-04-07");
    var sweeps = List.of(CompletableFuture.supplyAsync(() -> sweepOn("2031-04-09")), CompletableFuture.supplyAsync(() -> sweepOn("2031-04-09")));
    sweeps.forEach(CompletableFuture::join);
    assertThat(supervisions(id)).hasSize(1);
    assertThat(kinds(officer, id)).containsExactly("overdue", "supervision");
    assertThat(kinds(leader, id)).containsExactly("redLight", "supervision");

    sweepOn("2031-04-11");
    assertThat(supervisions(id).get(0).getString("status")).as("the last day to answer").isEqualTo("open");
    var twice = List.of(CompletableFuture.supplyAsync(() -> sweepOn("2031-04-14")), CompletableFuture.supplyAsync(() -> sweepOn("2031-04-14")));
    twice.forEach(CompletableFuture::join);
    var escalated = supervisions(id).get(0);
    assertThat(escalated.getString("status")).isEqualTo("escalated");
    assertThat(escalated.getInteger("level")).isEqualTo(2);
    assertThat(kinds(leader, id)).containsExactly("redLight", "supervision", "supervisionEscalated");
  }

  @Test
  @DisplayName("my notifications: unread count, mark read, mute a kind (and nothing of it comes); bad settings are refused in words")
  void inboxAndMute() {
    var muted = officer.put("/api/notices/settings", new JsonObject().put("muted", new JsonArray().add("dueSoon")));
    assertThat(muted.status()).as(muted.toString()).isEqualTo(200);
    try {
      var id = obligation("督办测试：静音", "2031-05-12");
      sweepOn("2031-05-08");
      assertThat(kinds(officer, id)).as("muted").isEmpty();
      sweepOn("2031-05-13");
      var overdue = notices(officer, id);
      assertThat(overdue).extracting(n -> n.getString("kind")).containsExactly("overdue");
      assertThat(overdue.get(0).getString("readAt")).isNull();
      long before = officer.get("/api/notices").json().getLong("unread");
      var read = officer.post("/api/notices/read", new JsonObject().put("ids", new JsonArray().add(overdue.get(0).getString("id"))));
      assertThat(read.status()).isEqualTo(200);
      assertThat(read.json().getLong("unread")).isEqualTo(before - 1);
      assertThat(notices(officer, id).get(0).getString("readAt")).isNotNull();
      assertThat(leader.post("/api/notices/read", new JsonObject().put("ids", new JsonArray().add(overdue.get(0).getString("id"))))
          .json().getLong("unread")).as("someone else's notice is not theirs to read").isEqualTo(leader.get("/api/notices").json().getLong("unread"));
      assertThat(notices(leader, id)).extracting(n -> n.getString("kind")).containsExactly("redLight");
    } finally {
      officer.put("/api/notices/settings", new JsonObject().put("muted", new JsonArray()));
    }
    assertThat(officer.put("/api/notices/settings", new JsonObject().put("muted", new JsonArray().add("everything"))).status()).isEqualTo(400);
    assertThat(officer.put("/api/notices/settings", new JsonObject().putNull("muted")).status()).isEqualTo(400);
    assertThat(officer.post("/api/notices/read", new JsonObject()).status()).isEqualTo(400);
    assertThat(officer.post("/api/notices/read", new JsonObject().put("all", true)).json().getLong("unread")).isZero();
  }

  @Test
  @DisplayName("the agenda the graph drafts: ranked proposals naming the department; taking one adds it and invites the department at once")
  void agendaDraft() {
    var meeting = coordinator.post("/api/meetings", new JsonObject().put("title", "议程草稿测试会办").put("startsAt", "2031-06-03T09:30:00+08:00")
        .put("projectIds", new JsonArray().add("p-n8")));
    assertThat(meeting.status()).as(meeting.toString()).isEqualTo(201);
    var id = meeting.json().getString("id");
    var draft = coordinator.get("/api/meetings/" + id + "/agenda-draft");
    assertThat(draft.status()).isEqualTo(200);
    var proposals = draft.array().stream().map(JsonObject.class::cast).toList();
    assertThat(proposals).isNotEmpty().allSatisfy(p -> {
      assertThat(p.getString("departmentName")).isNotBlank();
      assertThat(p.getJsonArray("reasons")).isNotEmpty();
      assertThat(p.getString("projectId")).isEqualTo("p-n8");
    });
    assertThat(proposals).extracting(p -> p.getInteger("costDays")).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    var blocked = proposals.stream().filter(p -> p.getString("obligationId").equals("n8-3")).findFirst().orElseThrow();
    assertThat(blocked.getJsonArray("reasons").getList()).contains("blocked");

    var take = coordinator.post("/api/meetings/" + id + "/agenda", new JsonObject().put("title", blocked.getString("agendaTitle"))
        .put("projectId", "p-n8").put("inviteDepartmentIds", new JsonArray().add(blocked.getString("departmentId"))));
    assertThat(take.status()).as(take.toString()).isEqualTo(201);
    var after = coordinator.get("/api/meetings/" + id).json();
    assertThat(after.getJsonObject("invited").getJsonArray("departments").stream().map(d -> ((JsonObject) d).getString("id")))
        .contains(blocked.getString("departmentId"));
    var again = coordinator.get("/api/meetings/" + id + "/agenda-draft").array().stream().map(JsonObject.class::cast)
        .filter(p -> p.getString("obligationId").equals("n8-3")).findFirst().orElseThrow();
    assertThat(again.getBoolean("onAgenda")).isTrue();

    assertThat(officer.get("/api/meetings/" + id + "/agenda-draft").status()).isEqualTo(403);
    assertThat(coordinator.get("/api/meetings/m-hadian-0615/agenda-draft").status()).as("a closed meeting").isEqualTo(422);
    assertThat(coordinator.get("/api/meetings/nope/agenda-draft").status()).isEqualTo(404);
    assertThat(coordinator.post("/api/meetings/" + id + "/agenda", new JsonObject().put("title", "x")
        .put("inviteDepartmentIds", new JsonArray().add("no-such-department"))).status()).isEqualTo(422);
  }
}
