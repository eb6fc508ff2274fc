package org.liandong.console;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.liandong.accounts.CurrentUser;
import org.liandong.accounts.Role;
import org.liandong.storage.Graph;
import org.liandong.storage.Tx;
import org.liandong.support.Failure;
import org.liandong.support.Json;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.ProfiledPlan;
import org.neo4j.driver.summary.QueryType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analyst's Cypher console, read-only by construction: the guard, then EXPLAIN's query type,
 * then a READ transaction the server stops at the timeout, with a row cap. Every query is
 * audited, refused or not.
 */
public final class ConsoleService {
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleService.class);

  private final Graph graph;
  private final Duration timeout;
  private final int rowCap;

  public ConsoleService(Graph graph, Duration timeout, int rowCap) {
    this.graph = graph;
    this.timeout = timeout;
    this.rowCap = rowCap;
  }

  Future<JsonObject> run(CurrentUser user, String cypher, Map<String, Object> params, String plan) {
    return run(user, cypher, params, plan, rowCap, true);
  }

  private Future<JsonObject> run(CurrentUser user, String cypher, Map<String, Object> params, String plan, int cap, boolean audit) {
    long t0 = System.nanoTime();
    var refusal = CypherGuard.check(cypher);
    if (refusal != null) {
      var failure = refused(refusal.reason(), refusal.part());
      return (audit ? audit(user, cypher, params, t0, 0, refusal.reason()) : Future.<Void>succeededFuture())
          .compose(v -> Future.failedFuture(failure));
    }
    return graph.read(timeout, tx -> tx.capped("EXPLAIN " + cypher, params, 0).compose(explained -> {
          var type = explained.summary().queryType();
          if (type != QueryType.READ_ONLY) {
            return Future.failedFuture(refused("EXPLAIN says this query is " + type + ", not read-only", null));
          }
          if ("explain".equals(plan)) return Future.succeededFuture(answer(explained, null, t0));
          return execute(tx, cypher, params, plan, cap, t0);
        }))
        .recover(error -> Future.failedFuture(translate(error)))
        // the audit entry is written before the answer, so the user's history already shows it
        .transform(result -> {
          if (!audit) return result.succeeded() ? Future.succeededFuture(result.result()) : Future.<JsonObject>failedFuture(result.cause());
          if (result.succeeded()) {
            var rows = result.result().getJsonObject("summary").getInteger("rows");
            return audit(user, cypher, params, t0, rows, null).map(result.result());
          }
          return audit(user, cypher, params, t0, 0, result.cause().getMessage())
              .compose(v -> Future.<JsonObject>failedFuture(result.cause()));
        });
  }

  private Future<JsonObject> execute(Tx tx, String cypher, Map<String, Object> params, String plan, int cap, long t0) {
    var text = "profile".equals(plan) ? "PROFILE " + cypher : cypher;
    return tx.capped(text, params, cap).map(result -> answer(result, result, t0));
  }

  private JsonObject answer(Tx.Capped planned, Tx.Capped executed, long t0) {
    var results = new Results();
    var rows = new JsonArray();
    if (executed != null) {
      for (var record : executed.records()) {
        var row = new JsonArray();
        record.values().forEach(v -> row.add(results.value(v)));
        rows.add(row);
      }
    }
    var summary = new JsonObject()
        .put("ms", (System.nanoTime() - t0) / 1_000_000)
        .put("rows", rows.size())
        .put("truncated", executed != null && executed.truncated())
        .put("rowCap", rowCap)
        .put("queryType", String.valueOf(planned.summary().queryType()));
    var out = new JsonObject()
        .put("columns", new JsonArray(executed == null ? List.of() : executed.keys()))
        .put("rows", rows)
        .put("graph", new JsonObject().put("nodes", new JsonArray(new ArrayList<>(results.nodes.values())))
            .put("relationships", new JsonArray(new ArrayList<>(results.relationships.values()))))
        .put("summary", summary);
    var source = executed != null && executed.summary().hasProfile() ? executed.summary() : planned.summary();
    if (source.hasPlan() && (executed == null || executed.summary().hasProfile())) {
      out.put("plan", plan(source.hasProfile() ? source.profile() : source.plan()));
    }
    return out;
  }

  private static JsonObject plan(Plan p) {
    var json = new JsonObject().put("operator", p.operatorType()).put("identifiers", new JsonArray(p.identifiers()));
    var details = p.arguments().get("Details");
    if (details != null) json.put("details", details.asObject().toString());
    if (p instanceof ProfiledPlan pp) json.put("rows", pp.records()).put("dbHits", pp.dbHits());
    var children = new JsonArray();
    p.children().forEach(c -> children.add(plan(c)));
    return json.put("children", children);
  }

  private Failure translate(Throwable error) {
    if (error instanceof Failure f) return f;
    if (error instanceof ClientException ce) {
      var code = String.valueOf(ce.code());
      if (code.contains("TransactionTimedOut") || code.contains("Terminated")) {
        return Failure.Invalid.unprocessable("cypher", "stopped after the console's limit of " + timeout.toSeconds()
            + " s; narrow the query (a LIMIT, a label, an index)");
      }
      if (code.contains("MemoryPoolOutOfMemory") || code.contains("Memory")) {
        return Failure.Invalid.unprocessable("cypher", "stopped: it needed more memory than a console query may use");
      }
      if (code.contains("AccessMode") || code.contains("Forbidden")) {
        return refused("the database refused it in a read-only session: " + ce.getMessage(), null);
      }
      return Failure.invalid("cypher", ce.getMessage());
    }
    LOG.error("console query failed", error);
    return Failure.Invalid.unprocessable("cypher", "the query failed: " + error.getMessage());
  }

  private static Failure refused(String reason, String part) {
    return Failure.Invalid.unprocessable("cypher", part == null ? "refused: " + reason : "refused: " + reason + " (at: " + part + ")");
  }

  /** Records the query; a failure to record is logged, never turned into the user's error. */
  private Future<Void> audit(CurrentUser user, String cypher, Map<String, Object> params, long t0, int rows, String reason) {
    var p = new HashMap<String, Object>();
    p.put("userId", user.id());
    p.put("username", user.username());
    p.put("cypher", cypher);
    p.put("params", new JsonObject(params).encode());
    p.put("durationMs", (System.nanoTime() - t0) / 1_000_000);
    p.put("rows", rows);
    p.put("refused", reason != null);
    p.put("reason", reason);
    return graph.write(tx -> tx.run(ConsoleCypher.AUDIT, p)).<Void>mapEmpty()
        .recover(e -> {
          LOG.warn("could not audit a console query", e);
          return Future.succeededFuture();
        });
  }

  Future<JsonArray> audit(String userId, int offset, int limit) {
    var params = new HashMap<String, Object>();
    params.put("userId", userId);
    params.put("offset", offset);
    params.put("limit", limit);
    return graph.query(ConsoleCypher.AUDIT_PAGE, params)
        .map(rows -> new JsonArray(rows.stream().map(r -> Json.object(r.get("entry").asMap())).toList()));
  }

  // saved queries

  Future<JsonArray> saved(CurrentUser user) {
    return graph.query(ConsoleCypher.SAVED_VISIBLE, Map.of("userId", user.id(),
            "roles", user.roles().stream().map(Role::key).toList(), "admin", user.is(Role.ADMIN)))
        .map(rows -> new JsonArray(rows.stream().map(r -> saved(r.get("query").asMap())).toList()));
  }

  Future<JsonObject> savedOne(String id) {
    return graph.query(ConsoleCypher.SAVED_ONE, Map.of("id", id)).compose(rows -> rows.isEmpty()
        ? Future.failedFuture(Failure.notFound("saved query", id))
        : Future.succeededFuture(saved(rows.get(0).get("query").asMap())));
  }

  Future<String> save(CurrentUser user, Map<String, Object> fields) {
    var refusal = CypherGuard.check((String) fields.get("cypher"));
    if (refusal != null) return Future.failedFuture(refused(refusal.reason(), refusal.part()));
    var id = UUID.randomUUID().toString();
    var props = storable(fields);
    props.putIfAbsent("sharedWith", List.of());
    props.putIfAbsent("onBattleMap", false);
    return graph.write(tx -> tx.run(ConsoleCypher.SAVE, Map.of("userId", user.id(), "id", id, "fields", props))).map(id);
  }

  Future<Void> update(CurrentUser user, String id, long version, Map<String, Object> fields) {
    if (fields.containsKey("cypher")) {
      var refusal = CypherGuard.check((String) fields.get("cypher"));
      if (refusal != null) return Future.failedFuture(refused(refusal.reason(), refusal.part()));
    }
    return graph.write(tx -> owned(tx, user, id, Optional.of(version))
        .compose(v -> tx.run(ConsoleCypher.UPDATE, Map.of("id", id, "changes", storable(fields))))).mapEmpty();
  }

  Future<Void> delete(CurrentUser user, String id) {
    return graph.write(tx -> owned(tx, user, id, Optional.empty()).compose(v -> tx.run(ConsoleCypher.DELETE, Map.of("id", id))))
        .mapEmpty();
  }

  /** The battle map's tiles: each published query run with a small row cap; a failing one says why. */
  Future<JsonArray> tiles(CurrentUser viewer) {
    return graph.query(ConsoleCypher.TILES, Map.of()).compose(rows -> {
      var tiles = new ArrayList<Future<JsonObject>>();
      for (var r : rows) {
        var q = saved(r.get("query").asMap());
        var params = q.getJsonObject("params") == null ? Map.<String, Object>of() : q.getJsonObject("params").getMap();
        tiles.add(run(viewer, q.getString("cypher"), params, null, 50, false)
            .map(result -> q.put("result", result))
            .recover(e -> Future.succeededFuture(q.put("error", e.getMessage()))));
      }
      return Future.all(tiles).map(all -> new JsonArray(tiles.stream().map(Future::result).toList()));
    });
  }

  private Future<Void> owned(Tx tx, CurrentUser user, String id, Optional<Long> version) {
    return tx.first(ConsoleCypher.LOCK, Map.of("id", id)).compose(row -> {
      if (row.isEmpty()) return Future.failedFuture(Failure.notFound("saved query", id));
      if (!user.is(Role.ADMIN) && !row.get().get("ownerId").asString().equals(user.id())) {
        return Future.failedFuture(new Failure.Forbidden("only its owner (or an admin) may change a saved query"));
      }
      long current = row.get().get("version").asLong();
      if (version.isPresent() && version.get() != current) {
        return Future.failedFuture(new Failure.Conflict("someone changed this saved query (it is now version " + current + ")", null));
      }
      return Future.succeededFuture();
    });
  }

  private static Map<String, Object> storable(Map<String, Object> fields) {
    var props = new HashMap<>(fields);
    if (props.get("params") instanceof JsonObject o) props.put("params", o.encode());
    return props;
  }

  private static JsonObject saved(Map<String, Object> map) {
    var json = Json.object(map);
    var params = json.getString("params");
    json.put("params", params == null ? new JsonObject() : new JsonObject(params));
    return json;
  }
}
