package org.liandong.obligations;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.liandong.accounts.CurrentUser;
import org.liandong.accounts.Role;
import org.liandong.storage.ChangeLog;
import org.liandong.storage.Graph;
import org.liandong.storage.Idempotency;
import org.liandong.storage.Exists;
import org.liandong.storage.Locks;
import org.liandong.storage.Node;
import org.liandong.storage.Tx;
import org.liandong.support.Failure;
import org.liandong.support.Json;
import org.liandong.support.Paging;
import org.neo4j.driver.Value;

/** What departments owe projects: the workflow, who may move it, and the dependencies between. */
public final class ObligationService {
  private final Graph graph;
  private final Clock clock;

  public ObligationService(Graph graph, Clock clock) {
    this.graph = graph;
    this.clock = clock;
  }

  record Filter(String department, String project, List<String> statuses, String track, String kind, Boolean overdue) {}

  Future<JsonObject> list(Filter filter, Paging page) {
    var params = new HashMap<String, Object>();
    params.put("department", filter.department());
    params.put("project", filter.project());
    params.put("statuses", filter.statuses());
    params.put("track", filter.track());
    params.put("kind", filter.kind());
    params.put("overdue", filter.overdue());
    params.put("today", today());
    params.put("offset", page.offset());
    params.put("limit", page.limit());
    return graph.read(tx -> tx.first(ObligationCypher.COUNT, params).compose(count ->
        tx.list(ObligationCypher.PAGE, params).map(rows -> new JsonObject()
            .put("items", new JsonArray(rows.stream().map(r -> Json.object(r.get("obligation").asMap())).toList()))
            .put("total", count.orElseThrow().get("total").asLong())
            .put("offset", page.offset()).put("limit", page.limit()))));
  }

  public Future<JsonObject> one(String id) {
    return graph.query(ObligationCypher.ONE, Map.of("id", id, "today", today())).compose(rows -> rows.isEmpty()
        ? Future.failedFuture(Failure.notFound("obligation", id))
        : Future.succeededFuture(Json.object(rows.get(0).get("obligation").asMap())));
  }

  Future<Idempotency.Created> create(CurrentUser actor, Map<String, Object> fields, Optional<Idempotency.Key> key) {
    return Idempotency.create(graph, key, "Obligation", tx -> insert(tx, actor, fields, List.of()));
  }

  /**
   * Creates one obligation inside the caller's transaction (a meeting decision creates several
   * in its own) and records it on the project's and the owing department's channels.
   */
  public Future<String> insert(Tx tx, CurrentUser actor, Map<String, Object> fields, List<String> extraChannels) {
    var props = new HashMap<>(fields);
    var projectId = (String) props.remove("projectId");
    var departmentId = (String) props.remove("departmentId");
    @SuppressWarnings("unchecked")
    var dependsOn = (List<String>) Optional.ofNullable(props.remove("dependsOn")).orElse(List.of());
    props.putIfAbsent("kind", "task");
    if ("need".equals(props.get("kind"))) props.putIfAbsent("track", "need");
    if (props.get("track") == null) {
      return Future.failedFuture(Failure.invalid("track", "is required: one of " + String.join(", ", ObligationFields.TRACKS)));
    }
    props.putIfAbsent("assisted", false);
    var id = UUID.randomUUID().toString();
    var params = new HashMap<String, Object>();
    params.put("id", id);
    params.put("projectId", projectId);
    params.put("departmentId", departmentId);
    params.put("fields", props);
    params.put("dependsOn", dependsOn);
    return Exists.require(tx, Node.Project, projectId, "projectId")
        .compose(v -> Exists.require(tx, Node.Department, departmentId, "departmentId"))
        .compose(v -> Exists.require(tx, Node.Obligation, dependsOn, "dependsOn"))
        .compose(v -> tx.run(ObligationCypher.CREATE, params))
        .compose(v -> tx.first(ObligationCypher.PROPS, Map.of("id", id)))
        .compose(row -> {
          var after = new HashMap<>(row.orElseThrow().get("o").asMap());
          after.put("departmentId", departmentId);
          after.put("dependsOn", dependsOn);
          var channels = new ArrayList<>(List.of("project:" + projectId, "department:" + departmentId));
          channels.addAll(extraChannels);
          return ChangeLog.record(tx, new ChangeLog.Entry(actor.username(), "obligation.created",
              "Obligation", id, projectId, null, after, channels));
        })
        .map(change -> id);
  }

  /**
   * Applies the change and answers with the obligation as it now is, read in the same
   * transaction. The change is recorded last, so the channels it locks are held only until
   * the commit.
   */
  Future<JsonObject> update(CurrentUser actor, String id, long version, Map<String, Object> fields) {
    var changes = new HashMap<>(fields);
    var newDepartment = (String) changes.remove("departmentId");
    return graph.write(tx -> lockOwned(tx, id).compose(owned -> {
      var departmentId = owned.departmentId();
      var projectId = owned.projectId();
      authorize(actor, departmentId, fields);
      return Locks.expect(Node.Obligation, owned.obligation(), version).compose(before -> {
        workflow(actor, before, changes);
        var channels = new ArrayList<>(List.of("project:" + projectId, "department:" + departmentId));
        Future<Void> moved = Future.succeededFuture();
        if (newDepartment != null && !newDepartment.equals(departmentId)) {
          channels.add("department:" + newDepartment);
          moved = Exists.require(tx, Node.Department, newDepartment, "departmentId").compose(v -> tx.run(ObligationCypher.REASSIGN,
              Map.of("id", id, "departmentId", newDepartment))).mapEmpty();
        }
        return moved
            .compose(v -> tx.first(ObligationCypher.UPDATE_AND_SHOW, Map.of("id", id, "changes", changes, "today", today())))
            .compose(row -> {
              var after = new HashMap<>(row.orElseThrow().get("o").asMap());
              after.put("departmentId", newDepartment == null ? departmentId : newDepartment);
              var shown = Json.object(row.orElseThrow().get("obligation").asMap());
              return ChangeLog.record(tx, new ChangeLog.Entry(actor.username(), changeType(before, changes),
                  "Obligation", id, projectId, before, after, channels)).map(shown);
            });
      });
    }));
  }

  Future<Void> delete(CurrentUser actor, String id, long version) {
    return graph.write(tx -> lockOwned(tx, id).compose(owned -> {
      var projectId = owned.projectId();
      var departmentId = owned.departmentId();
      return Locks.expect(Node.Obligation, owned.obligation(), version)
          .compose(before -> tx.first(ObligationCypher.DEPENDENTS, Map.of("id", id)).compose(row -> {
            var dependents = row.orElseThrow().get("n").asLong();
            if (dependents > 0) {
              return Future.failedFuture(new Failure.Conflict(dependents
                  + " other obligations depend on this one; remove those dependencies first", Json.object(before)));
            }
            return tx.run(ObligationCypher.DELETE, Map.of("id", id)).compose(s -> ChangeLog.record(tx,
                new ChangeLog.Entry(actor.username(), "obligation.deleted", "Obligation", id, projectId, before, null,
                    List.of("project:" + projectId, "department:" + departmentId))));
          }));
    })).mapEmpty();
  }

  /** Adds "id depends on dependsOn"; a dependency that would close a loop is refused, naming it. */
  Future<Void> link(CurrentUser actor, String id, long version, String dependsOn) {
    return dependency(actor, id, version, dependsOn, true);
  }

  Future<Void> unlink(CurrentUser actor, String id, long version, String dependsOn) {
    return dependency(actor, id, version, dependsOn, false);
  }

  private Future<Void> dependency(CurrentUser actor, String id, long version, String dependsOn, boolean add) {
    var params = Map.<String, Object>of("id", id, "dependsOn", dependsOn);
    return graph.write(tx -> lockOwned(tx, id).compose(owned -> {
      var projectId = owned.projectId();
      var departmentId = owned.departmentId();
      return Locks.expect(Node.Obligation, owned.obligation(), version).compose(before -> {
        Future<Void> changed = add
            ? Exists.require(tx, Node.Obligation, dependsOn, "dependsOn")
                .compose(v -> tx.first(ObligationCypher.LOOP, params))
                .compose(loop -> loop.isPresent()
                    ? Future.failedFuture(cycle(before, loop.get().get("loop").asList(Value::asString)))
                    : tx.run(ObligationCypher.LINK, params).mapEmpty())
            : tx.first(ObligationCypher.UNLINK, params).compose(row -> row.orElseThrow().get("removed").asLong() == 0
                ? Future.failedFuture(new Failure.NotFound("obligation '" + id + "' does not depend on '" + dependsOn + "'"))
                : Future.succeededFuture());
        return changed
            .compose(v -> tx.first(ObligationCypher.UPDATE, Map.of("id", id, "changes", Map.of())))
            .compose(row -> {
              var after = new HashMap<>(row.orElseThrow().get("o").asMap());
              after.put(add ? "addedDependency" : "removedDependency", dependsOn);
              return ChangeLog.record(tx, new ChangeLog.Entry(actor.username(),
                  add ? "obligation.dependency.added" : "obligation.dependency.removed", "Obligation", id, projectId,
                  before, after, List.of("project:" + projectId, "department:" + departmentId)));
            });
      });
    })).mapEmpty();
  }

  private static Failure cycle(Map<String, Object> obligation, List<String> path) {
    var names = new ArrayList<String>();
    names.add((String) obligation.get("title"));
    names.addAll(path);
    return Failure.Invalid.unprocessable("dependsOn", "this dependency would make a cycle: " + String.join(" → ", names));
  }

  /**
   * Marks each 容缺 acceptance whose deadline has passed, once, so the owing department and the
   * project's champions hear of it on their live channels. Resolves to how many expired.
   */
  public Future<Integer> expireDeficiencies() {
    var today = today();
    return graph.query(ObligationCypher.EXPIRED_DEFICIENCIES, Map.of("today", today)).compose(rows -> {
      Future<Integer> chain = Future.succeededFuture(0);
      for (var row : rows) {
        var id = row.get("id").asString();
        var channels = List.of("project:" + row.get("projectId").asString(), "department:" + row.get("departmentId").asString());
        chain = chain.compose(n -> graph.write(tx -> Locks.lock(tx, Node.Obligation, id).compose(before ->
            tx.first(ObligationCypher.MARK_EXPIRED, Map.of("id", id, "today", today)).compose(after -> after.isEmpty()
                ? Future.succeededFuture(0)
                : ChangeLog.record(tx, new ChangeLog.Entry("system", "obligation.deficiency.expired", "Obligation", id,
                    row.get("projectId").asString(), before, after.get().get("o").asMap(), channels)).map(1))))
            .map(done -> n + done));
      }
      return chain;
    });
  }

  /** An obligation, write-locked, with the department that owes it and the project it is for. */
  private record Owned(Map<String, Object> obligation, String departmentId, String projectId) {}

  /** Locks and reads the obligation and its owner in one statement; 404 when there is no such obligation. */
  private static Future<Owned> lockOwned(Tx tx, String id) {
    return tx.first(ObligationCypher.LOCK_OWNED, Map.of("id", id)).compose(row -> row
        .map(r -> Future.succeededFuture(new Owned(r.get("o").asMap(), r.get("departmentId").asString(), r.get("projectId").asString())))
        .orElseGet(() -> Future.failedFuture(Failure.notFound("obligation", id))));
  }

  /** Officers move only what their department owes, and only its workflow fields. */
  private static void authorize(CurrentUser actor, String departmentId, Map<String, Object> fields) {
    if (actor.isAny(Role.ADMIN, Role.COORDINATOR)) return;
    if (!actor.is(Role.OFFICER)) throw new Failure.Forbidden("your role may only read obligations");
    if (!departmentId.equals(actor.departmentId())) {
      throw new Failure.Forbidden("this obligation is owed by another department; you may change only your own department's");
    }
    var extra = fields.keySet().stream().filter(k -> !ObligationFields.OFFICER_FIELDS.contains(k)).sorted().toList();
    if (!extra.isEmpty()) {
      throw new Failure.Forbidden("officers may change only " + String.join(", ", ObligationFields.OFFICER_FIELDS)
          + "; ask the service office to change " + String.join(", ", extra));
    }
  }

  /** Applies the status workflow to the changes: checks the move and stamps its dates. */
  private void workflow(CurrentUser actor, Map<String, Object> before, Map<String, Object> changes) {
    var from = Status.valueOf((String) before.get("status"));
    var target = (String) changes.get("status");
    var to = target == null ? from : Status.valueOf(target);
    if (to != from) {
      if (!from.canBecome(to)) {
        throw Failure.Invalid.unprocessable("status", "cannot go from " + from + " to " + to
            + "; from " + from + " it can go to " + from.next());
      }
      if (from == Status.done && !actor.isAny(Role.ADMIN, Role.COORDINATOR)) {
        throw new Failure.Forbidden("only the service office may reopen a done obligation");
      }
      if (to.accepted() && before.get("acceptedAt") == null) changes.put("acceptedAt", now());
      if (to == Status.done) {
        changes.put("doneOn", today());
        changes.put("doneAt", now());
      }
      if (from == Status.done) {
        changes.put("doneOn", null);
        changes.put("doneAt", null);
      }
      if (from == Status.blocked && !changes.containsKey("blockedReason")) changes.put("blockedReason", null);
    }
    if (to == Status.deficient && changes.get("deficiencyDueOn") == null && before.get("deficiencyDueOn") == null) {
      throw Failure.Invalid.unprocessable("deficiencyDueOn", "容缺受理 needs the date by which the missing documents are due");
    }
    if (to == Status.blocked && changes.get("blockedReason") == null && before.get("blockedReason") == null) {
      throw Failure.Invalid.unprocessable("blockedReason", "say what blocks it");
    }
    if ((changes.containsKey("feedback") || changes.containsKey("evaluation") || changes.containsKey("evaluationNote"))) {
      if (!"need".equals(before.get("kind"))) {
        throw Failure.Invalid.unprocessable("feedback", "feedback and evaluation belong to company needs (kind need)");
      }
      if (to != Status.done) {
        throw Failure.Invalid.unprocessable("feedback", "record the company's feedback and evaluation once the need is done");
      }
      if (changes.containsKey("feedback")) changes.put("feedbackAt", now());
      if (changes.containsKey("evaluation")) changes.put("evaluatedAt", now());
    }
  }

  private static String changeType(Map<String, Object> before, Map<String, Object> changes) {
    var status = changes.get("status");
    return status != null && !status.equals(before.get("status")) ? "obligation.status" : "obligation.updated";
  }

  private ZonedDateTime now() {
    return ZonedDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MILLIS);
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
