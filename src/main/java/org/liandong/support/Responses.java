package org.liandong.support;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The few shapes of a successful answer. */
public final class Responses {
  private Responses() {}

  public static void ok(RoutingContext ctx, JsonObject body) {
    Versions.etag(ctx, body.getValue("version"));
    ctx.json(body);
  }

  /** A JSON answer already encoded (kept for every asker until it changes: {@link EncodedArray}). */
  public static void json(RoutingContext ctx, Buffer body) {
    ctx.response().putHeader("Content-Type", "application/json").end(body);
  }

  public static void created(RoutingContext ctx, String location, JsonObject body) {
    if (location != null) ctx.response().putHeader("Location", location);
    Versions.etag(ctx, body.getValue("version"));
    ctx.response().setStatusCode(201);
    ctx.json(body);
  }

  public static void noContent(RoutingContext ctx) {
    ctx.response().setStatusCode(204).end();
  }
}
