package org.liandong.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.liandong.support.Versions;

/** The few shapes of a successful answer. */
public final class Responses {
  private Responses() {}

  public static Void ok(RoutingContext ctx, JsonObject body) {
    Versions.etag(ctx, body.getValue("version"));
    ctx.json(body);
    return null;
  }

  public static Void created(RoutingContext ctx, String location, JsonObject body) {
    if (location != null) ctx.response().putHeader("Location", location);
    Versions.etag(ctx, body.getValue("version"));
    ctx.response().setStatusCode(201);
    ctx.json(body);
    return null;
  }
}
