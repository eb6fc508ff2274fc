package org.liandong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.Api;
import org.liandong.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

@DisplayName("The dashboard in a real browser (headless Chromium)")
class DashboardBrowserIT {
  static int port;
  static Api coordinator;

  @BeforeAll
  static void server() {
    port = TestServer.get().port();
    coordinator = TestServer.api().as("demo-coordinator");
  }

  static String newObligation(String title) {
    var created = coordinator.post("/api/obligations", new JsonObject().put("projectId", "p-n7").put("departmentId", "d-zj-housing")
        .put("title", title).put("track", "permits").put("dueOn", LocalDate.now(TestServer.get().clock()).plusDays(5).toString()));
    assertThat(created.status()).isEqualTo(201);
    return created.json().getString("id");
  }

  @Test
  @DisplayName("an officer accepts an obligation and the champion leader's open page shows it without reload")
  void officerChangeReachesLeader() {
    var id = newObligation("浏览器测试：消防审查");
    try (var leader = Browser.open(port, 1366, 768); var officer = Browser.open(port, 1366, 768)) {
      leader.login("demo-leader").go("#/leader");
      leader.waitFor(By.cssSelector("li[data-obligation='" + id + "'][data-status='dispatched']"));
      leader.script("window.__marker = 'same page'");

      officer.login("demo-officer").go("#/inbox");
      officer.click(By.cssSelector("tr[data-obligation='" + id + "'] button[data-action='accept']"));
      officer.waitFor(By.cssSelector("tr[data-obligation='" + id + "'][data-status='accepted']"));

      leader.waitFor(By.cssSelector("li[data-obligation='" + id + "'][data-status='accepted']"));
      assertThat(leader.script("return window.__marker")).as("no reload happened").isEqualTo("same page");
      assertThat(leader.driver.findElement(By.id("conn")).getAttribute("data-state")).isEqualTo("live");
      leader.screenshot("leader-1366");
      officer.screenshot("inbox-1366");
      assertThat(leader.errors()).isEmpty();
      assertThat(officer.errors()).isEmpty();
    }
  }

  @Test
  @DisplayName("one click, one request: the officer accepts an obligation, the row is patched from the PATCH's answer, and the change coming back over the socket fetches nothing")
  void oneClickOneRequest() {
    var id = newObligation("浏览器测试：一次点击");
    var later = newObligation("浏览器测试：之后的变化");
    try (var officer = Browser.open(port, 1366, 768)) {
      officer.login("demo-officer").go("#/inbox");
      officer.waitFor(By.cssSelector("tr[data-obligation='" + id + "'] button[data-action='accept']"));
      officer.script("performance.clearResourceTimings()");

      officer.click(By.cssSelector("tr[data-obligation='" + id + "'] button[data-action='accept']"));
      officer.waitFor(By.cssSelector("tr[data-obligation='" + id + "'][data-status='accepted'] button[data-action='start']"));
      // a change after it on the same channel: once the page shows it, the click's own echo has come and gone
      assertThat(coordinator.patch("/api/obligations/" + later, new JsonObject().put("version", 1).put("note", "之后的备注")).status())
          .isEqualTo(200);
      officer.waitForText(By.cssSelector("tr[data-obligation='" + later + "']"), "之后的备注");

      @SuppressWarnings("unchecked")
      var fetched = (java.util.List<String>) officer.script(
          "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname + new URL(e.name).search).filter(u => u.startsWith('/api/'))");
      assertThat(fetched).as("the click's PATCH, then the later change's one fetch; nothing for the click's own echo")
          .containsExactly("/api/obligations/" + id, "/api/obligations/" + later);
      assertThat(officer.errors()).isEmpty();
    }
  }

  @Test
  @DisplayName("a live change patches its one row (one fetch of that obligation, the row flashes) and leaves the other rows and the history as they are drawn")
  void livePatchesOneRow() {
    var id = newObligation("浏览器测试：单行更新");
    var other = newObligation("浏览器测试：旁边一行");
    try (var officer = Browser.open(port, 1366, 768); var desk = Browser.open(port, 1366, 768)) {
      officer.login("demo-officer").go("#/inbox");
      officer.waitFor(By.cssSelector("tr[data-obligation='" + id + "']"));
      officer.script("document.querySelector(\"tr[data-obligation='\" + arguments[0] + \"']\").__mark = 'kept'; performance.clearResourceTimings();", other);
      desk.login("demo-coordinator").go("#/project/p-n7");
      desk.waitFor(By.cssSelector("#obligation-rows tr[data-obligation='" + id + "']"));
      desk.script("performance.clearResourceTimings()");

      var changed = coordinator.patch("/api/obligations/" + id, new JsonObject().put("version", 1).put("note", "单行更新的备注"));
      assertThat(changed.status()).isEqualTo(200);
      officer.waitForText(By.cssSelector("tr[data-obligation='" + id + "']"), "单行更新的备注");
      officer.waitFor(By.cssSelector("tr[data-obligation='" + id + "'].changed"));
      assertThat(officer.script("return document.querySelector(\"tr[data-obligation='\" + arguments[0] + \"']\").__mark", other))
          .as("the row beside it is the same element").isEqualTo("kept");
      @SuppressWarnings("unchecked")
      var fetched = (java.util.List<String>) officer.script(
          "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname + new URL(e.name).search).filter(u => u.startsWith('/api/'))");
      assertThat(fetched).as("one targeted fetch").containsExactly("/api/obligations/" + id);

      // the project page writes the change into its history from the event, in words
      desk.waitForText(By.id("history"), "修改事项");
      @SuppressWarnings("unchecked")
      var deskFetched = (java.util.List<String>) desk.script(
          "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname).filter(u => u.startsWith('/api/'))");
      assertThat(deskFetched).as("the history is not fetched again").doesNotContain("/api/projects/p-n7/changes");
    }
  }

  @Test
  @DisplayName("on a 390 px phone, in both languages, the officer's inbox, the leader's view, a project and the meeting room fit the screen and every control is at least 44 px tall")
  void phoneTapTargets() {
    record Page(String user, String hash, By ready) {}
    var pages = java.util.List.of(
        new Page("demo-officer", "#/inbox", By.cssSelector("#inbox-list tr[data-obligation]")),
        new Page("demo-officer", "#/meeting/m-hadian-0615", By.id("minutes")),
        new Page("demo-leader", "#/leader", By.cssSelector("#leader-projects section[data-project='p-hadian']")),
        new Page("demo-leader", "#/project/p-hadian", By.cssSelector("#timeline svg rect[data-obligation='hd-f5']")));
    try (var b = Browser.open(port, 390, 844)) {
      String who = null;
      for (var page : pages) {
        if (!page.user().equals(who)) {
          if (who != null) b.logout();
          b.login(page.user());
          who = page.user();
        }
        for (var english : new boolean[] {false, true}) {
          b.go(page.hash());
          b.waitFor(page.ready());
          boolean isEnglish = "en".equals(b.script("return localStorage.getItem('liandong.lang')"));
          if (isEnglish != english) {
            b.click(By.id("lang"));
            b.waitFor(page.ready());
          }
          var where = page.hash() + (english ? " (en)" : " (zh)");
          assertThat(b.smallTapTargets()).as("controls under 44 px on %s", where).isEmpty();
          long overflow = (Long) b.script("return document.documentElement.scrollWidth - window.innerWidth");
          assertThat(overflow).as("no sideways scrolling on %s", where).isLessThanOrEqualTo(0);
          b.screenshot("phone-" + page.hash().replaceAll("[^a-z-]", "") + (english ? "-en" : "-zh"));
        }
      }
      if (Boolean.TRUE.equals(b.script("return localStorage.getItem('liandong.lang') === 'en'"))) b.click(By.id("lang"));
      assertThat(b.scriptErrors()).isEmpty();
    }
  }

  @Test
  @DisplayName("督办 in the browser: the officer's bell counts up live, the card shows the 督办, the officer answers it, the notification list keeps it")
  void chasedInTheBrowser() {
    var zone = java.time.ZoneId.of("Asia/Shanghai");
    var created = coordinator.post("/api/obligations", new JsonObject().put("projectId", "p-n7").put("departmentId", "d-zj-housing")
        .put("title", "浏览器测试：督办").put("track", "permits").put("dueOn", LocalDate.now(zone).minusDays(8).toString()));
    assertThat(created.status()).isEqualTo(201);
    var id = created.json().getString("id");
    try (var b = Browser.open(port, 390, 844)) {
      b.login("demo-officer").go("#/inbox");
      var row = By.cssSelector("tr[data-obligation='" + id + "']");
      b.waitFor(row);
      b.waitFor(By.cssSelector("#bell .count"));
      long before = Long.parseLong((String) b.script("return document.querySelector('#bell .count').textContent"));
      var chaser = new org.liandong.chase.Chaser(TestServer.get().graph(), new org.liandong.chase.ChaseRules(
          new org.liandong.chase.ChaseRules.Settings(3, 2, 2), org.liandong.domain.WorkCalendar.china()), java.time.Clock.system(zone));
      chaser.sweep().toCompletionStage().toCompletableFuture().join();
      b.until(java.time.Duration.ofSeconds(15), d ->
          Long.parseLong((String) b.script("return document.querySelector('#bell .count').textContent")) >= before + 2);
      b.waitFor(By.cssSelector("tr[data-obligation='" + id + "'] .supervision"));
      assertThat(b.text(By.cssSelector("tr[data-obligation='" + id + "'] .supervision"))).contains("督办").contains("请于");
      b.screenshot("inbox-supervision-390");
      var form = b.driver.findElement(By.cssSelector("tr[data-obligation='" + id + "'] form.supervision-form"));
      form.findElement(By.name("plan")).sendKeys("三日内补齐材料并现场复核");
      b.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))",
          form.findElement(By.name("planBy")), LocalDate.now(zone).plusDays(3).toString());
      form.findElement(By.cssSelector("button[type='submit']")).click();
      b.until(java.time.Duration.ofSeconds(15), d -> d.findElements(By.cssSelector("tr[data-obligation='" + id + "'] .supervision")).isEmpty());
      var answered = coordinator.get("/api/supervisions?obligation=" + id).array().getJsonObject(0);
      assertThat(answered.getString("status")).isEqualTo("answered");
      assertThat(answered.getString("plan")).isEqualTo("三日内补齐材料并现场复核");

      b.click(By.id("bell"));
      b.waitFor(By.cssSelector("#notice-list li[data-kind='supervision']"));
      assertThat(b.text(By.id("notice-list"))).contains("浏览器测试：督办");
      assertThat(b.smallTapTargets()).isEmpty();
      b.screenshot("notices-390");
      b.click(By.id("notice-read-all"));
      b.waitForText(By.cssSelector("#bell"), "通知");
      b.until(java.time.Duration.ofSeconds(10), d -> "0".equals(b.script("return document.querySelector('#bell .count').textContent")));
      assertThat(b.scriptErrors()).isEmpty();
    }
  }

  @Test
  @DisplayName("the coordinator opens a meeting to be held and finds its agenda drafted from the graph; one click takes an item onto it, its department invited")
  void agendaDraftInTheBrowser() {
    var created = coordinator.post("/api/meetings", new JsonObject().put("title", "浏览器测试：议程草稿").put("startsAt", "2031-06-10T09:30:00+08:00")
        .put("projectIds", new JsonArray().add("p-n8")));
    var meeting = created.json().getString("id");
    try (var b = Browser.open(port, 1366, 900)) {
      b.login("demo-coordinator").go("#/meeting/" + meeting);
      // drafted already when the office opens it
      var first = b.waitFor(By.cssSelector("#draft-list li[data-draft]"));
      var obligation = first.getAttribute("data-draft");
      var department = first.getText();
      var title = first.findElement(By.tagName("strong")).getText();
      first.findElement(By.cssSelector("button[data-take]")).click();
      b.waitForText(By.cssSelector("#draft-list li[data-draft='" + obligation + "'] button"), "已在议程中");
      b.waitFor(By.cssSelector("#agenda li"));
      assertThat(b.text(By.id("agenda"))).contains(title);
      var invited = coordinator.get("/api/meetings/" + meeting).json().getJsonObject("invited").getJsonArray("departments");
      assertThat(invited).isNotEmpty();
      assertThat(department).contains(invited.getJsonObject(0).getString("name"));
      b.screenshot("meeting-agenda-draft");
      assertThat(b.scriptErrors()).isEmpty();
    }
  }

  @Test
  @DisplayName("延期: the officer asks for more time on the card; the coordinator sees it live on the project, looks at the impact, approves; the card shows the new date")
  void extensionInTheBrowser() {
    var zone = java.time.ZoneId.of("Asia/Shanghai");
    var due = LocalDate.now(zone).plusDays(10);
    var created = coordinator.post("/api/obligations", new JsonObject().put("projectId", "p-n7").put("departmentId", "d-zj-housing")
        .put("title", "浏览器测试：延期").put("track", "permits").put("dueOn", due.toString()).put("durationDays", 3));
    var id = created.json().getString("id");
    try (var officer = Browser.open(port, 390, 844); var office = Browser.open(port, 1366, 900)) {
      office.login("demo-coordinator").go("#/project/p-n7");
      office.waitFor(By.cssSelector("#obligation-rows tr[data-obligation='" + id + "']"));
      officer.login("demo-officer").go("#/inbox");
      var row = "tr[data-obligation='" + id + "']";
      officer.click(By.cssSelector(row + " button[data-action='extend']"));
      var asked = officer.driver.findElement(By.cssSelector(row + " form[data-form='extend'] input[name='dueOn']"));
      assertThat(asked.getAttribute("min")).as("the picker starts after the present due date").isEqualTo(due.plusDays(1).toString());
      // a date before the present one: refused beside the field, by its label, in the page's language; the form stays open
      officer.script("arguments[0].value = arguments[1]", asked, due.minusDays(2).toString());
      officer.driver.findElement(By.cssSelector(row + " form[data-form='extend'] input[name='reason']")).sendKeys("等待省厅批复");
      officer.click(By.cssSelector(row + " form[data-form='extend'] button[type='submit']"));
      var refusal = officer.waitFor(By.cssSelector(row + " form[data-form='extend'] [data-error-for='dueOn']:not(:empty)")).getText();
      assertThat(refusal).doesNotContain("dueOn").containsPattern("\\p{IsHan}");
      assertThat(officer.driver.findElement(By.id("banner")).isDisplayed()).as("the refusal is beside the field, not in the banner").isFalse();
      officer.script("arguments[0].value = arguments[1]", officer.driver.findElement(By.cssSelector(row + " form[data-form='extend'] input[name='dueOn']")),
          due.plusDays(7).toString());
      officer.click(By.cssSelector(row + " form[data-form='extend'] button[type='submit']"));
      officer.waitForText(By.cssSelector(row), "延期申请待审批");

      office.waitFor(By.cssSelector("#obligation-rows " + row + " [data-extension]"));
      office.click(By.cssSelector("#obligation-rows " + row + " button[data-decide]"));
      office.waitForText(By.cssSelector("#obligation-rows " + row + " .extension-impact"), "同意后的影响");
      office.screenshot("extension-decision");
      office.click(By.cssSelector("#obligation-rows " + row + " button[data-approve]"));
      officer.until(java.time.Duration.ofSeconds(15), d -> !d.findElement(By.cssSelector(row)).getText().contains("延期申请待审批"));
      assertThat(officer.text(By.cssSelector(row + " td[data-label]:nth-of-type(4)"))).contains(due.plusDays(7).toString());
      assertThat(officer.scriptErrors()).isEmpty();
      assertThat(office.scriptErrors()).isEmpty();
    }
  }

  @Test
  @DisplayName("容缺 on a phone: the officer accepts with a deadline and the 补正材料清单, then ticks each document as it comes")
  void deficiencyChecklist() {
    var id = newObligation("浏览器测试：容缺清单");
    var zone = java.time.ZoneId.of("Asia/Shanghai");
    try (var b = Browser.open(port, 390, 844)) {
      b.login("demo-officer").go("#/inbox");
      var row = "tr[data-obligation='" + id + "']";
      b.click(By.cssSelector(row + " button[data-action='accept']"));
      b.waitFor(By.cssSelector(row + "[data-status='accepted']"));
      b.click(By.cssSelector(row + " button[data-action='deficient']"));
      b.script("arguments[0].value = arguments[1]", b.driver.findElement(By.cssSelector(row + " form[data-form='deficient'] input[name='deficiencyDueOn']")),
          LocalDate.now(zone).plusDays(5).toString());
      b.driver.findElement(By.cssSelector(row + " form[data-form='deficient'] textarea")).sendKeys("消防设计文件\n节能评估报告");
      b.click(By.cssSelector(row + " form[data-form='deficient'] button[type='submit']"));
      b.waitFor(By.cssSelector(row + "[data-status='deficient'] ul[data-checklist]"));
      b.waitForText(By.cssSelector(row + " ul[data-checklist]"), "已收 0 / 2 项");
      b.click(By.cssSelector(row + " input[data-document='消防设计文件']"));
      b.waitForText(By.cssSelector(row + " ul[data-checklist]"), "已收 1 / 2 项");
      assertThat(coordinator.get("/api/obligations/" + id).json().getJsonArray("documentsReceived").getList()).containsExactly("消防设计文件");
      assertThat(b.smallTapTargets()).isEmpty();
      b.screenshot("inbox-deficiency-390");
      assertThat(b.scriptErrors()).isEmpty();
    }
  }

  @Test
  @DisplayName("a stale edit shows 'someone changed this' with the new version instead of losing it")
  void conflictIsShown() {
    var id = newObligation("浏览器测试：冲突");
    try (var officer = Browser.open(port, 1366, 768)) {
      officer.login("demo-officer").go("#/inbox");
      officer.waitFor(By.cssSelector("tr[data-obligation='" + id + "']"));
      // someone else changes it while this page has not heard of it yet (its live feed held back)
      officer.script("window.__holdLive = true");
      var changed = coordinator.patch("/api/obligations/" + id, new JsonObject().put("version", 1).put("note", "协调员已修改"));
      assertThat(changed.status()).isEqualTo(200);
      officer.click(By.cssSelector("tr[data-obligation='" + id + "'][data-version='1'] button[data-action='accept']"));
      officer.waitFor(By.cssSelector("tr[data-obligation='" + id + "'] .conflict"));
      officer.waitFor(By.cssSelector("tr[data-obligation='" + id + "'][data-version='2'][data-status='dispatched']"));
      officer.screenshot("inbox-conflict");
    }
  }

  @Test
  @DisplayName("时点: the time control puts the battle map back to 20 June (哈电储能 only filed, fewer started), says so, and comes back to now")
  void timeControlChangesTheBattleMap() {
    var hadianStage = By.cssSelector("#project-lights tr[data-project='p-hadian'] td:nth-child(3)");
    var startRate = By.cssSelector("#kpi-start-rate .value");
    try (var b = Browser.open(port, 1920, 1080)) {
      b.login("demo-coordinator").go("#/battle");
      b.waitFor(hadianStage);
      assertThat(b.text(hadianStage)).isEqualTo("开工");
      var rateNow = b.text(startRate);
      b.choose(By.id("asof-mode"), "instant");
      // a time still to come: the server's refusal beside the control, in the page's language; the page stays live
      b.set(By.id("asof-when"), "2030-01-01T09:00");
      assertThat(b.waitFor(By.cssSelector("#asof-error:not(:empty)")).getText()).containsPattern("\\p{IsHan}").doesNotContain("asOf");
      assertThat(b.text(By.id("asof-note"))).isEqualTo("实时状态");
      assertThat(b.driver.findElement(By.id("asof-back")).isDisplayed()).isFalse();
      // a time that can be shown, entered after it, takes
      b.set(By.id("asof-when"), "2023-06-20T12:00");
      b.waitFor(By.cssSelector("#asof-back:not([hidden])"));
      b.until(Duration.ofSeconds(10), d -> "备案".equals(b.text(hadianStage)));
      b.waitFor(By.cssSelector("ld-battle-map[aria-busy='false']"));
      assertThat(b.text(By.id("asof-error"))).isEmpty();
      assertThat(b.text(startRate)).as("one key project fewer had started").isNotEqualTo(rateNow);
      assertThat(b.text(By.id("asof-note"))).contains("2023-06-20 12:00");
      b.screenshot("battle-map-as-of-1920");
      b.click(By.id("asof-back"));
      b.until(Duration.ofSeconds(10), d -> "开工".equals(b.text(hadianStage)));
      b.waitFor(By.cssSelector("ld-battle-map[aria-busy='false']"));
      assertThat(b.text(startRate)).isEqualTo(rateNow);
      assertThat(b.scriptErrors()).isEmpty();
    }
    try (var b = Browser.open(port, 390, 844)) {
      b.login("demo-coordinator").go("#/battle");
      b.click(By.id("lang"));
      b.waitFor(hadianStage);
      b.choose(By.id("asof-mode"), "instant");
      b.set(By.id("asof-when"), "2023-06-20T12:00");
      b.until(Duration.ofSeconds(10), d -> "Filed".equals(b.text(hadianStage)));
      assertThat(b.script("return document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
      b.screenshot("battle-map-as-of-390-en");
    }
  }

  @Test
  @DisplayName("简报: a leader prints a brief of their projects, lights, what changed since the last meeting and what the next must decide; on paper without the page's header")
  void leaderBriefPrints() {
    try (var b = Browser.open(port, 1366, 768)) {
      b.login("demo-leader").go("#/leader");
      b.waitFor(By.cssSelector("#since-previous #since-counts"));
      b.click(By.id("leader-brief"));
      b.waitFor(By.cssSelector("#brief-projects tr[data-project='p-hadian']"));
      b.waitFor(By.cssSelector("#brief #since-previous #since-counts"));
      b.waitFor(By.id("brief-decide"));
      assertThat(b.text(By.cssSelector("#brief h1"))).contains("张区长");
      assertThat(b.text(By.id("brief-meta"))).contains("统计周期").contains("截至");
      b.screenshot("brief-leader-1366");
      b.driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
      assertThat(b.script("return getComputedStyle(document.querySelector('header.top')).display")).isEqualTo("none");
      assertThat(b.script("return getComputedStyle(document.querySelector('#brief-print').parentElement).display")).isEqualTo("none");
      assertThat(b.script("return document.querySelector('#brief').getBoundingClientRect().height > 300")).isEqualTo(true);
      b.screenshot("brief-leader-print");
      assertThat(b.scriptErrors()).isEmpty();
    }
  }

  @Test
  @DisplayName("自上次会办以来: the office opens the next meeting and sees at a glance what was done since the last one closed, and how its decisions stand")
  void sincePreviousInTheMeetingRoom() {
    var officerApi = TestServer.api().as("demo-officer");
    var id = newObligation("浏览器测试：会办之间办结");
    var first = coordinator.post("/api/meetings", new JsonObject().put("title", "浏览器测试：上一次会办").put("startsAt", "2031-04-01T09:30:00+08:00")
        .put("projectIds", new JsonArray().add("p-n7"))).json().getString("id");
    coordinator.patch("/api/meetings/" + first, new JsonObject().put("version", 1).put("status", "open"));
    coordinator.patch("/api/meetings/" + first, new JsonObject().put("version", 2).put("status", "closed"));
    for (var status : java.util.List.of("accepted", "in_progress", "done")) {
      var version = officerApi.get("/api/obligations/" + id).json().getLong("version");
      assertThat(officerApi.patch("/api/obligations/" + id, new JsonObject().put("version", version).put("status", status)).status()).isEqualTo(200);
    }
    var next = coordinator.post("/api/meetings", new JsonObject().put("title", "浏览器测试：下一次会办").put("startsAt", "2031-04-08T09:30:00+08:00")
        .put("projectIds", new JsonArray().add("p-n7"))).json().getString("id");
    try (var b = Browser.open(port, 390, 844)) {
      b.login("demo-coordinator").go("#/meeting/" + next);
      b.waitFor(By.cssSelector("#since-counts li[data-kind='done']"));
      assertThat(b.text(By.id("since-window"))).contains("浏览器测试：上一次会办");
      assertThat(b.script("return document.querySelector(\"#since-previous details[data-kind='done']\").textContent")).asString()
          .contains("浏览器测试：会办之间办结");
      assertThat(b.smallTapTargets()).isEmpty();
      b.screenshot("meeting-since-previous-390");
      assertThat(b.scriptErrors()).isEmpty();
    }
    try (var b = Browser.open(port, 1920, 1080)) {
      b.login("demo-coordinator").go("#/meeting/" + next);
      b.click(By.id("lang"));
      b.waitFor(By.cssSelector("#since-counts li[data-kind='done']"));
      b.screenshot("meeting-since-previous-1920-en");
    }
  }

  @Test
  @DisplayName("the meeting room: focus follows the chair, a decision appears for both, closing shows the minutes")
  void meetingRoom() {
    var created = coordinator.post("/api/meetings", new JsonObject().put("title", "浏览器测试会办").put("startsAt", "2031-05-06T09:30:00+08:00")
        .put("projectIds", new JsonArray().add("p-n7")).put("agenda", new JsonArray().add("临时水电").add("施工许可")));
    var meeting = created.json().getString("id");
    var second = created.json().getJsonArray("agenda").getJsonObject(1).getString("id");
    try (var chair = Browser.open(port, 1920, 1080); var officer = Browser.open(port, 1366, 768)) {
      chair.login("demo-coordinator").go("#/meeting/" + meeting);
      officer.login("demo-officer").go("#/meeting/" + meeting);
      chair.waitFor(By.cssSelector("#presence li[data-department='d-zj-housing']"));

      chair.click(By.id("open-meeting"));
      chair.waitUntilGone(By.id("open-meeting"));
      chair.click(By.cssSelector("button[data-focus='" + second + "']"));
      officer.waitFor(By.cssSelector("li.focus[data-item='" + second + "']"));

      chair.waitFor(By.id("decision-text")).sendKeys("市住建局五日内完成施工许可预审");
      chair.click(By.id("add-obligation"));
      new Select(chair.waitFor(By.cssSelector(".obligation-row select[data-field='departmentId']"))).selectByValue("d-zj-housing");
      chair.driver.findElement(By.cssSelector(".obligation-row input[data-field='title']")).sendKeys("施工许可预审");
      chair.script("arguments[0].value = '2031-05-11'", chair.driver.findElement(By.cssSelector(".obligation-row input[data-field='dueOn']")));
      chair.click(By.id("submit-decision"));
      officer.waitFor(By.xpath("//*[@id='decisions']//*[contains(text(), '市住建局五日内完成施工许可预审')]"));
      chair.waitFor(By.xpath("//*[@id='decisions']//*[contains(text(), '市住建局五日内完成施工许可预审')]"));
      chair.screenshot("meeting-room-1920");
      officer.screenshot("meeting-room-1366");

      chair.click(By.id("close-meeting"));
      chair.waitFor(By.id("minutes"));
      officer.waitFor(By.id("minutes"));
      assertThat(officer.text(By.id("minutes"))).contains("施工许可预审").contains("王经办");
      chair.screenshot("meeting-minutes");
      assertThat(chair.errors()).isEmpty();
    }
  }

  @Test
  @DisplayName("the analyst console: Ctrl+Enter runs a query, a write is refused in words, a saved query becomes a battle-map tile")
  void console() {
    try (var b = Browser.open(port, 1366, 768)) {
      b.login("demo-analyst").go("#/console");
      var editor = b.waitFor(By.id("cypher"));
      b.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))", editor,
          "MATCH (p:Project)<-[:FOR]-(o:Obligation) RETURN p.name AS project, count(o) AS obligations ORDER BY obligations DESC");
      editor.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, org.openqa.selenium.Keys.ENTER));
      b.waitFor(By.cssSelector("#console-table tbody tr"));
      assertThat(b.text(By.id("console-table"))).contains("哈电储能技术创新产业基地项目");
      b.click(By.cssSelector("button[data-view='chart']"));
      b.waitFor(By.cssSelector("#console-result canvas"));
      b.screenshot("console-1366");

      b.driver.findElement(By.id("save-name")).sendKeys("各项目事项数");
      b.click(By.id("save-tile"));
      b.choose(By.id("save-display"), "line");
      b.click(By.cssSelector("#save-form button[type='submit']"));
      b.waitFor(By.xpath("//*[@id='console-saved']//*[text()='各项目事项数']"));

      b.script("arguments[0].value = 'MATCH (n) DETACH DELETE n'; arguments[0].dispatchEvent(new Event('input'))", editor);
      b.click(By.id("run"));
      assertThat(b.waitFor(By.id("console-error")).getText()).contains("只读").contains("DETACH");

      // the highlighter colours without touching the text: a comment, quotes and markup stay as typed
      var tricky = "MATCH (p:Project) // it's \"all\" <b>here</b>\nWHERE p.name <> 'a//b' RETURN p.name AS name";
      b.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))", editor, tricky);
      assertThat(b.script("return document.querySelector('.editor .shade').textContent")).isEqualTo(tricky + "\n");
      assertThat(b.driver.findElements(By.cssSelector(".editor .shade span.c-comment"))).hasSize(1);

      // a long query shows that it runs, cannot be started twice, and stops on request
      b.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))", editor,
          "MATCH (a), (b), (c), (d) RETURN sum(size(coalesce(a.name, '') + coalesce(b.name, '') + coalesce(c.name, '') + coalesce(d.name, '')))");
      b.click(By.id("run"));
      b.waitForText(By.id("console-running"), "正在运行");
      assertThat(b.driver.findElement(By.id("run")).isEnabled()).as("Run while running").isFalse();
      b.screenshot("console-running");
      b.click(By.id("stop"));
      b.waitForText(By.id("console-error"), "已按您的要求停止");
      assertThat(b.driver.findElement(By.id("run")).isEnabled()).isTrue();

      // a long answer pages; an answer without nodes says so in the graph view
      b.script("arguments[0].value = 'UNWIND range(1, 120) AS i RETURN i'; arguments[0].dispatchEvent(new Event('input'))", editor);
      b.click(By.id("run"));
      b.waitForText(By.id("console-pager"), "第 1–50 行，共 120 行");
      b.click(By.cssSelector("#console-pager button[data-page='next']"));
      b.waitForText(By.id("console-pager"), "第 51–100 行，共 120 行");
      assertThat(b.text(By.cssSelector("#console-table tbody tr td"))).isEqualTo("51");
      b.click(By.cssSelector("button[data-view='graph']"));
      b.waitFor(By.id("console-no-graph"));

      // the schema at the side, from the graph: a label goes into the query
      b.script("arguments[0].value = ''; arguments[0].dispatchEvent(new Event('input'))", editor);
      b.click(By.cssSelector("#console-schema li[data-label='Project'] > button"));
      assertThat(editor.getAttribute("value")).isEqualTo("(:Project)");

      // the owner renames and deletes a saved query
      b.script("arguments[0].value = 'MATCH (p:Project) RETURN count(p) AS n'; arguments[0].dispatchEvent(new Event('input'))", editor);
      b.driver.findElement(By.id("save-name")).sendKeys("临时查询");
      b.click(By.cssSelector("#save-form button[type='submit']"));
      var saved = By.xpath("//*[@id='console-saved']/li[button[text()='临时查询']]");
      b.waitFor(saved).findElement(By.cssSelector("button[data-act='rename']")).click();
      var rename = b.waitFor(By.cssSelector("#console-saved form[data-renaming] input"));
      rename.clear();
      rename.sendKeys("改名后的查询\n");
      var renamed = By.xpath("//*[@id='console-saved']/li[button[text()='改名后的查询']]");
      b.waitFor(renamed).findElement(By.cssSelector("button[data-act='delete']")).click();
      b.click(By.cssSelector("#console-saved button[data-act='confirm-delete']"));
      b.until(java.time.Duration.ofSeconds(10), d -> d.findElements(renamed).isEmpty());
      assertThat(b.driver.findElements(By.xpath("//*[@id='console-saved']//button[text()='各项目事项数']"))).hasSize(1);

      b.go("#/battle");
      b.waitFor(By.xpath("//*[@id='tiles']//h2[text()='各项目事项数']"));
      // drawn as the kind it was saved as (components/tiles.js)
      b.waitFor(By.cssSelector("#tiles ld-tile[data-kind='line'] [data-tile-chart] canvas"));
      assertThat(b.errors()).as("console errors").allSatisfy(e -> assertThat(e.getMessage()).contains("/api/console/query"));
    }
  }

  @Test
  @DisplayName("the graph view: a legend, leaders and meetings, search, a tapped node's details and neighbours, a live change drawn without reload")
  void graphView() {
    try (var b = Browser.open(port, 1366, 900)) {
      b.login("demo-analyst").go("#/graph");
      b.waitFor(By.cssSelector("#cy canvas"));
      assertThat(b.text(By.id("graph-legend"))).contains("挂钩领导", "协调会办", "已逾期");
      b.waitFor(By.cssSelector("#cy canvas"));
      assertThat((Boolean) b.script("return document.getElementById('cy').cy.nodes('[kind=\"leader\"]').length > 0")).isTrue();
      assertThat((Boolean) b.script("return document.getElementById('cy').cy.getElementById('m:m-hadian-0615').nonempty()")).isTrue();

      b.driver.findElement(By.id("graph-search")).sendKeys("哈电");
      b.waitForText(By.id("graph-found"), "找到");
      // tap the project where it is drawn, as a person would
      var at = (java.util.List<?>) b.script("const p = document.getElementById('cy').cy.getElementById('p:p-hadian').renderedPosition();"
          + "const r = document.getElementById('cy').getBoundingClientRect(); return [p.x - r.width / 2, p.y - r.height / 2];");
      new org.openqa.selenium.interactions.Actions(b.driver).moveToElement(b.driver.findElement(By.id("cy")),
          ((Number) at.get(0)).intValue(), ((Number) at.get(1)).intValue()).click().perform();
      b.waitForText(By.id("graph-details"), "哈电储能技术创新产业基地项目");
      assertThat(b.driver.findElement(By.cssSelector("#graph-details a")).getAttribute("href")).endsWith("#/project/p-hadian");

      // filtered to one department, then a project's neighbours brought in
      new Select(b.driver.findElement(By.id("graph-department"))).selectByValue("d-zj-housing");
      long before = (Long) b.script("return document.getElementById('cy').cy.nodes().length");
      b.click(By.id("graph-expand"));
      b.until(java.time.Duration.ofSeconds(10), d -> (Long) b.script("return document.getElementById('cy').cy.nodes().length") > before);
      b.screenshot("graph-expanded");

      new Select(b.driver.findElement(By.id("graph-department"))).selectByValue("");
      b.script("window.__marker = 'same page'");
      var id = newObligation("图谱测试：新事项");
      b.until(java.time.Duration.ofSeconds(15), d -> (Boolean) b.script("return document.getElementById('cy').cy.getElementById(arguments[0]).nonempty()", "o:" + id));
      assertThat(b.script("return window.__marker")).isEqualTo("same page");
      assertThat(b.scriptErrors()).isEmpty();
    }
  }

  @Test
  @DisplayName("the language switch turns every label to English and back, and is remembered")
  void languageSwitch() {
    try (var b = Browser.open(port, 1366, 768)) {
      b.login("demo-analyst").go("#/battle");
      b.waitFor(By.id("kpis"));
      assertThat(b.text(By.id("nav"))).contains("挂图作战");
      b.click(By.id("lang"));
      b.waitFor(By.xpath("//nav[@id='nav']//a[text()='Battle map']"));
      b.waitFor(By.xpath("//h1[text()='Battle map']"));
      b.driver.navigate().refresh();
      b.waitFor(By.xpath("//nav[@id='nav']//a[text()='Graph']"));
      assertThat(b.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
      b.screenshot("battle-map-en");
      b.click(By.id("lang"));
      b.waitFor(By.xpath("//nav[@id='nav']//a[text()='关系图谱']"));
    }
  }

  @Test
  @DisplayName("times read in LIANDONG_TIMEZONE whatever the browser's own zone: 23:30 stays on its day, 00:30 is the next; a wall-clock entry goes back with +08:00")
  void timesInTheServersZone() {
    try (var b = Browser.open(port, 1366, 768)) {
      // the person's computer is set to New York; the platform's times are Zhenjiang's
      b.driver.executeCdpCommand("Emulation.setTimezoneOverride", java.util.Map.of("timezoneId", "America/New_York"));
      b.login("demo-coordinator").go("#/meetings");
      b.waitFor(By.cssSelector("tr[data-meeting='m-hadian-0615']"));
      var ui = "const ui = await import('/app/ui.js');";
      assertThat(b.driver.executeAsyncScript("const done = arguments[0]; (async () => {" + ui
          + " done([ui.time('2026-12-01T15:30:00Z'), ui.time('2026-12-01T16:30:00Z'), ui.toInstant('2026-12-02T00:30'),"
          + " ui.daysLate('2026-11-30', '2026-12-02')]); })();"))
          .isEqualTo(java.util.List.of("2026-12-01 23:30", "2026-12-02 00:30", "2026-12-02T00:30:00+08:00", 2L));
      // and what the page shows: the meeting list's time is the server's, not New York's
      var startsAt = coordinator.get("/api/meetings/m-hadian-0615").json().getString("startsAt");
      var shown = java.time.OffsetDateTime.parse(startsAt).atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))
          .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
      assertThat(b.text(By.cssSelector("tr[data-meeting='m-hadian-0615']"))).contains(shown);
    }
  }

  @Test
  @DisplayName("the wall screen opens from its kiosk link (read-only wall account) and fills 1366, 1920 and 3840 wide screens without scrolling, with a clock, when the data was updated, the figures in words, and the red projects taking turns")
  void wallScreen() throws Exception {
    // the three screens at once: each mostly waits (on the server, on the spotlight's turn)
    var screens = new ArrayList<Runnable>();
    for (var size : new int[][] {{1920, 1080}, {1366, 768}, {3840, 2160}}) screens.add(() -> wallScreen(size));
    sideBySide(3, screens);
  }

  /** Runs the browsers' sights on {@code threads} threads and waits for all; a failed assertion fails the test as itself. */
  private static void sideBySide(int threads, List<Runnable> sights) throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      var running = sights.stream().map(pool::submit).toList();
      for (var sight : running) {
        try {
          sight.get(10, java.util.concurrent.TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
          if (e.getCause() instanceof Error error) throw error;
          throw e;
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private void wallScreen(int[] size) {
    try (var b = Browser.open(port, size[0], size[1])) {
      // the laptop and the 4K screen in English, whose words are the longer
      boolean english = size[0] != 1920;
      if (english) b.go("").script("localStorage.setItem('liandong.lang', 'en')");
      if (size[0] == 1920) {
        // the dispatch room's screen opens its kiosk link: no one types a password on a wall
        b.go("#/kiosk/demo-wall-kiosk");
        b.waitFor(By.cssSelector("#wall-projects tr[data-light='red']"));
        assertThat(b.driver.getCurrentUrl()).as("the key leaves the address bar").endsWith("/#/wall").doesNotContain("kiosk");
        assertThat(b.script("return document.getElementById('who').textContent")).isEqualTo("调度室大屏");
        // its session gone (expired, or the server restarted with a fresh store), it logs itself in again
        b.driver.manage().deleteAllCookies();
        b.driver.navigate().refresh();
        b.waitFor(By.cssSelector("#wall-projects tr[data-light='red']"));
        assertThat(b.script("return document.getElementById('who').textContent")).isEqualTo("调度室大屏");
      } else {
        b.login("demo-leader").go("#/wall");
      }
      b.waitFor(By.cssSelector("#wall-projects tr[data-light='red']"));
      b.waitForText(By.id("wall-updated"), english ? "Data updated" : "数据更新于");
      assertThat(b.text(By.id("wall-clock"))).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
      if (!english) assertThat(b.text(By.id("wall-new-signed"))).contains("亿元").contains("新签约");
      // as many whole rows as there is room for, the rest counted below them; nothing cut
      var fit = (java.util.Map<?, ?>) b.script("""
          const room = document.querySelector('.wall-rows').getBoundingClientRect().bottom;
          const rows = [...document.querySelectorAll('#wall-projects tr')].filter(r => !r.hidden);
          const more = document.getElementById('wall-more');
          return { shown: rows.length, cut: rows.filter(r => r.getBoundingClientRect().bottom > room + 0.5).length,
            more: more.hidden ? 0 : Number(more.textContent.match(/\\d+/)[0]),
            lights: [...document.querySelectorAll('#wall-lights strong')].reduce((n, s) => n + Number(s.textContent), 0),
            clipped: [...document.querySelectorAll('.wall th, .wall td, .wall-value, .wall-words, .wall-sub, .wall-spot div')]
              .filter(el => el.offsetParent && el.scrollWidth > el.clientWidth + 1).map(el => el.textContent),
            overflowing: [...document.querySelectorAll('.wall-panel')].filter(p => p.scrollHeight > p.clientHeight + 1).map(p => p.querySelector('h2').textContent),
            bodyPx: parseFloat(getComputedStyle(document.querySelector('#wall-projects td')).fontSize) };""");
      assertThat(((Number) fit.get("shown")).intValue()).as("rows shown at %d", size[0]).isGreaterThanOrEqualTo(size[0] == 1366 ? 4 : 6);
      assertThat(((Number) fit.get("cut")).intValue()).as("rows cut at %d", size[0]).isZero();
      assertThat(((Number) fit.get("shown")).intValue() + ((Number) fit.get("more")).intValue())
          .as("rows shown and 'N more' together are every project at %d", size[0]).isEqualTo(((Number) fit.get("lights")).intValue());
      assertThat((List<?>) fit.get("clipped")).as("words cut off at %d", size[0]).isEmpty();
      assertThat((List<?>) fit.get("overflowing")).as("panels whose content runs past their bottom at %d", size[0]).isEmpty();
      if (size[0] == 1920) assertThat(((Number) fit.get("bodyPx")).doubleValue()).as("body text at 1920, px").isGreaterThanOrEqualTo(24);
      // the first rows are the red ones
      assertThat(b.driver.findElement(By.cssSelector("#wall-projects tr")).getAttribute("data-light")).isEqualTo("red");
      long across = (Long) b.script("return document.documentElement.scrollWidth - window.innerWidth");
      long down = (Long) b.script("return document.documentElement.scrollHeight - window.innerHeight");
      assertThat(across).as("no sideways scrolling at %d", size[0]).isLessThanOrEqualTo(0);
      assertThat(down).as("no scrolling down at %d", size[0]).isLessThanOrEqualTo(0);
      b.screenshot("wall-" + size[0]);
      if (size[0] == 1920) {
        long reds = (Long) b.script("return document.querySelectorAll('#wall-projects tr[data-light=red]').length");
        if (reds > 1) {
          // read in one step each time: the spotlight is drawn anew as it turns
          b.waitFor(By.cssSelector("#wall-spotlight .wall-spot"));
          var spot = "return document.querySelector('#wall-spotlight .wall-spot')?.dataset.project";
          var first = (String) b.script(spot);
          b.until(java.time.Duration.ofSeconds(25), d -> {
            var now = (String) b.script(spot);
            return now != null && !now.equals(first);
          });
        }
      }
      assertThat(b.scriptErrors()).isEmpty();
    }
  }

  @Test
  @DisplayName("the login page is light: compressed, without the chart and graph libraries, under 200 KB transferred")
  void loginIsLight() {
    try (var b = Browser.open(port, 390, 844)) {
      b.go("");
      b.waitFor(By.id("login-submit"));
      b.waitFor(By.id("login-demo"));
      long bytes = (Long) b.script("""
          return Math.round(performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
            .reduce((n, e) => n + e.transferSize, 0));""");
      @SuppressWarnings("unchecked")
      var names = (java.util.List<String>) b.script("return performance.getEntriesByType('resource').map(e => e.name)");
      System.out.printf("login page: %d bytes transferred in %d requests%n", bytes, names.size() + 1);
      assertThat(names).noneMatch(n -> n.contains("echarts") || n.contains("cytoscape"));
      assertThat(bytes).isPositive().isLessThan(200_000);
      var encoding = TestServer.api().with("Accept-Encoding", "gzip").get("/app/i18n.js").header("Content-Encoding");
      assertThat(encoding).isEqualTo("gzip");
      b.screenshot("login-390");
    }
  }

  @Test
  @DisplayName("every page, at a wall screen's and a phone's width and in both languages, renders without console errors or sideways"
      + " scrolling, with no critical or serious WCAG 2.1 AA problem axe-core can find and on a phone no control under 44 px; the battle map shows the article's figures")
  void everyPage() throws Exception {
    var problems = new java.util.concurrent.ConcurrentSkipListMap<String, List<String>>();
    // the four sights two at a time: a browser mostly waits on the server, and the suite's time is shared
    var sights = new ArrayList<Runnable>();
    for (var lang : List.of("zh-CN", "en")) {
      for (var size : new int[][] {{1920, 1080}, {390, 844}}) sights.add(() -> everyPage(lang, size, problems));
    }
    sideBySide(2, sights);
    assertThat(problems).as("axe-core's critical and serious findings, by page").isEmpty();
  }

  private void everyPage(String lang, int[] size, java.util.Map<String, List<String>> problems) {
    try (var b = Browser.open(port, size[0], size[1])) {
      var suffix = "-" + size[0] + ("en".equals(lang) ? "-en" : "");
      b.go("").script("localStorage.setItem('liandong.lang', arguments[0])", lang);
      // a page as a person meets it: looked at, then checked by axe-core
      java.util.function.Consumer<String> look = name -> {
        b.screenshot(name + suffix);
        var found = new ArrayList<>(b.accessibilityProblems());
        // on a phone every control is a thumb's target: 44 px at least (WCAG 2.5.5)
        if (size[0] < 500) b.smallTapTargets().forEach(small -> found.add("tap target under 44 px: " + small));
        if (!found.isEmpty()) problems.put(name + suffix, found);
      };
      look.accept("login");
      b.login("demo-coordinator").go("#/battle");
      b.waitFor(By.cssSelector("#chart-stages canvas"));
      b.waitFor(By.cssSelector("#project-lights tr[data-light='red']"));
      var year = b.driver.findElement(By.id("kpi-year"));
      year.clear();
      year.sendKeys("2023\n");
      b.waitFor(By.xpath("//*[@id='kpi-start-rate']//*[text()='83.3%']"));
      b.waitFor(By.xpath("//*[@id='kpi-new-signed']//*[text()='10 · 71.5']"));
      look.accept("battle-map");
      b.go("#/project/p-hadian");
      b.waitFor(By.cssSelector("#timeline svg rect[data-obligation='hd-f5']"));
      look.accept("project");
      b.go("#/project/p-n8");
      b.waitFor(By.cssSelector("#schedule tr[data-critical='true']"));
      b.click(By.xpath("//select[@id='impact-obligation']/parent::form//button[@type='submit']"));
      b.waitFor(By.cssSelector("#impact-result h3"));
      look.accept("project-schedule");
      b.go("#/inbox/d-zj-housing");
      b.waitFor(By.cssSelector("#inbox-list tr[data-obligation]"));
      look.accept("inbox");
      b.go("#/meetings");
      b.waitFor(By.cssSelector("tr[data-meeting='m-hadian-0615']"));
      look.accept("meetings");
      b.go("#/meeting/m-hadian-0615");
      b.waitFor(By.id("minutes"));
      look.accept("meeting-closed");
      b.go("#/graph");
      b.waitFor(By.cssSelector("#cy canvas"));
      look.accept("graph");
      b.go("#/projects");
      b.waitFor(By.cssSelector("#project-list tr[data-project='p-hadian']"));
      look.accept("projects");
      b.go("#/imports");
      b.waitFor(By.id("import-file"));
      look.accept("imports");
      b.go("#/templates");
      b.waitFor(By.cssSelector("#template-list table"));
      look.accept("templates");
      b.go("#/notices");
      b.waitFor(By.cssSelector("#notice-list li, #notice-empty"));
      look.accept("notices");
      b.go("#/me");
      b.waitFor(By.id("me-form"));
      look.accept("me");
      assertThat(b.scriptErrors()).as("console errors").isEmpty();
      long overflow = (Long) b.script("return document.documentElement.scrollWidth - window.innerWidth");
      assertThat(overflow).as("no horizontal scrolling").isLessThanOrEqualTo(0);
      b.logout().login("demo-analyst").go("#/console");
      b.waitFor(By.id("run"));
      b.waitFor(By.cssSelector("#console-schema li"));
      look.accept("console");
      b.logout().login("demo-admin").go("#/admin");
      b.waitFor(By.cssSelector("#user-rows tr[data-user='demo-officer']"));
      b.waitFor(By.cssSelector("#department-rows tr[data-department='d-zj-housing']"));
      look.accept("admin");
      b.go("#/outbox");
      b.waitFor(By.cssSelector("#outbox-counts:not(:empty)"));
      look.accept("outbox");
      b.logout().login("demo-leader").go("#/leader");
      b.waitFor(By.cssSelector("#leader-projects section[data-project='p-hadian']"));
      look.accept("leader");
      b.click(By.id("leader-brief"));
      b.waitFor(By.cssSelector("#brief table"));
      look.accept("brief");
      b.go("#/wall");
      b.waitFor(By.cssSelector("#wall-projects tr"));
      look.accept("wall");
      assertThat(b.scriptErrors()).as("console errors").isEmpty();
    }
  }
}
