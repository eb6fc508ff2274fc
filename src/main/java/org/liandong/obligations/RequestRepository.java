package org.liandong.obligations;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import org.liandong.storage.Entry;
import org.liandong.storage.Graph;
import org.liandong.storage.Statement;
import org.liandong.storage.Work;
import org.liandong.support.Json;

/** 延期申请, 退回 and 更正发证时间 in the graph ({@link RequestCypher}), each change noted for the history. */
final class RequestRepository {
  private final Graph graph;

  RequestRepository(Graph graph) {
    this.graph = graph;
  }

  /** An extension request as its reader sees it, with what a decision needs of it. */
  record Extension(String id, String obligationId, String status, String requestedDueOn, JsonObject json) {}

  /** Whether an extension request of the obligation waits for a decision. */
  Work<Boolean> pendingOf(String obligationId) {
    return tx -> tx.list(RequestCypher.PENDING_OF, Map.of("id", obligationId)).map(rows -> !rows.isEmpty());
  }

  Work<Extension> request(String actor, ObligationRepository.Owned owned, LocalDate dueOn, String reason) {
    var id = owned.obligation().id();
    return tx -> tx.first(RequestCypher.REQUEST, Map.of("id", id, "dueOn", dueOn, "reason", reason, "by", actor)).map(row -> {
      var extension = row.orElseThrow().get("extension");
      tx.record(new Entry(actor, "obligation.extensionRequested", "Obligation", id, owned.projectId(), null, extension.asMap(),
          owned.channels()));
      return extension(extension);
    });
  }

  /** The request, write-locked (empty when there is none). */
  Work<Optional<Extension>> locked(String extensionId) {
    return tx -> tx.first(RequestCypher.LOCK, Map.of("id", extensionId)).map(row -> row.map(r -> extension(r.get("extension"))));
  }

  Work<Void> decide(String extensionId, boolean approve, String by, String refusal) {
    return tx -> tx.run(RequestCypher.DECIDE, Map.of("id", extensionId, "status", approve ? "approved" : "refused", "by", by,
        "refusal", approve ? "" : refusal)).mapEmpty();
  }

  /** The approved date becomes the due date. */
  Work<Void> moveDue(String actor, ObligationRepository.Owned owned, LocalDate dueOn) {
    var id = owned.obligation().id();
    return tx -> tx.first(RequestCypher.MOVE_DUE, Map.of("id", id, "dueOn", dueOn)).map(row -> {
      tx.record(new Entry(actor, "obligation.extended", "Obligation", id, owned.projectId(), owned.obligation().asMap(),
          row.orElseThrow().get("o").asMap(), owned.channels()));
      return null;
    });
  }

  Future<JsonArray> list(Statement list) {
    return graph.query(list.cypher(), list.params())
        .map(rows -> new JsonArray(rows.stream().map(r -> (Object) Json.object(r.get("extension").asMap())).toList()));
  }

  Work<Void> sendBack(String actor, ObligationRepository.Owned owned, String reason) {
    var id = owned.obligation().id();
    return tx -> tx.first(RequestCypher.SEND_BACK, Map.of("id", id, "reason", reason, "by", actor)).map(row -> {
      tx.record(new Entry(actor, "obligation.returned", "Obligation", id, owned.projectId(), owned.obligation().asMap(),
          row.orElseThrow().get("o").asMap(), owned.channels()));
      return null;
    });
  }

  Work<Void> correctDoneAt(String actor, ObligationRepository.Owned owned, ZonedDateTime doneAt, LocalDate doneOn, String reason) {
    var id = owned.obligation().id();
    return tx -> tx.first(RequestCypher.CORRECT_DONE_AT, Map.of("id", id, "doneAt", doneAt, "doneOn", doneOn, "reason", reason,
        "by", actor)).map(row -> {
          tx.record(new Entry(actor, "obligation.doneAtCorrected", "Obligation", id, owned.projectId(), owned.obligation().asMap(),
              row.orElseThrow().get("o").asMap(), owned.channels()));
          return null;
        });
  }

  private static Extension extension(org.neo4j.driver.Value x) {
    var json = Json.object(x.asMap());
    return new Extension(json.getString("id"), json.getString("obligationId"), json.getString("status"), json.getString("requestedDueOn"),
        json);
  }
}
