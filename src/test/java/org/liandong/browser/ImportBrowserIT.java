package org.liandong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.Api;
import org.liandong.TestServer;
import org.openqa.selenium.By;

@DisplayName("Excel in the browser: the coordinator uploads the template, reads the dry run, commits, and the battle map shows the projects live")
class ImportBrowserIT {
  static int port;
  static Api coordinator;

  @BeforeAll
  static void server() {
    port = TestServer.get().port();
    coordinator = TestServer.api().as("demo-coordinator");
  }

  /** The template as downloaded, its example codes replaced by fresh ones (as a coordinator fills it in). */
  private static byte[] filledTemplate(String first, String second) throws Exception {
    var template = coordinator.download("/api/imports/template").body();
    try (var book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
      var projects = book.getSheetAt(0);
      var old = projects.getRow(1).getCell(0).getStringCellValue();
      for (var sheet : book) {
        for (var row : sheet) {
          if (row.getRowNum() == 0 || row.getCell(0) == null) continue;
          var text = row.getCell(0).getStringCellValue();
          var code = text.equals(old) ? first : text.startsWith("MB-") ? second : null;
          if (code != null) org.liandong.sheets.Books.set(row, 0, code);
        }
      }
      org.liandong.sheets.Books.outOfTheDemoYear(book);
      var out = new ByteArrayOutputStream();
      book.write(out);
      return out.toByteArray();
    }
  }

  @Test
  @DisplayName("upload at 1920 and 390 px: mistakes listed row by row, the template's projects checked, committed, and on the battle map without reload")
  void uploadTheTemplate() throws Exception {
    var first = "UI-" + UUID.randomUUID().toString().substring(0, 8);
    var second = "UI-" + UUID.randomUUID().toString().substring(0, 8);
    var file = Files.createTempFile("liandong-import-", ".xlsx");
    Files.write(file, filledTemplate(first, second));
    var broken = Files.createTempFile("liandong-broken-", ".xlsx");
    try (var book = new XSSFWorkbook()) {
      var sheet = book.createSheet("项目清单");
      var headers = java.util.List.of("项目编号", "项目名称", "建设单位", "总投资（亿元）", "阶段", "级别", "签约日期");
      var head = sheet.createRow(0);
      for (int i = 0; i < headers.size(); i++) head.createCell(i).setCellValue(headers.get(i));
      var values = java.util.List.of("UI-BAD-1", "坏行", "某公司", "很多", "签约", "区级", "2026-02-30");
      var row = sheet.createRow(1);
      for (int i = 0; i < values.size(); i++) row.createCell(i).setCellValue(values.get(i));
      try (var out = Files.newOutputStream(broken)) {
        book.write(out);
      }
    }
    try (var office = Browser.open(port, 1920, 1080); var wall = Browser.open(port, 1920, 1080)) {
      wall.login("demo-leader").go("#/battle");
      wall.waitFor(By.cssSelector("#project-lights tr[data-project]"));
      office.login("demo-coordinator").go("#/imports");
      office.waitFor(By.id("import-template"));
      assertThat(office.driver.findElement(By.id("import-template")).getAttribute("href")).endsWith("/api/imports/template");

      // a sheet with two mistakes in one row: both listed, in Chinese, with their cells
      office.driver.findElement(By.id("import-file")).sendKeys(broken.toString());
      office.click(By.id("import-check"));
      office.waitFor(By.id("import-problems"));
      var problems = office.until(Duration.ofSeconds(15), d -> d.findElements(By.cssSelector("tr.import-problem")));
      assertThat(problems).hasSize(2);
      assertThat(office.text(By.id("import-result"))).contains("D2").contains("G2").contains("不是存在的日期");
      office.screenshot("import-problems-1920");

      office.driver.findElement(By.id("import-file")).clear();
      office.driver.findElement(By.id("import-file")).sendKeys(file.toString());
      office.click(By.id("import-check"));
      assertThat(office.text(By.id("import-summary"))).contains("新增 2");
      assertThat(office.driver.findElements(By.cssSelector("tr.import-change.action-create"))).hasSize(4);
      office.screenshot("import-checked-1920");
      assertThat(coordinator.get("/api/projects").array().stream().noneMatch(p -> first.equals(((JsonObject) p).getString("code"))))
          .as("nothing is written before the coordinator confirms").isTrue();
      office.click(By.id("import-commit"));
      office.waitFor(By.id("import-done"));
      assertThat(office.text(By.id("import-done"))).contains("新增 2");
      office.screenshot("import-done-1920");

      var created = coordinator.get("/api/projects").array().stream().map(JsonObject.class::cast)
          .filter(p -> first.equals(p.getString("code")) || second.equals(p.getString("code"))).map(p -> p.getString("id")).toList();
      assertThat(created).hasSize(2);
      for (var id : created) wall.waitFor(By.cssSelector("#project-lights tr[data-project='" + id + "']"));
      wall.screenshot("import-battle-map-live-1920");
      assertThat(office.scriptErrors()).isEmpty();
      assertThat(wall.scriptErrors()).isEmpty();
    }

    // on a phone, in English: the page fits, its controls are big enough, the same file checks as unchanged
    try (var phone = Browser.open(port, 390, 844)) {
      phone.login("demo-coordinator").go("#/imports");
      phone.waitFor(By.id("import-file"));
      if (!"en".equals(phone.script("return localStorage.getItem('liandong.lang')"))) {
        phone.click(By.id("lang"));
        phone.waitFor(By.id("import-file"));
      }
      assertThat(phone.text(By.id("import-check"))).isEqualTo("Check");
      phone.driver.findElement(By.id("import-file")).sendKeys(file.toString());
      phone.click(By.id("import-check"));
      assertThat(phone.text(By.id("import-summary"))).contains("nothing to import");
      assertThat(phone.smallTapTargets()).isEmpty();
      long overflow = (Long) phone.script("return document.documentElement.scrollWidth - window.innerWidth");
      assertThat(overflow).isLessThanOrEqualTo(0);
      phone.screenshot("import-phone-en-390");
      phone.click(By.id("lang"));
      phone.waitFor(By.id("import-file"));
      phone.screenshot("import-phone-zh-390");
      assertThat(phone.smallTapTargets()).isEmpty();
      assertThat(phone.scriptErrors()).isEmpty();
    }
  }
}
