package org.liandong.obligations;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.liandong.storage.Entry;
import org.liandong.storage.RawChangeLog;
import org.neo4j.driver.async.AsyncTransactionContext;
import org.neo4j.driver.async.ResultCursor;

/**
 * An obligation update done with the raw driver, running exactly the statements the API runs
 * (lock and read with the owner, update and show, the change log's two), for the benchmark's
 * baseline. It lives beside the code it reads, so nothing had to be made public for it.
 */
public final class RawObligationWrite {
  private RawObligationWrite() {}

  /** {@code now}: what the server's statements read as {@code $now} (its clock when the transaction began). */
  public static CompletionStage<Void> note(AsyncTransactionContext tx, String id, String note, java.time.ZonedDateTime now) {
    var changes = Map.<String, Object>of("note", note);
    return tx.runAsync(ObligationCypher.LOCK_OWNED, Map.of("id", id, "now", now)).thenCompose(ResultCursor::singleAsync)
        .thenCompose(before -> tx.runAsync(ObligationCypher.UPDATE_AND_SHOW, Map.of("id", id, "changes", changes,
                "today", now.toLocalDate(), "now", now))
            .thenCompose(ResultCursor::singleAsync)
            .thenCompose(after -> RawChangeLog.record(tx, List.of(new Entry("bench", "obligation.updated", "Obligation", id,
                before.get("projectId").asString(), before.get("o").asMap(), after.get("o").asMap(),
                List.of("project:" + before.get("projectId").asString(), "department:" + before.get("departmentId").asString()))), now)));
  }
}
