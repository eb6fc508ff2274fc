package org.liandong.sheets;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.liandong.domain.Stage;
import org.liandong.sheets.ImportSheets.ObligationDraft;
import org.liandong.sheets.ImportSheets.ProjectDraft;
import org.liandong.support.Text;

/**
 * What an import would do, checked against the graph as it stands: projects created or updated
 * by code (only the fields that differ), their champions and liaison by name or username,
 * obligations created or updated by title within their project, prerequisites by title (no
 * loops). Every problem found is listed; a plan with none can be written ({@link ImportService}).
 */
final class ImportPlan {
  /** The changes listed in the answer, at most (the counts are of all). */
  static final int LISTED = 500;

  record Person(String id, String username, String displayName, boolean leader) {}

  /** What the graph holds that the sheet is checked against. */
  record Context(Map<String, String> departmentsByName, Map<String, String> departmentNames, List<Person> people,
                 Map<String, Existing> projects) {
    /** A person's display name (what the changes show), or the id of one not found. */
    String person(String id) {
      return people.stream().filter(p -> p.id().equals(id)).map(Person::displayName).findFirst().orElse(id);
    }
  }

  record Existing(Map<String, Object> project, List<String> champions, String liaison, Map<String, Map<String, Object>> obligationsByTitle) {}

  record NewProject(String id, Map<String, Object> fields, List<String> champions, String liaison) {}

  record ProjectUpdate(String id, String code, long version, Map<String, Object> before, Map<String, Object> changes,
                       List<String> champions, String liaison, boolean liaisonGiven) {}

  record NewObligation(String id, String projectId, String departmentId, Map<String, Object> fields) {}

  record ObligationUpdate(String id, String projectId, long version, Map<String, Object> before, Map<String, Object> changes,
                          String departmentId) {}

  record Link(String from, String to) {}

  final List<Problem> problems = new ArrayList<>();
  final List<NewProject> newProjects = new ArrayList<>();
  final List<ProjectUpdate> projectUpdates = new ArrayList<>();
  final List<NewObligation> newObligations = new ArrayList<>();
  final List<ObligationUpdate> obligationUpdates = new ArrayList<>();
  final List<Link> links = new ArrayList<>();
  final JsonArray listed = new JsonArray();
  int unchangedProjects;
  int unchangedObligations;
  int rows;
  /** The file's SHA-256: what a commit must send again. */
  final String sha256;

  private ImportPlan(String sha256) {
    this.sha256 = sha256;
  }

  /** Names compare without spaces and case (“市 资规局” is 市资规局). */
  static String key(String name) {
    return name == null ? "" : name.replaceAll("[\\s\\u3000]+", "").toLowerCase(java.util.Locale.ROOT);
  }

  static ImportPlan of(ImportSheets.Read read, Context context, LocalDate today, String sha256) {
    var plan = new ImportPlan(sha256);
    plan.rows = read.rows();
    plan.problems.addAll(read.problems());
    var projectIds = plan.projects(read.projects(), context, today);
    plan.obligations(read.obligations(), context, projectIds);
    return plan;
  }

  /** The projects; resolves each code the sheet or the graph knows to its project's id. */
  private Map<String, String> projects(List<ProjectDraft> drafts, Context context, LocalDate today) {
    var ids = new HashMap<String, String>();
    context.projects().forEach((code, e) -> ids.put(code, (String) e.project().get("id")));
    var seen = new HashMap<String, Integer>();
    for (var draft : drafts) {
      var code = draft.code();
      if (code == null) continue;
      var first = seen.putIfAbsent(code, draft.row());
      if (first != null) {
        problem(draft, "code", Text.of("the code " + code + " is on row " + first + " already", "编号 " + code + " 已在第 " + first + " 行出现"));
        continue;
      }
      int before = problems.size();
      var champions = draft.championsGiven() ? people(draft, "champions", draft.champions(), context, true) : null;
      String liaison = null;
      if (draft.liaisonGiven() && draft.liaison() != null) {
        var found = people(draft, "liaison", List.of(draft.liaison()), context, false);
        liaison = found == null || found.isEmpty() ? null : found.get(0);
      }
      var existing = context.projects().get(code);
      var merged = new HashMap<String, Object>(existing == null ? Map.of() : existing.project());
      draft.fields().forEach((k, v) -> {
        if (v != null || !"new".equals(k)) merged.put(k, v);
      });
      startedWhenStarted(merged, today);
      dates(draft, merged);
      if (problems.size() > before) continue;
      if (existing == null) {
        var fields = new LinkedHashMap<String, Object>();
        merged.forEach((k, v) -> { if (v != null) fields.put(k, v); });
        fields.putIfAbsent("new", true);
        var id = UUID.randomUUID().toString();
        ids.put(code, id);
        newProjects.add(new NewProject(id, fields, champions, liaison));
        list(new JsonObject().put("sheet", draft.sheet()).put("row", draft.row()).put("code", code)
            .put("name", (String) fields.get("name")).put("action", "create"));
        continue;
      }
      var changes = new LinkedHashMap<String, Object>();
      var fields = new JsonArray();
      merged.forEach((k, v) -> {
        var was = existing.project().get(k);
        if (!same(was, v)) {
          changes.put(k, v);
          fields.add(change(Column.Sheet.PROJECTS, k, show(was), show(v)));
        }
      });
      boolean championsChanged = champions != null && !new HashSet<>(champions).equals(new HashSet<>(existing.champions()));
      boolean liaisonChanged = draft.liaisonGiven() && !Objects.equals(liaison, existing.liaison());
      if (championsChanged) fields.add(change(Column.Sheet.PROJECTS, "championIds", people(context, existing.champions()), people(context, champions)));
      if (liaisonChanged) fields.add(change(Column.Sheet.PROJECTS, "liaisonId", existing.liaison() == null ? null : context.person(existing.liaison()),
          liaison == null ? null : context.person(liaison)));
      if (fields.isEmpty()) {
        unchangedProjects++;
        continue;
      }
      var id = (String) existing.project().get("id");
      projectUpdates.add(new ProjectUpdate(id, code, ((Number) existing.project().get("version")).longValue(), existing.project(),
          changes, championsChanged ? champions : null, liaison, liaisonChanged));
      list(new JsonObject().put("sheet", draft.sheet()).put("row", draft.row()).put("code", code)
          .put("name", (String) merged.get("name")).put("action", "update").put("fields", fields));
    }
    return ids;
  }

  /** A project that reached the started stage without a start date starts today (as the API does). */
  private static void startedWhenStarted(Map<String, Object> merged, LocalDate today) {
    if (merged.get("stage") instanceof String stage && Stage.valueOf(stage).reached(Stage.started) && merged.get("startedOn") == null) {
      merged.put("startedOn", today);
    }
  }

  private void dates(ProjectDraft draft, Map<String, Object> p) {
    if (p.get("targetStartOn") instanceof LocalDate start && p.get("targetCompleteOn") instanceof LocalDate end && end.isBefore(start)) {
      problem(draft, "targetCompleteOn", Text.of("the target completion " + end + " is before the target start " + start,
          "计划竣工日期 " + end + " 早于计划开工日期 " + start));
    }
    if (p.get("signedOn") instanceof LocalDate signed && p.get("startedOn") instanceof LocalDate started && started.isBefore(signed)) {
      problem(draft, "startedOn", Text.of("the start " + started + " is before the signing " + signed, "开工日期 " + started + " 早于签约日期 " + signed));
    }
  }

  /** Each name as a user's username or display name (champions must be leaders); null when one is not found. */
  private List<String> people(ProjectDraft draft, String field, List<String> names, Context context, boolean leaders) {
    var out = new ArrayList<String>();
    boolean ok = true;
    for (var name : names) {
      var byUsername = context.people().stream().filter(p -> name.equals(p.username())).toList();
      var found = byUsername.isEmpty() ? context.people().stream().filter(p -> key(name).equals(key(p.displayName()))).toList() : byUsername;
      if (found.isEmpty()) {
        problem(draft, field, Text.of("no user is called “" + name + "”", "找不到名为“" + name + "”的用户"));
        ok = false;
      } else if (found.size() > 1) {
        problem(draft, field, Text.of("more than one user is called “" + name + "”: give the username", "有多名用户名为“" + name + "”：请填写用户名"));
        ok = false;
      } else if (leaders && !found.get(0).leader()) {
        problem(draft, field, Text.of("“" + name + "” is not a leader: only leaders champion projects", "“" + name + "”不是领导：只有领导可挂钩项目"));
        ok = false;
      } else {
        out.add(found.get(0).id());
      }
    }
    return ok ? out : null;
  }

  private void obligations(List<ObligationDraft> drafts, Context context, Map<String, String> projectIds) {
    // each project's obligations by title: those already in the graph, then the sheet's
    var titles = new HashMap<String, Map<String, String>>();
    var existingDeps = new HashMap<String, List<String>>();
    context.projects().values().forEach(e -> {
      var id = (String) e.project().get("id");
      var byTitle = titles.computeIfAbsent(id, k -> new HashMap<>());
      e.obligationsByTitle().forEach((title, o) -> {
        byTitle.put(title, (String) o.get("id"));
        @SuppressWarnings("unchecked")
        var deps = (List<String>) o.get("dependsOn");
        existingDeps.put((String) o.get("id"), deps == null ? List.of() : deps);
      });
    });
    var valid = new ArrayList<ObligationDraft>();
    var ids = new HashMap<ObligationDraft, String>();
    var seen = new HashMap<String, Integer>();
    for (var draft : drafts) {
      int before = problems.size();
      if (draft.projectCode() == null || draft.title() == null) continue;
      var projectId = projectIds.get(draft.projectCode());
      if (projectId == null) {
        problem(draft, "projectCode", Text.of("no project has the code " + draft.projectCode() + " (in this workbook or in Liandong)",
            "本工作簿和系统中都没有编号为 " + draft.projectCode() + " 的项目"));
      }
      var first = seen.putIfAbsent(draft.projectCode() + "\u0000" + draft.title(), draft.row());
      if (first != null) {
        problem(draft, "title", Text.of("“" + draft.title() + "” of " + draft.projectCode() + " is on row " + first + " already",
            draft.projectCode() + " 的“" + draft.title() + "”已在第 " + first + " 行出现"));
      }
      if (draft.department() != null && !context.departmentsByName().containsKey(key(draft.department()))) {
        problem(draft, "department", Text.of("no department is called “" + draft.department() + "”", "找不到名为“" + draft.department() + "”的单位"));
      }
      if (problems.size() > before || projectId == null) continue;
      var byTitle = titles.computeIfAbsent(projectId, k -> new HashMap<>());
      var id = byTitle.computeIfAbsent(draft.title(), t -> UUID.randomUUID().toString());
      ids.put(draft, id);
      valid.add(draft);
    }
    // prerequisites by title within the project, then no loops over the graph's and the sheet's together
    var deps = new HashMap<String, List<String>>(existingDeps);
    var rowOf = new HashMap<String, ObligationDraft>();
    var resolved = new HashMap<ObligationDraft, List<String>>();
    for (var draft : valid) {
      var projectId = projectIds.get(draft.projectCode());
      var byTitle = titles.get(projectId);
      var list = new ArrayList<String>();
      boolean ok = true;
      for (var title : draft.dependsOn()) {
        var to = byTitle.get(title);
        if (to == null) {
          problem(draft, "dependsOn", Text.of("“" + title + "” is not an obligation of " + draft.projectCode(),
              "“" + title + "”不是 " + draft.projectCode() + " 的事项"));
          ok = false;
        } else if (to.equals(ids.get(draft))) {
          problem(draft, "dependsOn", Text.of("“" + title + "” cannot depend on itself", "“" + title + "”不能以自身为前置"));
          ok = false;
        } else {
          list.add(to);
        }
      }
      if (!ok) continue;
      resolved.put(draft, list);
      rowOf.put(ids.get(draft), draft);
      var all = new ArrayList<>(deps.getOrDefault(ids.get(draft), List.of()));
      for (var to : list) if (!all.contains(to)) all.add(to);
      deps.put(ids.get(draft), all);
    }
    var titleOf = new HashMap<String, String>();
    titles.values().forEach(m -> m.forEach((t, id) -> titleOf.put(id, t)));
    var looped = new HashSet<String>();
    for (var draft : valid) {
      var id = ids.get(draft);
      if (!resolved.containsKey(draft) || looped.contains(id)) continue;
      var loop = loop(id, deps);
      if (loop != null) {
        looped.addAll(loop);
        var names = loop.stream().map(titleOf::get).toList();
        problem(draft, "dependsOn", Text.of("the prerequisites go round in a loop: " + String.join(" → ", names) + " → " + names.get(0),
            "前置事项构成循环：" + String.join(" → ", names) + " → " + names.get(0)));
      }
    }
    if (!problems.isEmpty()) return;
    for (var draft : valid) plan(draft, context, projectIds.get(draft.projectCode()), ids.get(draft), resolved.get(draft), existingDeps, titleOf);
  }

  private void plan(ObligationDraft draft, Context context, String projectId, String id, List<String> dependsOn,
                    Map<String, List<String>> existingDeps, Map<String, String> titleOf) {
    var existingProject = context.projects().get(draft.projectCode());
    var existing = existingProject == null ? null : existingProject.obligationsByTitle().get(draft.title());
    var departmentId = draft.department() == null ? null : context.departmentsByName().get(key(draft.department()));
    var known = existingDeps.getOrDefault(id, List.of());
    for (var to : dependsOn) if (!known.contains(to)) links.add(new Link(id, to));
    var fields = new LinkedHashMap<String, Object>();
    fields.put("title", draft.title());
    fields.put("track", draft.track());
    if (draft.cells().containsKey(Column.DUE)) fields.put("dueOn", draft.dueOn());
    if (draft.cells().containsKey(Column.DURATION)) fields.put("durationDays", draft.durationDays());
    if (existing == null) {
      fields.put("kind", "need".equals(draft.track()) ? "need" : "task");
      if ("need".equals(draft.track())) fields.put("needSource", "other");
      fields.put("assisted", false);
      fields.values().removeIf(Objects::isNull);
      newObligations.add(new NewObligation(id, projectId, departmentId, fields));
      list(new JsonObject().put("sheet", draft.sheet()).put("row", draft.row()).put("code", draft.projectCode())
          .put("title", draft.title()).put("action", "create"));
      return;
    }
    var changes = new LinkedHashMap<String, Object>();
    var shown = new JsonArray();
    fields.forEach((k, v) -> {
      if (!same(existing.get(k), v)) {
        changes.put(k, v);
        shown.add(change(Column.Sheet.OBLIGATIONS, k, show(existing.get(k)), show(v)));
      }
    });
    boolean moved = departmentId != null && !departmentId.equals(existing.get("departmentId"));
    if (moved) shown.add(change(Column.Sheet.OBLIGATIONS, "departmentId", context.departmentNames().get(existing.get("departmentId")),
        context.departmentNames().get(departmentId)));
    boolean linked = dependsOn.stream().anyMatch(to -> !known.contains(to));
    if (linked) shown.add(change(Column.Sheet.OBLIGATIONS, "dependsOn", new JsonArray(known.stream().map(titleOf::get).toList()),
        new JsonArray(dependsOn.stream().map(titleOf::get).toList())));
    if (shown.isEmpty()) {
      unchangedObligations++;
      return;
    }
    obligationUpdates.add(new ObligationUpdate(id, projectId, ((Number) existing.get("version")).longValue(), existing, changes,
        moved ? departmentId : null));
    list(new JsonObject().put("sheet", draft.sheet()).put("row", draft.row()).put("code", draft.projectCode())
        .put("title", draft.title()).put("action", "update").put("fields", shown));
  }

  /** A path from {@code start} back to itself through the prerequisites, or null. */
  private static List<String> loop(String start, Map<String, List<String>> deps) {
    var path = new ArrayList<String>();
    var done = new HashSet<String>();
    return walk(start, start, deps, path, done) ? path : null;
  }

  private static boolean walk(String node, String start, Map<String, List<String>> deps, List<String> path, Set<String> done) {
    path.add(node);
    for (var next : deps.getOrDefault(node, List.of())) {
      if (next.equals(start)) return true;
      if (done.add(next) && walk(next, start, deps, path, done)) return true;
    }
    path.remove(path.size() - 1);
    return false;
  }

  /** A field that changes, under its column's header in both languages, each side as a person reads it (names, not ids). */
  private static JsonObject change(Column.Sheet sheet, String field, Object before, Object after) {
    var column = Column.holding(sheet, field);
    return new JsonObject().put("field", field).put("label", column == null ? field : column.zh())
        .put("labelEn", column == null ? field : column.en()).put("before", before).put("after", after);
  }

  private static JsonArray people(Context context, List<String> ids) {
    return new JsonArray(ids.stream().map(context::person).toList());
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
    return Objects.equals(a, b);
  }

  private static Object show(Object v) {
    return v instanceof LocalDate || v instanceof java.time.temporal.Temporal ? v.toString() : v;
  }

  private void list(JsonObject change) {
    if (listed.size() < LISTED) listed.add(change);
  }

  private void problem(ProjectDraft d, String field, Text message) {
    problems.add(new Problem(d.sheet(), d.row(), null, field, message));
  }

  private void problem(ObligationDraft d, String field, Text message) {
    problems.add(new Problem(d.sheet(), d.row(), null, field, message));
  }

  /** The versions this plan was made against: what a commit checks nothing moved since. */
  JsonObject expected() {
    var projects = new JsonObject();
    projectUpdates.forEach(u -> projects.put(u.id(), u.version()));
    var obligations = new JsonObject();
    obligationUpdates.forEach(u -> obligations.put(u.id(), u.version()));
    return new JsonObject().put("projects", projects).put("obligations", obligations);
  }

  JsonObject summary() {
    return new JsonObject().put("rows", rows)
        .put("projects", new JsonObject().put("create", newProjects.size()).put("update", projectUpdates.size()).put("unchanged", unchangedProjects))
        .put("obligations", new JsonObject().put("create", newObligations.size()).put("update", obligationUpdates.size())
            .put("unchanged", unchangedObligations));
  }
}
