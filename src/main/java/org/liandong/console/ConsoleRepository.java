package org.liandong.console;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.liandong.access.Subject;
import org.liandong.storage.Graph;
import org.liandong.storage.Node;
import org.liandong.storage.Statement;
import org.liandong.storage.Where;
import org.liandong.storage.Work;
import org.liandong.support.Json;
import org.liandong.support.Patch;
import org.neo4j.driver.Value;

/** The console's own records: the audit of every query, and saved queries with their sharing. */
final class ConsoleRepository {
  private final Graph graph;

  ConsoleRepository(Graph graph) {
    this.graph = graph;
  }

  Graph graph() {
    return graph;
  }

  /** One audited query: who, what, how long, how many rows, refused and why. */
  record Audit(String userId, String username, String cypher, String params, long durationMs, int rows, org.liandong.support.Text reason) {}

  Future<Void> audit(Audit a) {
    var p = new HashMap<String, Object>();
    p.put("userId", a.userId());
    p.put("username", a.username());
    p.put("cypher", a.cypher());
    p.put("params", a.params());
    p.put("durationMs", a.durationMs());
    p.put("rows", a.rows());
    p.put("refused", a.reason() != null);
    p.put("reason", a.reason() == null ? null : a.reason().en());
    p.put("reasonZh", a.reason() == null ? null : a.reason().zh());
    return graph.write(tx -> tx.run(ConsoleCypher.AUDIT, p)).mapEmpty();
  }

  /** The ids of the transactions running for this person's console run. */
  Future<List<String>> running(String runId, String userId) {
    return graph.command(ConsoleCypher.RUNNING, Map.of("run", runId, "user", userId))
        .map(rows -> rows.stream().map(r -> r.get("transactionId").asString()).toList());
  }

  Future<Void> terminate(List<String> transactionIds) {
    return graph.command(ConsoleCypher.TERMINATE, Map.of("ids", transactionIds)).mapEmpty();
  }

  /**
   * The domain as the graph holds it: each label and relationship type with its count, each
   * label with the properties an analyst may read that the graph has ever stored.
   */
  Future<JsonObject> schema() {
    return graph.query(ConsoleCypher.SCHEMA_COUNTS, Map.of()).compose(counts -> graph.query(ConsoleCypher.PROPERTY_KEYS, Map.of())
        .map(keys -> {
          var known = new java.util.HashSet<>(keys.get(0).get("keys").asList(Value::asString));
          var labels = new JsonArray();
          var types = new JsonArray();
          for (var row : counts) {
            var name = row.get("name").asString();
            var entry = new JsonObject().put("name", name).put("count", row.get("count").asLong());
            if ("label".equals(row.get("kind").asString())) {
              labels.add(entry.put("properties", new JsonArray(Reach.LABELS.get(name).stream().filter(known::contains).sorted().toList())));
            } else {
              types.add(entry);
            }
          }
          Reach.SHARED_TYPES.keySet().stream().sorted().forEach(t -> types.add(new JsonObject().put("name", t)));
          return new JsonObject().put("labels", labels).put("relationshipTypes", types);
        }));
  }

  static Statement auditList(String userId, int offset, int limit) {
    return Where.of().seek("userId", userId, ConsoleCypher.BY_USER, "USING INDEX SEEK a:ConsoleAudit(auditedUserId)")
        .around(ConsoleCypher.AUDIT_FROM, ConsoleCypher.AUDIT_REST, Map.of("offset", offset, "limit", limit));
  }

  Future<JsonArray> audit(String userId, int offset, int limit) {
    var list = auditList(userId, offset, limit);
    return graph.query(list.cypher(), list.params())
        .map(rows -> new JsonArray(rows.stream().map(r -> Json.object(r.get("entry").asMap())).toList()));
  }

  Future<JsonArray> visible(String userId, List<String> roles, boolean admin) {
    return graph.query(ConsoleCypher.SAVED_VISIBLE, Map.of("userId", userId, "roles", roles, "admin", admin))
        .map(rows -> new JsonArray(rows.stream().map(r -> saved(r.get("query"))).toList()));
  }

  Future<JsonObject> one(String id) {
    return graph.query(ConsoleCypher.SAVED_ONE, Map.of("id", id)).compose(rows -> rows.isEmpty()
        ? Future.failedFuture(Node.SavedQuery.notFound(id))
        : Future.succeededFuture(saved(rows.get(0).get("query"))));
  }

  Future<String> save(String userId, String id, Patch fields) {
    return graph.write(tx -> tx.run(ConsoleCypher.SAVE, Map.of("userId", userId, "id", id, "fields", ConsoleCypher.stored(fields)))).map(id);
  }

  /** The saved query, write-locked: its version and who may change it. */
  record Locked(long version, Subject.Saved sharing) {}

  Work<Locked> lock(String id) {
    return tx -> tx.first(ConsoleCypher.LOCK, Map.of("id", id)).compose(row -> row
        .map(r -> Future.succeededFuture(new Locked(r.get("version").asLong(),
            new Subject.Saved(r.get("ownerId").asString(), r.get("sharedWith").asList(Value::asString, List.of())))))
        .orElseGet(() -> Future.failedFuture(Node.SavedQuery.notFound(id))));
  }

  Work<Void> update(String id, Patch changes) {
    return tx -> tx.run(ConsoleCypher.UPDATE, Map.of("id", id, "changes", ConsoleCypher.stored(changes))).mapEmpty();
  }

  Work<Void> delete(String id) {
    return tx -> tx.run(ConsoleCypher.DELETE, Map.of("id", id)).mapEmpty();
  }

  Future<List<JsonObject>> tiles() {
    return graph.query(ConsoleCypher.TILES, Map.of()).map(rows -> rows.stream().map(r -> saved(r.get("query"))).toList());
  }

  static JsonObject saved(Value query) {
    var json = Json.object(query.asMap());
    var params = json.getString("params");
    json.put("params", params == null ? new JsonObject() : new JsonObject(params));
    return json;
  }
}
