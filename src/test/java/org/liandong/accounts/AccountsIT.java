package org.liandong.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.liandong.Api;
import org.liandong.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Accounts, sessions and the rules by role")
class AccountsIT {

  @Test
  @DisplayName("a wrong password or unknown user gets 401 without saying which")
  void badLogin() {
    var api = TestServer.api();
    var wrong = api.post("/api/session", new JsonObject().put("username", "demo-officer").put("password", "nope"));
    var unknown = api.post("/api/session", new JsonObject().put("username", "nobody").put("password", "nope"));
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(wrong.json().getString("message")).isEqualTo(unknown.json().getString("message"));
    assertThat(api.post("/api/session", new JsonObject().put("username", "demo-officer")).status()).isEqualTo(400);
  }

  @Test
  @DisplayName("the session cookie is HttpOnly and SameSite=Strict, and cookie writes need the CSRF token")
  void cookieAndCsrf() throws Exception {
    var port = TestServer.get().port();
    var http = HttpClient.newHttpClient();
    var login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/session"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"demo-coordinator\",\"password\":\"demo\"}"))
        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    var setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie).startsWith("liandong_session=").containsIgnoringCase("HttpOnly").contains("SameSite=Strict");
    var cookie = setCookie.substring(0, setCookie.indexOf(';'));
    var csrf = new JsonObject(login.body()).getString("csrfToken");

    var withCookie = TestServer.api().with("Cookie", cookie);
    assertThat(withCookie.get("/api/me").json().getString("csrfToken")).isEqualTo(csrf);
    var body = new JsonObject().put("projectId", "p-n7").put("departmentId", "d-zj-housing").put("title", "测试：CSRF")
        .put("track", "permits").put("dueOn", "2031-01-01");
    assertThat(withCookie.post("/api/obligations", body).status()).isEqualTo(403);
    assertThat(withCookie.with("X-CSRF-Token", "forged").post("/api/obligations", body).status()).isEqualTo(403);
    assertThat(withCookie.with("X-CSRF-Token", csrf).post("/api/obligations", body).status()).isEqualTo(201);
  }

  @Test
  @DisplayName("without an identity provider: no single sign-on offered, a password's logout is 204, and no account can be linked to a subject")
  void noProvider() {
    var session = TestServer.api().get("/api/session").json();
    assertThat(session.getBoolean("sso")).isFalse();
    assertThat(session.getBoolean("localLogin")).isTrue();
    assertThat(TestServer.api().get("/auth/oidc/login").status()).isEqualTo(404);
    var admin = TestServer.api().as("demo-admin");
    var analyst = admin.get("/api/users").array().stream().map(JsonObject.class::cast)
        .filter(u -> u.getString("username").equals("demo-analyst")).findFirst().orElseThrow();
    assertThat(analyst.getString("signIn")).isEqualTo("password");
    assertThat(analyst.getValue("ssoSubject")).isNull();
    var linked = admin.patch("/api/users/" + analyst.getString("id"), new JsonObject().put("version", analyst.getLong("version"))
        .put("ssoSubject", "3f1c2a5e-6b1d-4c0a-9a3e-0f5d1e2a7b04"));
    assertThat(linked.status()).isEqualTo(422);
    assertThat(linked.json().getJsonObject("fields").getString("ssoSubject")).contains("No identity provider");
    assertThat(TestServer.api().as("demo-analyst").delete("/api/session").status()).isEqualTo(204);
  }

  @Test
  @DisplayName("logging out ends the session")
  void logout() {
    var me = TestServer.api().as("demo-analyst");
    assertThat(me.get("/api/me").status()).isEqualTo(200);
    assertThat(me.delete("/api/session").status()).isEqualTo(204);
    assertThat(me.get("/api/me").status()).isEqualTo(401);
  }

  @Test
  @DisplayName("an admin creates a user who can log in; the password hash never leaves the server")
  void adminCreatesUser() {
    var admin = TestServer.api().as("demo-admin");
    var username = "t-" + UUID.randomUUID().toString().substring(0, 8);
    var created = admin.post("/api/users", new JsonObject().put("username", username).put("displayName", "测试经办")
        .put("password", "correct horse battery").put("roles", new JsonArray().add("officer")).put("departmentId", "d-zj-nrp"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.body()).doesNotContain("passwordHash").doesNotContain("argon2");

    var user = TestServer.api().as(username, "correct horse battery");
    assertThat(user.get("/api/me").json().getJsonObject("user").getString("departmentId")).isEqualTo("d-zj-nrp");
    assertThat(admin.get("/api/users").body()).doesNotContain("argon2");

    var again = admin.post("/api/users", new JsonObject().put("username", username).put("displayName", "重复")
        .put("password", "another password").put("roles", new JsonArray().add("analyst")));
    assertThat(again.status()).isEqualTo(409);

    var id = created.json().getString("id");
    assertThat(admin.get("/api/users/" + id).json().getString("username")).isEqualTo(username);
    assertThat(user.get("/api/users/" + id).status()).as("a user reads their own account").isEqualTo(200);
    assertThat(user.get("/api/users/u-demo-admin").status()).isEqualTo(403);
    assertThat(admin.get("/api/users/nobody").status()).isEqualTo(404);
    var off = admin.patch("/api/users/" + id, new JsonObject().put("version", 1).put("active", false));
    assertThat(off.status()).as(off.toString()).isEqualTo(200);
    assertThat(user.get("/api/me").status()).isEqualTo(401);
  }

  @Test
  @DisplayName("only admins manage users; bad fields are named")
  void userRules() {
    var coordinator = TestServer.api().as("demo-coordinator");
    assertThat(coordinator.get("/api/users").status()).isEqualTo(403);
    assertThat(coordinator.post("/api/users", new JsonObject()).status()).isEqualTo(403);
    var admin = TestServer.api().as("demo-admin");
    var bad = admin.post("/api/users", new JsonObject().put("username", "Bad Name").put("password", "short")
        .put("roles", new JsonArray().add("king")));
    assertThat(bad.status()).isEqualTo(400);
    // the bad role is named where it stands, with the roles there are; the field itself is known
    assertThat(bad.json().getJsonObject("fields").fieldNames()).contains("username", "password", "roles[0]", "displayName")
        .doesNotContain("roles");
    assertThat(bad.json().getJsonObject("fields").getString("roles[0]")).contains("coordinator");
    // a change that changes nothing is named, not written as a new version
    var user = admin.get("/api/users/u-demo-analyst").json();
    var empty = admin.patch("/api/users/u-demo-analyst", new JsonObject().put("version", user.getLong("version")));
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().getJsonObject("fields").getString("body")).contains("displayName").contains("password");
    assertThat(admin.get("/api/users/u-demo-analyst").json().getLong("version")).isEqualTo(user.getLong("version"));
  }

  @Test
  @DisplayName("a person corrects their own e-mail, mobile and language, and nothing else; a stale version is refused")
  void ownContact() {
    var admin = TestServer.api().as("demo-admin");
    var created = admin.post("/api/users", new JsonObject().put("username", "contact-self").put("displayName", "自助修改")
        .put("password", "contact-password").put("roles", new io.vertx.core.json.JsonArray().add("analyst")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    var me = TestServer.api().as("contact-self", "contact-password");
    var version = created.json().getLong("version");
    var changed = me.patch("/api/me", new JsonObject().put("version", version).put("email", "self@zhenjiang.example")
        .put("mobile", "13912345678").put("language", "en"));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.json().getString("email")).isEqualTo("self@zhenjiang.example");
    assertThat(changed.json().getString("language")).isEqualTo("en");
    assertThat(changed.json().getJsonArray("roles")).containsExactly("analyst");
    assertThat(me.patch("/api/me", new JsonObject().put("version", version).put("mobile", "13912345679")).status())
        .as("a stale version").isEqualTo(409);
    var cleared = me.patch("/api/me", new JsonObject().put("version", changed.json().getLong("version")).putNull("mobile"));
    assertThat(cleared.status()).isEqualTo(200);
    assertThat(cleared.json().getValue("mobile")).isNull();
    assertThat(me.patch("/api/me", new JsonObject().put("version", cleared.json().getLong("version")).put("roles",
        new io.vertx.core.json.JsonArray().add("admin"))).status()).as("roles are the admins' to give").isEqualTo(400);
    assertThat(me.patch("/api/me", new JsonObject().put("version", cleared.json().getLong("version"))).status())
        .as("nothing to change").isEqualTo(400);
    assertThat(me.patch("/api/me", new JsonObject().put("version", cleared.json().getLong("version")).put("mobile", "12345")).status())
        .as("not a mobile number").isEqualTo(400);
  }

  static Api.Response kiosk(String key) {
    return TestServer.api().post("/api/session/kiosk", new JsonObject().put("key", key));
  }

  static Api bearer(Api.Response login) {
    return new Api(TestServer.get().port()).with("Authorization", "Bearer " + login.json().getString("token"));
  }

  @Test
  @DisplayName("a wall screen logs in by its kiosk link and can only read; a new link ends the old one; only admins issue links, only for wall accounts")
  void kioskLink() {
    var demoWall = kiosk("demo-wall-kiosk");
    assertThat(demoWall.status()).as(demoWall.toString()).isEqualTo(201);
    var screen = bearer(demoWall);
    assertThat(screen.get("/api/me").json().getJsonObject("user").getJsonArray("roles").getList()).containsExactly("wall");
    assertThat(screen.get("/api/projects").status()).isEqualTo(200);
    assertThat(screen.get("/api/kpis").status()).isEqualTo(200);
    assertThat(screen.patch("/api/obligations/hd-f5", new JsonObject().put("version", 1).put("note", "x")).status()).isEqualTo(403);
    assertThat(screen.post("/api/meetings", new JsonObject().put("title", "x").put("startsAt", "2031-01-01T09:00:00+08:00")).status()).isEqualTo(403);
    assertThat(screen.post("/api/console/query", new JsonObject().put("cypher", "RETURN 1")).status()).isEqualTo(403);

    var admin = TestServer.api().as("demo-admin");
    var username = "wall-" + UUID.randomUUID().toString().substring(0, 8);
    var wall = admin.post("/api/users", new JsonObject().put("username", username).put("displayName", "区政务中心大屏")
        .put("password", "a long wall password").put("roles", new JsonArray().add("wall")).put("departmentId", "d-hz-service"));
    assertThat(wall.status()).isEqualTo(201);
    var id = wall.json().getString("id");
    var first = admin.post("/api/users/" + id + "/kiosk-key", null);
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(first.json().getString("path")).isEqualTo("/#/kiosk/" + first.json().getString("key"));
    var onFirst = bearer(kiosk(first.json().getString("key")));
    assertThat(onFirst.get("/api/me").status()).isEqualTo(200);
    assertThat(admin.get("/api/users/" + id).body()).doesNotContain("kiosk").doesNotContain(first.json().getString("key"));

    var second = admin.post("/api/users/" + id + "/kiosk-key", null);
    assertThat(second.status()).isEqualTo(201);
    assertThat(onFirst.get("/api/me").status()).as("the screen on the old link is logged out").isEqualTo(401);
    var old = kiosk(first.json().getString("key"));
    assertThat(old.status()).isEqualTo(401);
    assertThat(old.json().getString("messageZh")).contains("大屏链接");
    assertThat(kiosk(second.json().getString("key")).status()).isEqualTo(201);

    assertThat(admin.post("/api/users/u-demo-officer/kiosk-key", null).status()).as("not a wall account").isEqualTo(422);
    assertThat(admin.post("/api/users/nobody/kiosk-key", null).status()).isEqualTo(404);
    assertThat(TestServer.api().as("demo-coordinator").post("/api/users/" + id + "/kiosk-key", null).status()).isEqualTo(403);
    assertThat(kiosk("short").status()).isEqualTo(400);

    var off = admin.patch("/api/users/" + id, new JsonObject().put("version", 1).put("active", false));
    assertThat(off.status()).isEqualTo(200);
    assertThat(kiosk(second.json().getString("key")).status()).as("a deactivated wall account").isEqualTo(401);

    var analyst = TestServer.api().as("demo-analyst");
    var leak = analyst.post("/api/console/query", new JsonObject().put("cypher", "MATCH (u:User) RETURN u.kioskKeyHash"));
    assertThat(leak.status()).isEqualTo(422);
    // the deactivation's change record names the account as it was, less its secrets
    var changes = analyst.post("/api/console/query", new JsonObject().put("cypher",
        "MATCH (c:Change) WHERE c.entityId = $id RETURN c.type, c.before, c.after").put("params", new JsonObject().put("id", id)));
    assertThat(changes.status()).isEqualTo(200);
    assertThat(changes.body()).contains("user.updated").doesNotContain("kioskKeyHash").doesNotContain("passwordHash");
  }

  @Test
  @DisplayName("the lockout tells nothing of which names exist: an unknown name is answered as a known one, try after try")
  void lockoutNamesNobody() {
    var run = java.util.UUID.randomUUID().toString().substring(0, 6);
    var known = "lock-" + run;
    assertThat(TestServer.api().as("demo-admin").post("/api/users", new JsonObject().put("username", known).put("displayName", "锁定测试")
        .put("password", "long-enough-1").put("roles", new JsonArray().add("analyst"))).status()).isEqualTo(201);
    var unknown = "no-such-" + run;
    for (int i = 1; i <= 6; i++) {
      var a = TestServer.api().post("/api/session", new JsonObject().put("username", known).put("password", "wrong-" + i));
      var b = TestServer.api().post("/api/session", new JsonObject().put("username", unknown).put("password", "wrong-" + i));
      assertThat(b.status()).as("try %d", i).isEqualTo(a.status());
      assertThat(b.json().getString("messageZh").replaceAll("\\d+", "N")).isEqualTo(a.json().getString("messageZh").replaceAll("\\d+", "N"));
      if (i == 6) assertThat(a.status()).isEqualTo(429);
    }
  }
}
