package org.liandong.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.liandong.Api;
import org.liandong.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

@DisplayName("The OpenAPI document and the health, metrics and error endpoints")
class OpenApiIT {

  @Test
  @DisplayName("is served as YAML, and every operation it describes is routed on the server (a stranger gets 401, a user never 'no such address')")
  @SuppressWarnings("unchecked")
  void documentMatchesServer() {
    var doc = TestServer.api().get("/api/openapi.yaml");
    assertThat(doc.status()).isEqualTo(200);
    assertThat(doc.header("Content-Type")).startsWith("application/yaml");
    Map<String, Object> yaml = new Yaml().load(doc.body());
    assertThat(yaml.get("openapi")).isEqualTo("3.1.0");
    var paths = (Map<String, Map<String, Object>>) yaml.get("paths");
    assertThat(paths).hasSizeGreaterThan(15);

    var anonymous = TestServer.api();
    var admin = TestServer.api().as("demo-admin");
    paths.forEach((path, operations) -> operations.keySet().stream()
        .filter(m -> !m.equals("parameters"))
        .forEach(method -> {
          var operation = (Map<String, Object>) operations.get(method);
          var open = operation.get("security") instanceof java.util.List<?> l && l.isEmpty();
          var concrete = path.replaceAll("\\{[^}]+}", "x");
          var body = "post".equals(method) || "patch".equals(method) ? "{}" : null;
          if (!open) {
            assertThat(anonymous.send(method.toUpperCase(), concrete, body).status()).as(method + " " + path).isEqualTo(401);
          }
          if (!"delete".equals(method) || !path.equals("/api/session")) {
            var r = admin.send(method.toUpperCase(), concrete, body);
            assertThat(r.status()).as(method + " " + path + " → " + r.body()).isNotEqualTo(405).isLessThan(500);
            assertThat(r.body()).as(method + " " + path).doesNotContain("no such address");
          }
        }));
    assertThat(anonymous.get("/api/no-such-route").status()).isEqualTo(401);
    var missing = admin.get("/api/no-such-route");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).contains("no such address");
  }

  @Test
  @DisplayName("health says live and ready (Neo4j answers); /metrics holds the JVM, the sockets and channels, the write lanes, each department's open and late work, and every metric the Grafana dashboard draws")
  void healthAndMetrics() {
    var api = TestServer.api();
    assertThat(api.get("/health/live").json().getString("status")).isEqualTo("UP");
    var ready = api.get("/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().getString("status")).isEqualTo("UP");
    assertThat(ready.json().getJsonArray("checks").getJsonObject(0).getString("id")).isEqualTo("neo4j");
    assertThat(ready.json().getJsonArray("checks").getJsonObject(0).getString("status")).isEqualTo("UP");
    // with a socket open, as a page would have
    var viewer = TestServer.api().as("demo-analyst");
    try (var socket = org.liandong.live.LiveClient.connect(TestServer.get().port(), viewer.token())) {
      socket.subscribe("projects:all", null);
      scrape(api);
    }
  }

  private void scrape(Api api) {
    var metrics = api.get("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).containsPattern("(?m)^vertx_http_server_active_ws_connections(\\{[^}]*})? [1-9]");
    assertThat(metrics.body()).containsPattern("(?m)^liandong_live_channels [1-9]");
    assertThat(metrics.body()).contains("vertx_http_server_requests_total", "vertx_http_server_active_ws_connections",
        // the JVM: memory pools, collections and their pauses, threads
        "jvm_memory_used_bytes{area=\"heap\"", "jvm_gc_", "jvm_threads_live_threads", "process_uptime_seconds",
        // the product: writes waiting, channels followed, each department's open and late work
        "liandong_writes_in_flight", "liandong_live_channels");
    var late = java.util.regex.Pattern.compile("liandong_obligations_late\\{department=\"d-zj-housing\",name=\"[^\"]+\"} (\\d+)");
    var found = late.matcher(metrics.body());
    assertThat(found.find()).as("the late work of 市住建局 in:%n%s", metrics.body().lines()
        .filter(l -> l.startsWith("liandong_obligations")).toList()).isTrue();
    assertThat(Integer.parseInt(found.group(1))).as("市住建局's late steps on the demo's day").isPositive();
    // every metric the shipped Grafana dashboard draws is one this server exports
    var dashboard = new io.vertx.core.json.JsonObject(readString("docker/grafana/dashboards/liandong.json"));
    var drawn = dashboard.getJsonArray("panels").stream().map(io.vertx.core.json.JsonObject.class::cast)
        .flatMap(p -> p.getJsonArray("targets").stream().map(t -> ((io.vertx.core.json.JsonObject) t).getString("expr")))
        .flatMap(e -> java.util.regex.Pattern.compile("\\b(liandong|jvm|vertx|process)_[a-z_]+").matcher(e).results().map(m -> m.group()))
        .distinct().toList();
    assertThat(drawn).isNotEmpty().allSatisfy(name -> assertThat(metrics.body()).as("the dashboard's %s", name)
        .containsPattern("(?m)^" + name.replaceAll("_(sum|count|bucket)$", "") + "(_sum|_count|_bucket|_total|_max)?[{ ]"));
  }

  @Test
  @DisplayName("the dashboard's page is served at / with security headers")
  void staticPage() {
    var page = TestServer.api().get("/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("联动");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
  }

  private static String readString(String path) {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of(path));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
