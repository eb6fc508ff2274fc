package org.liandong.live;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Optional;
import org.liandong.accounts.AccountService;
import org.liandong.accounts.AuthHandler;
import org.liandong.config.AppConfig;

/**
 * {@code GET /ws}: the WebSocket handshake. A browser's Origin must be this server's own or one
 * configured in LIANDONG_ALLOWED_ORIGINS; the session cookie authenticates at once, otherwise
 * the first message must be {@code auth} with a token. Never a token in the URL.
 */
public final class LiveEndpoint {
  private final LiveVerticle live;
  private final AccountService accounts;
  private final AppConfig.Live limits;

  public LiveEndpoint(LiveVerticle live, AccountService accounts, AppConfig.Live limits) {
    this.live = live;
    this.accounts = accounts;
    this.limits = limits;
  }

  public void handle(RoutingContext ctx) {
    var request = ctx.request();
    if (!request.canUpgradeToWebSocket()) {
      refuse(ctx, 400, "this address speaks WebSocket only");
      return;
    }
    var origin = request.getHeader("Origin");
    if (origin != null && !allowed(origin, request.authority() == null ? null : request.authority().toString())) {
      refuse(ctx, 403, "origin not allowed: " + origin);
      return;
    }
    var cookie = request.getCookie(AuthHandler.COOKIE);
    Future<Optional<AccountService.Session>> fromCookie = cookie == null || cookie.getValue().isBlank()
        ? Future.succeededFuture(Optional.empty())
        : accounts.session(cookie.getValue());
    request.pause();
    fromCookie.onComplete(session -> {
      request.resume();
      request.toWebSocket().onSuccess(ws -> {
        ws.setWriteQueueMaxSize(limits.writeQueueBytes());
        var connection = new Connection(ctx.vertx(), ws, live, accounts, limits);
        connection.start(session.succeeded() ? session.result().orElse(null) : null);
        if (session.failed()) connection.unavailable();
      }).onFailure(ctx::fail);
    });
  }

  /** A refused handshake also ends the connection, so no client reuses it for its next try. */
  private static void refuse(RoutingContext ctx, int status, String message) {
    ctx.response().setStatusCode(status).putHeader("Connection", "close").end(message);
  }

  /** Same origin as the address the browser asked for, or listed in the configuration. */
  private boolean allowed(String origin, String authority) {
    if (limits.allowedOrigins().contains(origin)) return true;
    try {
      var uri = URI.create(origin);
      var host = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
      return authority != null && host.equalsIgnoreCase(authority);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
