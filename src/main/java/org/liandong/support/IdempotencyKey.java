package org.liandong.support;

import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A create's {@code Idempotency-Key}, scoped to the person who sent it, with a digest of what
 * was asked: the same key with another body is a mistake the client hears about.
 */
public record IdempotencyKey(String scoped, String requestHash) {

  /** The request's key, if it sent one; a malformed one is a 400. */
  public static Optional<IdempotencyKey> of(RoutingContext ctx, String actorId) {
    var header = ctx.request().getHeader("Idempotency-Key");
    if (header == null) return Optional.empty();
    if (header.isBlank() || header.length() > 200 || !header.chars().allMatch(c -> c > 32 && c < 127)) {
      throw Failure.invalid("Idempotency-Key", Text.key("server.support.mustVisibleAsciiCharacters"));
    }
    var body = ctx.body() == null ? "" : ctx.body().asString();
    return Optional.of(new IdempotencyKey(actorId + ":" + header, sha256(body == null ? "" : body)));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
