package org.liandong.obligations;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.Api;
import org.liandong.TestServer;

@DisplayName("The service office's workbench: tracks from a template, what-if schedules, meetings built and invited")
class WorkbenchIT {
  static Api coordinator;
  static Api officer;

  @BeforeAll
  static void logIn() {
    coordinator = TestServer.api().as("demo-coordinator");
    officer = TestServer.api().as("demo-officer");
  }

  static JsonObject newProject(String targetStart) {
    var body = new JsonObject().put("code", "WB-" + UUID.randomUUID().toString().substring(0, 8)).put("name", "工作台测试项目")
        .put("company", "测试公司").put("investmentYi", 8.0).put("stage", "signed").put("level", "district").put("signedOn", "2030-03-02");
    if (targetStart != null) body.put("targetStartOn", targetStart);
    var created = coordinator.post("/api/projects", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  @Test
  @DisplayName("the 工业项目 template builds the three tracks in one go, each due back from the target start, ending in the permits and the start")
  void tracksFromTheTemplate() {
    var templates = coordinator.get("/api/templates").array();
    var industrial = templates.stream().map(JsonObject.class::cast).filter(t -> "industrial".equals(t.getString("key"))).findFirst().orElseThrow();
    assertThat(industrial.getJsonObject("name").getString("zh")).contains("工业");
    var steps = industrial.getInteger("items");

    var noTarget = newProject(null).getString("id");
    var refused = coordinator.post("/api/projects/" + noTarget + "/tracks", new JsonObject().put("template", "industrial"));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().getJsonObject("fieldsZh").getString("targetStartOn")).contains("计划开工");

    var target = "2030-09-02";
    var id = newProject(target).getString("id");
    var applied = coordinator.with("Idempotency-Key", UUID.randomUUID().toString())
        .post("/api/projects/" + id + "/tracks", new JsonObject().put("template", "industrial"));
    assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
    assertThat(applied.json().getInteger("created")).isEqualTo(steps);
    var obligations = coordinator.get("/api/obligations?project=" + id + "&limit=100").json();
    assertThat(obligations.getLong("total")).isEqualTo(steps.longValue());
    var items = obligations.getJsonArray("items").stream().map(JsonObject.class::cast).toList();
    assertThat(items.stream().map(o -> o.getString("track")).distinct()).containsExactlyInAnyOrder("land", "site", "permits");
    assertThat(items.stream().filter(o -> "permit".equals(o.getString("kind")))).hasSize(5);
    var start = items.stream().filter(o -> "milestone".equals(o.getString("kind"))).findFirst().orElseThrow();
    assertThat(start.getString("dueOn")).isEqualTo(target);
    assertThat(start.getJsonArray("dependsOn")).isNotEmpty();
    for (var o : items) {
      var due = LocalDate.parse(o.getString("dueOn"));
      assertThat(due).as(o.getString("title")).isBeforeOrEqualTo(LocalDate.parse(target));
      assertThat(due.getDayOfWeek()).as(o.getString("title") + " due on a working day").isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
      for (var dep : o.getJsonArray("dependsOn")) {
        var prerequisite = items.stream().filter(x -> x.getString("id").equals(((JsonObject) dep).getString("id"))).findFirst().orElseThrow();
        assertThat(LocalDate.parse(prerequisite.getString("dueOn"))).as(prerequisite.getString("title") + " before " + o.getString("title"))
            .isBefore(due);
      }
    }
    var schedule = coordinator.get("/api/projects/" + id + "/schedule").json();
    assertThat(schedule.getJsonArray("criticalPath")).isNotEmpty();
    assertThat(officer.post("/api/projects/" + id + "/tracks", new JsonObject().put("template", "industrial")).status()).isEqualTo(403);
    assertThat(coordinator.post("/api/projects/" + id + "/tracks", new JsonObject().put("template", "nope")).status()).isEqualTo(400);
  }

  @Test
  @DisplayName("a later target start or a longer critical step moves the preview, and nothing is saved")
  void previewMovesTheSchedule() {
    var id = newProject("2030-09-02").getString("id");
    coordinator.post("/api/projects/" + id + "/tracks", new JsonObject().put("template", "industrial"));
    var saved = coordinator.get("/api/projects/" + id + "/schedule").json();
    var critical = saved.getJsonArray("criticalPath").getString(0);
    var before = latestStart(saved, critical);

    var later = coordinator.post("/api/projects/" + id + "/schedule/preview", new JsonObject().put("targetStartOn", "2030-10-08")).json();
    assertThat(LocalDate.parse(latestStart(later, critical))).isAfter(LocalDate.parse(before));

    var longer = coordinator.post("/api/projects/" + id + "/schedule/preview", new JsonObject()
        .put("durations", new JsonObject().put(critical, 60))).json();
    assertThat(LocalDate.parse(latestStart(longer, critical))).isBefore(LocalDate.parse(before));
    assertThat(coordinator.get("/api/projects/" + id + "/schedule").json()).isEqualTo(saved);
    assertThat(coordinator.post("/api/projects/" + id + "/schedule/preview", new JsonObject().put("durations", new JsonObject().put(critical, -1)))
        .status()).isEqualTo(400);
  }

  private static String latestStart(JsonObject schedule, String id) {
    return schedule.getJsonArray("items").stream().map(JsonObject.class::cast).filter(o -> o.getString("id").equals(id))
        .findFirst().orElseThrow().getString("latestStart");
  }

  @Test
  @DisplayName("a meeting is built: agenda reordered and trimmed, a department invited joins the room though it owes nothing")
  void meetingBuilt() {
    var created = coordinator.post("/api/meetings", new JsonObject().put("title", "工作台会议").put("startsAt", "2031-06-01T09:30:00+08:00")
        .put("projectIds", new JsonArray().add("p-c1")).put("agenda", new JsonArray().add("一").add("二").add("三"))).json();
    var id = created.getString("id");
    var items = created.getJsonArray("agenda").stream().map(i -> ((JsonObject) i).getString("id")).toList();
    var reordered = coordinator.post("/api/meetings/" + id + "/agenda/order", new JsonObject()
        .put("itemIds", new JsonArray().add(items.get(2)).add(items.get(0)).add(items.get(1)))).json();
    assertThat(reordered.getJsonArray("agenda").stream().map(i -> ((JsonObject) i).getString("title"))).containsExactly("三", "一", "二");
    assertThat(coordinator.post("/api/meetings/" + id + "/agenda/order", new JsonObject().put("itemIds", new JsonArray().add(items.get(0))))
        .status()).isEqualTo(422);
    var trimmed = coordinator.delete("/api/meetings/" + id + "/agenda/" + items.get(0)).json();
    assertThat(trimmed.getJsonArray("agenda").stream().map(i -> ((JsonObject) i).getLong("position"))).containsExactly(1L, 2L);

    // 住建 owes nothing on p-c1: refused from the room until invited
    try (var room = org.liandong.live.LiveProbe.connect(officer)) {
      assertThat(room.subscribe("meeting:" + id)).isEqualTo("forbidden");
      var invited = coordinator.post("/api/meetings/" + id + "/invitations", new JsonObject().put("departmentIds", new JsonArray().add("d-zj-housing")));
      assertThat(invited.status()).as(invited.toString()).isEqualTo(200);
      assertThat(invited.json().getJsonObject("invited").getJsonArray("departments").getJsonObject(0).getString("name")).contains("住房");
      assertThat(room.subscribe("meeting:" + id)).isEqualTo("subscribed");
    }
    assertThat(officer.post("/api/meetings/" + id + "/invitations", new JsonObject().put("userIds", new JsonArray().add("u-demo-officer")))
        .status()).isEqualTo(403);
    assertThat(coordinator.delete("/api/meetings/" + id + "/invitations/d-zj-housing").status()).isEqualTo(200);
    assertThat(coordinator.delete("/api/meetings/" + id + "/invitations/d-zj-housing").status()).isEqualTo(404);
  }

  @Test
  @DisplayName("the printable minutes give times in Beijing time, statuses in Chinese and people by name")
  void minutesInTheirOwnTime() {
    var created = coordinator.post("/api/meetings", new JsonObject().put("title", "纪要测试").put("startsAt", "2031-06-02T13:40:00Z")
        .put("projectIds", new JsonArray().add("p-n7"))).json();
    var id = created.getString("id");
    coordinator.patch("/api/meetings/" + id, new JsonObject().put("version", 1).put("status", "open"));
    coordinator.post("/api/meetings/" + id + "/decisions", new JsonObject().put("text", "纪要里的决定").put("obligations", new JsonArray()
        .add(new JsonObject().put("departmentId", "d-zj-housing").put("title", "纪要事项").put("track", "permits").put("dueOn", "2031-06-20"))));
    var page = coordinator.get("/api/meetings/" + id + "/minutes?format=html").body();
    assertThat(page).contains("2031-06-02 21:40").contains("Asia/Shanghai").contains("进行中").contains("已交办").contains("李协调")
        .doesNotContain("13:40").doesNotContain(">dispatched<").doesNotContain("demo-coordinator,");
  }
}
