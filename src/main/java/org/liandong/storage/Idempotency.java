package org.liandong.storage;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.liandong.support.Failure;

/**
 * A create sent with an {@code Idempotency-Key} creates at most once: the key is stored in the
 * same transaction as the object, and a retry with the same key gets the first object back.
 */
public final class Idempotency {
  private Idempotency() {}

  /** A client's key scoped to the person who sent it, with a digest of what was asked. */
  public record Key(String scoped, String requestHash) {
    public static Optional<Key> of(String header, String actorId, String body) {
      if (header == null) return Optional.empty();
      if (header.isBlank() || header.length() > 200 || !header.chars().allMatch(c -> c > 32 && c < 127)) {
        throw Failure.invalid("Idempotency-Key", "must be 1-200 visible ASCII characters, e.g. a UUID");
      }
      return Optional.of(new Key(actorId + ":" + header, sha256(body == null ? "" : body)));
    }
  }

  public record Created(String id, boolean replayed) {}

  private static final String FIND =
      "MATCH (k:IdempotencyKey {key: $key}) RETURN k.entityId AS id, k.requestHash AS hash, k.entity AS entity";
  private static final String REMEMBER = """
      CREATE (:IdempotencyKey {key: $key, requestHash: $hash, entity: $entity, entityId: $id, at: datetime()})
      """;

  public static Future<Created> create(Graph graph, Optional<Key> key, String entity,
                                       Function<Tx, Future<String>> creator) {
    if (key.isEmpty()) return graph.write(creator).map(id -> new Created(id, false));
    return attempt(graph, key.get(), entity, creator).recover(error ->
        // a concurrent retry with the same key committed first: answer with its object
        Exists.violates(error, "IdempotencyKey", "key") ? attempt(graph, key.get(), entity, creator) : Future.failedFuture(error));
  }

  private static Future<Created> attempt(Graph graph, Key key, String entity, Function<Tx, Future<String>> creator) {
    return graph.write(tx -> tx.first(FIND, Map.of("key", key.scoped())).compose(found -> {
      if (found.isPresent()) {
        var row = found.get();
        if (!row.get("hash").asString().equals(key.requestHash()) || !row.get("entity").asString().equals(entity)) {
          return Future.failedFuture(Failure.Invalid.unprocessable("Idempotency-Key",
              "was already used for a different request; send a new key for a new object"));
        }
        return Future.succeededFuture(new Created(row.get("id").asString(), true));
      }
      return creator.apply(tx).compose(id -> tx.run(REMEMBER, Map.of(
              "key", key.scoped(), "hash", key.requestHash(), "entity", entity, "id", id))
          .map(summary -> new Created(id, false)));
    }));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
