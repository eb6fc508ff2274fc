package org.liandong.accounts;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.liandong.access.CurrentUser;
import org.liandong.support.Failure;
import org.liandong.support.Text;

/**
 * Puts the {@link CurrentUser} on every request that reaches it, from a bearer token or the
 * session cookie. Cookie-authenticated writes must echo the session's CSRF token in a header:
 * a browser sends the cookie on its own, but only our page can read the token.
 */
public final class AuthHandler implements Handler<RoutingContext> {
  public static final String COOKIE = "liandong_session";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
  static final String TOKEN_KEY = "liandong.token";

  private final AccountService accounts;

  public AuthHandler(AccountService accounts) {
    this.accounts = accounts;
  }

  @Override
  public void handle(RoutingContext ctx) {
    var bearer = bearer(ctx);
    var token = token(ctx);
    if (token == null) {
      ctx.fail(new Failure.Unauthorized(Text.key("server.accounts.logFirstPostApi")));
      return;
    }
    accounts.session(token).onSuccess(found -> {
      if (found.isEmpty()) {
        ctx.fail(new Failure.Unauthorized(Text.key("server.accounts.yourSessionHasExpired")));
      } else if (bearer == null && !SAFE.contains(ctx.request().method())
          && !AccountService.csrfOf(token).equals(ctx.request().getHeader(CSRF_HEADER))) {
        ctx.fail(new Failure.Forbidden(Text.key("server.accounts.missingWrongHeaderUse", "csrfHeader", CSRF_HEADER)));
      } else {
        ctx.put(CurrentUser.KEY, found.get().user());
        ctx.put(TOKEN_KEY, token);
        ctx.next();
      }
    }).onFailure(ctx::fail);
  }

  /** The session's cookie: only this site's own requests send it, and no script reads it. */
  public static Cookie sessionCookie(String token, boolean secure) {
    return Cookie.cookie(COOKIE, token).setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setSecure(secure).setPath("/");
  }

  /** The session token from the Authorization header, else from the cookie; null when neither. */
  public static String token(RoutingContext ctx) {
    var bearer = bearer(ctx);
    if (bearer != null) return bearer.isBlank() ? null : bearer;
    var cookie = ctx.request().getCookie(COOKIE);
    return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
  }

  private static String bearer(RoutingContext ctx) {
    var header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
    var token = header.substring(7).strip();
    return token.length() > 200 ? "" : token;
  }
}
