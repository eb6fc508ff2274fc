package org.liandong.storage;

import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;
import org.liandong.support.Failure;
import org.liandong.support.IdempotencyKey;
import org.liandong.support.Text;

/**
 * A create sent with an {@code Idempotency-Key} creates at most once. The key is taken first,
 * with a MERGE on its unique property: concurrent retries of the same key wait on that lock
 * until the first commits, then answer with its object (a create that fails releases the key).
 */
public final class Idempotency {
  private Idempotency() {}

  public record Created(String id, boolean replayed) {}

  private static final String TAKE = """
      MERGE (k:IdempotencyKey {key: $key})
        ON CREATE SET k.fresh = true, k.takenAt = $now
      WITH k, coalesce(k.fresh, false) AS fresh
      REMOVE k.fresh
      RETURN fresh, k.requestHash AS hash, k.entity AS entity, k.entityId AS id
      """;
  private static final String REMEMBER = """
      MATCH (k:IdempotencyKey {key: $key}) SET k.requestHash = $hash, k.entity = $entity, k.entityId = $id
      """;

  public static Future<Created> create(Graph graph, Optional<IdempotencyKey> key, String entity, Work<String> creator) {
    if (key.isEmpty()) return graph.write(creator).map(id -> new Created(id, false));
    var k = key.get();
    return graph.write(tx -> tx.first(TAKE, Map.of("key", k.scoped())).compose(row -> row.orElseThrow().get("fresh").asBoolean()
        ? createAndRemember(tx, k, entity, creator)
        : replay(row.orElseThrow(), k, entity)));
  }

  private static Future<Created> createAndRemember(Tx tx, IdempotencyKey k, String entity, Work<String> creator) {
    return creator.run(tx).compose(id -> tx.run(REMEMBER, Map.of("key", k.scoped(), "hash", k.requestHash(), "entity", entity, "id", id))
        .map(new Created(id, false)));
  }

  /** The key was taken before: the same request gets its object, another request with it is refused. */
  private static Future<Created> replay(org.neo4j.driver.Record r, IdempotencyKey k, String entity) {
    if (!k.requestHash().equals(r.get("hash").asString(null)) || !entity.equals(r.get("entity").asString(null))) {
      return Future.failedFuture(Failure.unprocessable("Idempotency-Key", Text.key("server.storage.wasAlreadyUsedDifferent")));
    }
    return Future.succeededFuture(new Created(r.get("id").asString(), true));
  }
}
