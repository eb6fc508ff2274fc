package org.liandong.web;

import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The security headers every answer carries. The pages load nothing from elsewhere and run no
 * inline script but one: the import map in index.html that names where lit's modules are, allowed
 * by its hash (computed from the page as built, so an edited map is allowed and nothing else).
 */
final class Headers {
  private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);
  private static final String POLICY = "default-src 'self'; script-src 'self' " + importMapHash("webroot/index.html") + "; "
      + "img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self' ws: wss:; frame-ancestors 'none'; "
      + "base-uri 'self'; form-action 'self'; object-src 'none'";

  private Headers() {}

  static void secure(RoutingContext ctx) {
    ctx.response()
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Referrer-Policy", "same-origin")
        .putHeader("Cross-Origin-Opener-Policy", "same-origin")
        .putHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        .putHeader("Content-Security-Policy", POLICY);
    ctx.next();
  }

  /** The CSP source that allows the page's import map and no other inline script: {@code 'sha256-…'}. */
  static String importMapHash(String page) {
    try (var in = Headers.class.getClassLoader().getResourceAsStream(page)) {
      if (in == null) throw new IllegalStateException(page + " is not on the class path");
      var matcher = IMPORT_MAP.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      if (!matcher.find()) throw new IllegalStateException(page + " has no import map");
      var digest = MessageDigest.getInstance("SHA-256").digest(matcher.group(1).getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
