package org.liandong.web;

import io.vertx.ext.web.RoutingContext;

/** The security headers every answer carries; the pages load nothing from elsewhere and run no inline script. */
final class Headers {
  private Headers() {}

  static void secure(RoutingContext ctx) {
    ctx.response()
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Referrer-Policy", "same-origin")
        .putHeader("Cross-Origin-Opener-Policy", "same-origin")
        .putHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        .putHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; connect-src 'self' ws: wss:; frame-ancestors 'none'; "
            + "base-uri 'self'; form-action 'self'; object-src 'none'");
    ctx.next();
  }
}
