package org.liandong.sheets;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.liandong.projects.ProjectService;
import org.liandong.storage.Entry;
import org.liandong.storage.Graph;
import org.liandong.storage.Tx;
import org.liandong.storage.Work;
import org.liandong.support.Failure;
import org.liandong.support.Fields.Props;
import org.liandong.support.Text;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * An import in the graph ({@link ImportCypher}): the dry run's record, what a workbook is checked
 * against, and the one-transaction commit with a change entry for each project and obligation.
 */
final class ImportRepository {
  private ImportRepository() {}

  /** A department and a leader of this graph, to name in the template's examples (either may be null). */
  record ExampleNames(String department, String leader) {}

  static Future<ExampleNames> exampleNames(Graph graph) {
    return graph.query(ImportCypher.EXAMPLE_NAMES, Map.of()).map(rows -> rows.isEmpty() ? new ExampleNames(null, null)
        : new ExampleNames(rows.get(0).get("department").asString(null), rows.get(0).get("leader").asString(null)));
  }

  /** A dry run as kept: who ran it, the file's hash, the versions it saw. */
  record DryRun(String actor, String sha256, JsonObject expected) {}

  static Work<Void> saveDryRun(String id, String actor, String sha256, JsonObject expected) {
    return tx -> tx.run(ImportCypher.SAVE_DRY_RUN, Map.of("id", id, "actor", actor, "sha256", sha256, "expected", expected.encode()))
        .mapEmpty();
  }

  static Future<Optional<DryRun>> dryRun(Graph graph, String id) {
    return graph.query(ImportCypher.DRY_RUN, Map.of("id", id)).map(rows -> rows.stream().findFirst()
        .map(r -> new DryRun(r.get("actor").asString(), r.get("sha256").asString(), new JsonObject(r.get("expected").asString()))));
  }

  /** Spends the dry run; resolves whether this call spent it (a second commit of it finds it spent). */
  static Work<Boolean> spend(String id) {
    return tx -> tx.first(ImportCypher.SPEND_DRY_RUN, Map.of("id", id)).map(spent -> spent.orElseThrow().get("spent").asLong() > 0);
  }

  /** What the plan checks a workbook against, as one transaction read it. */
  record Found(List<Record> departments, List<Record> users, List<Record> projects) {}

  /** The departments, the people, and the projects with these codes (with all their obligations). */
  static Work<Found> found(List<String> codes) {
    return tx -> tx.list(ImportCypher.DEPARTMENTS, Map.of())
        .compose(d -> tx.list(ImportCypher.USERS, Map.of())
            .compose(u -> tx.list(ImportCypher.PROJECTS, Map.of("codes", codes)).map(p -> new Found(d, u, p))));
  }

  /** The plan's context from what was found (on a worker: the projects come with all their obligations). */
  static ImportPlan.Context context(Found found) {
    var departments = found.departments();
    var users = found.users();
    var projects = found.projects();
    var byName = new HashMap<String, String>();
    var names = new HashMap<String, String>();
    for (var d : departments) {
      byName.put(ImportPlan.key(d.get("name").asString()), d.get("id").asString());
      names.put(d.get("id").asString(), d.get("name").asString());
    }
    var people = new ArrayList<ImportPlan.Person>();
    for (var u : users) {
      if (!u.get("active").asBoolean()) continue;
      people.add(new ImportPlan.Person(u.get("id").asString(), u.get("username").asString(null), u.get("displayName").asString(null),
          u.get("roles").asList(Value::asString).contains("leader")));
    }
    var existing = new HashMap<String, ImportPlan.Existing>();
    for (var r : projects) {
      var p = r.get("project").asMap();
      var obligations = new HashMap<String, Map<String, Object>>();
      for (var o : r.get("obligations").values()) obligations.put(o.get("title").asString(), o.asMap());
      existing.put((String) p.get("code"), new ImportPlan.Existing(p, r.get("champions").asList(Value::asString), r.get("liaison").asString(null), obligations));
    }
    return new ImportPlan.Context(byName, names, people, existing);
  }

  /** Everything the plan does, in the transaction given, each change noted for the log. */
  static Work<Void> write(String who, ImportPlan plan, JsonObject seen) {
    return tx -> locked(tx, "Project", seen.getJsonObject("projects", new JsonObject()))
        .compose(v -> locked(tx, "Obligation", seen.getJsonObject("obligations", new JsonObject())))
        .compose(v -> createProjects(tx, who, plan))
        .compose(v -> updateProjects(tx, who, plan))
        .compose(v -> people(tx, plan))
        .compose(v -> createObligations(tx, who, plan))
        .compose(v -> updateObligations(tx, who, plan))
        .compose(v -> plan.links.isEmpty() ? Future.succeededFuture() : tx.run(ImportCypher.LINK,
            Map.of("links", plan.links.stream().map(l -> Map.<String, Object>of("from", l.from(), "to", l.to())).toList())).mapEmpty());
  }

  /** Locks what the dry run saw and fails, writing nothing, if any of it moved since. */
  private static Future<Void> locked(Tx tx, String label, JsonObject versions) {
    if (versions.isEmpty()) return Future.succeededFuture();
    var expected = versions.fieldNames().stream().map(id -> Map.<String, Object>of("id", id, "version", versions.getLong(id))).toList();
    return tx.list(ImportCypher.stale(label), Map.of("expected", expected))
        .compose(moved -> tx.list(ImportCypher.gone(label), Map.of("expected", expected)).compose(gone -> {
          var ids = new ArrayList<String>();
          moved.forEach(r -> ids.add(r.get("id").asString()));
          gone.forEach(r -> ids.add(r.get("id").asString()));
          return ids.isEmpty() ? Future.succeededFuture() : Future.failedFuture(stale(ids));
        }));
  }

  private static Future<Void> createProjects(Tx tx, String who, ImportPlan plan) {
    if (plan.newProjects.isEmpty()) return Future.succeededFuture();
    var rows = plan.newProjects.stream().map(p -> Map.<String, Object>of("id", p.id(), "fields", p.fields())).toList();
    return tx.list(ImportCypher.CREATE_PROJECTS, Map.of("rows", rows)).map(created -> {
      var byId = new HashMap<String, ImportPlan.NewProject>();
      plan.newProjects.forEach(p -> byId.put(p.id(), p));
      for (var r : created) {
        var after = new HashMap<>(r.get("project").asMap());
        var id = (String) after.get("id");
        var p = byId.get(id);
        if (p.champions() != null) after.put("championIds", p.champions());
        if (p.liaison() != null) after.put("liaisonId", p.liaison());
        tx.record(new Entry(who, "project.created", "Project", id, id, null, after, List.of("project:" + id, ProjectService.LIST_CHANNEL)));
      }
      return null;
    });
  }

  private static Future<Void> updateProjects(Tx tx, String who, ImportPlan plan) {
    if (plan.projectUpdates.isEmpty()) return Future.succeededFuture();
    var rows = plan.projectUpdates.stream().map(u -> {
      var changes = new HashMap<String, Object>(u.changes());
      return Map.<String, Object>of("id", u.id(), "changes", changes);
    }).toList();
    return tx.list(ImportCypher.UPDATE_PROJECTS, Map.of("rows", rows)).map(updated -> {
      var byId = new HashMap<String, ImportPlan.ProjectUpdate>();
      plan.projectUpdates.forEach(u -> byId.put(u.id(), u));
      for (var r : updated) {
        var after = new HashMap<>(r.get("project").asMap());
        var id = (String) after.get("id");
        var u = byId.get(id);
        if (u.champions() != null) after.put("championIds", u.champions());
        if (u.liaisonGiven()) after.put("liaisonId", u.liaison());
        tx.record(new Entry(who, "project.updated", "Project", id, id, u.before(), after, List.of("project:" + id, ProjectService.LIST_CHANNEL)));
      }
      return null;
    });
  }

  private static Future<Void> people(Tx tx, ImportPlan plan) {
    var rows = new ArrayList<Map<String, Object>>();
    for (var p : plan.newProjects) {
      if (p.champions() == null && p.liaison() == null) continue;
      rows.add(person(p.id(), p.champions(), p.liaison(), p.liaison() != null).asMap());
    }
    for (var u : plan.projectUpdates) {
      if (u.champions() == null && !u.liaisonGiven()) continue;
      rows.add(person(u.id(), u.champions(), u.liaison(), u.liaisonGiven()).asMap());
    }
    return rows.isEmpty() ? Future.succeededFuture() : tx.run(ImportCypher.PEOPLE, Map.of("rows", rows)).mapEmpty();
  }

  private static Props person(String id, List<String> champions, String liaison, boolean liaisonGiven) {
    var row = new HashMap<String, Object>();
    row.put("id", id);
    row.put("champions", champions);
    row.put("liaison", liaison);
    row.put("liaisonGiven", liaisonGiven);
    return Props.of(row);
  }

  private static Future<Void> createObligations(Tx tx, String who, ImportPlan plan) {
    if (plan.newObligations.isEmpty()) return Future.succeededFuture();
    var rows = plan.newObligations.stream().map(o -> Map.<String, Object>of("id", o.id(), "projectId", o.projectId(),
        "departmentId", o.departmentId(), "fields", o.fields())).toList();
    return tx.list(ImportCypher.CREATE_OBLIGATIONS, Map.of("rows", rows)).map(created -> {
      var byId = new HashMap<String, ImportPlan.NewObligation>();
      plan.newObligations.forEach(o -> byId.put(o.id(), o));
      var deps = new HashMap<String, List<String>>();
      plan.links.forEach(l -> deps.computeIfAbsent(l.from(), k -> new ArrayList<>()).add(l.to()));
      for (var r : created) {
        var after = new HashMap<>(r.get("o").asMap());
        var id = (String) after.get("id");
        var o = byId.get(id);
        after.put("departmentId", o.departmentId());
        after.put("dependsOn", deps.getOrDefault(id, List.of()));
        tx.record(new Entry(who, "obligation.created", "Obligation", id, o.projectId(), null, after,
            List.of("project:" + o.projectId(), "department:" + o.departmentId())));
      }
      return null;
    });
  }

  private static Future<Void> updateObligations(Tx tx, String who, ImportPlan plan) {
    if (plan.obligationUpdates.isEmpty()) return Future.succeededFuture();
    var rows = plan.obligationUpdates.stream().map(u -> {
      var row = new HashMap<String, Object>();
      row.put("id", u.id());
      row.put("changes", new HashMap<>(u.changes()));
      row.put("departmentId", u.departmentId());
      return (Map<String, Object>) row;
    }).toList();
    return tx.run(ImportCypher.UPDATE_OBLIGATIONS, Map.of("rows", rows)).map(v -> {
      for (var u : plan.obligationUpdates) {
        var after = new HashMap<String, Object>(u.before());
        after.putAll(u.changes());
        after.put("version", u.version() + 1);
        if (u.departmentId() != null) after.put("departmentId", u.departmentId());
        var before = (String) u.before().get("departmentId");
        var channels = new ArrayList<>(List.of("project:" + u.projectId(), "department:" + before));
        if (u.departmentId() != null) channels.add("department:" + u.departmentId());
        tx.record(new Entry(who, "obligation.updated", "Obligation", u.id(), u.projectId(), u.before(), after, channels));
      }
      return null;
    });
  }

  static Failure stale(List<String> moved) {
    return new Failure.Listed(409, Text.key("server.sheets.projectSObligationS", "movedCount", moved.size()),
        new JsonArray(moved));
  }
}
