package org.liandong.support;

import io.vertx.ext.web.RoutingContext;

/** Optimistic concurrency: every write names the version it was based on. */
public final class Versions {
  private Versions() {}

  /**
   * The version from {@code If-Match} ("3", W/"3" or 3) or else the body's {@code version};
   * missing is a 428 telling the client how to send it.
   */
  public static long expected(RoutingContext ctx) {
    var header = ctx.request().getHeader("If-Match");
    if (header != null) {
      var digits = header.replace("W/", "").replace("\"", "").strip();
      if (!digits.matches("\\d{1,15}")) {
        throw Failure.invalid("If-Match", Text.key("server.support.mustResourceSVersion"));
      }
      return Long.parseLong(digits);
    }
    var version = Body.of(ctx).integer("version");
    if (version == null) {
      throw new Failure.PreconditionRequired(Text.key("server.support.sendVersionYouLast"));
    }
    return version;
  }

  public static void etag(RoutingContext ctx, Object version) {
    if (version != null) ctx.response().putHeader("ETag", "\"" + version + "\"");
  }
}
