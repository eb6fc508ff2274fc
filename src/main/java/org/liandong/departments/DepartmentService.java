package org.liandong.departments;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.liandong.accounts.CurrentUser;
import org.liandong.storage.ChangeLog;
import org.liandong.storage.Graph;
import org.liandong.storage.Idempotency;
import org.liandong.storage.Exists;
import org.liandong.storage.Locks;
import org.liandong.storage.Node;
import org.liandong.storage.Tx;
import org.liandong.support.Failure;
import org.liandong.support.Json;

/** Departments at province, city and district level and how they nest. */
public final class DepartmentService {
  static final List<String> LEVELS = List.of("province", "city", "district");

  private final Graph graph;

  public DepartmentService(Graph graph) {
    this.graph = graph;
  }

  Future<JsonArray> list(String level) {
    var params = new HashMap<String, Object>();
    params.put("level", level);
    return graph.query(DepartmentCypher.LIST, params)
        .map(rows -> new JsonArray(rows.stream().map(r -> Json.object(r.get("department").asMap())).toList()));
  }

  public Future<JsonObject> one(String id) {
    return graph.query(DepartmentCypher.ONE, Map.of("id", id)).compose(rows -> rows.isEmpty()
        ? Future.failedFuture(Failure.notFound("department", id))
        : Future.succeededFuture(Json.object(rows.get(0).get("department").asMap())));
  }

  Future<Idempotency.Created> create(CurrentUser actor, Map<String, Object> fields, Optional<Idempotency.Key> key) {
    return Idempotency.create(graph, key, "Department", tx -> {
      var id = UUID.randomUUID().toString();
      var params = new HashMap<String, Object>(Map.of("id", id));
      params.put("name", fields.get("name"));
      params.put("shortName", fields.getOrDefault("shortName", fields.get("name")));
      params.put("level", fields.get("level"));
      params.put("parentId", fields.get("parentId"));
      return Exists.require(tx, Node.Department, (String) fields.get("parentId"), "parentId")
          .compose(v -> tx.first(DepartmentCypher.CREATE, params))
          .compose(row -> ChangeLog.record(tx, new ChangeLog.Entry(actor.username(), "department.created",
              "Department", id, null, null, row.orElseThrow().get("department").asMap(), channels(id))))
          .map(change -> id);
    });
  }

  Future<Void> update(CurrentUser actor, String id, long version, Map<String, Object> fields) {
    var changes = new HashMap<>(fields);
    var parentChanged = changes.containsKey("parentId");
    var parentId = (String) changes.remove("parentId");
    return graph.write(tx -> Locks.lock(tx, Node.Department, id, version)
        .compose(before -> (parentChanged ? reparent(tx, id, parentId) : Future.<Void>succeededFuture())
            .compose(v -> tx.first(DepartmentCypher.UPDATE, Map.of("id", id, "changes", changes)))
            .compose(row -> ChangeLog.record(tx, new ChangeLog.Entry(actor.username(), "department.updated",
                "Department", id, null, before, row.orElseThrow().get("department").asMap(), channels(id))))))
        .mapEmpty();
  }

  Future<Void> delete(CurrentUser actor, String id, long version) {
    return graph.write(tx -> Locks.lock(tx, Node.Department, id, version)
        .compose(before -> tx.first(DepartmentCypher.IN_USE, Map.of("id", id)).compose(row -> {
          var r = row.orElseThrow();
          if (r.get("members").asLong() + r.get("owed").asLong() + r.get("children").asLong() > 0) {
            return Future.failedFuture(new Failure.Conflict("this department still has " + r.get("members").asLong()
                + " members, " + r.get("owed").asLong() + " obligations and " + r.get("children").asLong()
                + " sub-departments; move them first", Json.object(before)));
          }
          return tx.run(DepartmentCypher.DELETE, Map.of("id", id))
              .compose(s -> ChangeLog.record(tx, new ChangeLog.Entry(actor.username(), "department.deleted",
                  "Department", id, null, before, null, channels(id))));
        }))).mapEmpty();
  }

  private Future<Void> reparent(Tx tx, String id, String parentId) {
    var params = new HashMap<String, Object>();
    params.put("id", id);
    params.put("parentId", parentId);
    if (parentId == null) return tx.run(DepartmentCypher.SET_PARENT, params).mapEmpty();
    return Exists.require(tx, Node.Department, parentId, "parentId")
        .compose(v -> tx.first(DepartmentCypher.PARENT_LOOP, params))
        .compose(loop -> loop.isPresent()
            ? Future.failedFuture(Failure.Invalid.unprocessable("parentId", "would make a loop: "
                + String.join(" → ", loop.get().get("loop").asList(org.neo4j.driver.Value::asString))))
            : tx.run(DepartmentCypher.SET_PARENT, params).mapEmpty());
  }

  private static List<String> channels(String id) {
    return List.of("department:" + id);
  }
}
