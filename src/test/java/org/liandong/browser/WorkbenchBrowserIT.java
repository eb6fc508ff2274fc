package org.liandong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.Api;
import org.liandong.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Each role's job done in the browser alone, as a person would do it: the service office takes
 * a new project from registration to its first coordination meeting, an officer follows it on
 * a desk and a phone, the administrator creates a person who then logs in.
 */
@DisplayName("The workbench in a real browser: every role does its whole job in the page")
class WorkbenchBrowserIT {
  static int port;
  static Api coordinator;

  @BeforeAll
  static void server() {
    port = TestServer.get().port();
    coordinator = TestServer.api().as("demo-coordinator");
  }

  private static List<String> texts(Browser b, String css) {
    return b.until(Duration.ofSeconds(15), d -> d.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList());
  }

  private static void until(Browser b, java.util.function.Supplier<Boolean> condition) {
    b.until(Duration.ofSeconds(15), d -> condition.get());
  }

  @Test
  @DisplayName("the coordinator registers a project, builds its tracks from the template, moves dates and sees the critical path move, calls a meeting and runs it live with an officer on a desk and a phone")
  void coordinatorFromRegistrationToMeeting() {
    var code = "ZJHT-2026-" + (100 + (System.nanoTime() % 800));
    var target = LocalDate.now().plusDays(200);
    try (var office = Browser.open(port, 1920, 1080); var desk = Browser.open(port, 1366, 768); var phone = Browser.open(port, 390, 844)) {
      office.login("demo-coordinator").go("#/projects");
      office.expand(By.id("project-register"));
      office.waitFor(By.cssSelector("#project-new input[name=code]")).sendKeys(code);
      office.driver.findElement(By.cssSelector("#project-new input[name=name]")).sendKeys("储能电池模组产线项目");
      office.driver.findElement(By.cssSelector("#project-new input[name=investmentYi]")).sendKeys("12.5");
      office.driver.findElement(By.cssSelector("#project-new input[name=landMu]")).sendKeys("86");
      // 区级: a district project, so the battle map's 开工率 of city-level projects (another test) stays the article's
      office.choose(By.cssSelector("#project-new select[name=level]"), "district");
      office.choose(By.cssSelector("#project-new select[name=stage]"), "signed");
      office.set(By.cssSelector("#project-new input[name=signedOn]"), LocalDate.now().toString());
      office.set(By.cssSelector("#project-new input[name=targetStartOn]"), target.toString());
      office.choose(By.cssSelector("#project-new select[name=championIds]"), "u-demo-leader");
      office.choose(By.cssSelector("#project-new select[name=liaisonId]"), "u-liaison-sun");
      // the company is left out: the server's message stands beside the field, in Chinese
      office.click(By.id("project-save"));
      var companyError = office.waitFor(By.cssSelector("#project-new [data-error-for=company]:not(:empty)"));
      assertThat(companyError.getText()).containsPattern("\\p{IsHan}");
      assertThat(office.driver.findElement(By.cssSelector("#project-new .field[data-field=company]")).getAttribute("class")).contains("invalid");
      office.screenshot("workbench-register-error-1920");
      office.driver.findElement(By.cssSelector("#project-new input[name=company]")).sendKeys("镇江储能科技有限公司");
      // 1250 亿元 typed for 12.5: asked about beside the field, with a box to confirm it; corrected instead
      var investment = office.driver.findElement(By.cssSelector("#project-new input[name=investmentYi]"));
      investment.clear();
      investment.sendKeys("1250");
      office.click(By.id("project-save"));
      assertThat(office.waitFor(By.cssSelector("#project-new [data-error-for=investmentYi]:not(:empty)")).getText()).contains("1250").contains("亿元");
      assertThat(office.text(By.cssSelector("#project-new [data-error-for=company]"))).as("the corrected field's old error is gone").isEmpty();
      assertThat(office.driver.findElement(By.cssSelector("#project-new .confirm-odd")).isDisplayed()).isTrue();
      office.screenshot("workbench-register-confirm-1920");
      investment.clear();
      investment.sendKeys("12.5");
      office.click(By.id("project-save"));
      until(office, () -> office.driver.getCurrentUrl().contains("#/project/"));
      var projectId = office.driver.getCurrentUrl().replaceAll(".*#/project/", "");
      var saved = coordinator.get("/api/projects/" + projectId).json();
      assertThat(saved.getString("company")).isEqualTo("镇江储能科技有限公司");
      assertThat(saved.getJsonArray("champions").getJsonObject(0).getString("id")).isEqualTo("u-demo-leader");
      assertThat(saved.getJsonObject("liaison").getString("id")).isEqualTo("u-liaison-sun");

      // 主线 + 并联 from the template, in one go
      office.click(By.id("template-apply"));
      office.waitFor(By.cssSelector("#timeline svg rect[data-obligation]"));
      until(office, () -> office.driver.findElements(By.cssSelector("#obligation-rows tr[data-obligation]")).size() == 24);
      office.waitFor(By.cssSelector("#schedule tr[data-critical='true']"));
      office.screenshot("workbench-tracks-1920");

      // what if the start moves a month earlier and the soil survey takes longer: preview first
      var before = coordinator.get("/api/projects/" + projectId + "/schedule").json();
      var slack = before.getJsonArray("items").stream().map(JsonObject.class::cast)
          .filter(o -> !o.getBoolean("critical")).findFirst().orElseThrow();
      office.set(By.id("whatif-target"), target.minusDays(30).toString());
      office.choose(By.id("whatif-obligation"), slack.getString("id"));
      office.set(By.id("whatif-days"), String.valueOf(slack.getInteger("durationDays") + 60));
      office.click(By.id("whatif-add"));
      office.click(By.id("whatif-preview"));
      office.waitFor(By.cssSelector("#whatif-critical li[data-obligation='" + slack.getString("id") + "']"));
      assertThat(texts(office, "#whatif-projected")).singleElement().asString().contains(before.getString("projectedStartOn"));
      // nothing saved yet
      assertThat(coordinator.get("/api/projects/" + projectId).json().getString("targetStartOn")).isEqualTo(target.toString());
      office.screenshot("workbench-whatif-1920");
      office.click(By.id("whatif-apply"));
      office.waitFor(By.cssSelector("#schedule tr[data-obligation='" + slack.getString("id") + "'][data-critical='true']"));
      assertThat(coordinator.get("/api/projects/" + projectId).json().getString("targetStartOn")).isEqualTo(target.minusDays(30).toString());

      // a dependency that would close a loop is refused with its path
      var plan = coordinator.get("/api/projects/" + projectId + "/schedule").json().getJsonArray("items").stream()
          .map(JsonObject.class::cast).toList();
      var last = plan.stream().filter(o -> !o.getJsonArray("dependsOn").isEmpty()).reduce((a, b) -> b).orElseThrow();
      var first = last.getJsonArray("dependsOn").getString(0);
      office.expand(By.id("workbench-dependency"));
      office.choose(By.cssSelector("#dependency-after"), first);
      office.choose(By.cssSelector("#dependency-before"), last.getString("id"));
      office.click(By.id("dependency-add"));
      var cycle = office.waitFor(By.cssSelector("#dependency-form [data-error-for=dependsOn]:not(:empty)"));
      assertThat(cycle.getText()).contains("循环").contains(last.getString("title"));

      // calls the meeting, invites a department that owes nothing yet
      office.go("#/meetings");
      office.expand(By.id("meeting-new"));
      office.waitFor(By.cssSelector("#meeting-form input[name=title]")).sendKeys("储能项目首次协调会办");
      office.set(By.cssSelector("#meeting-form input[name=startsAt]"), LocalDate.now().plusDays(3) + "T09:30");
      office.driver.findElement(By.cssSelector("#meeting-form input[name=location]")).sendKeys("高新区管委会 3 楼会议室");
      office.choose(By.id("meeting-projects"), projectId);
      office.driver.findElement(By.cssSelector("#meeting-form textarea[name=agenda]")).sendKeys("土地农转用报批\n施工许可\n临时水电");
      office.click(By.id("meeting-create"));
      until(office, () -> office.driver.getCurrentUrl().contains("#/meeting/"));
      var meetingId = office.driver.getCurrentUrl().replaceAll(".*#/meeting/", "");
      office.waitForText(By.id("meeting-when"), "09:30");
      office.choose(By.id("invite-departments"), "d-hz-committee");
      office.click(By.id("invite-send"));
      office.waitFor(By.cssSelector("#invited li[data-invited='d-hz-committee']"));
      // the last agenda item goes first
      var items = coordinator.get("/api/meetings/" + meetingId).json().getJsonArray("agenda");
      var water = items.getJsonObject(2).getString("id");
      office.click(By.cssSelector("button[data-up='" + water + "']"));
      office.waitFor(By.cssSelector("button[data-up='" + water + "']"));
      office.click(By.cssSelector("button[data-up='" + water + "']"));
      until(office, () -> office.driver.findElement(By.cssSelector("#agenda li")).getAttribute("data-item").equals(water));
      office.waitFor(By.id("decisions-wait"));

      // the officer follows the room on a desk, and has a reason half typed on a phone
      desk.login("demo-officer").go("#/meeting/" + meetingId);
      phone.login("demo-officer").go("#/inbox/d-zj-housing");
      var row = phone.waitFor(By.cssSelector("#inbox-list tr[data-obligation] button[data-action='blocked']"));
      var rowId = (String) phone.script("return arguments[0].closest('tr').dataset.obligation", row);
      row.click();
      var reason = phone.waitFor(By.cssSelector("tr[data-obligation='" + rowId + "'] form[data-form='blocked'] input"));
      reason.sendKeys("等待施工图审查意见");
      office.waitFor(By.cssSelector("#presence li[data-department='d-zj-housing']"));

      office.click(By.id("open-meeting"));
      office.click(By.cssSelector("button[data-focus='" + items.getJsonObject(1).getString("id") + "']"));
      desk.waitFor(By.cssSelector("li.focus[data-item='" + items.getJsonObject(1).getString("id") + "']"));
      office.waitFor(By.id("decision-text")).sendKeys("市住建局五个工作日内完成施工许可预审");
      office.click(By.id("add-obligation"));
      // no department is chosen until the chair chooses one
      assertThat(office.driver.findElement(By.cssSelector(".obligation-row select[data-field='departmentId']")).getAttribute("value")).isEmpty();
      office.choose(By.cssSelector(".obligation-row select[data-field='departmentId']"), "d-zj-housing");
      office.driver.findElement(By.cssSelector(".obligation-row input[data-field='title']")).sendKeys("施工许可预审（储能项目）");
      office.set(By.cssSelector(".obligation-row input[data-field='dueOn']"), LocalDate.now().plusDays(9).toString());
      office.click(By.id("submit-decision"));
      desk.waitFor(By.xpath("//*[@id='decisions']//*[contains(text(), '施工许可预审（储能项目）')]"));
      // the new obligation reaches the phone's inbox; the half-typed reason is still there
      phone.waitFor(By.xpath("//*[@id='inbox-list']//td[contains(text(), '施工许可预审（储能项目）')]"));
      var kept = phone.driver.findElement(By.cssSelector("tr[data-obligation='" + rowId + "'] form[data-form='blocked'] input"));
      assertThat(kept.getAttribute("value")).isEqualTo("等待施工图审查意见");
      office.screenshot("workbench-meeting-live-1920");
      desk.screenshot("workbench-meeting-officer-1366");
      phone.screenshot("workbench-inbox-phone-390");

      office.click(By.id("close-meeting"));
      office.waitFor(By.id("minutes"));
      // read in one step: the minutes may be drawn again by the live feed as the meeting closes
      var printable = (String) office.script("return document.getElementById('minutes-printable').href");
      office.driver.get(printable);
      var minutes = office.waitFor(By.tagName("body")).getText();
      assertThat(minutes).contains("09:30").contains("已交办").contains("李协调").doesNotContain("dispatched").doesNotContain("demo-coordinator");
      office.screenshot("workbench-minutes-1920");
      assertThat(office.scriptErrors()).isEmpty();
      assertThat(phone.scriptErrors()).isEmpty();
    }
  }

  @Test
  @DisplayName("the administrator creates a person in the page who then logs in; deactivating them ends their session at once")
  void adminCreatesAUser() {
    var username = "officer-" + Long.toString(System.nanoTime(), 36);
    try (var admin = Browser.open(port, 1920, 1080); var newcomer = Browser.open(port, 390, 844)) {
      admin.login("demo-admin").go("#/admin");
      admin.expand(By.id("admin-new-user"));
      admin.waitFor(By.cssSelector("#user-form input[name=username]")).sendKeys(username);
      admin.driver.findElement(By.cssSelector("#user-form input[name=displayName]")).sendKeys("陈经办（市水利局）");
      admin.driver.findElement(By.cssSelector("#user-form input[name=password]")).sendKeys("short");
      admin.driver.findElement(By.cssSelector("#user-form input[name=roles][value=officer]")).click();
      admin.choose(By.id("new-user-department"), "d-zj-housing");
      admin.click(By.id("user-create"));
      assertThat(admin.waitFor(By.cssSelector("#user-form [data-error-for=password]:not(:empty)")).getText()).containsPattern("\\p{IsHan}");
      admin.driver.findElement(By.cssSelector("#user-form input[name=password]")).sendKeys("-and-long-enough");
      admin.click(By.id("user-create"));
      admin.waitFor(By.cssSelector("#user-rows tr[data-user='" + username + "']"));
      admin.screenshot("admin-users-1920");

      newcomer.go("");
      newcomer.waitFor(By.id("username")).sendKeys(username);
      newcomer.driver.findElement(By.id("password")).sendKeys("short-and-long-enough");
      newcomer.driver.findElement(By.id("login-submit")).click();
      newcomer.waitFor(By.cssSelector("#conn[data-state='live']"));
      assertThat(newcomer.text(By.id("who"))).isEqualTo("陈经办（市水利局）");
      newcomer.waitFor(By.id("inbox-department"));
      newcomer.screenshot("admin-newcomer-inbox-390");

      // deactivating asks once more, naming the person; cancelling leaves them active
      admin.click(By.cssSelector("button[data-toggle='" + username + "']"));
      assertThat(admin.waitFor(By.cssSelector("[data-sure-for='" + username + "']")).getText()).contains("陈经办（市水利局）");
      admin.click(By.cssSelector("[data-sure-for='" + username + "'] button.secondary"));
      assertThat(admin.driver.findElement(By.cssSelector("button[data-toggle='" + username + "']")).isDisplayed()).isTrue();
      assertThat(admin.driver.findElements(By.cssSelector("#user-rows tr.inactive[data-user='" + username + "']"))).isEmpty();
      admin.click(By.cssSelector("button[data-toggle='" + username + "']"));
      admin.click(By.cssSelector("button[data-confirm-toggle='" + username + "']"));
      admin.waitFor(By.cssSelector("#user-rows tr.inactive[data-user='" + username + "']"));
      newcomer.waitFor(By.id("login-submit"));
      assertThat(newcomer.text(By.id("banner"))).contains("会话已结束");
      assertThat(admin.scriptErrors()).isEmpty();
    }
  }

  @Test
  @DisplayName("a stale project edit shows what changed meanwhile and re-applies the person's change on the new version (in English)")
  void staleEditReapplies() {
    var id = "p-d2";
    try (var b = Browser.open(port, 1920, 1080)) {
      b.login("demo-coordinator").click(By.id("lang"));
      b.waitFor(By.xpath("//nav[@id='nav']//a[text()='Projects']"));
      b.go("#/project/" + id);
      b.click(By.id("project-edit-open"));
      var company = b.waitFor(By.cssSelector("#project-edit input[name=company]"));
      company.clear();
      company.sendKeys("镇江新材料股份有限公司");
      // meanwhile another coordinator changes the name
      var now = coordinator.get("/api/projects/" + id).json();
      assertThat(coordinator.patch("/api/projects/" + id, new JsonObject().put("version", now.getInteger("version"))
          .put("name", now.getString("name") + "（二期）")).status()).isEqualTo(200);
      b.waitFor(By.cssSelector("#project-edit-box .stale-note:not([hidden])"));
      assertThat(company.getAttribute("value")).isEqualTo("镇江新材料股份有限公司");
      b.click(By.id("project-save"));
      var conflict = b.waitFor(By.cssSelector("#project-conflict:not([hidden])"));
      assertThat(conflict.getText()).contains("Name: ").contains("（二期）").contains("Someone saved this project first")
          .doesNotContain("Champions");
      b.screenshot("project-conflict-en-1920");
      b.click(By.id("reapply"));
      b.waitUntilGone(By.id("project-edit"));
      b.screenshot("project-workbench-en-1920");
      var after = coordinator.get("/api/projects/" + id).json();
      assertThat(after.getString("company")).isEqualTo("镇江新材料股份有限公司");
      assertThat(after.getString("name")).endsWith("（二期）");
      assertThat(b.scriptErrors()).isEmpty();
    }
  }

  @Test
  @DisplayName("倒排序时 in the page: a target the open work cannot meet is previewed with its slip and late steps at 1920 and 390 px in both languages; planned back from the projected start instead, it is applied")
  void replanInThePage() {
    var project = coordinator.post("/api/projects", new JsonObject().put("code", "RP-" + (System.nanoTime() % 100000)).put("name", "倒排序时页面测试项目")
        .put("company", "测试公司").put("investmentYi", 3.0).put("stage", "signed").put("level", "district")
        // signed before the demo's year, so the battle map's 2023 figures stay the article's
        .put("signedOn", "2022-11-01")
        .put("targetStartOn", "2023-12-01")).json();
    var id = project.getString("id");
    assertThat(coordinator.post("/api/projects/" + id + "/tracks", new JsonObject().put("template", "industrial")).status()).isEqualTo(201);
    var today = LocalDate.parse(coordinator.get("/api/projects/" + id + "/schedule").json().getString("today"));
    var early = today.plusDays(20).toString();
    for (int width : new int[] {1920, 390}) {
      try (var b = Browser.open(port, width, width > 1000 ? 1080 : 844)) {
        b.login("demo-coordinator");
        for (var english : new boolean[] {false, true}) {
          b.go("#/project/" + id);
          b.waitFor(By.cssSelector("#workbench-replan > summary"));
          boolean isEnglish = "en".equals(b.script("return localStorage.getItem('liandong.lang')"));
          if (isEnglish != english) {
            b.click(By.id("lang"));
            b.waitFor(By.cssSelector("#workbench-replan > summary"));
          }
          b.expand(By.id("workbench-replan"));
          b.set(By.id("replan-target"), early);
          b.click(By.id("replan-preview"));
          var slip = b.waitFor(By.id("replan-slip"));
          assertThat(slip.getText()).contains(early).containsPattern(english ? "cannot meet" : "无法实现");
          assertThat(b.driver.findElements(By.cssSelector("#replan-items tr[data-flag='red']"))).isNotEmpty();
          long overflow = (Long) b.script("return document.documentElement.scrollWidth - window.innerWidth");
          assertThat(overflow).as("no sideways scrolling at %d px", width).isLessThanOrEqualTo(0);
          b.script("document.getElementById('workbench-replan').scrollIntoView()");
          b.screenshot("workbench-replan-" + width + (english ? "-en" : "-zh"));
        }
        if (Boolean.TRUE.equals(b.script("return localStorage.getItem('liandong.lang') === 'en'"))) b.click(By.id("lang"));
        if (width == 1920) {
          // planned back from the start the work allows instead: feasible, then applied
          b.go("#/project/" + id);
          b.expand(By.id("workbench-replan"));
          b.set(By.id("replan-target"), early);
          b.click(By.id("replan-preview"));
          b.click(By.id("replan-from-projected"));
          until(b, () -> b.driver.findElements(By.id("replan-slip")).isEmpty()
              && !b.driver.findElements(By.id("replan-summary")).isEmpty());
          var projected = b.driver.findElement(By.id("replan-target")).getAttribute("value");
          b.click(By.id("replan-apply"));
          until(b, () -> projected.equals(coordinator.get("/api/projects/" + id).json().getString("targetStartOn")));
          var schedule = coordinator.get("/api/projects/" + id + "/schedule").json();
          assertThat(schedule.getInteger("slipWorkdays")).isZero();
          assertThat(schedule.getJsonArray("items").stream().map(JsonObject.class::cast).filter(o -> "red".equals(o.getString("flag")))).isEmpty();
          b.waitFor(By.cssSelector("#history li"));
          assertThat(texts(b, "#history li")).anySatisfy(li -> assertThat(li).contains("倒排序时"));
        }
        assertThat(b.scriptErrors()).isEmpty();
      }
    }
  }
}
