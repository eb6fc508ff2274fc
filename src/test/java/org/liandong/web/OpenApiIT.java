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
  @DisplayName("is served as YAML, and every operation it describes exists on the server")
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
    paths.forEach((path, operations) -> operations.keySet().stream()
        .filter(m -> !m.equals("parameters"))
        .forEach(method -> {
          var concrete = path.replaceAll("\\{[^}]+}", "x");
          var response = anonymous.send(method.toUpperCase(), concrete, "POST".equalsIgnoreCase(method) ? "{}" : null);
          var expected = !path.equals("/api/session") || method.equals("delete") ? 401
              : method.equals("post") ? 400 : 200;
          assertThat(response.status()).as(method + " " + path).isEqualTo(expected);
        }));
    assertThat(anonymous.get("/api/no-such-route").status()).isEqualTo(401);
    assertThat(TestServer.api().as("demo-analyst").get("/api/no-such-route").status()).isEqualTo(404);
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
