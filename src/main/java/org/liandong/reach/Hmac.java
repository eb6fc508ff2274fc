package org.liandong.reach;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256, as the SMS gateway, the generic webhook, 钉钉 and 飞书 each sign with it (their inputs differ, docs/reach.md). */
final class Hmac {
  private Hmac() {}

  static byte[] sha256(byte[] key, byte[] data) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
    }
  }
}
