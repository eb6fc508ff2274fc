package org.liandong.projects;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.liandong.domain.Light;
import org.liandong.domain.PermitBundle;
import org.liandong.storage.Entry;
import org.liandong.storage.Exists;
import org.liandong.storage.Graph;
import org.liandong.storage.KeptRows;
import org.liandong.storage.Locks;
import org.liandong.storage.Node;
import org.liandong.storage.Statement;
import org.liandong.storage.Tx;
import org.liandong.storage.Where;
import org.liandong.storage.Work;
import org.liandong.support.Failure;
import org.liandong.support.Fields.Props;
import org.liandong.support.Json;
import org.liandong.support.Patch;
import org.liandong.support.Text;
import org.neo4j.driver.Value;

/** Projects in the graph: their Cypher and their JSON views. */
final class ProjectRepository {
  private final Graph graph;

  /** The unfiltered list, kept (null through another door: as of an instant, the graph is read once). */
  private final ProjectList kept;

  /** With {@code outlooks} the unfiltered list is kept with its lights ({@link ProjectList}); without, it is read each time. */
  ProjectRepository(Graph graph, Light.Outlooks outlooks) {
    this.graph = graph;
    this.kept = outlooks == null ? null : new ProjectList(graph, outlooks);
  }

  Graph graph() {
    return graph;
  }

  /** The kept list's rows: every project in the lists with its summary, read again by id. */
  static KeptRows<JsonObject> listRows() {
    return new KeptRows<>(ProjectCypher.LISTED + ProjectCypher.SUMMARY, ProjectCypher.LISTED_OF + ProjectCypher.SUMMARY,
        r -> r.get("project").get("id").asString(), r -> Json.object(r.get("project").asMap()));
  }

  static Statement listing(ProjectFilter filter, LocalDate today) {
    var from = filter.champion() != null ? ProjectCypher.FROM_CHAMPION
        : filter.liaison() != null ? ProjectCypher.FROM_LIAISON : ProjectCypher.LIST_FROM;
    var where = Where.of()
        .seek("stage", filter.fromPerson() ? null : filter.stage(), ProjectCypher.BY_STAGE, "USING INDEX SEEK p:Project(stage)")
        .when("stage", filter.fromPerson() ? filter.stage() : null, ProjectCypher.BY_STAGE)
        .when("level", filter.level(), ProjectCypher.BY_LEVEL)
        .with("champion", filter.champion())
        .when("liaisonUser", filter.champion() != null ? filter.liaison() : null, ProjectCypher.BY_LIAISON)
        .with("liaison", filter.champion() != null ? null : filter.liaison())
        .when(true, filter.archived() ? ProjectCypher.ARCHIVED : ProjectCypher.NOT_ARCHIVED);
    return where.around(from, ProjectCypher.SUMMARY + ProjectCypher.LIST_ORDER, Map.of("today", today));
  }

  Future<JsonArray> list(ProjectFilter filter, LocalDate today) {
    if (kept != null && filter.everything()) return kept.all(today);
    var listing = listing(filter, today);
    return graph.query(listing.cypher(), listing.params())
        .map(rows -> new JsonArray(rows.stream().map(r -> Json.object(r.get("project").asMap())).toList()));
  }

  /** The unfiltered list with its lights, encoded (kept: {@link ProjectList#encoded}); null through another door. */
  Future<Buffer> encoded(LocalDate today) {
    return kept == null ? null : kept.encoded(today);
  }

  /** The battle map's projects (kept: {@link ProjectList#battleMap}); null through another door. */
  Future<Buffer> battleMap(LocalDate today, int limit) {
    return kept == null ? null : kept.battleMap(today, limit);
  }

  /** The kept list is read again at the next request (the admin's rebuild). */
  void forget() {
    if (kept != null) kept.forget();
  }

  Future<JsonObject> one(String id, LocalDate today) {
    return graph.query(ProjectCypher.ONE, Map.of("id", id, "today", today)).compose(rows -> rows.isEmpty()
        ? Future.failedFuture(Node.Project.notFound(id))
        : Future.succeededFuture(Json.object(rows.get(0).get("project").asMap())));
  }

  /** Creates the project with its people; resolves to its id. */
  Work<String> create(String actor, String id, Patch props, People people) {
    return tx -> tx.first(ProjectCypher.CREATE, Map.of("id", id, "fields", props.asMap()))
        .compose(row -> people(tx, id, people).map(v -> row.orElseThrow().get("project").asMap()))
        .map(after -> {
          tx.record(new Entry(actor, "project.created", "Project", id, id, null, people.into(Props.of(after)).asMap(),
              List.of("project:" + id, ProjectService.LIST_CHANNEL)));
          return id;
        });
  }

  /** The project as it is, write-locked, at the version the writer read. */
  Work<Props> lock(String id, long version) {
    return tx -> Locks.lock(tx, Node.Project, id, version);
  }

  Work<Void> update(String actor, String id, Props before, Patch changes, People people) {
    return tx -> people(tx, id, people)
        .compose(v -> tx.first(ProjectCypher.UPDATE, Map.of("id", id, "changes", changes.asMap())))
        .map(row -> {
          var after = people.into(Props.of(row.orElseThrow().get("project").asMap())).asMap();
          tx.record(new Entry(actor, "project.updated", "Project", id, id, before.asMap(), after, List.of("project:" + id)));
          return null;
        });
  }

  Work<Void> builtFrom(String id, String templateKey, int templateVersion) {
    return tx -> tx.run(ProjectCypher.BUILT_FROM, Map.of("id", id, "key", templateKey, "version", (long) templateVersion)).mapEmpty();
  }

  /** 归档 or back: the project leaves the lists (or returns), told on its channel and the list's. */
  Work<Void> archive(String actor, String id, Props before, boolean archive, String reason) {
    var params = new HashMap<String, Object>();
    params.put("id", id);
    params.put("by", actor);
    params.put("reason", reason);
    return tx -> tx.first(archive ? ProjectCypher.ARCHIVE : ProjectCypher.RESTORE, params).map(row -> {
      var after = row.orElseThrow().get("project").asMap();
      tx.record(new Entry(actor, archive ? "project.archived" : "project.restored", "Project", id, id, before.asMap(), after,
          List.of("project:" + id, ProjectService.LIST_CHANNEL)));
      return null;
    });
  }

  Work<Void> delete(String actor, String id, Props before) {
    return tx -> tx.first(ProjectCypher.IN_USE, Map.of("id", id)).compose(row -> {
      var r = row.orElseThrow();
      long obligations = r.get("obligations").asLong();
      long meetings = r.get("meetings").asLong();
      if (obligations + meetings > 0) {
        return Future.failedFuture(Failure.conflict(Text.key("server.projects.projectStillHasObligations", "obligations", obligations, "meetings", meetings), Json.object(before.asMap())));
      }
      tx.record(new Entry(actor, "project.deleted", "Project", id, id, before.asMap(), null, List.of("project:" + id, ProjectService.LIST_CHANNEL)));
      return tx.run(ProjectCypher.DELETE, Map.of("id", id)).mapEmpty();
    });
  }

  Future<JsonArray> changes(String id, int offset, int limit) {
    return graph.read(tx -> exists(tx, id)
            .compose(v -> tx.list(ProjectCypher.CHANGES, Map.of("id", id, "offset", offset, "limit", limit))))
        .map(rows -> new JsonArray(rows.stream().map(r -> change(r.get("change"))).toList()));
  }

  private static JsonObject change(Value entry) {
    var change = Json.object(entry.asMap());
    for (var side : List.of("before", "after")) {
      var text = change.getString(side);
      change.put(side, text == null ? null : new JsonObject(text));
    }
    return change;
  }

  Future<JsonObject> permits(String id) {
    return graph.read(tx -> exists(tx, id).compose(v -> tx.first(ProjectCypher.PERMITS, Map.of("id", id))))
        .map(row -> permitBundle(row.orElseThrow()));
  }

  private static JsonObject permitBundle(org.neo4j.driver.Record r) {
    return new JsonObject()
        .put("permits", Json.value(r.get("permits").asList(Value::asMap)))
        .put("total", r.get("total").asLong())
        .put("issued", r.get("issued").asLong())
        .put("firstIssuedAt", r.get("firstIssuedAt").asString(null))
        .put("lastIssuedAt", r.get("lastIssuedAt").asString(null))
        .mergeIn(PermitBundle.figures(seconds(r.get("spanSeconds")), seconds(r.get("runningSeconds"))));
  }

  private static Long seconds(Value v) {
    return v.isNull() ? null : v.asLong();
  }

  private static Future<Void> exists(Tx tx, String id) {
    return tx.first(ProjectCypher.EXISTS, Map.of("id", id)).compose(found -> found.isEmpty()
        ? Future.failedFuture(Node.Project.notFound(id)) : Future.succeededFuture());
  }

  /** Who champions the project and who is its liaison, when the request names them. */
  record People(List<String> championIds, String liaisonId, boolean liaisonGiven) {
    /** The node's properties as a change shows them, with the people the request named. */
    Props into(Props props) {
      var out = Patch.empty();
      if (championIds != null) out.set("championIds", championIds);
      if (liaisonGiven) out.set("liaisonId", liaisonId);
      return props.with(out);
    }
  }

  private static Future<Void> people(Tx tx, String id, People people) {
    return champions(tx, id, people.championIds()).compose(v -> liaison(tx, id, people));
  }

  private static Future<Void> champions(Tx tx, String id, List<String> champions) {
    if (champions == null) return Future.succeededFuture();
    return tx.first(ProjectCypher.NOT_LEADERS, Map.of("champions", champions)).compose(row -> {
      var missing = row.map(r -> r.get("missing").asList(Value::asString)).orElse(List.of());
      return missing.isEmpty()
          ? tx.run(ProjectCypher.SET_CHAMPIONS, Map.of("id", id, "champions", champions)).mapEmpty()
          : Future.failedFuture(Failure.unprocessable("championIds", Text.key("server.projects.theseNotUsersLeader", "missing", missing)));
    });
  }

  private static Future<Void> liaison(Tx tx, String id, People people) {
    if (!people.liaisonGiven()) return Future.succeededFuture();
    var params = new HashMap<String, Object>();
    params.put("id", id);
    params.put("liaisonId", people.liaisonId());
    return Exists.require(tx, Node.User, people.liaisonId(), "liaisonId")
        .compose(v -> tx.run(ProjectCypher.SET_LIAISON, params)).mapEmpty();
  }
}
