package org.liandong.storage;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.neo4j.driver.async.AsyncTransactionContext;
import org.neo4j.driver.async.ResultCursor;

/** The benchmark's raw-driver baseline records a change with the server's own two statements. */
public final class RawChangeLog {
  private RawChangeLog() {}

  /** With {@code now} as the server's door gives every statement ({@link Tx#withNow}). */
  public static CompletionStage<Void> record(AsyncTransactionContext tx, Entry entry, java.time.ZonedDateTime now) {
    var entries = List.of(entry);
    var ids = List.of(UUID.randomUUID().toString());
    return tx.runAsync(ChangeLog.LOCK, Tx.withNow(ChangeLog.lockParams(entries), now)).thenCompose(ResultCursor::listAsync)
        .thenCompose(locked -> tx.runAsync(ChangeLog.WRITE, Tx.withNow(ChangeLog.writeParams(entries, ids, locked), now)))
        .thenCompose(ResultCursor::consumeAsync)
        .thenApply(summary -> null);
  }
}
