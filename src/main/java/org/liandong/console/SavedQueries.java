package org.liandong.console;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.liandong.access.Action;
import org.liandong.access.CurrentUser;
import org.liandong.access.Policy;
import org.liandong.access.Role;
import org.liandong.access.Subject;
import org.liandong.config.AppConfig;
import org.liandong.storage.Graph;
import org.liandong.support.Catalogue;
import org.liandong.support.Failure;
import org.liandong.support.Patch;
import org.liandong.support.SingleFlight;
import org.liandong.support.Text;

/**
 * An analyst's saved queries: who sees and edits each (its sharing, by the policy), and the ones
 * pinned to the battle map as tiles, each answered once per change however many screens show it.
 */
final class SavedQueries {
  private final ConsoleService console;
  private final ConsoleRepository repository;
  private final Policy policy;
  private final AppConfig.Console limits;
  /** A tile's own time budget: a slow tile shows its error, and the battle map does not wait on it. */
  static final java.time.Duration TILE_BUDGET = java.time.Duration.ofSeconds(3);

  /**
   * The tiles' answers, by saved query and version, until the next commit (on any node): every
   * screen gets the same answer, so each tile runs once per change on this node, not once per
   * screen per event.
   */
  private final Map<String, JsonObject> answers = new ConcurrentHashMap<>();
  private final SingleFlight<String, JsonObject> runs = new SingleFlight<>();

  SavedQueries(ConsoleService console, Graph graph, Policy policy, AppConfig.Console limits) {
    this.console = console;
    this.repository = new ConsoleRepository(graph);
    this.policy = policy;
    this.limits = limits;
    graph.onCommitAnywhere(changes -> {
      answers.clear();
      runs.forgetAll();
    });
  }

  Future<JsonArray> saved(CurrentUser user) {
    return repository.visible(user.id(), user.roles().stream().map(Role::key).toList(), user.is(Role.ADMIN))
        .map(all -> {
          all.forEach(q -> mayEdit(user, (JsonObject) q));
          return all;
        });
  }

  Future<JsonObject> savedOne(CurrentUser user, String id) {
    return repository.one(id).compose(q -> policy.check(user, Action.READ_SAVED, sharing(q)).map(v -> mayEdit(user, q)));
  }

  /** Whether this person may rename, change or delete it: the policy's answer, for the page to show or hide its buttons. */
  private JsonObject mayEdit(CurrentUser user, JsonObject q) {
    return q.put("mayEdit", policy.allows(user, Action.EDIT_SAVED, sharing(q)));
  }

  Future<JsonObject> save(CurrentUser user, Patch fields) {
    policy.require(user, Action.CONSOLE);
    var refusal = guard(fields);
    if (refusal != null) return Future.failedFuture(refusal);
    var props = fields.copy().setIfAbsent("sharedWith", List.of()).setIfAbsent("onBattleMap", false);
    return repository.save(user.id(), UUID.randomUUID().toString(), props).compose(id -> savedOne(user, id));
  }

  Future<JsonObject> update(CurrentUser user, String id, long version, Patch fields) {
    policy.require(user, Action.CONSOLE);
    var refusal = fields.has("cypher") ? guard(fields) : null;
    if (refusal != null) return Future.failedFuture(refusal);
    var write = repository.update(id, fields);
    return repository.graph().write(repository.lock(id).then(locked -> owned(user, locked, version, write)))
        .compose(v -> savedOne(user, id));
  }

  Future<Void> delete(CurrentUser user, String id) {
    policy.require(user, Action.CONSOLE);
    return repository.graph().write(repository.lock(id).then(locked -> owned(user, locked, null, repository.delete(id))));
  }

  /** Its owner (or an admin) at the version they read; then the write. */
  private org.liandong.storage.Work<Void> owned(CurrentUser user, ConsoleRepository.Locked locked, Long version,
                                               org.liandong.storage.Work<Void> write) {
    var stale = version != null && version != locked.version();
    return tx -> policy.check(user, Action.EDIT_SAVED, locked.sharing()).compose(v -> stale
        ? Future.failedFuture(Failure.conflict(Text.key("server.console.someoneChangedSavedQuery", "version", locked.version()), null))
        : write.run(tx));
  }

  private static Failure guard(Patch fields) {
    var params = fields.value("params") instanceof JsonObject o ? o.getMap() : Map.<String, Object>of();
    var refusal = CypherGuard.check(fields.text("cypher"), params);
    if (refusal == null) return null;
    return refusal.syntax() ? Failure.invalid("cypher", refusal.reason()) : ConsoleService.refused(refusal.reason(), refusal.part());
  }

  /** The battle map's tiles this viewer may see (by the saved query's sharing), each with its answer since the last change. */
  Future<JsonArray> tiles(CurrentUser viewer) {
    return repository.tiles().compose(saved -> {
      var tiles = new ArrayList<Future<JsonObject>>();
      for (var q : saved) {
        if (!policy.allows(viewer, Action.READ_SAVED, sharing(q))) continue;
        var key = q.getString("id") + "@" + q.getValue("version");
        var kept = answers.get(key);
        var answer = kept != null ? Future.succeededFuture(kept) : runs.get(key, () -> tile(q), a -> answers.put(key, a));
        tiles.add(answer.map(a -> q.copy().mergeIn(a)));
      }
      return Future.all(tiles).map(all -> new JsonArray(tiles.stream().map(Future::result).toList()));
    });
  }

  /** One tile's answer, {@code result} or {@code error} and {@code errorZh}: with a small cap, in its own budget, not audited. */
  private Future<JsonObject> tile(JsonObject q) {
    var params = q.getJsonObject("params") == null ? new JsonObject() : q.getJsonObject("params");
    var ask = new ConsoleService.Ask(q.getString("cypher"), params, null, 50, false, RunTag.NONE);
    var budget = TILE_BUDGET.compareTo(limits.timeout()) < 0 ? TILE_BUDGET : limits.timeout();
    return console.guarded(ask, System.nanoTime(), budget).map(result -> new JsonObject().put("result", result))
        .recover(e -> Future.succeededFuture(new JsonObject().put("error", e instanceof Failure f ? f.text().en() : "failed")
            .put("errorZh", e instanceof Failure f ? f.text().zh() : Catalogue.zh("server.console.tileFailed"))));
  }

  private static Subject.Saved sharing(JsonObject q) {
    var shared = q.getJsonArray("sharedWith");
    return new Subject.Saved(q.getString("ownerId"), shared == null ? List.of() : shared.stream().map(String::valueOf).toList());
  }
}
