package org.liandong.storage;

import io.vertx.core.Future;
import java.util.Map;
import org.liandong.support.Failure;
import org.liandong.support.Fields.Props;
import org.liandong.support.Json;
import org.liandong.support.Text;

/**
 * Optimistic concurrency inside a write transaction: write-lock the node first, then read it,
 * so two concurrent writers cannot both see the same version. A stale version is a 409 that
 * carries the current state for the client to show.
 */
public final class Locks {
  private Locks() {}

  /** Locks and returns the node's properties; 404 when absent. */
  public static Future<Props> lock(Tx tx, Node label, String id) {
    return tx.first(label.lockAndRead, Map.of("id", id)).compose(row -> row
        .map(r -> Future.succeededFuture(Props.of(r.get("n").asMap())))
        .orElseGet(() -> Future.failedFuture(label.notFound(id))));
  }

  /** Locks, returns the properties, and refuses a write based on another version. */
  public static Future<Props> lock(Tx tx, Node label, String id, long expectedVersion) {
    return lock(tx, label, id).compose(node -> expect(label, node, expectedVersion));
  }

  /**
   * Refuses a write based on another version of a node already locked and read (for writes
   * that lock with a statement of their own, reading more than the node).
   */
  public static Future<Props> expect(Node label, Props node, long expectedVersion) {
    var current = node.version();
    if (current != expectedVersion) {
      return Future.failedFuture(new Failure.Conflict(Text.key("server.storage.someoneChangedSinceYou", "noun", Text.of(String.valueOf(label.noun().en()), String.valueOf(label.noun().zh())), "expectedVersion", expectedVersion, "current", current),
          Json.object(node.asMap())));
    }
    return Future.succeededFuture(node);
  }
}
