package org.liandong.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.Api;
import org.liandong.MovableClock;
import org.liandong.Server;
import org.liandong.TestServer;

/** As of any time: projects, obligations and the KPIs as they stood, rebuilt from the change log; on a clock the test moves. */
@DisplayName("As of an instant: the graph as it stood then")
class AsOfIT {
  private static final ZoneId ZHENJIANG = ZoneId.of("Asia/Shanghai");
  static final MovableClock CLOCK = new MovableClock(ZonedDateTime.of(2023, 6, 27, 10, 0, 0, 0, ZHENJIANG).toInstant(), ZHENJIANG);
  static Server server;
  static Api coordinator;
  static Api officer;

  @BeforeAll
  static void start() {
    server = Server.start(TestServer.config(TestServer.tempDir("liandong-as-of-")), CLOCK);
    coordinator = new Api(server.port()).as("demo-coordinator");
    officer = new Api(server.port()).as("demo-officer");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String at() {
    return URLEncoder.encode(OffsetDateTime.ofInstant(CLOCK.instant(), ZHENJIANG).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME),
        StandardCharsets.UTF_8);
  }

  static Api.Response ok(Api.Response r) {
    assertThat(r.status()).as(r.toString()).isBetween(200, 204);
    return r;
  }

  static String obligation(String project, String title, String... dependsOn) {
    return ok(coordinator.post("/api/obligations", new JsonObject().put("projectId", project).put("departmentId", "d-zj-housing")
        .put("title", title).put("kind", "approval").put("track", "permits").put("durationDays", 3).put("dueOn", "2023-07-07")
        .put("dependsOn", new JsonArray(java.util.List.of((Object[]) dependsOn))))).json().getString("id");
  }

  /** What the pages read: the project, its obligations, the project list and the figures. */
  static JsonObject state(String project, String asOf) {
    var q = asOf == null ? "" : "asOf=" + asOf;
    var kpis = ok(coordinator.get("/api/kpis?period=2023" + (asOf == null ? "" : "&" + q))).json();
    kpis.remove("asOf");
    var obligations = ok(coordinator.get("/api/obligations?project=" + project + (asOf == null ? "" : "&" + q))).json();
    obligations.remove("asOf");
    // what a person may do is now's question; looking back, nothing (checked below)
    var actions = new JsonArray();
    obligations.getJsonArray("items").forEach(o -> actions.add(((JsonObject) o).remove("actions")));
    return new JsonObject()
        .put("project", ok(coordinator.get("/api/projects/" + project + (asOf == null ? "" : "?" + q))).json())
        .put("obligations", obligations).put("actions", actions)
        .put("projects", ok(coordinator.get("/api/projects" + (asOf == null ? "" : "?" + q))).array())
        .put("battleMap", ok(coordinator.get("/api/battle-map?limit=1000" + (asOf == null ? "" : "&" + q))).json())
        .put("kpis", kpis);
  }

  @Test
  @DisplayName("make changes, record the state, make more: as of that instant the answers are exactly the state recorded")
  void exactlyTheStateThen() {
    var early = at();
    CLOCK.advance(Duration.ofMinutes(30));
    var p = ok(coordinator.post("/api/projects", new JsonObject().put("code", "ASOF-1").put("name", "时点测试项目").put("company", "测试")
        .put("investmentYi", 3.5).put("stage", "filed").put("level", "city").put("signedOn", "2023-06-01")
        .put("targetStartOn", "2023-07-20").put("targetCompleteOn", "2024-06-30")
        .put("championIds", new JsonArray().add("u-leader-liu")))).json().getString("id");
    var a = obligation(p, "用地规划许可");
    var b = obligation(p, "工程规划许可", a);
    CLOCK.advance(Duration.ofMinutes(30));
    ok(officer.patch("/api/obligations/" + a, new JsonObject().put("version", 1).put("status", "accepted")));
    CLOCK.advance(Duration.ofHours(1));

    var then = at();
    var thenAt = OffsetDateTime.ofInstant(CLOCK.instant(), ZHENJIANG);
    var recorded = state(p, null);
    CLOCK.advance(Duration.ofHours(1));

    ok(officer.patch("/api/obligations/" + a, new JsonObject().put("version", 2).put("status", "in_progress")));
    ok(officer.patch("/api/obligations/" + a, new JsonObject().put("version", 3).put("status", "done")));
    ok(coordinator.with("If-Match", "\"1\"").delete("/api/obligations/" + b));
    obligation(p, "新增：施工许可");
    ok(coordinator.patch("/api/projects/" + p, new JsonObject().put("version", 1).put("stage", "permitted").put("name", "时点测试项目（改名）")));
    ok(coordinator.post("/api/projects", new JsonObject().put("code", "ASOF-2").put("name", "后来的项目").put("company", "测试")
        .put("investmentYi", 12.0).put("stage", "signed").put("level", "city").put("signedOn", "2023-06-27")));
    CLOCK.advance(Duration.ofHours(1));

    var now = state(p, null);
    assertThat(now.getJsonObject("project")).as("the graph did change").isNotEqualTo(recorded.getJsonObject("project"));
    var asOf = state(p, then);
    assertThat(asOf.getJsonObject("project")).isEqualTo(recorded.getJsonObject("project"));
    assertThat(asOf.getJsonObject("obligations")).isEqualTo(recorded.getJsonObject("obligations"));
    assertThat(asOf.getJsonArray("projects")).isEqualTo(recorded.getJsonArray("projects"));
    assertThat(asOf.getJsonObject("battleMap")).as("the battle map from the graph as it stood is the one kept then").isEqualTo(recorded.getJsonObject("battleMap"));
    assertThat(asOf.getJsonObject("kpis")).isEqualTo(recorded.getJsonObject("kpis"));
    assertThat(recorded.getJsonArray("actions").stream().map(x -> ((JsonObject) x).getJsonArray("moves")))
        .as("now the office may move them").anySatisfy(m -> assertThat(m).isNotEmpty());
    assertThat(asOf.getJsonArray("actions").stream().map(x -> ((JsonObject) x).getJsonArray("moves")))
        .as("looking back is history: nothing to do").allSatisfy(m -> assertThat(m).isEmpty());
    assertThat(state(p, null)).as("asking as of an instant changes nothing").isEqualTo(now);

    assertThat(coordinator.get("/api/projects/" + p + "?asOf=" + early).status()).as("before it was registered").isEqualTo(404);
    var kpisThen = ok(coordinator.get("/api/kpis?asOf=" + then)).json();
    assertThat(kpisThen.getString("asOf")).as("the figures say when they stood").isEqualTo(thenAt.toString());
  }

  @Test
  @DisplayName("the demo's 哈电储能 as of 20 June was not yet started, and a time to come or a bad time is refused")
  void demoAndBadInstants() {
    var before = ok(coordinator.get("/api/projects/p-hadian?asOf=" + URLEncoder.encode("2023-06-20T12:00:00+08:00", StandardCharsets.UTF_8))).json();
    assertThat(before.getString("stage")).as("filed on 26 May, its land not yet granted").isEqualTo("filed");
    assertThat(before.getString("startedOn")).isNull();
    var permits = ok(coordinator.get("/api/obligations?project=p-hadian&kind=permit&asOf="
        + URLEncoder.encode("2023-06-26T12:00:00+08:00", StandardCharsets.UTF_8))).json().getJsonArray("items");
    assertThat(permits.stream().map(JsonObject.class::cast).filter(o -> "done".equals(o.getString("status"))).count())
        .as("by noon on 26 June some of the five permits were issued, not all").isBetween(1L, (long) permits.size() - 1);

    var future = OffsetDateTime.ofInstant(CLOCK.instant().plus(Duration.ofDays(1)), ZHENJIANG)
        .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    for (var bad : new String[] {URLEncoder.encode(future, StandardCharsets.UTF_8), "yesterday", "2023-06-20", "1999-01-01T00:00:00Z"}) {
      for (var path : new String[] {"/api/projects/p-hadian", "/api/projects", "/api/kpis", "/api/obligations"}) {
        var r = coordinator.get(path + "?asOf=" + bad);
        assertThat(r.status()).as(path + " " + bad).isEqualTo(400);
        assertThat(r.json().toString()).contains("asOf");
      }
    }
  }
}
