package org.liandong.departments;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.liandong.storage.Entry;
import org.liandong.storage.Exists;
import org.liandong.storage.Graph;
import org.liandong.storage.Locks;
import org.liandong.storage.Node;
import org.liandong.storage.Tx;
import org.liandong.storage.Where;
import org.liandong.storage.Work;
import org.liandong.support.Failure;
import org.liandong.support.Fields.Props;
import org.liandong.support.Json;
import org.liandong.support.Patch;
import org.liandong.support.Text;
import org.neo4j.driver.Value;

/** Departments in the graph and how they nest. */
final class DepartmentRepository {
  private final Graph graph;

  DepartmentRepository(Graph graph) {
    this.graph = graph;
  }

  Graph graph() {
    return graph;
  }

  Future<JsonArray> list(String level, LocalDate today) {
    var where = Where.of().when("level", level, DepartmentCypher.BY_LEVEL);
    return graph.query(DepartmentCypher.LIST_FROM + where.cypher() + DepartmentCypher.LIST_REST, where.params(Map.of("today", today)))
        .map(rows -> new JsonArray(rows.stream().map(r -> Json.object(r.get("department").asMap())).toList()));
  }

  Future<JsonObject> one(String id, LocalDate today) {
    return graph.query(DepartmentCypher.ONE, Map.of("id", id, "today", today)).compose(rows -> rows.isEmpty()
        ? Future.failedFuture(Node.Department.notFound(id))
        : Future.succeededFuture(Json.object(rows.get(0).get("department").asMap())));
  }

  Work<String> create(String actor, String id, Patch fields) {
    var params = new HashMap<String, Object>(Map.of("id", id));
    params.put("name", fields.value("name"));
    params.put("shortName", fields.has("shortName") ? fields.value("shortName") : fields.value("name"));
    params.put("level", fields.value("level"));
    params.put("parentId", fields.value("parentId"));
    return tx -> Exists.require(tx, Node.Department, fields.text("parentId"), "parentId")
        .compose(v -> tx.first(DepartmentCypher.CREATE, params))
        .map(row -> {
          tx.record(new Entry(actor, "department.created", "Department", id, null, null,
              row.orElseThrow().get("department").asMap(), channels(id)));
          return id;
        });
  }

  Work<Props> lock(String id, long version) {
    return tx -> Locks.lock(tx, Node.Department, id, version);
  }

  Work<Void> update(String actor, String id, Props before, Patch changes,
                    boolean parentChanged, String parentId) {
    return tx -> (parentChanged ? reparent(tx, id, parentId) : Future.<Void>succeededFuture())
        .compose(v -> tx.first(DepartmentCypher.UPDATE, Map.of("id", id, "changes", changes.asMap())))
        .map(row -> {
          tx.record(new Entry(actor, "department.updated", "Department", id, null, before.asMap(),
              row.orElseThrow().get("department").asMap(), channels(id)));
          return null;
        });
  }

  Work<Void> delete(String actor, String id, Props before) {
    return tx -> tx.first(DepartmentCypher.IN_USE, Map.of("id", id)).compose(row -> {
      var r = row.orElseThrow();
      long members = r.get("members").asLong();
      long owed = r.get("owed").asLong();
      long children = r.get("children").asLong();
      if (members + owed + children > 0) {
        return Future.failedFuture(Failure.conflict(Text.key("server.departments.departmentStillHasMembers", "members", members, "owed", owed, "children", children), Json.object(before.asMap())));
      }
      tx.record(new Entry(actor, "department.deleted", "Department", id, null, before.asMap(), null, channels(id)));
      return tx.run(DepartmentCypher.DELETE, Map.of("id", id)).mapEmpty();
    });
  }

  private static Future<Void> reparent(Tx tx, String id, String parentId) {
    var params = new HashMap<String, Object>();
    params.put("id", id);
    params.put("parentId", parentId);
    if (parentId == null) return tx.run(DepartmentCypher.SET_PARENT, params).mapEmpty();
    return Exists.require(tx, Node.Department, parentId, "parentId")
        .compose(v -> tx.first(DepartmentCypher.PARENT_LOOP, params))
        .compose(loop -> loop.isPresent()
            ? Future.failedFuture(Failure.unprocessable("parentId", Text.key("server.departments.wouldMakeLoop", "loop", String.join(" → ", loop.get().get("loop").asList(Value::asString)))))
            : tx.run(DepartmentCypher.SET_PARENT, params).mapEmpty());
  }

  private static List<String> channels(String id) {
    return List.of("department:" + id);
  }
}
