package org.liandong.accounts;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.liandong.storage.Idempotency;
import org.liandong.support.Failure;
import org.liandong.support.Fields;
import org.liandong.support.Versions;
import org.liandong.web.Responses;
import org.liandong.web.Routes;

/** Log in and out, who am I, and the admin's user management. */
public final class AccountRoutes implements Routes {
  private final AccountService accounts;
  private final boolean secureCookies;

  public AccountRoutes(AccountService accounts, boolean secureCookies) {
    this.accounts = accounts;
    this.secureCookies = secureCookies;
  }

  /** Routes that need no session. */
  public void mountPublic(Router router) {
    router.post("/api/session").handler(this::login);
    router.get("/api/session").handler(this::current);
  }

  @Override
  public void mount(Router router) {
    router.delete("/api/session").handler(this::logout);
    router.get("/api/me").handler(this::me);
    router.get("/api/users").handler(this::list);
    router.post("/api/users").handler(this::create);
    router.get("/api/users/:id").handler(this::one);
    router.patch("/api/users/:id").handler(this::update);
  }

  private void login(RoutingContext ctx) {
    var f = Fields.of(ctx);
    var username = f.require("username", "password").text("username", 100);
    var password = f.text("password", 200);
    f.check();
    accounts.login(username, password).onSuccess(login -> {
      ctx.response().addCookie(Cookie.cookie(AuthHandler.COOKIE, login.token())
          .setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setSecure(secureCookies).setPath("/"));
      Responses.created(ctx, null, new JsonObject().put("token", login.token())
          .put("csrfToken", login.csrf()).put("user", login.user().toJson()));
    }).onFailure(ctx::fail);
  }

  /** Am I logged in? Always 200, so a page can ask before it knows (no 401 in its console). */
  private void current(RoutingContext ctx) {
    var token = AuthHandler.token(ctx);
    if (token == null) {
      ctx.json(new JsonObject().putNull("user"));
      return;
    }
    accounts.authenticate(token).onSuccess(found -> ctx.json(found
            .map(a -> new JsonObject().put("user", a.user().toJson()).put("csrfToken", a.csrf()))
            .orElseGet(() -> new JsonObject().putNull("user"))))
        .onFailure(ctx::fail);
  }

  private void logout(RoutingContext ctx) {
    accounts.logout(ctx.get(AuthHandler.TOKEN_KEY)).onSuccess(v -> {
      ctx.response().addCookie(Cookie.cookie(AuthHandler.COOKIE, "").setMaxAge(0).setPath("/")
          .setHttpOnly(true).setSameSite(CookieSameSite.STRICT));
      ctx.response().setStatusCode(204).end();
    }).onFailure(ctx::fail);
  }

  private void me(RoutingContext ctx) {
    ctx.json(new JsonObject().put("user", CurrentUser.of(ctx).toJson())
        .put("csrfToken", (String) ctx.get(AuthHandler.CSRF_KEY)));
  }

  private void list(RoutingContext ctx) {
    CurrentUser.of(ctx).require("list users", Role.ADMIN);
    accounts.list().onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void one(RoutingContext ctx) {
    var me = CurrentUser.of(ctx);
    var id = ctx.pathParam("id");
    if (!me.id().equals(id)) me.require("read other users", Role.ADMIN);
    accounts.one(id).onSuccess(user -> Responses.ok(ctx, user)).onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    var me = CurrentUser.of(ctx).require("create users", Role.ADMIN);
    var f = userFields(Fields.of(ctx).require("username", "displayName", "password", "roles")).check();
    var key = Idempotency.Key.of(ctx.request().getHeader("Idempotency-Key"), me.id(), ctx.body().asString());
    accounts.create(me, f.values(), key)
        .compose(created -> accounts.one(created.id()).map(user -> Responses.created(ctx, "/api/users/" + created.id(), user)))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    var me = CurrentUser.of(ctx).require("change users", Role.ADMIN);
    var f = Fields.of(ctx);
    var version = Versions.expected(ctx, f);
    userFields(f.allow("version"));
    f.bool("active");
    if (f.has("username")) f.fail("username", "cannot be changed; create a new user instead");
    f.check();
    if (f.values().isEmpty()) throw Failure.invalid("body", "send at least one field to change");
    var id = ctx.pathParam("id");
    accounts.update(me, id, version, f.values())
        .compose(v -> accounts.one(id))
        .onSuccess(user -> Responses.ok(ctx, user))
        .onFailure(ctx::fail);
  }

  private static Fields userFields(Fields f) {
    var username = f.text("username", 64);
    if (username != null && !username.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
      f.fail("username", "use 2-64 lower-case letters, digits, '.', '_' or '-'");
    }
    f.text("displayName", 100);
    var password = f.text("password", 200);
    if (password != null && password.length() < 8) f.fail("password", "must be at least 8 characters");
    var roles = f.textList("roles", 5, 20);
    if (roles != null && (roles.isEmpty() || !Role.keys().containsAll(roles))) {
      f.fail("roles", "must name one or more of " + String.join(", ", Role.keys()));
    }
    f.text("departmentId", 100);
    return f;
  }
}
