package org.liandong.reach;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The receipt link's token (签收, docs/reach.md): {@code <delivery id>.<expiry, epoch seconds>.<HMAC-SHA256
 * of both under the server's receipt key, base64url>}. It names one delivery and nothing else,
 * and cannot be made or stretched without the key.
 */
final class ReceiptTokens {
  private static final Pattern SHAPE = Pattern.compile("([0-9a-f-]{36})\\.([0-9]{1,12})\\.([A-Za-z0-9_-]{43})");
  private static final Base64.Encoder URL64 = Base64.getUrlEncoder().withoutPadding();

  private final byte[] key;

  ReceiptTokens(byte[] key) {
    this.key = key.clone();
  }

  /** What a well-signed token says: its delivery and until when it opens it. */
  record Read(String deliveryId, Instant expires) {}

  String issue(String deliveryId, Instant expires) {
    var payload = deliveryId + "." + expires.getEpochSecond();
    return payload + "." + sign(payload);
  }

  /** The token's delivery and expiry when its signature is the key's; empty for anything else. */
  Optional<Read> read(String token) {
    var m = token == null ? null : SHAPE.matcher(token);
    if (m == null || !m.matches()) return Optional.empty();
    var payload = m.group(1) + "." + m.group(2);
    var given = m.group(3).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(given, sign(payload).getBytes(StandardCharsets.US_ASCII))) return Optional.empty();
    return Optional.of(new Read(m.group(1), Instant.ofEpochSecond(Long.parseLong(m.group(2)))));
  }

  private String sign(String payload) {
    return URL64.encodeToString(Hmac.sha256(key, payload.getBytes(StandardCharsets.UTF_8)));
  }
}
