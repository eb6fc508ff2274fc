package org.liandong.support;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Concurrent asks for the same key share one piece of work: a burst of sockets on one session,
 * a wall of battle maps after a change, costs one query instead of one each.
 */
public final class SingleFlight<K, V> {
  private final Map<K, CompletableFuture<V>> running = new ConcurrentHashMap<>();

  /**
   * Joins the work under way for the key, or starts it. {@code keep} is given the result only
   * if the key was not forgotten meanwhile (the caller's cache stays consistent with changes).
   * Each asker is answered on its own context: the work completes on whichever event loop
   * started it, and would otherwise run this asker's response there.
   */
  public Future<V> get(K key, Supplier<Future<V>> work, Consumer<V> keep) {
    var mine = new CompletableFuture<V>();
    var shared = running.putIfAbsent(key, mine);
    if (shared == null) {
      shared = mine;
      Future<V> started;
      try {
        started = work.get();
      } catch (RuntimeException e) {
        started = Future.failedFuture(e);
      }
      started.onComplete(result -> {
        boolean current = running.remove(key, mine);
        if (result.failed()) {
          mine.completeExceptionally(result.cause());
          return;
        }
        if (current) keep.accept(result.result());
        mine.complete(result.result());
      });
    }
    var context = Vertx.currentContext();
    return context == null ? Future.fromCompletionStage(shared) : Future.fromCompletionStage(shared, context);
  }

  /** Forgets the work under way for the key: later asks start afresh and its result is not kept. */
  public void forget(K key) {
    running.remove(key);
  }

  public void forgetAll() {
    running.clear();
  }
}
