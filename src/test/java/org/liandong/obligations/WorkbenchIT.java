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
  @DisplayName("a longer critical step moves the preview; a later target start loosens nothing its due dates hold until re-planned; nothing is saved")
  void previewMovesTheSchedule() {
    var id = newProject("2030-09-02").getString("id");
    coordinator.post("/api/projects/" + id + "/tracks", new JsonObject().put("template", "industrial"));
    var saved = coordinator.get("/api/projects/" + id + "/schedule").json();
    var critical = saved.getJsonArray("criticalPath").getString(0);
    var before = latestStart(saved, critical);

    // each step's due date is its own deadline: a later start alone does not give it more time
    var later = coordinator.post("/api/projects/" + id + "/schedule/preview", new JsonObject().put("targetStartOn", "2030-10-08")).json();
    assertThat(latestStart(later, critical)).isEqualTo(before);
    // re-planned for it, its due date (and so its latest start) moves later
    var replan = coordinator.post("/api/projects/" + id + "/replan", new JsonObject().put("targetStartOn", "2030-10-08")).json();
    var moved = replan.getJsonArray("items").stream().map(JsonObject.class::cast).filter(o -> critical.equals(o.getString("id"))).findFirst().orElseThrow();
    assertThat(LocalDate.parse(moved.getString("newDueOn"))).isAfter(LocalDate.parse(moved.getString("dueOn")));

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

  static long obligationsOf(String projectId) {
    return coordinator.get("/api/obligations?project=" + projectId + "&limit=1").json().getLong("total");
  }

  @Test
  @DisplayName("tracks are built once: a second application asks first (409), adds only the missing steps when told, and a double click builds them once")
  void tracksBuiltOnce() throws Exception {
    var id = newProject("2030-09-02").getString("id");
    // a double click: two requests at once, no idempotency key
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    var body = new JsonObject().put("template", "industrial");
    var first = pool.submit(() -> coordinator.post("/api/projects/" + id + "/tracks", body));
    var second = pool.submit(() -> coordinator.post("/api/projects/" + id + "/tracks", body));
    var statuses = java.util.List.of(first.get().status(), second.get().status());
    pool.shutdown();
    assertThat(statuses).containsExactlyInAnyOrder(201, 409);
    assertThat(obligationsOf(id)).isEqualTo(24);

    var again = coordinator.post("/api/projects/" + id + "/tracks", body);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().getJsonObject("current").getInteger("existing")).isEqualTo(24);
    assertThat(again.json().getJsonObject("current").getInteger("missing")).isZero();
    assertThat(again.json().getString("messageZh")).contains("已有 24 项");

    // one step removed (nothing depends on the start milestone): only it comes back, linked to what it waits for
    var items = coordinator.get("/api/obligations?project=" + id + "&limit=100").json().getJsonArray("items").stream()
        .map(JsonObject.class::cast).toList();
    var start = items.stream().filter(o -> "开工建设".equals(o.getString("title"))).findFirst().orElseThrow();
    assertThat(coordinator.with("If-Match", "\"" + start.getLong("version") + "\"").delete("/api/obligations/" + start.getString("id")).status())
        .isEqualTo(204);
    var asked = coordinator.post("/api/projects/" + id + "/tracks", body);
    assertThat(asked.status()).isEqualTo(409);
    assertThat(asked.json().getJsonObject("current").getInteger("missing")).isEqualTo(1);
    var added = coordinator.post("/api/projects/" + id + "/tracks", body.copy().put("onlyMissing", true));
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    assertThat(added.json().getInteger("created")).isEqualTo(1);
    assertThat(obligationsOf(id)).isEqualTo(24);
    var back = coordinator.get("/api/obligations?project=" + id + "&limit=100").json().getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(o -> "开工建设".equals(o.getString("title"))).findFirst().orElseThrow();
    assertThat(back.getJsonArray("dependsOn").stream().map(d -> ((JsonObject) d).getString("title"))).containsExactly("建筑工程施工许可证");
    var project = coordinator.get("/api/projects/" + id).json();
    assertThat(project.getString("templateKey")).isEqualTo("industrial");
    assertThat(project.getInteger("templateVersion")).isGreaterThanOrEqualTo(1);
  }

  @Test
  @DisplayName("a liaison finds the projects they answer for (liaison=me), and a query parameter a request does not take is a 400 naming it")
  void liaisonsProjects() {
    var me = coordinator.get("/api/session").json().getJsonObject("user").getString("id");
    var body = new JsonObject().put("code", "WB-L-" + UUID.randomUUID().toString().substring(0, 6)).put("name", "对接测试项目")
        .put("company", "测试公司").put("investmentYi", 2.0).put("stage", "signed").put("level", "district").put("signedOn", "2030-03-02")
        .put("liaisonId", me);
    var id = coordinator.post("/api/projects", body).json().getString("id");
    var mine = coordinator.get("/api/projects?liaison=me").array().stream().map(p -> ((JsonObject) p).getString("id")).toList();
    assertThat(mine).contains(id);
    assertThat(coordinator.get("/api/projects?liaison=u-liaison-sun").array().stream().map(p -> ((JsonObject) p).getString("id")).toList())
        .contains("p-hadian").doesNotContain(id);
    assertThat(officer.get("/api/projects?liaison=me").array()).isEmpty();
    var unknown = coordinator.get("/api/projects?liasion=me");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().getJsonObject("fields").getString("liasion")).contains("liaison");
    assertThat(unknown.json().getJsonObject("fieldsZh").getString("liasion")).contains("不是此请求可用的查询参数");
  }

  @Test
  @DisplayName("a step of another project is found by a part of its title, to depend on")
  void findStepsElsewhere() {
    var found = coordinator.get("/api/obligations?q=" + java.net.URLEncoder.encode("施工许可", java.nio.charset.StandardCharsets.UTF_8) + "&limit=50").json();
    var items = found.getJsonArray("items").stream().map(JsonObject.class::cast).toList();
    assertThat(items).isNotEmpty().allSatisfy(o -> assertThat(o.getString("title")).contains("施工许可"));
    assertThat(items.stream().map(o -> o.getString("projectId")).distinct().count()).isGreaterThan(1);
  }

  @Test
  @DisplayName("an archived project leaves the lists, the battle map and the inboxes, stays in its history, and comes back when restored")
  void archive() {
    var project = newProject("2030-09-02");
    var id = project.getString("id");
    var step = coordinator.post("/api/obligations", new JsonObject().put("projectId", id).put("departmentId", "d-zj-housing")
        .put("title", "归档测试事项").put("track", "permits").put("durationDays", 3).put("dueOn", "2030-08-01")).json();
    assertThat(officer.post("/api/projects/" + id + "/archive", new JsonObject().put("version", 1)).status()).isEqualTo(403);
    var archived = coordinator.post("/api/projects/" + id + "/archive", new JsonObject().put("version", project.getLong("version"))
        .put("reason", "企业撤资"));
    assertThat(archived.status()).as(archived.toString()).isEqualTo(200);
    assertThat(archived.json().getString("archivedAt")).isNotBlank();
    assertThat(archived.json().getString("archiveReason")).isEqualTo("企业撤资");
    assertThat(ids(coordinator.get("/api/projects").array())).doesNotContain(id);
    assertThat(ids(coordinator.get("/api/projects?archived=true").array())).contains(id);
    assertThat(ids(coordinator.get("/api/battle-map?limit=1000").json().getJsonArray("projects"))).doesNotContain(id);
    assertThat(ids(coordinator.get("/api/obligations?department=d-zj-housing&limit=500").json().getJsonArray("items")))
        .doesNotContain(step.getString("id"));
    assertThat(coordinator.get("/api/obligations?project=" + id).json().getLong("total")).as("its own page still lists its work").isEqualTo(1);
    var version = archived.json().getLong("version");
    assertThat(coordinator.post("/api/projects/" + id + "/archive", new JsonObject().put("version", version)).status()).isEqualTo(409);
    var changes = coordinator.get("/api/projects/" + id + "/changes").array();
    assertThat(changes.stream().map(c -> ((JsonObject) c).getString("type"))).contains("project.archived");

    var restored = coordinator.post("/api/projects/" + id + "/restore", new JsonObject().put("version", version));
    assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
    assertThat(restored.json().getString("archivedAt")).isNull();
    assertThat(ids(coordinator.get("/api/projects").array())).contains(id);
    assertThat(ids(coordinator.get("/api/battle-map?limit=1000").json().getJsonArray("projects"))).contains(id);
  }

  private static java.util.List<String> ids(JsonArray list) {
    return list.stream().map(p -> ((JsonObject) p).getString("id")).toList();
  }

  @Test
  @DisplayName("templates: four types of project; an admin's edit is a new version checked as at start-up, the old one kept; others may only read")
  void templates() {
    var admin = TestServer.api().as("demo-admin");
    var list = coordinator.get("/api/templates").array().stream().map(JsonObject.class::cast).toList();
    assertThat(list.stream().map(t -> t.getString("key"))).contains("industrial", "real-estate", "logistics", "headquarters");
    var logistics = admin.get("/api/templates/logistics").json();
    var steps = logistics.getJsonArray("steps");
    var body = new JsonObject().put("name", logistics.getJsonObject("name")).put("items", steps.copy());
    body.getJsonArray("items").getJsonObject(0).put("durationDays", 12);

    assertThat(coordinator.put("/api/templates/logistics", body.copy().put("version", logistics.getInteger("version"))).status()).isEqualTo(403);
    var broken = body.copy();
    broken.put("items", steps.copy());
    broken.getJsonArray("items").getJsonObject(2).put("dependsOn", new JsonArray().add("nope"));
    var refused = admin.put("/api/templates/logistics", broken.put("version", logistics.getInteger("version")));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().getJsonObject("fieldsZh").getString("items[2].dependsOn")).contains("nope");
    var unknownDepartment = body.copy();
    unknownDepartment.put("items", steps.copy());
    unknownDepartment.getJsonArray("items").getJsonObject(0).put("departmentId", "d-nowhere");
    assertThat(admin.put("/api/templates/logistics", unknownDepartment.put("version", logistics.getInteger("version"))).status()).isEqualTo(422);

    var saved = admin.put("/api/templates/logistics", body.copy().put("version", logistics.getInteger("version")));
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    int next = logistics.getInteger("version") + 1;
    assertThat(saved.json().getInteger("version")).isEqualTo(next);
    assertThat(admin.put("/api/templates/logistics", body.copy().put("version", logistics.getInteger("version"))).status())
        .as("an edit of a version someone replaced").isEqualTo(409);
    var old = coordinator.get("/api/templates/logistics?version=" + logistics.getInteger("version")).json();
    assertThat(old.getJsonArray("steps").getJsonObject(0).getInteger("durationDays")).isEqualTo(steps.getJsonObject(0).getInteger("durationDays"));
    assertThat(coordinator.get("/api/templates/logistics").json().getJsonArray("versions")).hasSizeGreaterThanOrEqualTo(2);

    // a copy under a new key; the key is not taken twice
    var copy = body.copy().put("key", "logistics-zj-" + UUID.randomUUID().toString().substring(0, 4))
        .put("name", new JsonObject().put("zh", "交通物流（镇江）").put("en", "Logistics (Zhenjiang)"));
    var created = admin.post("/api/templates", copy);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().getInteger("version")).isEqualTo(1);
    assertThat(admin.post("/api/templates", copy).status()).isEqualTo(409);

    // a project built from it keeps the version it was built with
    var id = newProject("2030-10-08").getString("id");
    assertThat(coordinator.post("/api/projects/" + id + "/tracks", new JsonObject().put("template", "logistics")).status()).isEqualTo(201);
    var project = coordinator.get("/api/projects/" + id).json();
    assertThat(project.getString("templateKey")).isEqualTo("logistics");
    assertThat(project.getInteger("templateVersion")).isEqualTo(next);
  }

  @Test
  @DisplayName("a meeting rescheduled: everyone it invites hears the new time once; a time without its offset is a 400 naming the field")
  void reschedule() {
    var created = coordinator.post("/api/meetings", new JsonObject().put("title", "改期测试会").put("startsAt", "2031-07-01T09:30:00+08:00")
        .put("projectIds", new JsonArray().add("p-c1"))).json();
    var id = created.getString("id");
    assertThat(coordinator.post("/api/meetings/" + id + "/invitations", new JsonObject().put("departmentIds", new JsonArray().add("d-zj-housing")))
        .status()).isEqualTo(200);
    var version = coordinator.get("/api/meetings/" + id).json().getLong("version");
    var noOffset = coordinator.patch("/api/meetings/" + id, new JsonObject().put("version", version).put("startsAt", "2031-07-02T09:00:00"));
    assertThat(noOffset.status()).as(noOffset.toString()).isEqualTo(400);
    assertThat(noOffset.json().getJsonObject("fields").getString("startsAt")).contains("offset");
    assertThat(noOffset.json().getJsonObject("fieldsZh").getString("startsAt")).contains("时区");

    var moved = coordinator.patch("/api/meetings/" + id, new JsonObject().put("version", version).put("startsAt", "2031-07-03T14:00:00+08:00"));
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    var told = officer.get("/api/notices?limit=100").json().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(n -> "rescheduled".equals(n.getString("kind")) && id.equals(n.getString("meetingId"))).toList();
    assertThat(told).hasSize(1);
    assertThat(told.get(0).getString("startsAt")).startsWith("2031-07-03T14:00");
    // the same time again tells nobody twice; a location alone tells nobody
    var v2 = moved.json().getLong("version");
    assertThat(coordinator.patch("/api/meetings/" + id, new JsonObject().put("version", v2).put("location", "三楼会议室")).status()).isEqualTo(200);
    assertThat(officer.get("/api/notices?limit=100").json().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(n -> "rescheduled".equals(n.getString("kind")) && id.equals(n.getString("meetingId")))).hasSize(1);
  }
}
