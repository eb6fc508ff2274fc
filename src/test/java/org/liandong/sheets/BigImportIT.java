package org.liandong.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.Api;
import org.liandong.Server;
import org.liandong.TestServer;

/** On a server of its own: twenty thousand projects would crowd the shared server's lists for every other test. */
@DisplayName("A 20,000-row project list imports in one transaction, read streaming within the heap it is given")
class BigImportIT {
  static Server server;
  static Api coordinator;

  @BeforeAll
  static void start() {
    server = Server.start(TestServer.config(TestServer.tempDir("liandong-big-import-")));
    coordinator = new Api(server.port()).as("demo-coordinator");
  }

  @AfterAll
  static void stop() {
    if (server != null) server.close();
  }

  @Test
  @DisplayName("20,000 rows: checked, committed all at once, every project there; the heap's peak stays well under its limit")
  void twentyThousandRows() throws Exception {
    var out = new ByteArrayOutputStream();
    try (var book = new SXSSFWorkbook(100)) {
      var sheet = book.createSheet("项目清单");
      var headers = Books.PROJECT_HEADERS;
      var head = sheet.createRow(0);
      for (int i = 0; i < headers.size(); i++) head.createCell(i).setCellValue(headers.get(i));
      for (int r = 1; r <= 20_000; r++) {
        var row = sheet.createRow(r);
        row.createCell(0).setCellValue("BIG-" + r);
        row.createCell(1).setCellValue("批量导入项目 " + r);
        row.createCell(2).setCellValue("批量公司 " + (r % 300));
        row.createCell(3).setCellValue(1 + r % 50);
        row.createCell(4).setCellValue((r % 200) + "亩");
        row.createCell(5).setCellValue(r % 3 == 0 ? "备案" : "签约");
        row.createCell(6).setCellValue("区级");
        row.createCell(7).setCellValue(r % 2 == 0 ? "是" : "否");
        row.createCell(8).setCellValue("2026-0" + (1 + r % 9) + "-1" + (r % 9));
      }
      book.write(out);
    }
    var file = out.toByteArray();
    var before = coordinator.get("/api/projects").array().size();
    var heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    heap.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
    long started = System.nanoTime();
    var dry = coordinator.upload("/api/imports", file);
    assertThat(dry.status()).as(dry.body().substring(0, Math.min(500, dry.body().length()))).isEqualTo(200);
    assertThat(dry.json().getJsonObject("summary").getJsonObject("projects").getInteger("create")).isEqualTo(20_000);
    assertThat(dry.json().getJsonArray("changes")).hasSize(ImportPlan.LISTED);
    var commit = coordinator.upload("/api/imports/" + dry.json().getString("id") + "/commit", file);
    assertThat(commit.status()).as(commit.body().substring(0, Math.min(500, commit.body().length()))).isEqualTo(200);
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    long max = Runtime.getRuntime().maxMemory();
    System.out.printf("[import] %,d bytes, 20,000 rows checked and committed in %d s; heap peak %,d MB of %,d MB%n",
        file.length, seconds, peak >> 20, max >> 20);
    assertThat(coordinator.get("/api/projects").array().size()).isEqualTo(before + 20_000);
    // this JVM also runs the server's embedded Neo4j: the import must leave most of the heap alone
    assertThat(peak).isLessThan(max * 9 / 10);
  }
}
