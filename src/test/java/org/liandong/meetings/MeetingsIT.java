package org.liandong.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.liandong.Api;
import org.liandong.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Coordination meetings: agenda, decisions that create obligations, closing")
class MeetingsIT {
  static Api coordinator;
  static Api leader;
  static Api officer;

  @BeforeAll
  static void logIn() {
    coordinator = TestServer.api().as("demo-coordinator");
    leader = TestServer.api().as("demo-leader");
    officer = TestServer.api().as("demo-officer");
  }

  /** Opens a meeting (decisions are taken in session); resolves to it as it now is. */
  static JsonObject open(String id) {
    var version = coordinator.get("/api/meetings/" + id).json().getLong("version");
    var opened = coordinator.patch("/api/meetings/" + id, new JsonObject().put("version", version).put("status", "open"));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
    return opened.json();
  }

  /** A meeting about 航空新材料 (p-n7), which demo-leader champions. */
  static JsonObject newMeeting() {
    return newMeeting("p-n7");
  }

  static JsonObject newMeeting(String projectId) {
    var created = coordinator.post("/api/meetings", new JsonObject().put("title", "测试会办")
        .put("startsAt", "2031-05-06T09:30:00+08:00").put("location", "三楼会议室")
        .put("projectIds", new JsonArray().add(projectId)).put("agenda", new JsonArray().add("补偿协议").add("挂牌时间")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  @Test
  @DisplayName("a leader's decision creates obligations for the chosen departments, in one go")
  void decisionCreatesObligations() {
    var meeting = newMeeting();
    var id = meeting.getString("id");
    assertThat(meeting.getJsonArray("agenda")).hasSize(2);
    var item = meeting.getJsonArray("agenda").getJsonObject(0).getString("id");
    var early = leader.post("/api/meetings/" + id + "/decisions", new JsonObject().put("text", "开会前的决定"));
    assertThat(early.status()).as("not before the meeting is opened").isEqualTo(409);
    assertThat(early.json().getString("messageZh")).contains("尚未开始");
    open(id);

    var decided = leader.post("/api/meetings/" + id + "/decisions", new JsonObject()
        .put("text", "区征收中心一周内完成补偿协议签订；市住建局同步准备施工许可").put("agendaItemId", item)
        .put("obligations", new JsonArray()
            .add(new JsonObject().put("departmentId", "d-hz-expropriation").put("title", "测试：签订补偿协议")
                .put("track", "site").put("dueOn", "2031-05-13"))
            .add(new JsonObject().put("departmentId", "d-zj-housing").put("title", "测试：施工许可预审")
                .put("track", "permits").put("dueOn", "2031-05-20"))));
    assertThat(decided.status()).as(decided.toString()).isEqualTo(201);

    var decision = decided.json().getJsonArray("decisionList").getJsonObject(0);
    assertThat(decision.getString("by")).isEqualTo("demo-leader");
    assertThat(decision.getJsonArray("obligations")).hasSize(2);
    var inbox = officer.get("/api/obligations?department=d-zj-housing&project=p-n7&limit=500").json().getJsonArray("items");
    assertThat(inbox.stream().map(JsonObject.class::cast).map(o -> o.getString("title"))).contains("测试：施工许可预审");
  }

  @Test
  @DisplayName("a leader decides and chairs only in meetings about projects they champion; the service office in any")
  void leadersDecideOnTheirOwnProjects() {
    var meeting = newMeeting("p-n8");
    var id = meeting.getString("id");
    var item = meeting.getJsonArray("agenda").getJsonObject(0).getString("id");
    open(id);
    var decision = new JsonObject().put("text", "由他人项目的领导决定");
    var refused = leader.post("/api/meetings/" + id + "/decisions", decision);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().getString("messageZh")).contains("挂钩");
    assertThat(leader.post("/api/meetings/" + id + "/focus", new JsonObject().put("agendaItemId", item)).status()).isEqualTo(403);
    assertThat(coordinator.get("/api/meetings/" + id).json().getJsonArray("decisionList")).isEmpty();
    assertThat(coordinator.post("/api/meetings/" + id + "/decisions", decision).status()).isEqualTo(201);
    assertThat(coordinator.post("/api/meetings/" + id + "/focus", new JsonObject().put("agendaItemId", item)).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("a decision naming an unknown department creates nothing at all")
  void decisionIsAllOrNothing() {
    var id = newMeeting().getString("id");
    open(id);
    var before = officer.get("/api/obligations?project=p-n7&limit=500").json().getLong("total");
    var refused = leader.post("/api/meetings/" + id + "/decisions", new JsonObject().put("text", "x")
        .put("obligations", new JsonArray()
            .add(new JsonObject().put("departmentId", "d-zj-housing").put("title", "测试：不应存在").put("track", "permits").put("dueOn", "2031-05-20"))
            .add(new JsonObject().put("departmentId", "d-nope").put("title", "y").put("track", "permits").put("dueOn", "2031-05-20"))));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(officer.get("/api/obligations?project=p-n7&limit=500").json().getLong("total")).isEqualTo(before);
    assertThat(coordinator.get("/api/meetings/" + id).json().getJsonArray("decisionList")).isEmpty();

    var malformed = leader.post("/api/meetings/" + id + "/decisions", new JsonObject().put("text", "x")
        .put("obligations", new JsonArray().add(new JsonObject().put("title", "z"))));
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().getJsonObject("fields").fieldNames()).contains("obligations[0].departmentId", "obligations[0].dueOn");
  }

  @Test
  @DisplayName("the coordinator adds an agenda item for a project, and the meeting lists it in order")
  void agenda() {
    var id = newMeeting().getString("id");
    var added = coordinator.post("/api/meetings/" + id + "/agenda", new JsonObject().put("title", "施工许可办理计划").put("projectId", "p-n8"));
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    var agenda = added.json().getJsonArray("agenda");
    assertThat(agenda).hasSize(3);
    assertThat(agenda.getJsonObject(2).getString("title")).isEqualTo("施工许可办理计划");
    assertThat(agenda.getJsonObject(2).getLong("position")).isEqualTo(3);
    assertThat(coordinator.post("/api/meetings/" + id + "/agenda", new JsonObject().put("title", "x").put("projectId", "p-nope")).status())
        .isEqualTo(422);
    assertThat(coordinator.get("/api/meetings?status=scheduled").array().stream().map(JsonObject.class::cast)
        .map(m -> m.getString("id"))).contains(id);
  }

  @Test
  @DisplayName("a closed meeting is locked: further decisions and edits get 409")
  void closedIsLocked() {
    var meeting = newMeeting();
    var id = meeting.getString("id");
    var opened = coordinator.patch("/api/meetings/" + id, new JsonObject().put("version", 1).put("status", "open"));
    assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
    var closed = coordinator.patch("/api/meetings/" + id, new JsonObject().put("version", 2).put("status", "closed"));
    assertThat(closed.json().getString("status")).isEqualTo("closed");

    assertThat(leader.post("/api/meetings/" + id + "/decisions", new JsonObject().put("text", "迟到的决定")).status()).isEqualTo(409);
    assertThat(coordinator.post("/api/meetings/" + id + "/agenda", new JsonObject().put("title", "x")).status()).isEqualTo(409);
    assertThat(coordinator.patch("/api/meetings/" + id, new JsonObject().put("version", 3).put("title", "x")).status()).isEqualTo(409);
  }

  @Test
  @DisplayName("the chair focuses an agenda item of this meeting; an unknown item, meeting or a closed meeting is refused")
  void focus() {
    var meeting = newMeeting();
    var id = meeting.getString("id");
    var item = meeting.getJsonArray("agenda").getJsonObject(1);
    var focused = leader.post("/api/meetings/" + id + "/focus", new JsonObject().put("agendaItemId", item.getString("id")));
    assertThat(focused.status()).as(focused.toString()).isEqualTo(200);
    assertThat(focused.json().getString("focusItemId")).isEqualTo(item.getString("id"));
    assertThat(focused.json().getString("focusTitle")).isEqualTo("挂牌时间");
    assertThat(focused.json().getLong("version")).isEqualTo(2);
    assertThat(focused.json().getJsonArray("agenda")).as("the answer is the whole meeting").hasSize(2);

    var otherItem = newMeeting().getJsonArray("agenda").getJsonObject(0).getString("id");
    var wrong = leader.post("/api/meetings/" + id + "/focus", new JsonObject().put("agendaItemId", otherItem));
    assertThat(wrong.status()).as(wrong.toString()).isEqualTo(422);
    assertThat(wrong.toString()).contains("agendaItemId");
    assertThat(leader.post("/api/meetings/nope/focus", new JsonObject().put("agendaItemId", otherItem)).status()).isEqualTo(404);
    assertThat(coordinator.get("/api/meetings/" + id).json().getLong("version")).as("refusals change nothing").isEqualTo(2);

    coordinator.patch("/api/meetings/" + id, new JsonObject().put("version", 2).put("status", "open"));
    coordinator.patch("/api/meetings/" + id, new JsonObject().put("version", 3).put("status", "closed"));
    assertThat(leader.post("/api/meetings/" + id + "/focus", new JsonObject().put("agendaItemId", item.getString("id"))).status())
        .isEqualTo(409);
  }

  @Test
  @DisplayName("officers may not record decisions; leaders may not schedule meetings")
  void roles() {
    var id = newMeeting().getString("id");
    assertThat(officer.post("/api/meetings/" + id + "/decisions", new JsonObject().put("text", "x")).status()).isEqualTo(403);
    assertThat(leader.post("/api/meetings", new JsonObject().put("title", "x").put("startsAt", "2031-01-01T09:00:00+08:00")).status())
        .isEqualTo(403);
    assertThat(coordinator.get("/api/meetings/nope").status()).isEqualTo(404);
    assertThat(coordinator.post("/api/meetings", new JsonObject().put("title", "x").put("startsAt", "tomorrow")).status()).isEqualTo(400);
  }

  @Test
  @DisplayName("the demo's closed meeting lists its decisions and the obligations they created")
  void demoMeeting() {
    var m = officer.get("/api/meetings/m-hadian-0615").json();
    assertThat(m.getString("status")).isEqualTo("closed");
    assertThat(m.getJsonArray("decisionList")).hasSize(3);
    assertThat(officer.get("/api/meetings?project=p-hadian").array()).isNotEmpty();
  }
}
