package org.liandong;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.config.AppConfig;
import org.liandong.storage.Migrations;

@DisplayName("Starting, stopping and failing to start")
class LifecycleIT {

  @Test
  @DisplayName("a restart keeps the data, and the schema files are applied only once")
  void restartKeepsData() {
    var dir = TestServer.tempDir("liandong-restart-");
    String id;
    try (var first = Server.start(TestServer.config(dir))) {
      var coordinator = new Api(first.port()).as("demo-coordinator");
      var created = coordinator.post("/api/projects", new JsonObject().put("code", "RESTART-1").put("name", "重启测试项目")
          .put("company", "测试公司").put("investmentYi", 1.2).put("stage", "signed").put("level", "district")
          .put("signedOn", "2031-01-05"));
      assertThat(created.status()).isEqualTo(201);
      id = created.json().getString("id");
    }
    try (var second = Server.start(TestServer.config(dir))) {
      var read = new Api(second.port()).as("demo-analyst").get("/api/projects/" + id);
      assertThat(read.status()).isEqualTo(200);
      assertThat(read.json().getString("name")).isEqualTo("重启测试项目");
      assertThat(new Migrations(second.graph()).apply().await()).isZero();
      var recorded = second.graph().query("MATCH (m:__Migration) RETURN count(m) AS n", Map.of()).await();
      assertThat(recorded.get(0).get("n").asLong()).as("each schema file recorded once").isEqualTo(org.liandong.storage.MigrationsTest.files());
      var demoProjects = second.graph().query("MATCH (p:Project {id: 'p-hadian'}) RETURN count(p) AS n", Map.of()).await();
      assertThat(demoProjects.get(0).get("n").asLong()).as("the demo is loaded once, not again on restart").isEqualTo(1);
    }
  }

  @Test
  @DisplayName("without demo data the first start creates an admin with a one-time password and names no demo accounts; SIGTERM stops cleanly and keeps writes")
  void firstAdminAndSigterm() throws Exception {
    var dir = TestServer.tempDir("liandong-main-");
    var child = Child.start(Map.of("LIANDONG_DATA_DIR", dir.toString(), "LIANDONG_HTTP_PORT", "0"));
    try {
      var ready = child.await(Pattern.compile("ready at http://localhost:(\\d+)/"));
      var password = child.lines().stream().map(Pattern.compile("one-time password (\\S+)")::matcher)
          .filter(java.util.regex.Matcher::find).map(m -> m.group(1)).findFirst().orElseThrow();
      var admin = new Api(Integer.parseInt(ready)).as("admin", password);
      assertThat(new Api(Integer.parseInt(ready)).post("/api/session",
          new JsonObject().put("username", "demo-admin").put("password", "demo")).status()).isEqualTo(401);
      // and the login page is told not to name demo accounts that do not exist
      assertThat(new Api(Integer.parseInt(ready)).get("/api/session").json().getBoolean("demo")).isFalse();
      assertThat(TestServer.api().get("/api/session").json().getBoolean("demo")).isTrue();
      var created = admin.post("/api/departments", new JsonObject().put("name", "停机测试办").put("level", "district"));
      assertThat(created.status()).isEqualTo(201);

      long t0 = System.nanoTime();
      // SIGTERM through the handle: Process.destroy() would also close the pipe we read the log from
      child.process().toHandle().destroy();
      assertThat(child.process().waitFor(10, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
      System.out.printf("SIGTERM to exit: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
      assertThat(child.process().exitValue()).isEqualTo(143);
      child.reader().join(5_000);
      assertThat(String.join("\n", child.lines())).contains("stopped in").doesNotContain("Exception");

      try (var again = Server.start(AppConfig.from(Map.of("LIANDONG_DATA_DIR", dir.toString(), "LIANDONG_HTTP_PORT", "0")))) {
        var rows = again.graph().query("MATCH (d:Department {name: '停机测试办'}) RETURN count(d) AS n", Map.of()).await();
        assertThat(rows.get(0).get("n").asLong()).isEqualTo(1);
      }
    } finally {
      child.process().destroyForcibly();
    }
  }

  @Test
  @DisplayName("a taken HTTP port fails the start with one line saying how to fix it")
  void portTaken() throws Exception {
    try (var taken = new ServerSocket(0)) {
      var child = Child.start(Map.of("LIANDONG_DATA_DIR", TestServer.tempDir("liandong-port-").toString(),
          "LIANDONG_DEMO", "true", "LIANDONG_HTTP_PORT", String.valueOf(taken.getLocalPort())));
      assertThat(child.exitCode()).isEqualTo(1);
      assertThat(child.errorLine()).contains("port " + taken.getLocalPort()).contains("LIANDONG_HTTP_PORT");
    }
  }

  @Test
  @DisplayName("a data directory in use by a running server fails the start with one line")
  void dataDirLocked() throws Exception {
    var child = Child.start(Map.of("LIANDONG_DATA_DIR", TestServer.dataDir().toString(), "LIANDONG_HTTP_PORT", "0"));
    assertThat(child.exitCode()).isEqualTo(1);
    assertThat(child.errorLine()).contains("in use").contains("LIANDONG_DATA_DIR");
  }

  @Test
  @DisplayName("an unreachable external Neo4j fails the start with one line naming NEO4J_URI")
  void neo4jUnreachable() throws Exception {
    int closedPort;
    try (var s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    var child = Child.start(Map.of("NEO4J_URI", "bolt://127.0.0.1:" + closedPort, "LIANDONG_HTTP_PORT", "0",
        "LIANDONG_DATA_DIR", TestServer.tempDir("liandong-ext-").toString()));
    assertThat(child.exitCode()).isEqualTo(1);
    assertThat(child.errorLine()).contains("cannot reach Neo4j").contains("NEO4J_URI");
    assertThat(child.lines()).noneMatch(l -> l.contains("embedded Neo4j ready"));
  }
}
