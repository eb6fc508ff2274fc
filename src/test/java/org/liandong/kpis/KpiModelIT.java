package org.liandong.kpis;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.Api;
import org.liandong.TestServer;

/**
 * The battle map's read model (KpiModel) is kept from each commit's changes: after random
 * changes, each followed by the figures being read (so the model is refreshed change by change,
 * for two periods), the kept figures equal a recomputation from the whole graph.
 */
@DisplayName("The KPI read model equals a full recomputation after random changes")
class KpiModelIT {
  private static final List<String> DEPARTMENTS = List.of("d-zj-housing", "d-zj-nrp", "d-zj-drc", "d-js-nr", "d-zj-drawing");
  private static final List<String> KINDS = List.of("approval", "permit", "need", "milestone", "task");
  private static final List<String> STAGES = List.of("signed", "filed", "land", "permitted", "started", "producing");

  @Test
  @DisplayName("60 random changes (new projects and work, statuses, departments, dates, stages), figures read after each: the rebuild finds them equal; the kept battle-map list and bottleneck ranking are the graph's")
  void modelEqualsRecomputation() {
    int port = TestServer.get().port();
    var office = new Api(port).as("demo-coordinator");
    var admin = new Api(port).as("demo-admin");
    var random = new Random(20261202);
    // its own projects, district level and signed before 2023, so the demo's figures for 2023 stay the article's
    var projects = new ArrayList<String>();
    var obligations = new ArrayList<String>();
    // the model is loaded before the changes, so what follows is kept change by change
    assertThat(office.get("/api/kpis?year=2023").status()).isEqualTo(200);
    assertThat(office.get("/api/kpis?period=2023-Q3").status()).isEqualTo(200);
    for (int step = 0; step < 60; step++) {
      int what = projects.size() < 3 ? 0 : obligations.size() < 4 ? 1 : random.nextInt(7);
      switch (what) {
        case 0 -> {
          var created = office.post("/api/projects", new JsonObject().put("code", "KPI-" + step + "-" + random.nextInt(100_000))
              .put("name", "读模型项目 " + step).put("company", "测试").put("investmentYi", 0.5 + random.nextInt(40))
              .put("stage", STAGES.get(random.nextInt(STAGES.size()))).put("level", "district")
              .put("new", random.nextBoolean()).put("signedOn", LocalDate.of(2022, 1, 1).plusDays(random.nextInt(365)).toString())
              .put("targetCompleteOn", "2025-12-31"));
          assertThat(created.status()).as(created.toString()).isEqualTo(201);
          projects.add(created.json().getString("id"));
        }
        case 1 -> {
          var kind = KINDS.get(random.nextInt(KINDS.size()));
          var draft = new JsonObject().put("projectId", projects.get(random.nextInt(projects.size())))
              .put("departmentId", DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size()))).put("title", "读模型事项 " + step)
              .put("track", kind.equals("need") ? "need" : "permits").put("kind", kind).put("dueOn", date(random).toString())
              .put("durationDays", 1 + random.nextInt(20))
              .put("confirmed", true);   // random dates, some already past: recorded on purpose
          if (kind.equals("need")) draft.put("needSource", "visit");
          var created = office.post("/api/obligations", draft);
          assertThat(created.status()).as(created.toString()).isEqualTo(201);
          obligations.add(created.json().getString("id"));
        }
        case 2, 3 -> advance(office, obligations.get(random.nextInt(obligations.size())));
        case 4 -> patch(office, "/api/obligations/" + obligations.get(random.nextInt(obligations.size())),
            new JsonObject().put("departmentId", DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size()))));
        case 5 -> patch(office, "/api/obligations/" + obligations.get(random.nextInt(obligations.size())),
            new JsonObject().put("dueOn", date(random).toString()).put("confirmed", true));
        default -> patch(office, "/api/projects/" + projects.get(random.nextInt(projects.size())),
            new JsonObject().put("stage", STAGES.get(random.nextInt(STAGES.size()))));
      }
      assertThat(office.get(random.nextBoolean() ? "/api/kpis?year=2023" : "/api/kpis?period=2023-Q3").status()).isEqualTo(200);
      assertThat(office.get("/api/bottlenecks").status()).isEqualTo(200);
    }
    // the battle-map list (kept) is the filtered lists (read from the graph) together
    var kept = byId(office.get("/api/projects").array());
    var read = new java.util.HashMap<String, JsonObject>();
    for (var level : List.of("province", "city", "district")) read.putAll(byId(office.get("/api/projects?level=" + level).array()));
    assertThat(kept).as("the kept list against the graph").isEqualTo(read);

    var ranking = office.get("/api/bottlenecks").array();

    var rebuilt = admin.post("/api/kpis/rebuild", new JsonObject());
    assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
    assertThat(rebuilt.json().getJsonArray("differing")).as("figures the model kept wrong: %s", rebuilt.json().encodePrettily()).isEmpty();
    assertThat(rebuilt.json().getBoolean("equal")).isTrue();
    assertThat(rebuilt.json().getJsonArray("periods").getList()).as("the periods kept change by change were compared")
        .contains("2023", "2023-Q3");
    assertThat(rebuilt.json().getInteger("projects")).isGreaterThanOrEqualTo(projects.size());
    // the ranking counted change by change is the one planned afresh after the rebuild
    assertThat(ranking).as("some departments are bottlenecks").isNotEmpty();
    assertThat(office.get("/api/bottlenecks").array()).as("the kept ranking against a fresh one").isEqualTo(ranking);
  }

  @Test
  @DisplayName("a project written straight into Neo4j (past the server) reaches the kept battle-map list and figures at the admin's rebuild")
  void rebuildReadsWritesPastTheServer() {
    var server = TestServer.get();
    var office = new Api(server.port()).as("demo-coordinator");
    var admin = new Api(server.port()).as("demo-admin");
    assertThat(office.get("/api/projects").status()).as("the list is kept before the write").isEqualTo(200);
    var before = office.get("/api/kpis?year=2022").json().getLong("projects");
    pastTheServer("""
        CREATE (:Project {id: 'p-past-server', code: 'PAST-1', name: '绕过服务器写入的项目', company: '测试', stage: 'signed',
                          level: 'district', signedOn: date('2022-03-01'), investmentYi: 2.0, version: 1})""");
    try {
      assertThat(ids(office)).as("a write past the server is not seen by the kept list").doesNotContain("p-past-server");
      var rebuilt = admin.post("/api/kpis/rebuild", new JsonObject());
      assertThat(rebuilt.json().getBoolean("equal")).as("the kept figures missed it: %s", rebuilt.json().encode()).isFalse();
      assertThat(ids(office)).as("after the rebuild").contains("p-past-server");
      assertThat(office.get("/api/kpis?year=2022").json().getLong("projects")).isEqualTo(before + 1);
    } finally {
      pastTheServer("MATCH (p:Project {id: 'p-past-server'}) DETACH DELETE p");
      admin.post("/api/kpis/rebuild", new JsonObject());
    }
    assertThat(ids(office)).doesNotContain("p-past-server");
  }

  /** A write straight through the driver: no change log, so no read model hears of it. */
  private static void pastTheServer(String cypher) {
    try (var session = TestServer.get().graph().driver().session()) {
      session.executeWriteWithoutResult(tx -> tx.run(cypher).consume());
    }
  }

  private static List<String> ids(Api api) {
    return api.get("/api/projects").array().stream().map(p -> ((JsonObject) p).getString("id")).toList();
  }

  @Test
  @DisplayName("the rebuild is an administrator's: a coordinator is refused with a reason in both languages")
  void rebuildIsAdmins() {
    var office = new Api(TestServer.get().port()).as("demo-coordinator");
    var refused = office.post("/api/kpis/rebuild", new JsonObject());
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().getString("messageZh")).isNotBlank();
  }

  /** The next step of the workflow, as the owing department takes it (the office may move any). */
  private static void advance(Api api, String id) {
    var current = api.get("/api/obligations/" + id).json();
    var next = switch (current.getString("status")) {
      case "dispatched" -> "accepted";
      case "accepted" -> "in_progress";
      case "in_progress" -> "done";
      default -> null;
    };
    if (next != null) patch(api, "/api/obligations/" + id, new JsonObject().put("status", next));
  }

  private static void patch(Api api, String path, JsonObject change) {
    var current = api.get(path).json();
    var r = api.patch(path, change.put("version", current.getLong("version")));
    assertThat(r.status()).as(path + " " + change + " → " + r).isEqualTo(200);
  }

  private static java.util.Map<String, JsonObject> byId(io.vertx.core.json.JsonArray projects) {
    var out = new java.util.HashMap<String, JsonObject>();
    projects.forEach(p -> out.put(((JsonObject) p).getString("id"), (JsonObject) p));
    return out;
  }

  /** A day in 2023–2024: inside, before and after both periods read. */
  private static LocalDate date(Random random) {
    return LocalDate.of(2023, 1, 1).plusDays(random.nextInt(600));
  }
}
