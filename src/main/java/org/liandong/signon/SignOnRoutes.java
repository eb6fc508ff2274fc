package org.liandong.signon;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Optional;
import java.util.regex.Pattern;
import org.liandong.accounts.AuthHandler;

/**
 * The browser's side of single sign-on, outside the JSON API (docs/sso.md): {@code GET
 * /auth/oidc/login} sends the person to the provider, {@code GET /auth/oidc/callback} brings them
 * back into a session (or to the login page saying why not), {@code POST
 * /auth/oidc/backchannel-logout} is the provider ending sessions.
 */
public final class SignOnRoutes {
  static final String STATE_COOKIE = "liandong_sso";
  private static final String BASE = "/auth/oidc";
  /** What a state or a code may look like: URL-safe text of a sane length (the provider's codes are opaque). */
  private static final Pattern PARAM = Pattern.compile("[A-Za-z0-9._~+/=-]{1,2048}");
  private static final Pattern LANGUAGE = Pattern.compile("zh-CN|en");

  private final SignOnService service;
  private final boolean secureCookies;

  public SignOnRoutes(SignOnService service, boolean secureCookies) {
    this.service = service;
    this.secureCookies = secureCookies;
  }

  public void mount(Router router) {
    router.get(BASE + "/login").handler(this::login);
    router.get(BASE + "/callback").handler(this::callback);
    router.post(BASE + "/backchannel-logout").handler(BodyHandler.create(false).setBodyLimit(64 * 1024)).handler(this::backChannel);
  }

  private void login(RoutingContext ctx) {
    var language = Optional.ofNullable(ctx.request().getParam("lang")).filter(l -> LANGUAGE.matcher(l).matches());
    service.start(address(ctx), language).onSuccess(started -> {
      ctx.response().addCookie(Cookie.cookie(STATE_COOKIE, started.state()).setPath(BASE).setHttpOnly(true)
          .setSecure(secureCookies).setSameSite(CookieSameSite.LAX).setMaxAge(600));
      redirect(ctx, started.location());
    }).onFailure(e -> refused(ctx, e));
  }

  private void callback(RoutingContext ctx) {
    var error = ctx.request().getParam("error");
    var state = ctx.request().getParam("state");
    var code = ctx.request().getParam("code");
    if (error != null) {
      refused(ctx, service.denied(error.length() > 100 ? error.substring(0, 100) : error));
      return;
    }
    if (state == null || code == null || !PARAM.matcher(state).matches() || !PARAM.matcher(code).matches()) {
      refused(ctx, new Refusal(Refusal.Reason.FAILED, "the provider's answer has no usable state and code"));
      return;
    }
    var cookie = Optional.ofNullable(ctx.request().getCookie(STATE_COOKIE)).map(Cookie::getValue);
    service.finish(address(ctx), state, cookie, code).onSuccess(login -> {
      forgetState(ctx);
      ctx.response().addCookie(AuthHandler.sessionCookie(login.token(), secureCookies));
      redirect(ctx, "/#/");
    }).onFailure(e -> refused(ctx, e));
  }

  /** Back-Channel Logout 1.0, 2.5: a form with {@code logout_token}; 200 once its sessions ended, 400 when it does not verify. */
  private void backChannel(RoutingContext ctx) {
    var type = String.valueOf(ctx.request().getHeader("Content-Type"));
    var token = ctx.request().getFormAttribute("logout_token");
    ctx.response().putHeader("Cache-Control", "no-store");
    if (!type.startsWith("application/x-www-form-urlencoded") || token == null || token.length() > 16_384) {
      badRequest(ctx, "a form with one logout_token is expected");
      return;
    }
    service.backChannel(token).onSuccess(ended -> ctx.response().setStatusCode(200).end())
        .onFailure(e -> {
          if (e instanceof Tokens.Refused) {
            badRequest(ctx, "the logout token does not verify: " + e.getMessage());
          } else {
            ctx.response().setStatusCode(503).putHeader("Content-Type", "application/json").putHeader("Retry-After", "30")
                .end(new JsonObject().put("error", "temporarily_unavailable").encode());
          }
        });
  }

  private static void badRequest(RoutingContext ctx, String why) {
    ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", "invalid_request").put("error_description", why).encode());
  }

  private void forgetState(RoutingContext ctx) {
    ctx.response().addCookie(Cookie.cookie(STATE_COOKIE, "").setPath(BASE).setMaxAge(0).setHttpOnly(true)
        .setSecure(secureCookies).setSameSite(CookieSameSite.LAX));
  }

  /** The login page, saying in the person's language why (#/sso/norole, …); never a session. */
  private void refused(RoutingContext ctx, Throwable e) {
    var reason = e instanceof Refusal r ? r.reason : Refusal.Reason.UNAVAILABLE;
    forgetState(ctx);
    redirect(ctx, "/#/sso/" + reason.code);
  }

  private static void redirect(RoutingContext ctx, String location) {
    ctx.response().setStatusCode(302).putHeader("Location", location).putHeader("Cache-Control", "no-store").end();
  }

  private static String address(RoutingContext ctx) {
    return ctx.request().remoteAddress().hostAddress();
  }
}
