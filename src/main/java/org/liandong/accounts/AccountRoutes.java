package org.liandong.accounts;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.liandong.access.CurrentUser;
import org.liandong.support.Body;
import org.liandong.support.IdempotencyKey;
import org.liandong.support.Responses;
import org.liandong.support.Routes;
import org.liandong.support.Versions;

/** Log in and out, who am I, and the admin's user management. */
public final class AccountRoutes implements Routes {
  static final Body.Shape USER = Body.Shape.of()
      .with(Body.Kind.TEXT, "username", "displayName", "departmentId", "email", "mobile", "language", "ssoSubject")
      .with(Body.Kind.TEXTS, "roles")
      .with(Body.Kind.BOOL, "active");

  private final AccountService accounts;
  private final boolean secureCookies;
  private final boolean demo;
  private final Ways ways;

  /** How people sign in here, as the login page shows it: through the provider, by password (or admins only). */
  public record Ways(boolean provider, boolean localLogin, ProviderLogout logout) {}

  public AccountRoutes(AccountService accounts, boolean secureCookies, boolean demo, Ways ways) {
    this.demo = demo;
    this.accounts = accounts;
    this.secureCookies = secureCookies;
    this.ways = ways;
  }

  @Override
  public void mount(Operations api) {
    api.on("login", this::login)
        .on("currentSession", this::current)
        .on("logout", this::logout)
        .on("me", this::me)
        .on("listUsers", this::list)
        .on("listPeople", ctx -> accounts.users().people(CurrentUser.of(ctx)).onSuccess(ctx::json).onFailure(ctx::fail))
        .on("createUser", this::create)
        .on("getUser", this::one)
        .on("updateUser", this::update)
        .on("updateMe", this::updateMe)
        .on("kioskLogin", this::kioskLogin)
        .on("issueKioskKey", this::issueKioskKey);
  }

  private void login(RoutingContext ctx) {
    var body = Body.of(ctx);
    // a password is taken exactly as typed: "demo " is not "demo"
    var password = body.json().getString("password");
    accounts.login(body.text("username"), password, ctx.request().remoteAddress().hostAddress())
        .onSuccess(login -> loggedIn(ctx, login)).onFailure(ctx::fail);
  }

  private void kioskLogin(RoutingContext ctx) {
    accounts.kioskLogin(Body.of(ctx).json().getString("key"), ctx.request().remoteAddress().hostAddress())
        .onSuccess(login -> loggedIn(ctx, login)).onFailure(ctx::fail);
  }

  private void loggedIn(RoutingContext ctx, AccountService.Login login) {
    ctx.response().addCookie(AuthHandler.sessionCookie(login.token(), secureCookies));
    Responses.created(ctx, null, new JsonObject().put("token", login.token())
        .put("csrfToken", login.csrf()).put("user", accounts.describe(login.user())));
  }

  private void issueKioskKey(RoutingContext ctx) {
    var id = ctx.pathParam("id");
    accounts.issueKioskKey(CurrentUser.of(ctx), id).onSuccess(key -> Responses.created(ctx, null,
        new JsonObject().put("key", key).put("path", "/#/kiosk/" + key))).onFailure(ctx::fail);
  }

  /** Am I logged in? Always 200, so a page can ask before it knows (no 401 in its console). */
  private void current(RoutingContext ctx) {
    var token = AuthHandler.token(ctx);
    // demo: whether the login page may name the demo accounts (they exist only with the demo data)
    if (token == null) {
      var answer = new JsonObject().putNull("user").put("demo", demo).put("sso", ways.provider()).put("localLogin", ways.localLogin());
      if (demo) answer.put("demoKioskPath", "/#/kiosk/" + AccountService.DEMO_KIOSK_KEY);
      ctx.json(answer);
      return;
    }
    accounts.session(token).onSuccess(found -> ctx.json(found
            .map(s -> new JsonObject().put("user", accounts.describe(s.user())).put("csrfToken", AccountService.csrfOf(token)))
            .orElseGet(() -> new JsonObject().putNull("user")).put("demo", demo)
            .put("sso", ways.provider()).put("localLogin", ways.localLogin())))
        .onFailure(ctx::fail);
  }

  /** Ends the session: 204; 200 with where to go when the session came from the provider, to log out there too. */
  private void logout(RoutingContext ctx) {
    accounts.logout(ctx.get(AuthHandler.TOKEN_KEY))
        .compose(idToken -> idToken.map(ways.logout()::url).orElse(Future.succeededFuture(Optional.empty())))
        .onSuccess(redirect -> {
          ctx.response().addCookie(Cookie.cookie(AuthHandler.COOKIE, "").setMaxAge(0).setPath("/")
              .setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setSecure(secureCookies));
          if (redirect.isPresent()) Responses.ok(ctx, new JsonObject().put("redirect", redirect.get()));
          else Responses.noContent(ctx);
        }).onFailure(ctx::fail);
  }

  private void me(RoutingContext ctx) {
    ctx.json(new JsonObject().put("user", accounts.describe(CurrentUser.of(ctx)))
        .put("csrfToken", AccountService.csrfOf(ctx.get(AuthHandler.TOKEN_KEY))));
  }

  private void list(RoutingContext ctx) {
    accounts.users().list(CurrentUser.of(ctx)).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void one(RoutingContext ctx) {
    accounts.users().one(CurrentUser.of(ctx), ctx.pathParam("id")).onSuccess(user -> Responses.ok(ctx, user)).onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    var me = CurrentUser.of(ctx);
    var fields = Body.of(ctx).changes(USER, "password").set("password", Body.of(ctx).json().getString("password"));
    var key = IdempotencyKey.of(ctx, me.id());
    accounts.users().create(me, fields, key)
        .onSuccess(user -> Responses.created(ctx, "/api/users/" + user.getString("id"), user))
        .onFailure(ctx::fail);
  }

  /** What a person corrects of their own account: where their notices go, and in which language. */
  static final Body.Shape CONTACT = Body.Shape.of().with(Body.Kind.TEXT, "email", "mobile", "language");

  private void updateMe(RoutingContext ctx) {
    accounts.users().updateOwn(CurrentUser.of(ctx), Versions.expected(ctx), Body.of(ctx).changes(CONTACT))
        .onSuccess(user -> Responses.ok(ctx, user))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    var version = Versions.expected(ctx);
    var fields = Body.of(ctx).changes(USER, "password");
    var password = Body.of(ctx).json().getString("password");
    if (password != null) fields.set("password", password);
    accounts.users().update(CurrentUser.of(ctx), ctx.pathParam("id"), version, fields)
        .onSuccess(user -> Responses.ok(ctx, user))
        .onFailure(ctx::fail);
  }
}
