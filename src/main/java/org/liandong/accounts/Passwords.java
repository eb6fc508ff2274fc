package org.liandong.accounts;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106) with OWASP's minimum parameters, stored in the PHC string format. Each
 * hash takes 19 MiB and tens of milliseconds of CPU, so hashing runs on a worker pool of its
 * own, sized on purpose (LIANDONG_PASSWORD_WORKERS): a burst of logins queues there, and
 * neither blocks an event loop nor starves the other workers.
 */
final class Passwords {
  private static final int MEMORY_KIB = 19 * 1024;
  private static final int ITERATIONS = 2;
  private static final int PARALLELISM = 1;
  private static final int HASH_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private final WorkerExecutor pool;
  /** Verified against when the username is unknown, so timing does not reveal which usernames exist. */
  private volatile String decoy;

  Passwords(WorkerExecutor pool) {
    this.pool = pool;
  }

  /** Makes the decoy hash on the pool; call once at start-up, before the first login. */
  Future<Void> start() {
    return hash("decoy-password-never-matches").map(h -> {
      decoy = h;
      return null;
    });
  }

  Future<String> hash(String password) {
    return pool.executeBlocking(() -> hashNow(password), false);
  }

  /** Verifies against the stored hash, or against the decoy when there is none. */
  Future<Boolean> verify(String password, String encoded) {
    var against = encoded == null ? decoy : encoded;
    return pool.executeBlocking(() -> verifyNow(password, against) && encoded != null, false);
  }

  /** For the demo loader and the first admin, which hash before the server serves anyone. */
  static String hashNow(String password) {
    var salt = new byte[16];
    RANDOM.nextBytes(salt);
    var hash = argon2(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM);
    return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM
        + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
  }

  static boolean verifyNow(String password, String encoded) {
    if (encoded == null) return false;
    var parts = encoded.split("\\$");
    if (parts.length != 6 || !"argon2id".equals(parts[1])) return false;
    int m = 0, t = 0, p = 0;
    for (var kv : parts[3].split(",")) {
      var pair = kv.split("=");
      switch (pair[0]) {
        case "m" -> m = Integer.parseInt(pair[1]);
        case "t" -> t = Integer.parseInt(pair[1]);
        case "p" -> p = Integer.parseInt(pair[1]);
        default -> { return false; }
      }
    }
    var expected = B64D.decode(parts[5]);
    var actual = argon2(password, B64D.decode(parts[4]), m, t, p);
    return MessageDigest.isEqual(expected, actual);
  }

  static String randomToken() {
    var bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Session tokens are stored only as their SHA-256, so a stolen store holds no live token. */
  static String tokenHash(String token) {
    return digest("session:" + token);
  }

  /**
   * The session's CSRF token, derived from the session token and never stored: only our page
   * (which holds the token's answer from the login) can know it; the store cannot give it away.
   */
  static String csrf(String token) {
    return digest("csrf:" + token);
  }

  private static String digest(String text) {
    try {
      var d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] argon2(String password, byte[] salt, int memory, int iterations, int parallelism) {
    var params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withSalt(salt).withMemoryAsKB(memory).withIterations(iterations).withParallelism(parallelism)
        .build();
    var generator = new Argon2BytesGenerator();
    generator.init(params);
    var out = new byte[HASH_BYTES];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
