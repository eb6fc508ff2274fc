package org.liandong.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.Api;
import org.liandong.TestServer;
import org.liandong.access.Policy;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;

@DisplayName("Sessions, logins, retried creates and the embedded database's door")
class SecurityIT {
  static Api admin;

  @BeforeAll
  static void logIn() {
    admin = TestServer.api().as("demo-admin");
  }

  @Test
  @DisplayName("ten simultaneous creates with one Idempotency-Key give ten answers with the one object, for every resource")
  void concurrentIdempotentCreates() {
    var suffix = UUID.randomUUID().toString().substring(0, 8);
    List<Supplier<JsonObject>> bodies = List.of(
        () -> new JsonObject().put("code", "IDEM-" + suffix).put("name", "幂等测试").put("company", "c").put("investmentYi", 1)
            .put("stage", "signed").put("level", "district").put("signedOn", "2030-01-05"),
        () -> new JsonObject().put("projectId", "p-n7").put("departmentId", "d-zj-housing").put("title", "幂等事项 " + suffix)
            .put("track", "permits").put("dueOn", "2030-02-01"),
        () -> new JsonObject().put("title", "幂等会议 " + suffix).put("startsAt", "2031-01-01T09:00:00+08:00"),
        () -> new JsonObject().put("name", "幂等局 " + suffix).put("level", "district"),
        () -> new JsonObject().put("username", "idem-" + suffix).put("displayName", "幂等").put("password", "long-enough-1")
            .put("roles", new JsonArray().add("analyst")));
    var paths = List.of("/api/projects", "/api/obligations", "/api/meetings", "/api/departments", "/api/users");
    for (int i = 0; i < paths.size(); i++) {
      var path = paths.get(i);
      var body = bodies.get(i).get();
      var keyed = admin.with("Idempotency-Key", UUID.randomUUID().toString());
      var answers = java.util.stream.IntStream.range(0, 10)
          .mapToObj(n -> CompletableFuture.supplyAsync(() -> keyed.post(path, body))).toList().stream()
          .map(CompletableFuture::join).toList();
      assertThat(answers).as(path).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
      assertThat(answers.stream().map(r -> r.json().getString("id")).distinct()).as(path).hasSize(1);
    }
  }

  @Test
  @DisplayName("five wrong passwords lock the account for the window with 429 and Retry-After, even for the right password; others log in")
  void loginLockout() {
    var username = "lockout-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(admin.post("/api/users", new JsonObject().put("username", username).put("displayName", "锁定测试")
        .put("password", "right-password-1").put("roles", new JsonArray().add("analyst"))).status()).isEqualTo(201);
    var anonymous = TestServer.api();
    for (int i = 0; i < 5; i++) {
      assertThat(anonymous.post("/api/session", new JsonObject().put("username", username).put("password", "wrong-" + i)).status())
          .isEqualTo(401);
    }
    var locked = anonymous.post("/api/session", new JsonObject().put("username", username).put("password", "right-password-1"));
    assertThat(locked.status()).isEqualTo(429);
    assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 15 * 60L);
    assertThat(locked.json().getString("messageZh")).contains("秒");
    assertThat(TestServer.api().as("demo-analyst").token()).isNotBlank();
  }

  @Test
  @DisplayName("a password is taken exactly as typed: a trailing space does not log in")
  void passwordsAreNotTrimmed() {
    assertThat(TestServer.api().post("/api/session", new JsonObject().put("username", "demo-leader").put("password", "demo ")).status())
        .isEqualTo(401);
  }

  @Test
  @DisplayName("the embedded Neo4j's Bolt port refuses a local process without the per-start password")
  void boltNeedsThePassword() {
    var uri = TestServer.get().embedded().boltUri();
    for (var auth : List.of(AuthTokens.none(), AuthTokens.basic("neo4j", "neo4j"), AuthTokens.basic("neo4j", "password"))) {
      try (var driver = GraphDatabase.driver(uri, auth)) {
        assertThatThrownBy(driver::verifyConnectivity).as(auth.toString()).isInstanceOf(org.neo4j.driver.exceptions.Neo4jException.class);
      }
    }
  }

  @Test
  @DisplayName("the pages' headers: a content security policy they satisfy, no sniffing, no framing, a referrer policy")
  void headers() {
    var page = TestServer.api().get("/");
    assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'").contains("script-src 'self'")
        .contains("frame-ancestors 'none'").doesNotContain("unsafe-eval");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
    assertThat(page.body()).doesNotContain("<script>").doesNotContain("onclick=");
  }

  @Test
  @DisplayName("/health/ready says UP or DOWN, never an exception's text")
  void readiness() {
    var ready = TestServer.api().get("/health/ready");
    assertThat(ready.body()).doesNotContain("Exception").doesNotContain("bolt://");
  }
}
