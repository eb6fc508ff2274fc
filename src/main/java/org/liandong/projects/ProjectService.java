package org.liandong.projects;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
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
import org.neo4j.driver.Value;

/** Major projects, their champions (挂钩) and liaison (专人对接), history and permit bundle. */
public final class ProjectService {
  static final List<String> STAGES = List.of("signed", "filed", "land", "permitted", "started", "producing");
  static final List<String> LEVELS = List.of("province", "city", "district");
  static final long PERMIT_BUNDLE_TARGET_HOURS = 7;

  private final Graph graph;
  private final Clock clock;

  public ProjectService(Graph graph, Clock clock) {
    this.graph = graph;
    this.clock = clock;
  }

  Future<JsonArray> list(String stage, String level, String champion) {
    var params = new HashMap<String, Object>();
    params.put("stage", stage);
    params.put("level", level);
    params.put("champion", champion);
    params.put("today", today());
    return graph.query(ProjectCypher.LIST, params)
        .map(rows -> new JsonArray(rows.stream().map(r -> Json.object(r.get("project").asMap())).toList()));
  }

  public Future<JsonObject> one(String id) {
    return graph.query(ProjectCypher.ONE, Map.of("id", id, "today", today())).compose(rows -> rows.isEmpty()
        ? Future.failedFuture(Failure.notFound("project", id))
        : Future.succeededFuture(Json.object(rows.get(0).get("project").asMap())));
  }

  Future<Idempotency.Created> create(CurrentUser actor, Map<String, Object> fields, Optional<Idempotency.Key> key) {
    var props = new HashMap<>(fields);
    var champions = takeList(props, "championIds");
    var liaison = (String) props.remove("liaisonId");
    props.putIfAbsent("new", true);
    startedOnWhenStarted(props, null);
    checkDates(props);
    return Idempotency.create(graph, key, "Project", tx -> {
      var id = UUID.randomUUID().toString();
      return tx.first(ProjectCypher.CREATE, Map.of("id", id, "fields", props))
          .compose(row -> people(tx, id, champions, liaison, true).map(v -> row.orElseThrow().get("project").asMap()))
          .compose(after -> ChangeLog.record(tx, new ChangeLog.Entry(actor.username(), "project.created",
              "Project", id, id, null, withPeople(after, champions, liaison), List.of("project:" + id))))
          .map(change -> id);
    }).recover(ProjectService::codeTaken);
  }

  Future<Void> update(CurrentUser actor, String id, long version, Map<String, Object> fields) {
    var changes = new HashMap<>(fields);
    var champions = takeList(changes, "championIds");
    var liaisonGiven = changes.containsKey("liaisonId");
    var liaison = (String) changes.remove("liaisonId");
    return graph.write(tx -> Locks.lock(tx, Node.Project, id, version).compose(before -> {
      startedOnWhenStarted(changes, before);
      var merged = new HashMap<>(before);
      merged.putAll(changes);
      checkDates(merged);
      return people(tx, id, champions, liaison, liaisonGiven)
          .compose(v -> tx.first(ProjectCypher.UPDATE, Map.of("id", id, "changes", changes)))
          .compose(row -> ChangeLog.record(tx, new ChangeLog.Entry(actor.username(), "project.updated",
              "Project", id, id, before, withPeople(row.orElseThrow().get("project").asMap(), champions, liaison),
              List.of("project:" + id))));
    })).recover(ProjectService::codeTaken).mapEmpty();
  }

  Future<Void> delete(CurrentUser actor, String id, long version) {
    return graph.write(tx -> Locks.lock(tx, Node.Project, id, version)
        .compose(before -> tx.first(ProjectCypher.IN_USE, Map.of("id", id)).compose(row -> {
          var r = row.orElseThrow();
          if (r.get("obligations").asLong() + r.get("meetings").asLong() > 0) {
            return Future.failedFuture(new Failure.Conflict("this project still has " + r.get("obligations").asLong()
                + " obligations and " + r.get("meetings").asLong() + " meetings; remove them first", Json.object(before)));
          }
          return tx.run(ProjectCypher.DELETE, Map.of("id", id)).compose(s -> ChangeLog.record(tx, new ChangeLog.Entry(
              actor.username(), "project.deleted", "Project", id, id, before, null, List.of("project:" + id))));
        }))).mapEmpty();
  }

  Future<JsonArray> changes(String id, int offset, int limit) {
    return graph.read(tx -> tx.first(ProjectCypher.EXISTS, Map.of("id", id)).compose(found -> found.isEmpty()
        ? Future.failedFuture(Failure.notFound("project", id))
        : tx.list(ProjectCypher.CHANGES, Map.of("id", id, "offset", offset, "limit", limit))))
        .map(rows -> new JsonArray(rows.stream().map(r -> {
          var change = Json.object(r.get("change").asMap());
          for (var side : List.of("before", "after")) {
            var text = change.getString(side);
            change.put(side, text == null ? null : new JsonObject(text));
          }
          return change;
        }).toList()));
  }

  Future<JsonObject> permits(String id) {
    return graph.read(tx -> tx.first(ProjectCypher.EXISTS, Map.of("id", id)).compose(found -> found.isEmpty()
            ? Future.failedFuture(Failure.notFound("project", id))
            : tx.first(ProjectCypher.PERMITS, Map.of("id", id))))
        .map(row -> {
          var r = row.orElseThrow();
          var span = r.get("spanSeconds");
          var json = Json.object(Map.of(
              "permits", r.get("permits").asList(Value::asMap),
              "total", r.get("total").asLong(),
              "issued", r.get("issued").asLong(),
              "targetHours", PERMIT_BUNDLE_TARGET_HOURS));
          json.put("firstIssuedAt", r.get("firstIssuedAt").asString(null));
          json.put("lastIssuedAt", r.get("lastIssuedAt").asString(null));
          json.put("spanHours", span.isNull() ? null : Math.round(span.asLong() / 36.0) / 100.0);
          json.put("metTarget", span.isNull() ? null : span.asLong() <= PERMIT_BUNDLE_TARGET_HOURS * 3600);
          return json;
        });
  }

  private Future<Void> people(Tx tx, String id, List<String> champions, String liaison, boolean liaisonGiven) {
    Future<Void> chain = Future.succeededFuture();
    if (champions != null) {
      chain = chain.compose(v -> tx.first(ProjectCypher.MISSING_PEOPLE, Map.of("champions", champions)))
          .compose(row -> {
            var missing = row.map(r -> r.get("missing").asList(Value::asString)).orElse(List.of());
            return missing.isEmpty()
                ? tx.run(ProjectCypher.SET_CHAMPIONS, Map.of("id", id, "champions", champions)).mapEmpty()
                : Future.failedFuture(Failure.Invalid.unprocessable("championIds",
                    "these are not users with the leader role: " + String.join(", ", missing)));
          });
    }
    if (liaisonGiven) {
      var params = new HashMap<String, Object>();
      params.put("id", id);
      params.put("liaisonId", liaison);
      chain = chain.compose(v -> Exists.require(tx, Node.User, liaison, "liaisonId"))
          .compose(v -> tx.run(ProjectCypher.SET_LIAISON, params)).mapEmpty();
    }
    return chain;
  }

  /** A project that reaches the started stage without a start date starts today. */
  private void startedOnWhenStarted(Map<String, Object> changes, Map<String, Object> before) {
    var stage = (String) changes.get("stage");
    boolean started = stage != null && STAGES.indexOf(stage) >= STAGES.indexOf("started");
    boolean hasDate = changes.get("startedOn") != null || (before != null && before.get("startedOn") != null);
    if (started && !hasDate) changes.put("startedOn", today());
  }

  static void checkDates(Map<String, Object> p) {
    if (p.get("targetStartOn") instanceof LocalDate start && p.get("targetCompleteOn") instanceof LocalDate end
        && end.isBefore(start)) {
      throw Failure.Invalid.unprocessable("targetCompleteOn", "must not be before targetStartOn (" + start + ")");
    }
    if (p.get("signedOn") instanceof LocalDate signed && p.get("startedOn") instanceof LocalDate started
        && started.isBefore(signed)) {
      throw Failure.Invalid.unprocessable("startedOn", "must not be before signedOn (" + signed + ")");
    }
  }

  private static Map<String, Object> withPeople(Map<String, Object> props, List<String> champions, String liaison) {
    var out = new HashMap<>(props);
    if (champions != null) out.put("championIds", champions);
    if (liaison != null) out.put("liaisonId", liaison);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<String> takeList(Map<String, Object> map, String key) {
    return (List<String>) map.remove(key);
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private static <T> Future<T> codeTaken(Throwable error) {
    if (Exists.violates(error, "Project", "code")) {
      return Future.failedFuture(new Failure.Conflict("another project already has that code", null));
    }
    return Future.failedFuture(error);
  }
}
