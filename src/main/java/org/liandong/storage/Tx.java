package org.liandong.storage;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.async.AsyncTransactionContext;
import org.neo4j.driver.async.ResultCursor;
import org.neo4j.driver.summary.ResultSummary;

/** One managed transaction, seen through Vert.x futures so services compose it like the rest. */
public final class Tx {
  private final AsyncTransactionContext tx;
  private final Context context;
  /** Changes recorded in this attempt; published only once it commits. */
  final List<Change> recorded = new java.util.ArrayList<>();

  Tx(AsyncTransactionContext tx, Context context) {
    this.tx = tx;
    this.context = context;
  }

  public Future<List<Record>> list(String cypher, Map<String, Object> params) {
    return Future.fromCompletionStage(rows(cypher, params), context);
  }

  /**
   * The same, but completed on the driver's thread instead of the caller's context: for the
   * change-log statement, whose channel locks every other writer of those channels waits on
   * until the commit. What follows it is small, so the commit need not queue behind the event
   * loop's other work.
   */
  Future<List<Record>> listBeforeCommit(String cypher, Map<String, Object> params) {
    return Future.fromCompletionStage(rows(cypher, params));
  }

  private java.util.concurrent.CompletionStage<List<Record>> rows(String cypher, Map<String, Object> params) {
    return tx.runAsync(cypher, params).thenCompose(ResultCursor::listAsync);
  }

  public Future<Optional<Record>> first(String cypher, Map<String, Object> params) {
    return list(cypher, params).map(rows -> rows.stream().findFirst());
  }

  /** At most {@code cap} records, whether there were more, and the summary (plan, query type). */
  public record Capped(List<String> keys, List<Record> records, boolean truncated, ResultSummary summary) {}

  public Future<Capped> capped(String cypher, Map<String, Object> params, int cap) {
    var stage = tx.runAsync(cypher, params).thenCompose(cursor -> {
      var records = new java.util.ArrayList<Record>();
      return take(cursor, records, cap).thenCompose(more -> cursor.consumeAsync()
          .thenApply(summary -> new Capped(cursor.keys(), List.copyOf(records), more, summary)));
    });
    return Future.fromCompletionStage(stage, context);
  }

  /** Reads records one by one until the cap; resolves to whether more were left unread. */
  private static java.util.concurrent.CompletionStage<Boolean> take(ResultCursor cursor, List<Record> into, int cap) {
    return cursor.nextAsync().thenCompose(record -> {
      if (record == null) return java.util.concurrent.CompletableFuture.completedFuture(false);
      if (into.size() >= cap) return java.util.concurrent.CompletableFuture.completedFuture(true);
      into.add(record);
      return take(cursor, into, cap);
    });
  }

  public Future<ResultSummary> run(String cypher, Map<String, Object> params) {
    return Future.fromCompletionStage(
        tx.runAsync(cypher, params).thenCompose(ResultCursor::consumeAsync), context);
  }
}
