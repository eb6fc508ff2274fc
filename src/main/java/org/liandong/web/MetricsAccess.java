package org.liandong.web;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.liandong.support.Text;

/**
 * Who may read /metrics: with LIANDONG_METRICS_TOKEN, whoever sends it as a bearer token (401
 * otherwise); without one, only this host (403 for another, naming the setting). The token is
 * compared in constant time.
 */
final class MetricsAccess implements Handler<RoutingContext> {
  private final Optional<byte[]> token;

  MetricsAccess(Optional<String> token) {
    this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void handle(RoutingContext ctx) {
    int status = decide(ctx.request().remoteAddress().hostAddress(), ctx.request().getHeader("Authorization"));
    if (status == 200) {
      ctx.next();
      return;
    }
    var text = status == 401 ? Text.key("server.web.metricsToken") : Text.key("server.web.metricsLocalOnly");
    if (status == 401) ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .end(new JsonObject().put("error", status == 401 ? "unauthorized" : "forbidden")
            .put("message", text.en()).put("messageZh", text.zh()).encode());
  }

  /** 200 to let the scrape in, else the status that refuses it. */
  int decide(String remoteHost, String authorization) {
    if (token.isPresent()) {
      var sent = authorization != null && authorization.startsWith("Bearer ")
          ? authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
      return MessageDigest.isEqual(sent, token.get()) ? 200 : 401;
    }
    return loopback(remoteHost) ? 200 : 403;
  }

  private static boolean loopback(String host) {
    try {
      return host != null && InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
