package org.liandong.storage;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.neo4j.driver.async.AsyncTransactionContext;
import org.neo4j.driver.async.ResultCursor;

/** The benchmark's raw-driver baseline records a change with the server's own two statements. */
public final class RawChangeLog {
  private RawChangeLog() {}

  public static CompletionStage<Void> record(AsyncTransactionContext tx, Entry entry) {
    var entries = List.of(entry);
    var ids = List.of(UUID.randomUUID().toString());
    return tx.runAsync(ChangeLog.LOCK, ChangeLog.lockParams(entries)).thenCompose(ResultCursor::listAsync)
        .thenCompose(locked -> tx.runAsync(ChangeLog.WRITE, ChangeLog.writeParams(entries, ids, locked)))
        .thenCompose(ResultCursor::consumeAsync)
        .thenApply(summary -> null);
  }
}
