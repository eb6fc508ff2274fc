package org.liandong.support;

import io.vertx.ext.web.RoutingContext;

/** Optimistic concurrency: every write names the version it was based on. */
public final class Versions {
  private Versions() {}

  /**
   * The version from {@code If-Match} ("3", W/"3" or 3) or else the body's {@code version};
   * missing is a 428 telling the client how to send it.
   */
  public static long expected(RoutingContext ctx, Fields body) {
    var header = ctx.request().getHeader("If-Match");
    if (header != null) {
      var digits = header.replace("W/", "").replace("\"", "").strip();
      try {
        return Long.parseLong(digits);
      } catch (NumberFormatException e) {
        throw Failure.invalid("If-Match", "must be the resource's version, e.g. \"3\"");
      }
    }
    var version = body.integer("version", 0, Long.MAX_VALUE);
    body.values().remove("version");
    if (version == null) {
      throw new Failure.PreconditionRequired(
          "send the version you last read, as If-Match: \"<version>\" or a \"version\" field");
    }
    return version;
  }

  public static void etag(RoutingContext ctx, Object version) {
    if (version != null) ctx.response().putHeader("ETag", "\"" + version + "\"");
  }
}
