package org.liandong.storage;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.liandong.support.Failure;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.async.AsyncTransactionContext;

/**
 * Managed transactions on the driver's async API: a read is retried briefly when it meets a
 * transient failure (a deadlock); a lane's batch of writes runs each write's work, then the change
 * log of all as the last step, then commits and tells the listeners. The database out of reach is
 * a 503 at once, never a long retry behind a person's request.
 */
final class Transactions {
  private static final int ATTEMPTS = 6;

  private record Committed<T>(T value, List<Change> changes) {}

  private final Vertx vertx;
  private final Sessions sessions;
  private final Supplier<ZonedDateTime> now;
  private final CommitListeners listeners;

  Transactions(Vertx vertx, Sessions sessions, Supplier<ZonedDateTime> now, CommitListeners listeners) {
    this.vertx = vertx;
    this.sessions = sessions;
    this.now = now;
    this.listeners = listeners;
  }

  /** A read in a transaction of its own, retried briefly when transient. */
  <T> Future<T> read(TransactionConfig config, Work<T> work) {
    var context = vertx.getOrCreateContext();
    var promise = Promise.<T>promise();
    attempt(config, work, context, 1, promise);
    return promise.future();
  }

  private <T> void attempt(TransactionConfig config, Work<T> work, Context context, int n, Promise<T> promise) {
    once(AccessMode.READ, config, work, context).onComplete(result -> {
      if (result.succeeded()) {
        promise.complete(result.result().value());
      } else if (Sessions.retryable(result.cause()) && n < ATTEMPTS) {
        vertx.setTimer(backOff(n), t -> attempt(config, work, context, n + 1, promise));
      } else {
        promise.fail(Sessions.translate(result.cause()));
      }
    });
  }

  /**
   * One batch of a lane in one transaction: each write's work in turn, then the change log of all,
   * then the commit; every member is answered, then {@code settled} runs. A member whose own work
   * fails (a stale version, a rule) is answered with its failure and the others go again without
   * it (the transaction it shared is rolled back, so nothing of it stays); two writers that locked
   * each other go again, a little later, together; an outage fails them all.
   */
  void runBatch(List<Writes.Pending<?>> members, int n, Runnable settled) {
    var failedAt = new int[] {-1};
    once(AccessMode.WRITE, TransactionConfig.empty(), each(members, failedAt), members.get(0).context()).onComplete(result -> {
      if (result.succeeded()) {
        listeners.committed(result.result().changes());
        var values = result.result().value();
        for (int i = 0; i < members.size(); i++) members.get(i).succeed(values.get(i));
        settled.run();
      } else if (Sessions.retryable(result.cause()) && n < ATTEMPTS) {
        // two writers locked each other: this batch waits a little, at random, and goes again
        vertx.setTimer(backOff(n), t -> runBatch(members, n + 1, settled));
      } else {
        failed(members, failedAt[0], Sessions.translate(result.cause()), n, settled);
      }
    });
  }

  /** Every member's work in turn in one transaction; the first that fails is noted in {@code failedAt}. */
  private static Work<List<Object>> each(List<Writes.Pending<?>> members, int[] failedAt) {
    return tx -> {
      var values = new ArrayList<Object>(members.size());
      Future<Void> chain = Future.succeededFuture();
      for (int i = 0; i < members.size(); i++) {
        int at = i;
        chain = chain.compose(v -> start(members.get(at).work(), tx).<Void>map(value -> {
          values.add(value);
          return null;
        }).recover(error -> {
          failedAt[0] = at;
          return Future.failedFuture(error);
        }));
      }
      return chain.map(v -> values);
    };
  }

  /** The member that failed hears why and the others go again without it; an outage fails them all. */
  private void failed(List<Writes.Pending<?>> members, int at, Throwable failure, int n, Runnable settled) {
    if (at >= 0 && !(failure instanceof Failure.Unavailable)) {
      members.get(at).fail(failure);
      var rest = new ArrayList<>(members);
      rest.remove(at);
      if (rest.isEmpty()) settled.run(); else runBatch(rest, n, settled);
    } else {
      members.forEach(m -> m.fail(failure));
      settled.run();
    }
  }

  private static long backOff(int attempt) {
    return ThreadLocalRandom.current().nextLong(5, 20L << attempt);
  }

  /** The work's future; a work that throws instead of failing its future fails it all the same (it is that member's failure). */
  private static Future<?> start(Work<?> work, Tx tx) {
    try {
      return work.run(tx);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private <T> Future<Committed<T>> once(AccessMode mode, TransactionConfig config, Work<T> work, Context context) {
    var session = sessions.open(mode);
    var changes = new AtomicReference<List<Change>>(List.of());
    Function<AsyncTransactionContext, CompletionStage<T>> run =
        raw -> workThenLog(new Tx(raw, context, now.get()), work, changes).toCompletionStage();
    var stage = mode == AccessMode.READ
        ? session.executeReadAsync(run::apply, config) : session.executeWriteAsync(run::apply, config);
    // close the session whatever happened, then hand back the transaction's own outcome
    var closed = stage.handle((value, error) -> new Sessions.Outcome<T>(value, error))
        .thenCompose(outcome -> session.closeAsync().handle((ignored, closing) -> outcome));
    return Future.fromCompletionStage(closed, context).compose(outcome -> outcome.error() != null
        ? Future.failedFuture(Sessions.unwrap(outcome.error()))
        : Future.succeededFuture(new Committed<>(outcome.value(), changes.get())));
  }

  /** The work, then its change entries written as the transaction's last step (kept for publishing after the commit). */
  private static <T> Future<T> workThenLog(Tx tx, Work<T> work, AtomicReference<List<Change>> changes) {
    return work.run(tx).compose(value -> ChangeLog.write(tx, tx.entries()).map(written -> {
      changes.set(written);
      return value;
    }));
  }
}
