package org.liandong.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.Api;
import org.liandong.TestServer;

@DisplayName("Excel in and out: the template, a dry run that lists every problem, a commit all or nothing, updates by code, bad files")
class ImportIT {
  static Api coordinator;
  static Api officer;

  @BeforeAll
  static void logIn() {
    coordinator = TestServer.api().as("demo-coordinator");
    officer = TestServer.api().as("demo-officer");
  }

  static String code() {
    return "IM-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static int projects() {
    return coordinator.get("/api/projects").array().size();
  }

  static JsonObject byCode(String code) {
    return coordinator.get("/api/projects").array().stream().map(JsonObject.class::cast)
        .filter(p -> code.equals(p.getString("code"))).findFirst().orElse(null);
  }

  /** Dry run, then commit; the commit's answer. */
  static JsonObject importing(byte[] file) {
    var dry = coordinator.upload("/api/imports", file);
    assertThat(dry.status()).as(dry.toString()).isEqualTo(200);
    var commit = coordinator.upload("/api/imports/" + dry.json().getString("id") + "/commit", file);
    assertThat(commit.status()).as(commit.toString()).isEqualTo(200);
    return commit.json();
  }

  @Test
  @DisplayName("the template downloads with its headers and examples; filled in, it imports; an exported battle map imports again with no changes")
  void templateAndRoundTrip() throws Exception {
    var download = coordinator.download("/api/imports/template");
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
    byte[] filled;
    String first;
    String second;
    try (var book = Books.open(download.body())) {
      var projects = book.getSheet("项目清单");
      assertThat(Books.text(projects.getRow(0).getCell(0))).isEqualTo("项目编号");
      assertThat(projects.getPaneInformation().isFreezePane()).isTrue();
      assertThat(book.getSheet("事项清单")).isNotNull();
      assertThat(book.getSheet("填写说明")).isNotNull();
      // the coordinator's own codes in place of the examples'
      first = code();
      second = code();
      var oldFirst = Books.text(projects.getRow(1).getCell(0));
      replace(projects.getRow(1), first);
      replace(projects.getRow(2), second);
      var obligations = book.getSheet("事项清单");
      for (int r = 1; r <= obligations.getLastRowNum(); r++) {
        assertThat(Books.text(obligations.getRow(r).getCell(0))).isEqualTo(oldFirst);
        replace(obligations.getRow(r), first);
      }
      Books.outOfTheDemoYear(book);
      var out = new ByteArrayOutputStream();
      book.write(out);
      filled = out.toByteArray();
    }
    var before = projects();
    var dry = coordinator.upload("/api/imports", filled);
    assertThat(dry.status()).as(dry.toString()).isEqualTo(200);
    assertThat(dry.json().getJsonObject("summary").getJsonObject("projects").getInteger("create")).isEqualTo(2);
    assertThat(dry.json().getJsonObject("summary").getJsonObject("obligations").getInteger("create")).isEqualTo(2);
    assertThat(projects()).as("a dry run writes nothing").isEqualTo(before);
    var commit = coordinator.upload("/api/imports/" + dry.json().getString("id") + "/commit", filled);
    assertThat(commit.status()).as(commit.toString()).isEqualTo(200);
    assertThat(projects()).isEqualTo(before + 2);
    var logistics = byCode(second);
    assertThat(logistics).as(commit.toString()).isNotNull();
    assertThat(logistics.getDouble("investmentYi")).as("5000万元").isEqualTo(0.5);
    assertThat(logistics.getDouble("landMu")).as("120亩").isEqualTo(120.0);
    assertThat(logistics.getString("signedOn")).as("a date as text").isEqualTo("2030-04-15");
    assertThat(logistics.getString("stage")).isEqualTo("filed");
    var battery = byCode(first);
    assertThat(battery.getJsonArray("champions")).hasSize(1);
    var work = coordinator.get("/api/obligations?project=" + battery.getString("id") + "&limit=10").json().getJsonArray("items");
    assertThat(work).hasSize(2);
    var listing = work.stream().map(JsonObject.class::cast).filter(o -> !o.getJsonArray("dependsOn").isEmpty()).findFirst().orElseThrow();
    assertThat(listing.getString("track")).isEqualTo("land");
    // the commit is spent: the same id again is not found
    assertThat(coordinator.upload("/api/imports/" + dry.json().getString("id") + "/commit", filled).status()).isEqualTo(404);
    // the same sheet again: every row is unchanged
    var again = coordinator.upload("/api/imports", filled).json().getJsonObject("summary");
    assertThat(again.getJsonObject("projects").getInteger("unchanged")).isEqualTo(2);
    assertThat(again.getJsonObject("obligations").getInteger("unchanged")).isEqualTo(2);

    // the battle map as a workbook: frozen Chinese headers, dates as dates, numbers as numbers; imported back, nothing changes
    var exported = coordinator.download("/api/exports/projects");
    assertThat(exported.statusCode()).isEqualTo(200);
    try (var book = Books.open(exported.body())) {
      var sheet = book.getSheetAt(0);
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      assertThat(Books.text(sheet.getRow(0).getCell(1))).isEqualTo("项目名称");
      var row = java.util.stream.IntStream.rangeClosed(1, sheet.getLastRowNum()).mapToObj(sheet::getRow)
          .filter(r -> second.equals(Books.text(r.getCell(0)))).findFirst().orElseThrow();
      assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(0.5);
      assertThat(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(row.getCell(8))).isTrue();
      assertThat(sheet.getColumnWidth(1)).isGreaterThan(256 * 20);
      assertThat(book.getSheet("指标")).isNotNull();
    }
    var back = coordinator.upload("/api/imports", exported.body());
    assertThat(back.status()).as(back.toString()).isEqualTo(200);
    var summary = back.json().getJsonObject("summary").getJsonObject("projects");
    assertThat(summary.getInteger("create")).isZero();
    assertThat(summary.getInteger("update")).as(back.json().getJsonArray("changes").encodePrettily()).isZero();
    assertThat(summary.getInteger("unchanged")).isEqualTo(before + 2);
  }

  @Test
  @DisplayName("one mistake in each of ten rows: ten problems, each with its row and cell, in both languages, and nothing written")
  void tenMistakes() {
    var ok = code();
    var duplicate = code();
    var book = new Books().sheet("项目清单", Books.PROJECT_HEADERS)
        .row(ok, "无误的项目", "某公司", 3, null, "签约", "区级", "是", LocalDate.of(2026, 3, 1), null, null, null)
        .row(duplicate, "项目甲", "某公司", 3, null, "签约", "区级", "是", "2026-02-30", null, null, null)        // no 30 February
        .row(code(), "项目乙", "某公司", 3, null, "规划中", "区级", "是", "2026-03-01", null, null, null)          // no such stage
        .row(code(), "项目丙", "某公司", -2, null, "签约", "区级", "是", "2026-03-01", null, null, null)             // negative investment
        .row(code(), "项目丁", "某公司", "很多", null, "签约", "区级", "是", "2026-03-01", null, null, null)         // not a number
        .row("中文编号", "项目戊", "某公司", 3, null, "签约", "区级", "是", "2026-03-01", null, null, null)           // not a code
        .row(code(), null, "某公司", 3, null, "签约", "区级", "是", "2026-03-01", null, null, null)                  // no name
        .row(code(), "项目己", "某公司", 3, null, "签约", "区级", "是", "2026-03-01", null, null, "查无此人")           // unknown leader
        .sheet("事项清单", Books.OBLIGATION_HEADERS)
        .row(ok, "土地勘测", "土地", "不存在的局", 5, "2026-05-01", null)                                              // unknown department
        .row(ok, "土地出让", "土地", "江苏省自然资源厅", 5, "2026-06-01", "没有这个事项")                                // unknown prerequisite
        .row(ok, "规划许可", "证照", "江苏省自然资源厅", 5, "2026-06-01", "规划许可");                                   // depends on itself
    var before = projects();
    var dry = coordinator.upload("/api/imports", book.bytes());
    assertThat(dry.status()).as(dry.toString()).isEqualTo(422);
    var problems = dry.json().getJsonArray("problems").stream().map(JsonObject.class::cast).toList();
    assertThat(problems).as(dry.json().encodePrettily()).hasSize(10);
    var rows = new HashSet<String>();
    problems.forEach(p -> rows.add(p.getString("sheet") + p.getInteger("row")));
    assertThat(rows).as("one problem per row").hasSize(10);
    assertThat(problems).allSatisfy(p -> {
      assertThat(p.getString("message")).isNotBlank();
      assertThat(p.getString("messageZh")).isNotBlank();
    });
    assertThat(problems.get(0).getString("sheet")).isIn("项目清单", "事项清单");
    var february = problems.stream().filter(p -> p.getInteger("row") == 3 && "项目清单".equals(p.getString("sheet"))).findFirst().orElseThrow();
    assertThat(february.getString("cell")).isEqualTo("I3");
    assertThat(february.getString("messageZh")).contains("不是存在的日期");
    assertThat(dry.json().getString("messageZh")).contains("10");
    assertThat(projects()).isEqualTo(before);
    assertThat(byCode(ok)).isNull();
  }

  @Test
  @DisplayName("a champion by short name (张区长) is found; a project row with a problem is named as the cause of its obligations' rows;"
      + " the template as downloaded proposes nothing")
  void namesCausesAndExamples() {
    var shortName = code();
    var broken = code();
    var book = new Books().sheet("项目清单", Books.PROJECT_HEADERS)
        .row(shortName, "简称挂钩领导", "某公司", 3, null, "签约", "区级", "是", LocalDate.of(2026, 3, 1), null, null, "张区长")
        .row(broken, "有误的项目", "某公司", 2, null, "签约", "区级", "是", LocalDate.of(2026, 3, 1), null, null, "查无此人")
        .sheet("事项清单", Books.OBLIGATION_HEADERS)
        .row(broken, "土地勘测", "土地", "江苏省自然资源厅", 5, "2026-05-01", null);
    var dry = coordinator.upload("/api/imports", book.bytes());
    assertThat(dry.status()).as(dry.toString()).isEqualTo(422);
    var problems = dry.json().getJsonArray("problems").stream().map(JsonObject.class::cast).toList();
    assertThat(problems).as("the short name is found: no problem on its row").noneMatch(p -> p.getString("messageZh").contains("张区长"));
    var obligationRow = problems.stream().filter(p -> "事项清单".equals(p.getString("sheet"))).findFirst()
        .orElseThrow(() -> new AssertionError("no problem on the obligation's row: " + problems));
    assertThat(obligationRow.getString("messageZh")).contains(broken).contains("第 3 行").doesNotContain("没有");
    assertThat(obligationRow.getString("message")).contains("row 3").contains("problems of its own");

    var template = coordinator.download("/api/imports/template").body();
    var asDownloaded = coordinator.upload("/api/imports", template);
    assertThat(asDownloaded.status()).as(asDownloaded.toString()).isEqualTo(200);
    var summary = asDownloaded.json().getJsonObject("summary");
    assertThat(asDownloaded.json().getJsonArray("changes")).as("the examples are not proposed: %s", summary).isEmpty();
  }

  @Test
  @DisplayName("re-importing updates by code and says what changed; a project changed since the dry run is reported, not overwritten")
  void updatesByCodeAndStaleVersions() {
    var code = code();
    importing(new Books().sheet("项目清单", Books.PROJECT_HEADERS)
        .row(code, "更新测试", "某公司", 10, 50, "签约", "区级", "否", LocalDate.of(2026, 3, 1), null, null, null).bytes());
    var created = byCode(code);
    assertThat(created.getBoolean("new")).isFalse();
    var changed = new Books().sheet("Projects", List.of("Code", "Name", "Company", "Investment (亿元)", "Stage", "Level", "Signed on", "Champions"))
        .row(code, "更新测试", "某公司", "12亿元", "Filed", "district", "2026-03-01", "demo-leader").bytes();
    var dry = coordinator.upload("/api/imports", changed);
    assertThat(dry.status()).as(dry.toString()).isEqualTo(200);
    var change = dry.json().getJsonArray("changes").getJsonObject(0);
    assertThat(change.getString("action")).isEqualTo("update");
    var fields = change.getJsonArray("fields").stream().map(f -> ((JsonObject) f).getString("field")).toList();
    assertThat(fields).containsExactlyInAnyOrder("investmentYi", "stage", "championIds");
    var commit = coordinator.upload("/api/imports/" + dry.json().getString("id") + "/commit", changed);
    assertThat(commit.status()).as(commit.toString()).isEqualTo(200);
    var updated = byCode(code);
    assertThat(updated.getString("id")).isEqualTo(created.getString("id"));
    assertThat(updated.getDouble("investmentYi")).isEqualTo(12.0);
    assertThat(updated.getLong("version")).isEqualTo(created.getLong("version") + 1);
    assertThat(updated.getDouble("landMu")).as("a column the sheet does not have is left alone").isEqualTo(50.0);
    assertThat(coordinator.get("/api/projects").array().stream().filter(p -> code.equals(((JsonObject) p).getString("code")))).hasSize(1);

    // someone changes the project between the dry run and the commit
    var third = new Books().sheet("项目清单", Books.PROJECT_HEADERS)
        .row(code, "更新测试", "某公司", 15, 50, "备案", "区级", "否", LocalDate.of(2026, 3, 1), null, null, "张区长（区领导）").bytes();
    var checked = coordinator.upload("/api/imports", third);
    assertThat(checked.status()).isEqualTo(200);
    var patched = coordinator.with("If-Match", "\"" + updated.getLong("version") + "\"")
        .patch("/api/projects/" + updated.getString("id"), new JsonObject().put("investmentYi", 13.0));
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    var stale = coordinator.upload("/api/imports/" + checked.json().getString("id") + "/commit", third);
    assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
    assertThat(stale.json().getJsonArray("problems")).contains(updated.getString("id"));
    assertThat(stale.json().getString("messageZh")).contains("已被修改");
    assertThat(byCode(code).getDouble("investmentYi")).as("the other person's change stands").isEqualTo(13.0);
    // an officer may not import at all
    assertThat(officer.upload("/api/imports", third).status()).isEqualTo(403);
  }

  @Test
  @DisplayName("a dry run committed twice at once is written once: the other commit is refused")
  void committedOnce() {
    var code = code();
    var file = new Books().sheet("项目清单", Books.PROJECT_HEADERS)
        .row(code, "只写一次", "某公司", 2, null, "签约", "区级", "是", LocalDate.of(2026, 3, 1), null, null, null).bytes();
    var dry = coordinator.upload("/api/imports", file).json().getString("id");
    var both = java.util.stream.IntStream.range(0, 2).parallel()
        .mapToObj(i -> coordinator.upload("/api/imports/" + dry + "/commit", file)).toList();
    var statuses = both.stream().map(Api.Response::status).sorted().toList();
    assertThat(statuses.get(0)).as(both.toString()).isEqualTo(200);
    assertThat(statuses.get(1)).as(both.toString()).isIn(404, 409);
    assertThat(coordinator.get("/api/projects").array().stream().filter(p -> code.equals(((JsonObject) p).getString("code")))).hasSize(1);
  }

  @Test
  @DisplayName("bad files: not a workbook, an old .xls, a password, damage, a zip bomb, too many rows, formulas, merged headers, hidden sheets; each a clear 4xx, nothing written")
  void badFiles() throws Exception {
    var before = projects();
    var good = new Books().sheet("项目清单", Books.PROJECT_HEADERS)
        .row(code(), "坏文件测试", "某公司", 3, null, "签约", "区级", "是", LocalDate.of(2026, 3, 1), null, null, null).bytes();

    refused("not a workbook", "名称,投资\n项目,3\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), 415, "不是 Excel 工作簿");
    var xls = new ByteArrayOutputStream();
    try (var old = new HSSFWorkbook()) {
      old.createSheet("项目清单").createRow(0).createCell(0).setCellValue("项目编号");
      old.write(xls);
    }
    refused("an .xls", xls.toByteArray(), 415, ".xls");
    refused("a password", encrypted(good), 400, "密码");
    refused("damaged", java.util.Arrays.copyOf(good, good.length / 2), 400, "已损坏");
    refused("a zip bomb", bomb(good), 413, "压缩炸弹");
    refused("empty", new byte[0], 400, "工作簿");

    var formulas = new Books().sheet("项目清单", Books.PROJECT_HEADERS)
        .row(code(), "公式测试", "某公司", null, null, "签约", "区级", "是", LocalDate.of(2026, 3, 1), null, null, null);
    formulas.current().getRow(1).createCell(3).setCellFormula("1+2");
    var f = refused("a formula", formulas.bytes(), 422, "公式");
    assertThat(f.getJsonArray("problems").getJsonObject(0).getString("cell")).isEqualTo("D2");

    var merged = new Books().sheet("项目清单", Books.PROJECT_HEADERS)
        .row(code(), "合并测试", "某公司", 3, null, "签约", "区级", "是", LocalDate.of(2026, 3, 1), null, null, null);
    merged.current().addMergedRegion(new CellRangeAddress(0, 0, 9, 10));
    refused("merged header cells", merged.bytes(), 422, "合并");

    var hidden = new Books().sheet("项目清单", Books.PROJECT_HEADERS)
        .row(code(), "隐藏测试", "某公司", 3, null, "签约", "区级", "是", LocalDate.of(2026, 3, 1), null, null, null)
        .sheet("备用", Books.PROJECT_HEADERS);
    hidden.book().setSheetHidden(1, true);
    refused("a hidden sheet", hidden.bytes(), 400, "隐藏");

    // 100,000 rows: more than LIANDONG_IMPORT_MAX_ROWS (50,000 by default), refused while reading
    var many = new ByteArrayOutputStream();
    try (var big = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100)) {
      var sheet = big.createSheet("项目清单");
      var header = sheet.createRow(0);
      for (int i = 0; i < Books.PROJECT_HEADERS.size(); i++) header.createCell(i).setCellValue(Books.PROJECT_HEADERS.get(i));
      for (int r = 1; r <= 100_000; r++) {
        var row = sheet.createRow(r);
        row.createCell(0).setCellValue("MANY-" + r);
        row.createCell(1).setCellValue("项目" + r);
      }
      big.write(many);
    }
    refused("100,000 rows", many.toByteArray(), 413, "50000 行");
    assertThat(projects()).isEqualTo(before);
  }

  private static void replace(org.apache.poi.ss.usermodel.Row row, String text) {
    Books.set(row, 0, text);
  }

  private static JsonObject refused(String what, byte[] file, int status, String words) {
    var answer = coordinator.upload("/api/imports", file);
    assertThat(answer.status()).as(what + ": " + answer).isEqualTo(status);
    var body = answer.json();
    var said = body.getString("messageZh") + " " + body.encode();
    assertThat(said).as(what).contains(words);
    assertThat(body.getString("message")).as(what + " in English").isNotBlank();
    return body;
  }

  /** The workbook behind a password (Excel's agile encryption). */
  private static byte[] encrypted(byte[] workbook) throws Exception {
    try (var fs = new POIFSFileSystem()) {
      var info = new EncryptionInfo(EncryptionMode.agile);
      var encryptor = info.getEncryptor();
      encryptor.confirmPassword("secret");
      try (var pkg = org.apache.poi.openxml4j.opc.OPCPackage.open(new java.io.ByteArrayInputStream(workbook));
           var out = encryptor.getDataStream(fs)) {
        pkg.save(out);
      }
      var bytes = new ByteArrayOutputStream();
      fs.writeFilesystem(bytes);
      return bytes.toByteArray();
    }
  }

  /** The workbook with its sheet padded by 60 MB of blanks: a few hundred kilobytes packed. */
  private static byte[] bomb(byte[] workbook) throws Exception {
    var out = new ByteArrayOutputStream();
    try (var in = new ZipInputStream(new java.io.ByteArrayInputStream(workbook)); var zip = new ZipOutputStream(out)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        var bytes = in.readAllBytes();
        zip.putNextEntry(new ZipEntry(e.getName()));
        if (e.getName().equals("xl/worksheets/sheet1.xml")) {
          var xml = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
          int at = xml.indexOf("<sheetData");
          zip.write(xml.substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
          var blanks = new byte[1024 * 1024];
          java.util.Arrays.fill(blanks, (byte) ' ');
          for (int i = 0; i < 60; i++) zip.write(blanks);
          zip.write(xml.substring(at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } else {
          zip.write(bytes);
        }
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
