package org.liandong.storage;

import io.vertx.core.Future;
import java.util.Map;
import org.liandong.support.Failure;
import org.liandong.support.Json;

/**
 * Optimistic concurrency inside a write transaction: write-lock the node first, then read it,
 * so two concurrent writers cannot both see the same version. A stale version is a 409 that
 * carries the current state for the client to show.
 */
public final class Locks {
  private Locks() {}

  /** Locks and returns the node's properties; 404 when absent. */
  public static Future<Map<String, Object>> lock(Tx tx, Node label, String id) {
    return tx.first(label.lockAndRead, Map.of("id", id)).compose(row -> row
        .map(r -> Future.succeededFuture(r.get("n").asMap()))
        .orElseGet(() -> Future.failedFuture(Failure.notFound(label.noun(), id))));
  }

  /** Locks, returns the properties, and refuses a write based on another version. */
  public static Future<Map<String, Object>> lock(Tx tx, Node label, String id, long expectedVersion) {
    return lock(tx, label, id).compose(node -> expect(label, node, expectedVersion));
  }

  /**
   * Refuses a write based on another version of a node already locked and read (for writes
   * that lock with a statement of their own, reading more than the node).
   */
  public static Future<Map<String, Object>> expect(Node label, Map<String, Object> node, long expectedVersion) {
    var current = ((Number) node.getOrDefault("version", 0L)).longValue();
    if (current != expectedVersion) {
      return Future.failedFuture(new Failure.Conflict(
          "someone changed this " + label.noun() + " since you read it (you sent version "
              + expectedVersion + ", it is now " + current + "); here is the current state",
          Json.object(node)));
    }
    return Future.succeededFuture(node);
  }
}
