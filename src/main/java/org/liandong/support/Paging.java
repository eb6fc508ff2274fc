package org.liandong.support;

import io.vertx.ext.web.RoutingContext;

/** ?limit=&offset= with bounds, as a 400 naming the parameter when they are off. */
public record Paging(int offset, int limit) {

  public static Paging of(RoutingContext ctx, int defaultLimit, int maxLimit) {
    return new Paging(number(ctx, "offset", 0, 0, Integer.MAX_VALUE),
        number(ctx, "limit", defaultLimit, 1, maxLimit));
  }

  private static int number(RoutingContext ctx, String name, int fallback, int min, int max) {
    var raw = ctx.queryParams().get(name);
    if (raw == null) return fallback;
    try {
      int value = Integer.parseInt(raw);
      if (value < min || value > max) throw new NumberFormatException();
      return value;
    } catch (NumberFormatException e) {
      throw Failure.invalid(name, "must be a whole number from " + min + " to " + max);
    }
  }
}
