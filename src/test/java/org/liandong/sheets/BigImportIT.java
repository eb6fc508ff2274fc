package org.liandong.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.UUID;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.Api;
import org.liandong.Server;
import org.liandong.TestServer;
import org.liandong.live.LiveClient;

/** On a server of its own: thousands of imported projects would crowd the shared server's lists for every other test. */
@DisplayName("Large imports: 20,000 rows in one transaction within the heap, progress over the socket, a cancel")
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
  @DisplayName("20,000 rows: checked, committed all at once, every project there; what the import keeps (the old generation's peak) stays well under the heap's limit")
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
    // what the import keeps is what survives young collections: the old generation's peak. (The young
    // pools' peaks say little: G1 lets eden grow into whatever heap is free, and the pools peak at different times.)
    var heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .filter(p -> p.getName().contains("Old") || p.getName().contains("Tenured")).toList();
    assertThat(heap).as("the heap's old generation, by its pool's name").isNotEmpty();
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
    System.out.printf("[import] %,d bytes, 20,000 rows checked and committed in %d s; old generation's peak %,d MB of a %,d MB heap%n",
        file.length, seconds, peak >> 20, max >> 20);
    assertThat(coordinator.get("/api/projects").array().size()).isEqualTo(before + 20_000);
    // this JVM also runs the server's embedded Neo4j: the import must leave most of the heap alone
    assertThat(peak).isLessThan(max * 9 / 10);
  }

  @Test
  @DisplayName("an import's progress reaches the coordinator's socket (read, validated, checked), and a cancelled upload writes nothing")
  void progressAndCancel() {
    var rows = new Books().sheet("项目清单", Books.PROJECT_HEADERS);
    var codes = new ArrayList<String>();
    for (int i = 0; i < 2500; i++) {
      var code = "PG-" + UUID.randomUUID().toString().substring(0, 8);
      codes.add(code);
      rows.row(code, "进度测试" + i, "某公司", 0.5, null, "签约", "区级", "否", LocalDate.of(2026, 3, 1), null, null, null);
    }
    var file = rows.bytes();
    try (var socket = LiveClient.connect(coordinator.port(), coordinator.token())) {
      var upload = "t-" + UUID.randomUUID().toString().substring(0, 8);
      var dry = coordinator.upload("/api/imports?upload=" + upload, file);
      assertThat(dry.status()).as(dry.toString()).isEqualTo(200);
      var reading = socket.next(m -> "import.progress".equals(m.getString("type")) && upload.equals(m.getString("upload"))
          && "reading".equals(m.getString("phase")));
      assertThat(reading.getInteger("done")).isPositive();
      socket.next(m -> upload.equals(m.getString("upload")) && "validated".equals(m.getString("phase")) && m.getInteger("done") == 2500);
      socket.next(m -> upload.equals(m.getString("upload")) && "checked".equals(m.getString("phase")));

    }
    // cancelled by the page while the upload is on its way: the commit stops before writing
    var before = coordinator.get("/api/projects").array().size();
    var dry = coordinator.upload("/api/imports", file).json();
    var upload = "c-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(coordinator.delete("/api/uploads/" + upload).status()).isEqualTo(204);
    var refused = coordinator.upload("/api/imports/" + dry.getString("id") + "/commit?upload=" + upload, file);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.json().getString("messageZh")).contains("已取消");
    assertThat(coordinator.get("/api/projects").array().size()).isEqualTo(before);
    assertThat(coordinator.get("/api/projects").array().stream().noneMatch(p -> codes.get(0).equals(((JsonObject) p).getString("code")))).isTrue();
    // the dry run is still there: committed without the cancel, everything is written
    var written = coordinator.upload("/api/imports/" + dry.getString("id") + "/commit", file);
    assertThat(written.status()).as(written.toString()).isEqualTo(200);
    assertThat(coordinator.get("/api/projects").array().size()).isEqualTo(before + 2500);
  }
}
