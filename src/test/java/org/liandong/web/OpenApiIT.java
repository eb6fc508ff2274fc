package org.liandong.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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
  @DisplayName("health says live and ready (Neo4j answers); metrics are scraped in Prometheus format")
  void healthAndMetrics() {
    var api = TestServer.api();
    assertThat(api.get("/health/live").json().getString("status")).isEqualTo("UP");
    var ready = api.get("/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().getString("status")).isEqualTo("UP");
    assertThat(ready.json().getJsonArray("checks").getJsonObject(0).getString("id")).isEqualTo("neo4j");
    assertThat(ready.json().getJsonArray("checks").getJsonObject(0).getString("status")).isEqualTo("UP");
    var metrics = api.get("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("vertx_http_server_requests_total");
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
}
