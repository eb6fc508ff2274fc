package org.liandong.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.liandong.Api;
import org.liandong.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The Zhenjiang demo scenario, as the article tells it")
class DemoIT {
  static Api analyst;

  @BeforeAll
  static void logIn() {
    analyst = TestServer.api().as("demo-analyst");
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo-admin", "demo-coordinator", "demo-officer", "demo-leader", "demo-analyst"})
  @DisplayName("each demo account logs in with the password demo")
  void demoAccounts(String username) {
    var me = TestServer.api().as(username).get("/api/me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().getJsonObject("user").getString("username")).isEqualTo(username);
  }

  @Test
  @DisplayName("the graph yields the article's figures: 10 new signed projects of 71.5 亿元, 开工率 83.3 %")
  void articleFigures() {
    var kpis = analyst.get("/api/kpis?year=2023").json();

    assertThat(kpis.getJsonObject("newlySigned").getLong("count")).isEqualTo(10);
    assertThat(kpis.getJsonObject("newlySigned").getDouble("investmentYi")).isEqualTo(71.5);
    var key = kpis.getJsonObject("keyProjects");
    assertThat(key.getLong("total")).isEqualTo(20);
    assertThat(key.getLong("new")).isEqualTo(12);
    assertThat(key.getLong("newStarted")).isEqualTo(10);
    assertThat(key.getDouble("startRatePercent")).isEqualTo(83.3);
    assertThat(analyst.get("/api/kpis?year=last").status()).isEqualTo(400);
  }

  @Test
  @DisplayName("the KPIs carry the pools and rates, each department's record, leaders, permit bundles, needs and 序时")
  void kpiDetails() {
    var kpis = analyst.get("/api/kpis?year=2023").json();
    var pools = kpis.getJsonObject("pools");
    assertThat(pools.getLong("signed")).isGreaterThanOrEqualTo(pools.getLong("filed"));
    assertThat(pools.getLong("filed")).isGreaterThanOrEqualTo(pools.getLong("started"));
    assertThat(pools.getLong("started")).isGreaterThanOrEqualTo(pools.getLong("producing"));
    assertThat(pools.getJsonObject("ratesPercent").fieldNames()).hasSize(5);

    var hadianPermits = kpis.getJsonArray("permitBundles").stream().map(JsonObject.class::cast)
        .filter(b -> "p-hadian".equals(b.getString("projectId"))).findFirst().orElseThrow();
    assertThat(hadianPermits.getDouble("spanHours")).isEqualTo(6.83);
    assertThat(hadianPermits.getBoolean("metTarget")).isTrue();

    var quality = kpis.getJsonArray("departments").stream().map(JsonObject.class::cast)
        .filter(d -> "d-zj-quality".equals(d.getString("id"))).findFirst().orElseThrow();
    assertThat(quality.getLong("deficienciesOutstanding")).isGreaterThanOrEqualTo(1);
    var expropriation = kpis.getJsonArray("departments").stream().map(JsonObject.class::cast)
        .filter(d -> "d-hz-expropriation".equals(d.getString("id"))).findFirst().orElseThrow();
    assertThat(expropriation.getLong("overdue")).isGreaterThanOrEqualTo(1);
    assertThat(expropriation.getDouble("onTimePercent")).as("its overdue work counts against it").isLessThan(100.0)
        .isEqualTo(Math.round(1000.0 * expropriation.getLong("doneOnTime") / expropriation.getLong("settled")) / 10.0);

    var liu = kpis.getJsonArray("leaders").stream().map(JsonObject.class::cast)
        .filter(l -> "u-leader-liu".equals(l.getString("id"))).findFirst().orElseThrow();
    assertThat(liu.getLong("atRisk")).isGreaterThanOrEqualTo(1);
    assertThat(kpis.getJsonObject("needs").getJsonObject("byStage").getLong("evaluated")).isGreaterThanOrEqualTo(1);
    assertThat(kpis.getJsonObject("progress").getDouble("expectedPercent")).isBetween(0.0, 100.0);
  }

  @Test
  @DisplayName("the figures cover the period asked for: a quarter's signings, and 绩效考核 ranked by its documented score")
  void periods() {
    var projects = analyst.get("/api/projects").array().stream().map(JsonObject.class::cast).toList();
    var q2 = analyst.get("/api/kpis?period=2023-Q2").json();
    assertThat(q2.getJsonObject("period")).isEqualTo(new JsonObject().put("kind", "quarter").put("text", "2023-Q2")
        .put("from", "2023-04-01").put("to", "2023-06-30"));
    var signedInQ2 = projects.stream().filter(p -> p.getDouble("investmentYi") >= 1
        && p.getString("signedOn").compareTo("2023-04-01") >= 0 && p.getString("signedOn").compareTo("2023-06-30") <= 0).toList();
    assertThat(q2.getJsonObject("newlySigned").getLong("count")).isEqualTo(signedInQ2.size()).isLessThan(10);
    var year = analyst.get("/api/kpis?period=2023").json();
    assertThat(year.getJsonObject("newlySigned").getLong("count")).isEqualTo(10);
    // 拿地即开工: 哈电储能 got its land on 26 June and started the next day
    var landToStart = year.getJsonObject("landToStart");
    assertThat(landToStart.getJsonArray("projects").stream().map(JsonObject.class::cast)
        .filter(p -> "p-hadian".equals(p.getString("projectId"))).findFirst().orElseThrow().getLong("days")).isEqualTo(1);
    assertThat(landToStart.getLong("byNextDay")).isPositive();
    assertThat(analyst.get("/api/kpis?period=2022").json().getJsonObject("landToStart").getJsonArray("projects").stream()
        .map(p -> ((JsonObject) p).getString("projectId"))).as("started in 2023, not in 2022").doesNotContain("p-hadian");
    var range = analyst.get("/api/kpis?period=2023-05-20..2023-06-27").json();
    assertThat(range.getJsonObject("period").getString("kind")).isEqualTo("range");
    assertThat(analyst.get("/api/kpis?period=2023-06").json().getJsonObject("period").getString("to")).isEqualTo("2023-06-30");

    var departments = year.getJsonArray("departments").stream().map(JsonObject.class::cast).toList();
    var ranked = departments.stream().filter(d -> d.getValue("rank") != null)
        .sorted(java.util.Comparator.comparing(d -> d.getInteger("rank"))).toList();
    assertThat(ranked).hasSizeGreaterThan(3);
    for (int i = 1; i < ranked.size(); i++) {
      assertThat(ranked.get(i).getDouble("score")).isLessThanOrEqualTo(ranked.get(i - 1).getDouble("score"));
    }
    for (var d : ranked) {
      double onTime = d.getLong("settled") == 0 ? 1 : (double) d.getLong("doneOnTime") / d.getLong("settled");
      Double hours = d.getDouble("medianHoursToAccept");
      double response = hours == null || hours <= 4 ? 1 : hours >= 48 ? 0 : (48 - hours) / 44;
      double supervised = d.getLong("supervisions") == 0 ? 1 : (double) d.getLong("supervisionsAnsweredOnTime") / d.getLong("supervisions");
      double kept = d.getLong("deficienciesDue") == 0 ? 1 : 1 - (double) d.getLong("lapses") / d.getLong("deficienciesDue");
      assertThat(d.getDouble("score")).as(d.getString("name") + ": README's formula")
          .isCloseTo(50 * onTime + 20 * response + 15 * supervised + 15 * kept, org.assertj.core.data.Offset.offset(0.051));
    }
    var late = departments.stream().filter(d -> "d-hz-expropriation".equals(d.getString("id"))).findFirst().orElseThrow();
    assertThat(late.getInteger("rank")).as("a department with overdue work ranks below one with none")
        .isGreaterThan(ranked.get(0).getInteger("rank"));
    var before = analyst.get("/api/kpis?period=2019").json().getJsonArray("departments").stream().map(JsonObject.class::cast).toList();
    assertThat(before).allSatisfy(d -> assertThat(d.getValue("score")).as("nothing was due in 2019").isNull());

    for (var bad : List.of("2023-Q5", "2023-13", "2023-02-30..2023-03-01", "2023-06-27..2023-05-20", "1900", "1990-01-01..2019-01-01",
        "last year", "2023-06-01..", "x".repeat(41))) {
      var r = analyst.get("/api/kpis?period=" + java.net.URLEncoder.encode(bad, java.nio.charset.StandardCharsets.UTF_8));
      assertThat(r.status()).as(bad).isEqualTo(400);
      assertThat(r.json().toString()).as(bad).contains("period");
    }
  }

  @Test
  @DisplayName("哈电储能 is there with its facts, its champion and its liaison")
  void hadian() {
    var p = analyst.get("/api/projects/p-hadian").json();
    assertThat(p.getString("landAcquiredOn")).isEqualTo("2023-06-26");
    assertThat(p.getLong("landToStartDays")).isEqualTo(1);
    assertThat(p.getString("name")).isEqualTo("哈电储能技术创新产业基地项目");
    assertThat(p.getDouble("investmentYi")).isEqualTo(20.0);
    assertThat(p.getDouble("landMu")).isEqualTo(243.82);
    assertThat(p.getString("signedOn")).isEqualTo("2023-05-20");
    assertThat(p.getString("level")).isEqualTo("province");
    assertThat(p.getString("stage")).isEqualTo("started");
    assertThat(p.getJsonArray("champions").getJsonObject(0).getString("id")).isEqualTo("u-demo-leader");
    assertThat(p.getJsonObject("liaison")).isNotNull();
    assertThat(analyst.get("/api/projects?champion=u-demo-leader").array().stream().map(JsonObject.class::cast)
        .map(x -> x.getString("id"))).contains("p-hadian");
  }

  @Test
  @DisplayName("its three tracks run in parallel and end in the five permits, issued within 7 hours, then start")
  void tracksAndPermits() {
    var obligations = analyst.get("/api/obligations?project=p-hadian&limit=100").json().getJsonArray("items");
    assertThat(obligations.stream().map(JsonObject.class::cast).map(o -> o.getString("track")).distinct())
        .contains("land", "site", "permits", "need");

    var permits = analyst.get("/api/projects/p-hadian/permits").json();
    assertThat(permits.getLong("total")).isEqualTo(5);
    assertThat(permits.getLong("issued")).isEqualTo(5);
    assertThat(permits.getDouble("spanHours")).isLessThanOrEqualTo(7.0);
    assertThat(permits.getBoolean("metTarget")).isTrue();

    var start = analyst.get("/api/obligations/hd-m1").json();
    assertThat(start.getJsonArray("dependsOn").stream().map(JsonObject.class::cast).map(o -> o.getString("id")))
        .containsExactly("hd-f5");
    var construction = analyst.get("/api/obligations/hd-f5").json();
    assertThat(construction.getString("departmentName")).isEqualTo("镇江市住房和城乡建设局");
    assertThat(construction.getJsonArray("dependsOn")).hasSize(5);
  }

  @Test
  @DisplayName("the departments the article names are there at province, city and district level")
  void departments() {
    var names = analyst.get("/api/departments").array().stream().map(JsonObject.class::cast)
        .map(d -> d.getString("shortName")).toList();
    assertThat(names).contains("省资规厅", "省发改委", "市发改委", "市资规局", "市住建局", "市政务办", "市审图办",
        "市质监站", "安监站", "推进办", "招商中心", "创新服务中心");
    var province = analyst.get("/api/departments?level=province").array();
    assertThat(province.stream().map(JsonObject.class::cast)).allSatisfy(d -> assertThat(d.getString("level")).isEqualTo("province"));
  }
}
