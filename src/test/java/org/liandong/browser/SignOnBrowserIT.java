package org.liandong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.liandong.Api;
import org.liandong.Server;
import org.liandong.TestServer;
import org.liandong.config.AppConfig;
import org.liandong.signon.Keycloak;
import org.liandong.signon.SignInAgent;
import org.openqa.selenium.By;

/**
 * Signing in with the government identity against a real Keycloak (docs/sso.md): through
 * Keycloak's own pages in headless Chromium, and step by step with a plain HTTP client where a
 * test must replay or forge a step. The server under test has password login off for all but
 * admins (LIANDONG_LOCAL_LOGIN=false), and the demo data, so its departments are the ones the
 * realm's groups name.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignOnBrowserIT {
  static Keycloak keycloak;
  static Server server;
  static String base;
  static Api admin;

  @BeforeAll
  static void start() {
    keycloak = Keycloak.shared();
    int port = Keycloak.freePort();
    base = "http://127.0.0.1:" + port;
    var env = new HashMap<>(Map.of("LIANDONG_HTTP_PORT", String.valueOf(port), "LIANDONG_HTTP_HOST", "127.0.0.1",
        "LIANDONG_DATA_DIR", TestServer.tempDir("liandong-sso-").toString(), "LIANDONG_DEMO", "true", "LIANDONG_CHASE_SECONDS", "86400"));
    env.putAll(Map.of("LIANDONG_OIDC_ISSUER", keycloak.issuer(), "LIANDONG_OIDC_CLIENT_ID", Keycloak.CLIENT,
        "LIANDONG_OIDC_CLIENT_SECRET", Keycloak.SECRET, "LIANDONG_OIDC_REDIRECT_URL", base + "/auth/oidc/callback",
        "LIANDONG_LOCAL_LOGIN", "false"));
    server = Server.start(AppConfig.from(env));
    keycloak.backChannelTo(base + "/auth/oidc/backchannel-logout");
    admin = new Api(server.port()).as("demo-admin");
  }

  @AfterAll
  static void stop() {
    if (server != null) server.close();
  }

  private static Browser browser() {
    return Browser.open(server.port(), 1280, 900);
  }

  /** Through Keycloak's own login page, from the button on ours; back in Liandong with a live connection. */
  private static void signIn(Browser b, String username) {
    b.go("");
    b.click(By.id("login-sso"));
    b.waitFor(By.id("kc-form-login"));
    b.driver.findElement(By.id("username")).sendKeys(username);
    b.driver.findElement(By.id("password")).sendKeys("demo");
    b.driver.findElement(By.id("kc-login")).click();
  }

  private static JsonObject session(Browser b) {
    return new JsonObject((String) b.await("return JSON.stringify(await (await fetch('/api/session')).json());"));
  }

  @Test
  @Order(1)
  @DisplayName("an officer signs in through Keycloak's pages and lands in the inbox with 市住建局's rights; logging out ends the provider's session too")
  void officer() {
    try (var b = browser()) {
      b.go("");
      assertThat(b.waitFor(By.id("login-sso")).getText()).isEqualTo("统一身份认证登录");
      assertThat(b.text(By.id("login-or"))).isEqualTo("账号密码登录（仅限管理员）");
      b.screenshot("sso-login-1920-zh");
      assertThat(b.accessibilityProblems()).isEmpty();
      signIn(b, "sso-officer");
      b.waitFor(By.cssSelector("#conn[data-state='live']"));
      b.until(Duration.ofSeconds(15), d -> d.getCurrentUrl().endsWith("#/inbox"));
      assertThat(b.text(By.id("who"))).isEqualTo("周明");
      var me = session(b).getJsonObject("user");
      assertThat(me.getJsonArray("roles")).containsExactly("officer");
      assertThat(me.getString("departmentId")).isEqualTo("d-zj-housing");
      assertThat(me.getString("departmentName")).isEqualTo("镇江市住房和城乡建设局");
      // their department's inbox, with its work in it
      assertThat(b.waitFor(By.id("inbox-department")).getAttribute("value")).isEqualTo("d-zj-housing");
      b.waitFor(By.cssSelector("#inbox-list tbody tr"));
      b.screenshot("sso-officer-inbox");
      // the session works as any other: its token as a bearer, its cookie for the socket (live above)
      var token = b.driver.manage().getCookieNamed("liandong_session").getValue();
      assertThat(new Api(server.port()).with("Authorization", "Bearer " + token).get("/api/me").status()).isEqualTo(200);
      b.click(By.id("logout"));
      b.waitFor(By.id("login-sso"));
      assertThat(new Api(server.port()).with("Authorization", "Bearer " + token).get("/api/me").status()).isEqualTo(401);
      // the provider's session ended too: its login form asks again instead of waving the person through
      b.click(By.id("login-sso"));
      assertThat(b.waitFor(By.id("kc-form-login")).isDisplayed()).isTrue();
    }
  }

  @Test
  @Order(2)
  @DisplayName("a leader signs in (role and department from the groups); the provider signing them out ends their page's session at once")
  void leaderAndBackChannel() {
    try (var b = browser()) {
      signIn(b, "sso-leader");
      b.waitFor(By.cssSelector("#conn[data-state='live']"));
      var me = session(b).getJsonObject("user");
      assertThat(me.getJsonArray("roles")).containsExactly("leader");
      assertThat(me.getString("departmentId")).isEqualTo("d-hz-committee");
      assertThat(b.text(By.id("who"))).isEqualTo("王强");
      keycloak.logOut("sso-leader");
      // the back-channel logout ended the session: the socket closes and the page shows the login again
      b.waitFor(By.id("login-sso"));
      assertThat(session(b).getValue("user")).isNull();
    }
  }

  @Test
  @Order(3)
  @DisplayName("a person whose groups give no role here is refused with a page saying why, in their language")
  void noRole() {
    try (var b = browser()) {
      signIn(b, "sso-visitor");
      assertThat(b.waitForText(By.id("login-error"), "未被授予").getText()).isEqualTo("您的统一身份未被授予联动中的任何角色，请联系管理员开通。");
      assertThat(b.driver.getCurrentUrl()).endsWith("#/sso/norole");
      assertThat(session(b).getValue("user")).isNull();
      b.screenshot("sso-refused-zh");
    }
    var people = admin.get("/api/users").array();
    assertThat(people.stream().map(p -> ((JsonObject) p).getString("username"))).doesNotContain("sso-visitor");
  }

  @Test
  @Order(4)
  @DisplayName("the provider's answer works once, for the browser that asked: a replayed or another browser's state is refused")
  void stateOnceAndOwn() {
    var agent = new SignInAgent();
    var start = agent.get(base + "/auth/oidc/login");
    assertThat(start.statusCode()).isEqualTo(302);
    var back = agent.logInAtProvider(SignInAgent.location(start), "sso-officer", "demo");
    assertThat(back).startsWith(base + "/auth/oidc/callback?");
    // another browser (no state cookie) bringing the same answer is refused, and spends nothing
    var stranger = new SignInAgent().get(back);
    assertThat(SignInAgent.location(stranger)).isEqualTo("/#/sso/failed");
    var first = agent.get(back);
    assertThat(SignInAgent.location(first)).isEqualTo("/#/");
    var token = agent.cookie(base, "liandong_session");
    assertThat(token).isNotNull();
    assertThat(new Api(server.port()).with("Authorization", "Bearer " + token).get("/api/me").json().getJsonObject("user")
        .getString("username")).isEqualTo("sso-officer");
    // the same answer again (the state cookie set anew, as a replaying attacker would): nothing under way has that state
    var again = new SignInAgent();
    again.get(base + "/auth/oidc/login");
    var state = query(back, "state");
    var replay = replayWithState(back, state);
    assertThat(SignInAgent.location(replay)).isEqualTo("/#/sso/failed");
    assertThat(replay.headers().allValues("set-cookie")).noneMatch(c -> c.startsWith("liandong_session=") && !c.startsWith("liandong_session=;"));
  }

  private static String query(String url, String name) {
    for (var pair : java.net.URI.create(url).getRawQuery().split("&")) {
      if (pair.startsWith(name + "=")) return java.net.URLDecoder.decode(pair.substring(name.length() + 1), java.nio.charset.StandardCharsets.UTF_8);
    }
    throw new AssertionError("no " + name + " in " + url);
  }

  private static java.net.http.HttpResponse<String> replayWithState(String url, String state) {
    try {
      return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
          .header("Cookie", "liandong_sso=" + state).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The whole sign-in by a fresh browser: where the server sends it at the end. */
  private static String signInAs(String username) {
    var agent = new SignInAgent();
    var back = agent.logInAtProvider(SignInAgent.location(agent.get(base + "/auth/oidc/login")), username, "demo");
    return SignInAgent.location(agent.get(back));
  }

  private static JsonObject user(String username) {
    return admin.get("/api/users").array().stream().map(JsonObject.class::cast)
        .filter(u -> u.getString("username").equals(username)).findFirst().orElseThrow();
  }

  @Test
  @Order(5)
  @DisplayName("a deactivated person is refused at their next sign-in; reactivated, they are let in again")
  void deactivated() {
    assertThat(signInAs("sso-officer")).isEqualTo("/#/");
    var officer = user("sso-officer");
    assertThat(officer.getString("signIn")).isEqualTo("provider");
    assertThat(officer.getString("ssoSubject")).isEqualTo(keycloak.subject("sso-officer"));
    assertThat(admin.patch("/api/users/" + officer.getString("id"), new JsonObject().put("version", officer.getLong("version"))
        .put("active", false)).status()).isEqualTo(200);
    assertThat(signInAs("sso-officer")).isEqualTo("/#/sso/inactive");
    var now = user("sso-officer");
    admin.patch("/api/users/" + now.getString("id"), new JsonObject().put("version", now.getLong("version")).put("active", true));
    assertThat(signInAs("sso-officer")).isEqualTo("/#/");
  }

  @Test
  @Order(6)
  @DisplayName("an admin links a local account to a person's subject: signing in there opens that account; a subject links one account only")
  void linkLocalAccount() {
    var analyst = user("demo-analyst");
    var subject = keycloak.subject("sso-analyst");
    var linked = admin.patch("/api/users/" + analyst.getString("id"), new JsonObject().put("version", analyst.getLong("version"))
        .put("ssoSubject", subject));
    assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
    assertThat(linked.json().getString("signIn")).isEqualTo("both");
    var agent = new SignInAgent();
    var back = agent.logInAtProvider(SignInAgent.location(agent.get(base + "/auth/oidc/login")), "sso-analyst", "demo");
    assertThat(SignInAgent.location(agent.get(back))).isEqualTo("/#/");
    var me = new Api(server.port()).with("Authorization", "Bearer " + agent.cookie(base, "liandong_session")).get("/api/me").json();
    assertThat(me.getJsonObject("user").getString("username")).isEqualTo("demo-analyst");
    assertThat(me.getJsonObject("user").getJsonArray("roles")).containsExactly("analyst");
    var coordinator = user("demo-coordinator");
    var twice = admin.patch("/api/users/" + coordinator.getString("id"), new JsonObject().put("version", coordinator.getLong("version"))
        .put("ssoSubject", subject));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().getString("message")).contains("another account");
  }

  @Test
  @Order(7)
  @DisplayName("with LIANDONG_LOCAL_LOGIN=false a password opens an admin's session only; the provider's logout token is checked")
  void passwordsForAdminsOnly() {
    var refused = new Api(server.port()).post("/api/session", new JsonObject().put("username", "demo-officer").put("password", "demo"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().getString("message")).contains("administrators only");
    var wrong = new Api(server.port()).post("/api/session", new JsonObject().put("username", "demo-officer").put("password", "nope"));
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(new Api(server.port()).post("/api/session", new JsonObject().put("username", "demo-admin").put("password", "demo"))
        .status()).isEqualTo(201);
    var forged = Keycloak.form(base + "/auth/oidc/backchannel-logout", Map.of("logout_token", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."));
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(forged.body()).getString("error")).isEqualTo("invalid_request");
  }

  @Test
  @Order(8)
  @DisplayName("the login limits count refused sign-ins through the provider with wrong passwords: past them both wait")
  void limitsApplyToBoth() {
    // forged answers (no state cookie) until the address's limit (30 in 15 minutes) is reached
    for (int i = 0; i < 30; i++) {
      var forged = new SignInAgent().get(base + "/auth/oidc/callback?state=forged" + i + "&code=forged");
      if (SignInAgent.location(forged).equals("/#/sso/limited")) break;
    }
    assertThat(SignInAgent.location(new SignInAgent().get(base + "/auth/oidc/login"))).isEqualTo("/#/sso/limited");
    var password = new Api(server.port()).post("/api/session", new JsonObject().put("username", "demo-admin").put("password", "demo"));
    assertThat(password.status()).isEqualTo(429);
    assertThat(password.header("Retry-After")).isNotNull();
  }
}
