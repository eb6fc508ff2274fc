package org.liandong;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.config.AppConfig;

@DisplayName("When the database is gone")
class OutageIT {

  @Test
  @DisplayName("with Neo4j stopped under a running server: 503 with Retry-After within a second, readiness DOWN, no exception text")
  void neo4jStops() {
    var env = new HashMap<String, String>();
    env.put("LIANDONG_HTTP_PORT", "0");
    env.put("LIANDONG_HTTP_HOST", "127.0.0.1");
    env.put("LIANDONG_DATA_DIR", TestServer.tempDir("liandong-outage-").toString());
    env.put("LIANDONG_ADMIN_PASSWORD", "outage-admin-1");
    try (var server = Server.start(AppConfig.from(env))) {
      var admin = new Api(server.port()).as("admin", "outage-admin-1");
      assertThat(admin.get("/api/projects").status()).isEqualTo(200);

      server.embedded().close();

      for (var path : java.util.List.of("/api/projects", "/api/obligations", "/api/kpis")) {
        long t0 = System.nanoTime();
        var r = admin.get(path);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(503);
        assertThat(ms).as(path + " answered in " + ms + " ms").isLessThan(1000);
        assertThat(r.header("Retry-After")).isNotBlank();
        assertThat(r.json().getString("messageZh")).contains("数据库");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("bolt://");
      }
      var write = admin.post("/api/departments", new JsonObject().put("name", "停机测试").put("level", "district"));
      assertThat(write.status()).isEqualTo(503);
      var ready = new Api(server.port()).get("/health/ready");
      assertThat(ready.status()).isEqualTo(503);
      assertThat(ready.json().getString("status")).isEqualTo("DOWN");
      assertThat(ready.body()).doesNotContain("Exception").doesNotContain("bolt");
    }
  }
}
