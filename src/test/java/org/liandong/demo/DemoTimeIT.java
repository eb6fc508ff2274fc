package org.liandong.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.liandong.Api;
import org.liandong.MovableClock;
import org.liandong.Server;
import org.liandong.TestServer;

/** The demo on its own day, and the same demo a week on, on a clock the test moves. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoTimeIT {
  private static final ZoneId ZHENJIANG = ZoneId.of("Asia/Shanghai");

  static final MovableClock CLOCK = new MovableClock(ZonedDateTime.of(2023, 6, 27, 10, 0, 0, 0, ZHENJIANG).toInstant(), ZHENJIANG);
  static Server server;
  static Api coordinator;

  @BeforeAll
  static void start() {
    server = Server.start(TestServer.config(TestServer.tempDir("liandong-demo-time-")), CLOCK);
    coordinator = new Api(server.port()).as("demo-coordinator");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject kpis() {
    var r = coordinator.get("/api/kpis");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  private static JsonObject department(JsonObject kpis, String id) {
    return kpis.getJsonArray("departments").stream().map(JsonObject.class::cast).filter(d -> d.getString("id").equals(id)).findFirst().orElseThrow();
  }

  private static JsonObject project(String id) {
    return coordinator.get("/api/projects/" + id).json();
  }

  @Test
  @Order(1)
  @DisplayName("on the article's day: the article's figures, 超序时 for the key projects, response times from real dispatch and accept times")
  void onItsDay() {
    var k = kpis();
    assertThat(k.getString("today")).isEqualTo("2023-06-27");
    assertThat(k.getJsonObject("keyProjects").getInteger("total")).isEqualTo(20);
    assertThat(k.getJsonObject("keyProjects").getDouble("startRatePercent")).isEqualTo(83.3);
    assertThat(k.getJsonObject("newlySigned").getInteger("count")).isEqualTo(10);
    assertThat(k.getJsonObject("newlySigned").getDouble("investmentYi")).isEqualTo(71.5);
    var progress = k.getJsonObject("progress").getJsonObject("keyProjects");
    assertThat(progress.getDouble("actualPercent")).as("整体投资进度超序时").isGreaterThan(progress.getDouble("expectedPercent"));
    var housing = department(k, "d-zj-housing");
    assertThat(housing.getDouble("medianHoursToAccept")).as("hours from dispatch to acceptance").isNotNull().isBetween(0.1, 24.0);
    assertThat(project("p-hadian").getString("light")).isEqualTo("green");
    assertThat(project("p-d1").getInteger("overdue")).isEqualTo(1);
    assertThat(department(k, "d-zj-quality").getInteger("deficienciesExpired")).isZero();
  }

  @Test
  @Order(2)
  @DisplayName("a week and a day on: more work overdue and the 容缺 of 质量监督登记 lapsed, on the same data")
  void aWeekOn() {
    CLOCK.advance(Duration.ofDays(8));
    // a session lasts LIANDONG_SESSION_HOURS on the server's clock: a week on, one logs in again
    assertThat(coordinator.get("/api/kpis").status()).isEqualTo(401);
    coordinator = new Api(server.port()).as("demo-coordinator");
    var k = kpis();
    assertThat(k.getString("today")).isEqualTo("2023-07-05");
    assertThat(project("p-d1").getInteger("overdue")).as("项目备案 was due 06-30").isEqualTo(2);
    assertThat(department(k, "d-zj-quality").getInteger("deficienciesExpired")).isEqualTo(1);
    assertThat(k.getJsonObject("keyProjects").getDouble("startRatePercent")).isEqualTo(83.3);
  }
}
