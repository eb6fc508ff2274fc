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
    return Future.fromCompletionStage(
        tx.runAsync(cypher, params).thenCompose(ResultCursor::listAsync), context);
  }

  public Future<Optional<Record>> first(String cypher, Map<String, Object> params) {
    return list(cypher, params).map(rows -> rows.stream().findFirst());
  }

  public Future<ResultSummary> run(String cypher, Map<String, Object> params) {
    return Future.fromCompletionStage(
        tx.runAsync(cypher, params).thenCompose(ResultCursor::consumeAsync), context);
  }
}
