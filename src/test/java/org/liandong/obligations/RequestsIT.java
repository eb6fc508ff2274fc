package org.liandong.obligations;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.Api;
import org.liandong.TestServer;

@DisplayName("延期申请 and 退回 / 改派: the department asks, the office decides, the schedule follows, everyone is told")
class RequestsIT {
  static Api coordinator;
  static Api officer;
  static Api leader;

  @BeforeAll
  static void logIn() {
    coordinator = TestServer.api().as("demo-coordinator");
    officer = TestServer.api().as("demo-officer");
    leader = TestServer.api().as("demo-leader");
  }

  static JsonObject obligation(String title, String dueOn) {
    var created = coordinator.post("/api/obligations", new JsonObject().put("projectId", "p-n7").put("departmentId", "d-zj-housing")
        .put("title", title).put("track", "permits").put("dueOn", dueOn).put("durationDays", 5));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  static List<String> noticeKinds(Api who, String obligationId) {
    return who.get("/api/notices?limit=500").json().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(n -> obligationId.equals(n.getString("obligationId"))).map(n -> n.getString("kind")).toList();
  }

  @Test
  @DisplayName("an extension is asked once, approved by the office: the due date and the schedule move; a refusal needs its reason")
  void extension() {
    var id = obligation("延期测试：环评批复", "2031-09-01").getString("id");
    var path = "/api/obligations/" + id + "/extensions";
    assertThat(officer.get("/api/obligations/" + id).json().getJsonObject("actions").getBoolean("extend")).isTrue();
    assertThat(officer.post(path, new JsonObject().put("dueOn", "2031-08-01").put("reason", "x")).status()).as("earlier").isEqualTo(422);
    assertThat(officer.post(path, new JsonObject().put("dueOn", "2031-09-15")).status()).as("no reason").isEqualTo(400);
    assertThat(leader.post(path, new JsonObject().put("dueOn", "2031-09-15").put("reason", "x")).status()).isEqualTo(403);
    var asked = officer.post(path, new JsonObject().put("dueOn", "2031-09-15").put("reason", "专家评审会改期至九月十日"));
    assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
    assertThat(officer.post(path, new JsonObject().put("dueOn", "2031-09-20").put("reason", "again")).status()).isEqualTo(409);
    var request = asked.json().getString("id");
    assertThat(noticeKinds(coordinator, id)).contains("extensionRequested");
    assertThat(coordinator.get("/api/obligations/" + id).json().getJsonObject("actions").getBoolean("decideExtension")).isTrue();
    assertThat(coordinator.get("/api/extensions?status=pending").array().stream().map(x -> ((JsonObject) x).getString("id"))).contains(request);

    assertThat(officer.post("/api/extensions/" + request + "/decision", new JsonObject().put("approve", true)).status()).isEqualTo(403);
    assertThat(coordinator.post("/api/extensions/" + request + "/decision", new JsonObject().put("approve", false)).status()).isEqualTo(422);
    var approved = coordinator.post("/api/extensions/" + request + "/decision", new JsonObject().put("approve", true));
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    assertThat(approved.json().getString("status")).isEqualTo("approved");
    var after = officer.get("/api/obligations/" + id).json();
    assertThat(after.getString("dueOn")).isEqualTo("2031-09-15");
    assertThat(after.getLong("version")).isEqualTo(2);
    var planned = coordinator.get("/api/projects/p-n7/schedule").json().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(i -> id.equals(i.getString("id"))).findFirst().orElseThrow();
    assertThat(planned.getString("dueOn")).isEqualTo("2031-09-15");
    assertThat(noticeKinds(officer, id)).contains("extensionDecided");
    assertThat(coordinator.post("/api/extensions/" + request + "/decision", new JsonObject().put("approve", true)).status()).isEqualTo(409);

    var again = officer.post(path, new JsonObject().put("dueOn", "2031-10-01").put("reason", "再延期"));
    var refused = coordinator.post("/api/extensions/" + again.json().getString("id") + "/decision",
        new JsonObject().put("approve", false).put("reason", "已延期一次，请按期办结"));
    assertThat(refused.json().getString("status")).isEqualTo("refused");
    assertThat(refused.json().getString("refusal")).isEqualTo("已延期一次，请按期办结");
    assertThat(officer.get("/api/obligations/" + id).json().getString("dueOn")).isEqualTo("2031-09-15");
    assertThat(coordinator.post("/api/extensions/nope/decision", new JsonObject().put("approve", true)).status()).isEqualTo(404);
  }

  @Test
  @DisplayName("the department sends back what is not theirs; the office re-dispatches it to another department in one step, the history kept")
  void sendBackAndRedispatch() {
    var id = obligation("退回测试：排水许可", "2031-09-01").getString("id");
    var back = "/api/obligations/" + id + "/return";
    assertThat(officer.post(back, new JsonObject().put("reason", "x")).status()).as("no version").isEqualTo(428);
    assertThat(officer.post(back, new JsonObject().put("version", 1)).status()).as("no reason").isEqualTo(400);
    assertThat(leader.post(back, new JsonObject().put("version", 1).put("reason", "x")).status()).isEqualTo(403);
    var returned = officer.post(back, new JsonObject().put("version", 1).put("reason", "排水许可属市水务局职责"));
    assertThat(returned.status()).as(returned.toString()).isEqualTo(200);
    assertThat(returned.json().getString("returnReason")).isEqualTo("排水许可属市水务局职责");
    assertThat(officer.get("/api/obligations/" + id).json().getJsonObject("actions").getBoolean("sendBack")).isFalse();
    assertThat(officer.post(back, new JsonObject().put("version", 1).put("reason", "again")).status()).as("stale").isEqualTo(409);
    assertThat(noticeKinds(coordinator, id)).contains("returned");

    var moved = coordinator.patch("/api/obligations/" + id, new JsonObject().put("version", 2).put("departmentId", "d-zj-nrp"));
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    var now = coordinator.get("/api/obligations/" + id).json();
    assertThat(now.getString("departmentId")).isEqualTo("d-zj-nrp");
    assertThat(now.containsKey("returnReason") && now.getValue("returnReason") != null).isFalse();
    var history = coordinator.get("/api/projects/p-n7/changes?limit=50").array().stream().map(JsonObject.class::cast)
        .filter(c -> id.equals(c.getString("entityId"))).map(c -> c.getString("type")).toList();
    assertThat(history).contains("obligation.returned", "obligation.created");
  }
}
