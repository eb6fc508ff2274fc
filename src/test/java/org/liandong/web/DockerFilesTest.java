package org.liandong.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** No Docker engine here: the files are checked by reading them. */
@DisplayName("The docker/ files")
class DockerFilesTest {

  @Test
  @DisplayName("compose: the official Neo4j image, two clustered app nodes that list each other, nginx in front with the configuration the failover IT runs")
  @SuppressWarnings("unchecked")
  void compose() throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker/compose.yaml")));
    var services = (Map<String, Map<String, Object>>) compose.get("services");
    assertThat(services).containsKeys("neo4j", "app1", "app2", "nginx");
    assertThat((String) services.get("neo4j").get("image")).startsWith("neo4j:2026");
    var neo4jAuth = ((Map<String, String>) services.get("neo4j").get("environment")).get("NEO4J_AUTH");
    for (var name : List.of("app1", "app2")) {
      var app = services.get(name);
      var env = (Map<String, String>) app.get("environment");
      assertThat(env.get("NEO4J_URI")).isEqualTo("neo4j://neo4j:7687");
      assertThat(neo4jAuth).isEqualTo(env.get("NEO4J_USER") + "/" + env.get("NEO4J_PASSWORD"));
      assertThat(env.get("LIANDONG_CLUSTER")).isEqualTo("true");
      assertThat(env.get("LIANDONG_CLUSTER_HOST")).isEqualTo(name);
      assertThat(env.get("LIANDONG_CLUSTER_MEMBERS")).contains("app1:5701", "app2:5701");
      var build = (Map<String, String>) app.get("build");
      assertThat(Path.of("docker").resolve(build.get("context")).resolve(build.get("dockerfile")).normalize())
          .isEqualTo(Path.of("docker/Dockerfile"));
      assertThat(app).containsKey("healthcheck");
      assertThat(((Map<String, Map<String, String>>) app.get("depends_on")).get("neo4j").get("condition")).isEqualTo("service_healthy");
    }
    var nginx = services.get("nginx");
    assertThat((List<String>) nginx.get("volumes")).anyMatch(v -> v.startsWith("./nginx.conf:"));
    assertThat((List<String>) nginx.get("ports")).contains("8080:8080");
    assertThat((Map<String, Object>) nginx.get("depends_on")).containsKeys("app1", "app2");
    assertThat(Files.readString(Path.of("docker/nginx.conf")))
        .contains("server app1:8080", "server app2:8080", "proxy_set_header Upgrade $http_upgrade", "location = /ws");
  }

  @Test
  @DisplayName("monitoring: Prometheus scrapes both nodes with the token the nodes are given; Grafana loads the dashboard over it")
  @SuppressWarnings("unchecked")
  void monitoring() throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker/compose.yaml")));
    var services = (Map<String, Map<String, Object>>) compose.get("services");
    var token = ((Map<String, String>) services.get("app1").get("environment")).get("LIANDONG_METRICS_TOKEN");
    assertThat(token).hasSizeGreaterThanOrEqualTo(16);
    assertThat(((Map<String, String>) services.get("app2").get("environment")).get("LIANDONG_METRICS_TOKEN")).isEqualTo(token);
    assertThat((List<String>) services.get("prometheus").get("volumes")).contains("./prometheus.yml:/etc/prometheus/prometheus.yml:ro");
    Map<String, Object> prometheus = new Yaml().load(Files.readString(Path.of("docker/prometheus.yml")));
    var job = ((List<Map<String, Object>>) prometheus.get("scrape_configs")).get(0);
    assertThat(job.get("metrics_path")).isEqualTo("/metrics");
    assertThat((Map<String, String>) job.get("authorization")).containsEntry("type", "Bearer").containsEntry("credentials", token);
    assertThat((List<String>) ((List<Map<String, Object>>) job.get("static_configs")).get(0).get("targets")).containsExactly("app1:8080", "app2:8080");
    var volumes = (List<String>) services.get("grafana").get("volumes");
    assertThat(volumes).contains("./grafana/provisioning:/etc/grafana/provisioning:ro", "./grafana/dashboards:/var/lib/grafana/dashboards:ro");
    Map<String, Object> provider = new Yaml().load(Files.readString(Path.of("docker/grafana/provisioning/dashboards/liandong.yml")));
    assertThat(((List<Map<String, Map<String, String>>>) provider.get("providers")).get(0).get("options").get("path"))
        .isEqualTo("/var/lib/grafana/dashboards");
    Map<String, Object> source = new Yaml().load(Files.readString(Path.of("docker/grafana/provisioning/datasources/prometheus.yml")));
    assertThat(((List<Map<String, String>>) source.get("datasources")).get(0).get("url")).isEqualTo("http://prometheus:9090");
  }

  @Test
  @DisplayName("the Dockerfile copies the jar and lib/ that mvn package makes, on Java 21 or later")
  void dockerfile() throws IOException {
    var lines = Files.readAllLines(Path.of("docker/Dockerfile"));
    assertThat(lines).anyMatch(l -> l.matches("FROM eclipse-temurin:(2[1-9]|[3-9]\\d)-jre.*"));
    assertThat(lines).contains("COPY target/liandong.jar /app/liandong.jar", "COPY target/lib/ /app/lib/");
    assertThat(Files.readString(Path.of("pom.xml"))).contains("<finalName>liandong</finalName>")
        .contains("<classpathPrefix>lib/</classpathPrefix>");
    assertThat(lines).anyMatch(l -> l.startsWith("ENTRYPOINT") && l.contains("/app/liandong.jar"));
  }
}
