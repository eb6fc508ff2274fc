package org.liandong.web;

import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.liandong.support.Failure;
import org.liandong.support.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error leaves as JSON {@code {error, message, messageZh, ...}}: a user's mistake as its
 * 4xx with words they can act on in both languages, an outage as 503 with Retry-After, our own
 * bug as a 500 logged once with its stack trace.
 */
final class FailureHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);
  private final int importMaxBytes;

  FailureHandler(int importMaxBytes) {
    this.importMaxBytes = importMaxBytes;
  }

  @Override
  public void handle(RoutingContext ctx) {
    var error = ctx.failure();
    if (ctx.response().headWritten()) {
      LOG.warn("failure after the response started: {} {}", ctx.request().method(), ctx.request().path(), error);
      ctx.response().reset();
      return;
    }
    if (error instanceof Failure f) {
      if (f instanceof Failure.Retry r) ctx.response().putHeader("Retry-After", String.valueOf(r.retryAfterSeconds()));
      send(ctx, f.status(), f.code(), f.text(), f.details());
    } else if (error instanceof DecodeException) {
      send(ctx, 400, "invalid", Text.key("server.web.bodyNotValidJson"), new JsonObject());
    } else if (status(ctx, error) == 404) {
      send(ctx, 404, "not_found", Text.key("server.web.noSuchAddress", "path", ctx.request().path()), new JsonObject());
    } else if (status(ctx, error) == 405) {
      send(ctx, 405, "method_not_allowed", Text.key("server.web.notSupportedHere", "method", ctx.request().method()), new JsonObject());
    } else if (status(ctx, error) == 413 && ctx.request().path().startsWith(HttpVerticle.IMPORTS)) {
      var mb = String.format(java.util.Locale.ROOT, "%.1f", importMaxBytes / (1024.0 * 1024));
      send(ctx, 413, "too_large", Text.key("server.web.workbookLargerThanMb", "mb", mb), new JsonObject());
    } else if (status(ctx, error) == 413) {
      send(ctx, 413, "too_large", Text.key("server.web.bodyTooLargeMost"), new JsonObject());
    } else if (status(ctx, error) >= 400 && status(ctx, error) < 500) {
      send(ctx, status(ctx, error), "invalid", Text.key("server.web.requestWasRefused"), new JsonObject());
    } else {
      LOG.error("unexpected failure on {} {}", ctx.request().method(), ctx.request().path(), error);
      send(ctx, 500, "internal", Text.key("server.web.somethingWentWrongOur"), new JsonObject());
    }
  }

  private static int status(RoutingContext ctx, Throwable error) {
    return error instanceof HttpException h ? h.getStatusCode() : error == null ? ctx.statusCode() : 500;
  }

  private static void send(RoutingContext ctx, int status, String code, Text message, JsonObject details) {
    var body = new JsonObject().put("error", code).put("message", message.en()).put("messageZh", message.zh());
    body.mergeIn(details);
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .end(body.encode());
  }
}
