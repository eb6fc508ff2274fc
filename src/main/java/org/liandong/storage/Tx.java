package org.liandong.storage;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.neo4j.driver.Record;
import org.neo4j.driver.async.AsyncQueryRunner;
import org.neo4j.driver.async.ResultCursor;
import org.neo4j.driver.summary.ResultSummary;

/** One managed transaction, seen through Vert.x futures so services compose it like the rest. */
public final class Tx {
  private final AsyncQueryRunner tx;
  private final Context context;
  private final ZonedDateTime now;
  /** What this attempt's work did, for the change log written as its last step. */
  private final List<Entry> entries = new ArrayList<>();

  Tx(AsyncQueryRunner tx, Context context, ZonedDateTime now) {
    this.tx = tx;
    this.context = context;
    this.now = now;
  }

  /** The server's clock when this transaction began: what {@code $now} says in its statements. */
  public ZonedDateTime now() {
    return now;
  }

  /** The parameters with {@code now} added, unless the statement gives its own. */
  static Map<String, Object> withNow(Map<String, Object> params, ZonedDateTime now) {
    if (params.containsKey("now")) return params;
    var all = new java.util.HashMap<String, Object>(params);
    all.put("now", now);
    return all;
  }

  /** Notes a change; {@link Graph#write} records them all, in this order, before the commit. */
  public void record(Entry entry) {
    entries.add(entry);
  }

  List<Entry> entries() {
    return List.copyOf(entries);
  }

  public Future<List<Record>> list(String cypher, Map<String, Object> params) {
    return Future.fromCompletionStage(rows(cypher, params), context);
  }

  /**
   * The same, but completed on the driver's thread instead of the caller's context: for the
   * change-log statements, whose channel locks every other writer of those channels waits on
   * until the commit; what follows them is small, so the commit need not queue behind the
   * event loop's other work.
   */
  Future<List<Record>> listBeforeCommit(String cypher, Map<String, Object> params) {
    return Future.fromCompletionStage(rows(cypher, params));
  }

  private CompletionStage<List<Record>> rows(String cypher, Map<String, Object> params) {
    return tx.runAsync(cypher, withNow(params, now)).thenCompose(ResultCursor::listAsync);
  }

  public Future<Optional<Record>> first(String cypher, Map<String, Object> params) {
    return list(cypher, params).map(rows -> rows.stream().findFirst());
  }

  public Future<ResultSummary> run(String cypher, Map<String, Object> params) {
    return Future.fromCompletionStage(tx.runAsync(cypher, withNow(params, now)).thenCompose(ResultCursor::consumeAsync), context);
  }

  /** At most {@code cap} records or {@code maxBytes} of their values, whether there were more, and the summary. */
  public record Capped(List<String> keys, List<Record> records, boolean truncated, ResultSummary summary) {}

  /**
   * Reads records one by one until a cap: {@code cap} records, or {@code sizeOf} summing past
   * {@code maxBytes}. The rest of the result is discarded by the server.
   */
  public Future<Capped> capped(String cypher, Map<String, Object> params, int cap, long maxBytes,
                               java.util.function.ToLongFunction<Record> sizeOf) {
    var stage = tx.runAsync(cypher, withNow(params, now)).thenCompose(cursor -> {
      var records = new ArrayList<Record>();
      return take(cursor, records, cap, maxBytes, sizeOf, 0).thenCompose(more -> cursor.consumeAsync()
          .thenApply(summary -> new Capped(cursor.keys(), List.copyOf(records), more, summary)));
    });
    return Future.fromCompletionStage(stage, context);
  }

  /** Resolves to whether more were left unread. */
  private static CompletionStage<Boolean> take(ResultCursor cursor, List<Record> into, int cap, long maxBytes,
                                               java.util.function.ToLongFunction<Record> sizeOf, long bytes) {
    return cursor.nextAsync().thenCompose(record -> {
      if (record == null) return CompletableFuture.completedFuture(false);
      long total = bytes + sizeOf.applyAsLong(record);
      if (into.size() >= cap || total > maxBytes) return CompletableFuture.completedFuture(true);
      into.add(record);
      return take(cursor, into, cap, maxBytes, sizeOf, total);
    });
  }
}
