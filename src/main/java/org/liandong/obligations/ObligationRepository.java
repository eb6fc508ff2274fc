package org.liandong.obligations;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.liandong.storage.Entry;
import org.liandong.storage.Exists;
import org.liandong.storage.Graph;
import org.liandong.storage.Node;
import org.liandong.storage.Statement;
import org.liandong.storage.Tx;
import org.liandong.storage.Where;
import org.liandong.storage.Work;
import org.liandong.support.Catalogue;
import org.liandong.support.Failure;
import org.liandong.support.Fields.Props;
import org.liandong.support.Json;
import org.liandong.support.Patch;
import org.liandong.support.Text;
import org.neo4j.driver.Value;

/** Obligations in the graph: their Cypher, their JSON views, and the change entries of each write. */
final class ObligationRepository {
  private final Graph graph;
  /**
   * Which project each obligation is for (it never changes, and ids are never reused): the lane
   * its writes queue on, shared by every door to the graph on this node.
   */
  private static final com.github.benmanes.caffeine.cache.Cache<String, String> projectOf =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(100_000).build();

  ObligationRepository(Graph graph) {
    this.graph = graph;
  }

  /**
   * A write to one obligation, on its project's lane: a busy project's writes are committed
   * together and bounded ({@link Graph#write(String, Work)}). The node knows the project from
   * having created, listed or read the obligation (a page writes what it has read), or from the
   * locked read inside an earlier write ({@link #lockOwned}); no query runs before a write. An
   * obligation this node has never seen goes on a lane of its own the first time.
   */
  <T> Future<T> writeOn(String obligationId, Work<T> work) {
    var known = projectOf.getIfPresent(obligationId);
    return graph.write(known == null ? null : "project:" + known, work);
  }

  Graph graph() {
    return graph;
  }

  /** An obligation, write-locked, with the department that owes it and the project it is for. */
  record Owned(Props obligation, String departmentId, String projectId) {
    List<String> channels() {
      return List.of("project:" + projectId, "department:" + departmentId);
    }
  }

  private static Where where(ObligationFilter filter) {
    return Where.of()
        .seek("department", filter.department(), ObligationCypher.BY_DEPARTMENT, "USING INDEX SEEK d:Department(id)")
        .seek("project", filter.project(), ObligationCypher.BY_PROJECT, "USING INDEX SEEK p:Project(id)")
        .when("statuses", filter.statuses(), ObligationCypher.BY_STATUS)
        .when("track", filter.track(), ObligationCypher.BY_TRACK)
        .when("kind", filter.kind(), ObligationCypher.BY_KIND)
        .when("text", filter.text(), ObligationCypher.BY_TEXT)
        // an archived project's work has left the inboxes; its own page still lists it
        .when(filter.project() == null, ObligationCypher.NOT_ARCHIVED)
        .when(Boolean.TRUE.equals(filter.overdue()), ObligationCypher.OVERDUE)
        .when(Boolean.FALSE.equals(filter.overdue()), ObligationCypher.NOT_OVERDUE);
  }

  /** One page of the filtered list, most urgent first. */
  static Statement page(ObligationFilter filter, int offset, int limit, LocalDate today) {
    return where(filter).around(ObligationCypher.MATCH, ObligationCypher.PAGE, Map.of("today", today, "offset", offset, "limit", limit));
  }

  Future<JsonObject> list(ObligationFilter filter, int offset, int limit, LocalDate today) {
    var page = page(filter, offset, limit, today);
    var count = where(filter).around(ObligationCypher.MATCH, ObligationCypher.COUNT, Map.of("today", today));
    return graph.read(tx -> tx.list(page.cypher(), page.params())
        .compose(rows -> tx.list(count.cypher(), count.params()).map(total -> new JsonObject()
            .put("items", new JsonArray(rows.stream().map(r -> known(Json.object(r.get("obligation").asMap()))).toList()))
            .put("total", total.get(0).get("total").asLong())
            .put("offset", offset).put("limit", limit))));
  }

  Future<JsonObject> one(String id, LocalDate today) {
    return graph.query(ObligationCypher.ONE, Map.of("id", id, "today", today)).compose(rows -> rows.isEmpty()
        ? Future.failedFuture(Node.Obligation.notFound(id))
        : Future.succeededFuture(known(Json.object(rows.get(0).get("obligation").asMap()))));
  }

  /** An obligation read: its project is remembered for the lane of its writes (the page writes what it has read). */
  private JsonObject known(JsonObject obligation) {
    if (obligation.getString("id") != null && obligation.getString("projectId") != null) {
      projectOf.put(obligation.getString("id"), obligation.getString("projectId"));
    }
    return obligation;
  }

  /** Checks what a new obligation refers to, creates it, and records it on its channels. */
  Work<String> insert(String actor, String id, NewObligation draft, ZonedDateTime now, List<String> extraChannels) {
    if (draft.projectId() != null) projectOf.put(id, draft.projectId());
    var params = new HashMap<String, Object>();
    params.put("id", id);
    params.put("projectId", draft.projectId());
    params.put("departmentId", draft.departmentId());
    params.put("fields", draft.properties());
    params.put("dependsOn", draft.prerequisites());
    params.put("now", now);
    return tx -> Exists.require(tx, Node.Project, draft.projectId(), "projectId")
        .compose(v -> Exists.require(tx, Node.Department, draft.departmentId(), "departmentId"))
        .compose(v -> Exists.require(tx, Node.Obligation, draft.prerequisites(), "dependsOn"))
        .compose(v -> tx.run(ObligationCypher.CREATE, params))
        .compose(v -> tx.first(ObligationCypher.PROPS, Map.of("id", id)))
        .map(row -> {
          var after = new HashMap<>(row.orElseThrow().get("o").asMap());
          after.put("departmentId", draft.departmentId());
          after.put("dependsOn", draft.prerequisites());
          var channels = new ArrayList<>(List.of("project:" + draft.projectId(), "department:" + draft.departmentId()));
          channels.addAll(extraChannels);
          tx.record(new Entry(actor, "obligation.created", "Obligation", id, draft.projectId(), null, after, channels));
          return id;
        });
  }

  /** Locks and reads the obligation and its owner in one statement; 404 when there is no such obligation. */
  Work<Owned> lockOwned(String id) {
    return tx -> tx.first(ObligationCypher.LOCK_OWNED, Map.of("id", id)).compose(row -> row
        .map(r -> {
          var owned = new Owned(Props.of(r.get("o").asMap()), r.get("departmentId").asString(), r.get("projectId").asString());
          projectOf.put(id, owned.projectId());
          return Future.succeededFuture(owned);
        })
        .orElseGet(() -> Future.failedFuture(Node.Obligation.notFound(id))));
  }

  /** Applies the changes (and a new owner) and answers with the obligation as it now is. */
  Work<JsonObject> update(String actor, Owned owned, String type, Patch changes, String newDepartment,
                          LocalDate today) {
    var id = owned.obligation().id();
    var moving = newDepartment != null && !newDepartment.equals(owned.departmentId());
    return tx -> (moving ? reassign(tx, id, newDepartment) : Future.<Void>succeededFuture())
        .compose(v -> tx.first(ObligationCypher.UPDATE_AND_SHOW, Map.of("id", id, "changes", changes.asMap(), "today", today)))
        .map(row -> {
          var after = new HashMap<>(row.orElseThrow().get("o").asMap());
          after.put("departmentId", moving ? newDepartment : owned.departmentId());
          var channels = new ArrayList<>(owned.channels());
          if (moving) channels.add("department:" + newDepartment);
          tx.record(new Entry(actor, type, "Obligation", id, owned.projectId(), owned.obligation().asMap(), after, channels));
          return Json.object(row.orElseThrow().get("obligation").asMap());
        });
  }

  private static Future<Void> reassign(Tx tx, String id, String departmentId) {
    return Exists.require(tx, Node.Department, departmentId, "departmentId")
        .compose(v -> tx.run(ObligationCypher.REASSIGN, Map.of("id", id, "departmentId", departmentId))).mapEmpty();
  }

  Work<Void> delete(String actor, Owned owned) {
    var id = owned.obligation().id();
    return tx -> tx.first(ObligationCypher.DEPENDENTS, Map.of("id", id)).compose(row -> {
      var dependents = row.orElseThrow().get("n").asLong();
      if (dependents > 0) {
        return Future.failedFuture(Failure.conflict(Text.key("server.obligations.otherObligationsDependOne", "dependents", dependents), Json.object(owned.obligation().asMap())));
      }
      // what it was, with its department and dependencies, so the graph as of before can be rebuilt
      var before = new HashMap<>(owned.obligation().asMap());
      before.put("departmentId", owned.departmentId());
      before.put("dependsOn", row.orElseThrow().get("dependsOn").asList(Value::asString));
      tx.record(new Entry(actor, "obligation.deleted", "Obligation", id, owned.projectId(), before, null, owned.channels()));
      return tx.run(ObligationCypher.DELETE, Map.of("id", id)).mapEmpty();
    });
  }

  /** Adds "id depends on dependsOn"; a dependency that would close a loop is refused, naming it. */
  Work<Void> link(String actor, Owned owned, String dependsOn) {
    var id = owned.obligation().id();
    var params = Map.<String, Object>of("id", id, "dependsOn", dependsOn);
    return tx -> Exists.require(tx, Node.Obligation, dependsOn, "dependsOn")
        .compose(v -> tx.first(ObligationCypher.LOOP, params))
        .compose(loop -> loop.isPresent()
            ? Future.failedFuture(cycle(owned.obligation(), loop.get().get("loop").asList(Value::asString)))
            : tx.run(ObligationCypher.LINK, params).mapEmpty())
        .compose(v -> touched(tx, actor, owned, "obligation.dependency.added", "addedDependency", dependsOn));
  }

  Work<Void> unlink(String actor, Owned owned, String dependsOn) {
    var id = owned.obligation().id();
    return tx -> tx.first(ObligationCypher.UNLINK, Map.of("id", id, "dependsOn", dependsOn))
        .compose(row -> row.orElseThrow().get("removed").asLong() == 0
            ? Future.failedFuture(new Failure.NotFound(Text.key("server.obligations.obligationDoesNotDepend", "id", id, "dependsOn", dependsOn)))
            : touched(tx, actor, owned, "obligation.dependency.removed", "removedDependency", dependsOn));
  }

  /** A dependency changed: the obligation's version moves, so others' stale edits are refused. */
  private static Future<Void> touched(Tx tx, String actor, Owned owned, String type, String key, String dependsOn) {
    var id = owned.obligation().id();
    return tx.first(ObligationCypher.UPDATE, Map.of("id", id, "changes", Map.of())).map(row -> {
      var after = new HashMap<>(row.orElseThrow().get("o").asMap());
      after.put(key, dependsOn);
      tx.record(new Entry(actor, type, "Obligation", id, owned.projectId(), owned.obligation().asMap(), after, owned.channels()));
      return null;
    });
  }

  private static Failure cycle(Props obligation, List<String> path) {
    var names = new ArrayList<String>();
    names.add(obligation.text("title"));
    names.addAll(path);
    var loop = String.join(" → ", names);
    return Failure.unprocessable("dependsOn", Text.key("server.obligations.dependencyWouldMakeCycle", "loop", loop));
  }

  /** 容缺 acceptances whose deadline has passed and nobody has been told yet. */
  Future<List<Owned>> expiredDeficiencies(LocalDate today) {
    return graph.query(ObligationCypher.EXPIRED_DEFICIENCIES, Map.of("today", today)).map(rows -> rows.stream()
        .map(r -> new Owned(Props.of(Map.of("id", r.get("id").asString())), r.get("departmentId").asString(), r.get("projectId").asString()))
        .toList());
  }

  /**
   * Why a lapsed 容缺 is blocked, kept in the reason field in the default language as a person
   * would have typed it; the pages show it in the reader's (webroot/app/i18n.js, blockedReason).
   */
  static final String LAPSED = Catalogue.zh("server.obligations.lapsedReason");

  /** Marks one lapsed 容缺 once; resolves to 1 if this call marked it, 0 if someone had. */
  Work<Integer> markExpired(Owned lapsed, LocalDate today) {
    var id = lapsed.obligation().id();
    return lockOwned(id).then(current -> marked(current, today));
  }

  private static Work<Integer> marked(Owned current, LocalDate today) {
    var id = current.obligation().id();
    return tx -> tx.first(ObligationCypher.MARK_EXPIRED, Map.of("id", id, "today", today, "reason", LAPSED)).map(after -> {
      if (after.isEmpty()) return 0;
      tx.record(new Entry("system", "obligation.deficiency.expired", "Obligation", id, current.projectId(),
          current.obligation().asMap(), after.get().get("o").asMap(), current.channels()));
      return 1;
    });
  }
}
