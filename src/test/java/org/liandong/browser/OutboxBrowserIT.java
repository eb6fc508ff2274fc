package org.liandong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.Api;
import org.liandong.TestServer;
import org.liandong.chase.ChaseRules;
import org.liandong.chase.Chaser;
import org.liandong.domain.WorkCalendar;
import org.liandong.reach.GatewayReceiver;
import org.openqa.selenium.By;

/** 外发: the admins' outbox (投递失败, why, sent again) and the departments' group robots, in a real browser. */
@DisplayName("外发 in a real browser (headless Chromium)")
class OutboxBrowserIT {
  private static final String ROBOT = "外发测试局值班群";

  @Test
  @DisplayName("an admin gives a department a group robot in the page (its secret asked for, its token never shown again); new work its platform refuses is listed as 投递失败 with why in both languages at 1920 and 390 px, and sent again once the platform accepts")
  void failedDeliveriesAndRobots() throws Exception {
    int port = TestServer.get().port();
    var admin = TestServer.api().as("demo-admin");
    var coordinator = TestServer.api().as("demo-coordinator");
    String projectId;
    try (var platform = new GatewayReceiver()) {
      platform.answer(tryNumber -> 500);
      var bureau = admin.post("/api/departments", new JsonObject().put("name", "外发测试局").put("level", "city").put("parentId", "d-zj-gov"));
      assertThat(bureau.status()).as(bureau.toString()).isEqualTo(201);
      // none of the bureau's people has an account here: its group robot is how it hears of new work
      var department = bureau.json().getString("id");
      try (var b = Browser.open(port, 1920, 1080)) {
        b.login("demo-admin");
        b.click(By.cssSelector("#nav a[href='#/outbox']"));
        b.waitFor(By.id("outbox-counts"));
        b.choose(By.id("robot-department"), department);
        b.waitFor(By.cssSelector("#robot-adding:not([hidden])"));
        b.choose(By.id("robot-platform"), "generic");
        b.set(By.id("robot-name"), ROBOT);
        b.set(By.id("robot-url"), platform.url("/generic?token=group-token-1"));
        b.click(By.id("robot-add"));
        var asked = b.until(Duration.ofSeconds(15), d -> d.findElement(By.cssSelector("[data-error-for='secret']")).getText().isBlank() ? null
            : d.findElement(By.cssSelector("[data-error-for='secret']")).getText());
        assertThat(asked).as("a generic webhook is signed").contains("密钥");
        b.set(By.id("robot-secret"), "generic-secret-0123456789");
        b.click(By.id("robot-add"));
        var row = b.waitForText(By.cssSelector("#robot-rows tr"), ROBOT);
        assertThat(row.getText()).contains("/generic?…").doesNotContain("group-token-1").doesNotContain("generic-secret");
        assertThat(b.driver.findElement(By.id("robot-secret")).getAttribute("value")).isEmpty();

        // new work for the bureau: its robot's platform answers 500, and the delivery fails (one attempt here)
        var project = coordinator.post("/api/projects", new JsonObject().put("code", "OB-" + (System.nanoTime() % 100000)).put("name", "外发测试项目")
            .put("company", "测试公司").put("investmentYi", 1.0).put("stage", "signed").put("level", "district")
            // signed before the demo's year, so the battle map's 2023 figures stay the article's
            .put("signedOn", "2022-11-01").put("targetStartOn", "2023-12-01")).json();
        projectId = project.getString("id");
        var obligation = coordinator.post("/api/obligations", new JsonObject().put("projectId", projectId)
            .put("departmentId", department).put("title", "外发测试：施工许可证核发").put("track", "permits").put("dueOn", "2023-09-29"));
        assertThat(obligation.status()).as(obligation.toString()).isEqualTo(201);
        chase();
        var failed = b.until(Duration.ofSeconds(20), d -> failedTo(admin, ROBOT));
        assertThat(failed.getString("reason")).isEqualTo("refused");
        assertThat(failed.getString("error")).contains("500");
        assertThat(platform.received).isNotEmpty();

        b.click(By.id("outbox-refresh"));
        var failedRow = By.cssSelector("#delivery-rows tr[data-delivery='" + failed.getString("id") + "']");
        assertThat(b.waitForText(failedRow, ROBOT).getText()).contains("投递失败").contains("对方拒收").contains("500")
            .contains("交办给本部门的新事项").contains("外发测试：施工许可证核发");
        b.screenshot("outbox-failed-zh-1920");
        b.click(By.id("lang"));
        assertThat(b.waitForText(failedRow, "Refused by the other side").getText()).contains("failed").contains("New obligation for your department");
        b.screenshot("outbox-failed-en-1920");

        platform.answer(tryNumber -> 200);
        b.click(By.cssSelector("[data-retry='" + failed.getString("id") + "']"));
        b.waitUntilGone(failedRow);
        b.until(Duration.ofSeconds(20), d -> "sent".equals(delivery(admin, failed.getString("id")).getString("status")) ? true : null);
        assertThat(delivery(admin, failed.getString("id")).getString("reason")).as("a sent one has no reason").isNull();
        b.click(By.id("lang"));
        assertThat(b.scriptErrors()).isEmpty();
      }
      // on the admin's phone the same list, each row a card
      platform.answer(tryNumber -> 500);
      var another = coordinator.post("/api/obligations", new JsonObject().put("projectId", projectId)
          .put("departmentId", department).put("title", "外发测试：竣工验收").put("track", "permits").put("dueOn", "2023-10-31"));
      assertThat(another.status()).isEqualTo(201);
      chase();
      try (var phone = Browser.open(port, 390, 844)) {
        phone.login("demo-admin");
        phone.until(Duration.ofSeconds(20), d -> failedTo(admin, ROBOT));
        for (var english : new boolean[] {false, true}) {
          if (english) phone.click(By.id("lang"));
          phone.go("#/outbox");
          phone.waitFor(By.cssSelector("#delivery-rows tr[data-status='failed']"));
          long overflow = (Long) phone.script("return document.documentElement.scrollWidth - window.innerWidth");
          assertThat(overflow).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
          assertThat(phone.smallTapTargets()).isEmpty();
          phone.screenshot("outbox-phone-" + (english ? "en" : "zh") + "-390");
        }
        phone.click(By.id("lang"));
        assertThat(phone.scriptErrors()).isEmpty();
      }
      // the page shows 外发 by the one policy's answer: an officer may not, and the server refuses her the outbox
      var officer = TestServer.api().as("demo-officer");
      assertThat(officer.get("/api/session").json().getJsonObject("user").getJsonObject("may").getBoolean("DELIVERIES")).isFalse();
      assertThat(officer.get("/api/deliveries").status()).isEqualTo(403);
      assertThat(admin.delete("/api/departments/" + department + "/robots/" + robots(admin, department).get(0).getString("id")).status()).isEqualTo(204);
    }
  }

  @Test
  @DisplayName("a person keeps their own quiet hours for text messages and turns the daily digest off on their 通知 page, on a phone; both are theirs on the server at once")
  void quietHoursAndDigestInThePage() {
    var analyst = TestServer.api().as("demo-analyst");
    try (var phone = Browser.open(TestServer.get().port(), 390, 844)) {
      phone.login("demo-analyst").go("#/notices");
      phone.waitFor(By.cssSelector("#quiet-from"));
      phone.until(Duration.ofSeconds(15), d -> "22:00".equals(d.findElement(By.id("quiet-from")).getAttribute("value")) ? true : null);
      assertThat(phone.driver.findElement(By.id("quiet-until")).getAttribute("value")).isEqualTo("07:00");
      assertThat(phone.driver.findElement(By.id("notice-digest")).isSelected()).as("on unless turned off").isTrue();
      phone.set(By.id("quiet-from"), "21:30");
      phone.until(Duration.ofSeconds(15), d -> "21:30".equals(analyst.get("/api/notices/settings").json().getString("quietFrom")) ? true : null);
      phone.click(By.cssSelector("label[for='notice-digest']"));
      phone.until(Duration.ofSeconds(15), d -> Boolean.FALSE.equals(analyst.get("/api/notices/settings").json().getBoolean("digest")) ? true : null);
      phone.driver.navigate().refresh();
      phone.until(Duration.ofSeconds(15), d -> "21:30".equals(d.findElement(By.id("quiet-from")).getAttribute("value")) ? true : null);
      assertThat(phone.driver.findElement(By.id("notice-digest")).isSelected()).isFalse();
      assertThat(phone.smallTapTargets()).isEmpty();
      phone.screenshot("notices-quiet-digest-zh-390");
      assertThat(phone.scriptErrors()).isEmpty();
    } finally {
      analyst.put("/api/notices/settings", new JsonObject().put("muted", List.of()).put("quietFrom", "22:00").put("digest", true));
    }
  }

  /** The chase's sweep as the server's timer runs it (each hour in production; the shared test server leaves it to the tests): it tells departments of new work. */
  private static void chase() {
    var server = TestServer.get();
    new Chaser(server.graph(), new ChaseRules(new ChaseRules.Settings(3, 2, 2), WorkCalendar.china()), server.clock())
        .sweep().toCompletionStage().toCompletableFuture().join();
  }

  private static JsonObject failedTo(Api admin, String robot) {
    return items(admin, "failed").stream().filter(d -> robot.equals(d.getString("displayName"))).findFirst().orElse(null);
  }

  private static JsonObject delivery(Api admin, String id) {
    return items(admin, null).stream().filter(d -> id.equals(d.getString("id"))).findFirst().orElseThrow();
  }

  private static List<JsonObject> items(Api admin, String status) {
    var answer = admin.get("/api/deliveries?limit=200" + (status == null ? "" : "&status=" + status));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json().getJsonArray("items").stream().map(JsonObject.class::cast).toList();
  }

  private static List<JsonObject> robots(Api admin, String department) {
    return admin.get("/api/departments/" + department + "/robots").array().stream().map(JsonObject.class::cast).toList();
  }
}
