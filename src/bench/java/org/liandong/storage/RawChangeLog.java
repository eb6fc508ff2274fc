package org.liandong.storage;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.neo4j.driver.async.AsyncTransactionContext;
import org.neo4j.driver.async.ResultCursor;

/** The benchmark's raw-driver baseline records a change with the server's own statement. */
public final class RawChangeLog {
  private RawChangeLog() {}

  /** With {@code now} as the server's door gives every statement ({@link Tx#withNow}). */
  public static CompletionStage<Void> record(AsyncTransactionContext tx, List<Entry> entries, java.time.ZonedDateTime now) {
    var ids = entries.stream().map(e -> UUID.randomUUID().toString()).toList();
    return tx.runAsync(ChangeLog.RECORD, Tx.withNow(ChangeLog.params(entries, ids), now))
        .thenCompose(ResultCursor::consumeAsync)
        .thenApply(summary -> null);
  }
}
