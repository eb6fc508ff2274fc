package org.liandong.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.CellType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.Api;
import org.liandong.TestServer;

@DisplayName("Workbooks out: 绩效考核, 倒排序时, minutes, and user text that never becomes a formula")
class ExportIT {
  static Api coordinator;
  static Api leader;

  @BeforeAll
  static void logIn() {
    coordinator = TestServer.api().as("demo-coordinator");
    leader = TestServer.api().as("demo-leader");
  }

  @Test
  @DisplayName("绩效考核, a project's 倒排序时 with its critical path, a meeting's decisions: each a workbook with frozen headers, dates as dates, numbers as numbers")
  void workbooks() throws Exception {
    var scores = leader.download("/api/exports/departments?period=2023");
    assertThat(scores.statusCode()).isEqualTo(200);
    assertThat(scores.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains("filename*=UTF-8''");
    var kpis = leader.get("/api/kpis?period=2023").json();
    try (var book = Books.open(scores.body())) {
      var sheet = book.getSheet("绩效考核");
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      assertThat(Books.text(sheet.getRow(0).getCell(1))).isEqualTo("单位");
      assertThat(sheet.getLastRowNum()).isEqualTo(kpis.getJsonArray("departments").size());
      var top = kpis.getJsonArray("departments").stream().map(JsonObject.class::cast).filter(d -> Integer.valueOf(1).equals(d.getInteger("rank")))
          .findFirst().orElseThrow();
      assertThat(sheet.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(1.0);
      assertThat(Books.text(sheet.getRow(1).getCell(1))).isEqualTo(top.getString("name"));
      assertThat(sheet.getRow(1).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
    }
    var english = leader.download("/api/exports/departments?period=2023&lang=en");
    try (var book = Books.open(english.body())) {
      assertThat(Books.text(book.getSheetAt(0).getRow(0).getCell(1))).isEqualTo("Department");
    }

    var schedule = leader.get("/api/projects/p-hadian/schedule").json();
    var plan = leader.download("/api/exports/projects/p-hadian/schedule");
    assertThat(plan.statusCode()).isEqualTo(200);
    try (var book = Books.open(plan.body())) {
      var sheet = book.getSheet("倒排序时");
      assertThat(sheet.getLastRowNum()).isEqualTo(schedule.getJsonArray("items").size());
      var marked = IntStream.rangeClosed(1, sheet.getLastRowNum()).filter(r -> Books.text(sheet.getRow(r).getCell(0)).contains("★")).count();
      assertThat(marked).isEqualTo(schedule.getJsonArray("criticalPath").size()).isPositive();
      var dated = sheet.getRow(1).getCell(8);
      assertThat(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(dated)).isTrue();
    }
    assertThat(leader.download("/api/exports/projects/no-such-project/schedule").statusCode()).isEqualTo(404);

    var minutes = leader.get("/api/meetings/m-hadian-0615/minutes").json();
    var sheetOfMinutes = leader.download("/api/exports/meetings/m-hadian-0615/minutes");
    assertThat(sheetOfMinutes.statusCode()).isEqualTo(200);
    try (var book = Books.open(sheetOfMinutes.body())) {
      var sheet = book.getSheet("会议纪要");
      var decisions = new ArrayList<String>();
      for (int r = 1; r <= sheet.getLastRowNum(); r++) decisions.add(Books.text(sheet.getRow(r).getCell(2)));
      assertThat(decisions).containsAll(minutes.getJsonArray("decisions").stream().map(d -> ((JsonObject) d).getString("text")).toList());
      var created = minutes.getJsonArray("obligationsCreated").stream().map(o -> ((JsonObject) o).getString("title")).toList();
      var listed = new ArrayList<String>();
      for (int r = 1; r <= sheet.getLastRowNum(); r++) listed.add(Books.text(sheet.getRow(r).getCell(3)));
      assertThat(listed).containsAll(created);
    }
    assertThat(leader.download("/api/exports/meetings/no-such/minutes").statusCode()).isEqualTo(404);
    assertThat(leader.download("/api/exports/projects?period=2023-13").statusCode()).isEqualTo(400);
  }

  @Test
  @DisplayName("text a user typed that looks like a formula stays text in every export")
  void formulasStayText() throws Exception {
    var code = "EX-" + UUID.randomUUID().toString().substring(0, 8);
    var made = coordinator.post("/api/projects", new JsonObject().put("code", code).put("name", "=HYPERLINK(\"http://evil\",\"点我\")")
        .put("company", "+cmd|' /C calc'!A0").put("investmentYi", 1.0).put("stage", "signed").put("level", "district").put("signedOn", "2026-03-01"));
    assertThat(made.status()).as(made.toString()).isEqualTo(201);
    try (var book = Books.open(coordinator.download("/api/exports/projects").body())) {
      var sheet = book.getSheetAt(0);
      var row = IntStream.rangeClosed(1, sheet.getLastRowNum()).mapToObj(sheet::getRow)
          .filter(r -> code.equals(Books.text(r.getCell(0)))).findFirst().orElseThrow();
      for (int c : new int[] {1, 2}) {
        var cell = row.getCell(c);
        assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
        assertThat(cell.getCellStyle().getQuotePrefixed()).as("quote-prefixed: Excel shows it as text").isTrue();
      }
      assertThat(row.getCell(1).getStringCellValue()).startsWith("=HYPERLINK");
    }
  }
}
