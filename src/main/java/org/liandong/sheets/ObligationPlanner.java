package org.liandong.sheets;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.liandong.sheets.ImportPlan.Context;
import org.liandong.sheets.ImportPlan.Link;
import org.liandong.sheets.ImportPlan.NewObligation;
import org.liandong.sheets.ImportPlan.ObligationUpdate;
import org.liandong.sheets.ImportSheets.ObligationDraft;
import org.liandong.support.Text;

/**
 * The obligations of an import: each created, or updated in only the fields that differ, by its
 * title within its project; prerequisites by title, with no loop over the graph's and the
 * sheet's together. What it finds goes into the plan.
 */
final class ObligationPlanner {
  private final ImportPlan plan;
  private final Context context;
  private final Map<String, String> projectIds;
  /** The rows of the workbook's projects by code: a project row with problems of its own is named as the cause. */
  private final Map<String, Integer> projectRows;
  /** Each project's obligations by title: those already in the graph, then the sheet's. */
  private final Map<String, Map<String, String>> titles = new HashMap<>();
  private final Map<String, List<String>> existingDeps = new HashMap<>();
  private final Map<ObligationDraft, String> ids = new HashMap<>();
  private final Map<ObligationDraft, List<String>> resolved = new HashMap<>();
  private final Map<String, String> titleOf = new HashMap<>();

  ObligationPlanner(ImportPlan plan, Context context, Map<String, String> projectIds, Map<String, Integer> projectRows) {
    this.plan = plan;
    this.context = context;
    this.projectIds = projectIds;
    this.projectRows = projectRows;
    context.projects().values().forEach(e -> {
      var byTitle = titles.computeIfAbsent((String) e.project().get("id"), k -> new HashMap<>());
      e.obligationsByTitle().forEach((title, o) -> {
        byTitle.put(title, (String) o.get("id"));
        @SuppressWarnings("unchecked")
        var deps = (List<String>) o.get("dependsOn");
        existingDeps.put((String) o.get("id"), deps == null ? List.of() : deps);
      });
    });
  }

  void plan(List<ObligationDraft> drafts) {
    var valid = valid(drafts);
    var deps = prerequisites(valid);
    titles.values().forEach(m -> m.forEach((t, id) -> titleOf.put(id, t)));
    loops(valid, deps);
    if (!plan.problems.isEmpty()) return;
    for (var draft : valid) one(draft);
  }

  /** The drafts whose project, title and department hold, each given its obligation's id. */
  private List<ObligationDraft> valid(List<ObligationDraft> drafts) {
    var valid = new ArrayList<ObligationDraft>();
    var seen = new HashMap<String, Integer>();
    for (var draft : drafts) {
      int before = plan.problems.size();
      if (draft.projectCode() == null || draft.title() == null) continue;
      var projectId = projectIds.get(draft.projectCode());
      if (projectId == null) {
        var row = projectRows.get(draft.projectCode());
        plan.problem(draft, "projectCode", row != null
            ? Text.key("server.sheets.projectRowHasProblems", "projectCode", draft.projectCode(), "row", row)
            : Text.key("server.sheets.noProjectHasCode", "projectCode", draft.projectCode()));
      }
      var first = seen.putIfAbsent(draft.projectCode() + "\u0000" + draft.title(), draft.row());
      if (first != null) {
        plan.problem(draft, "title", Text.key("server.sheets.rowAlready", "title", draft.title(), "projectCode", draft.projectCode(), "first", first));
      }
      if (draft.department() != null && !context.departmentsByName().containsKey(ImportPlan.key(draft.department()))) {
        plan.problem(draft, "department", Text.key("server.sheets.noDepartmentCalled", "department", draft.department()));
      }
      if (plan.problems.size() > before || projectId == null) continue;
      ids.put(draft, titles.computeIfAbsent(projectId, k -> new HashMap<>()).computeIfAbsent(draft.title(), t -> UUID.randomUUID().toString()));
      valid.add(draft);
    }
    return valid;
  }

  /** Prerequisites by title within the project; answers the graph's and the sheet's together. */
  private Map<String, List<String>> prerequisites(List<ObligationDraft> valid) {
    var deps = new HashMap<String, List<String>>(existingDeps);
    for (var draft : valid) {
      var byTitle = titles.get(projectIds.get(draft.projectCode()));
      var list = new ArrayList<String>();
      boolean ok = true;
      for (var title : draft.dependsOn()) {
        var to = byTitle.get(title);
        var problem = to == null ? Text.key("server.sheets.notObligation", "title", title, "projectCode", draft.projectCode())
            : to.equals(ids.get(draft)) ? Text.key("server.sheets.cannotDependItself", "title", title) : null;
        if (problem == null) {
          list.add(to);
        } else {
          plan.problem(draft, "dependsOn", problem);
          ok = false;
        }
      }
      if (!ok) continue;
      resolved.put(draft, list);
      var all = new ArrayList<>(deps.getOrDefault(ids.get(draft), List.of()));
      for (var to : list) if (!all.contains(to)) all.add(to);
      deps.put(ids.get(draft), all);
    }
    return deps;
  }

  private void loops(List<ObligationDraft> valid, Map<String, List<String>> deps) {
    var looped = new HashSet<String>();
    for (var draft : valid) {
      var id = ids.get(draft);
      if (!resolved.containsKey(draft) || looped.contains(id)) continue;
      var loop = loop(id, deps);
      if (loop != null) {
        looped.addAll(loop);
        var names = loop.stream().map(titleOf::get).toList();
        plan.problem(draft, "dependsOn", Text.key("server.sheets.prerequisitesGoRoundLoop", "names", String.join(" → ", names), "names2", names.get(0)));
      }
    }
  }

  private void one(ObligationDraft draft) {
    var projectId = projectIds.get(draft.projectCode());
    var id = ids.get(draft);
    var dependsOn = resolved.get(draft);
    var existingProject = context.projects().get(draft.projectCode());
    var existing = existingProject == null ? null : existingProject.obligationsByTitle().get(draft.title());
    var departmentId = draft.department() == null ? null : context.departmentsByName().get(ImportPlan.key(draft.department()));
    var known = existingDeps.getOrDefault(id, List.of());
    for (var to : dependsOn) if (!known.contains(to)) plan.links.add(new Link(id, to));
    var fields = new LinkedHashMap<String, Object>();
    fields.put("title", draft.title());
    fields.put("track", draft.track());
    if (draft.cells().containsKey(Column.DUE)) fields.put("dueOn", draft.dueOn());
    if (draft.cells().containsKey(Column.DURATION)) fields.put("durationDays", draft.durationDays());
    if (existing == null) {
      create(draft, projectId, id, departmentId, fields);
    } else {
      update(draft, existing, fields, departmentId, known, dependsOn);
    }
  }

  private void create(ObligationDraft draft, String projectId, String id, String departmentId, Map<String, Object> fields) {
    fields.put("kind", "need".equals(draft.track()) ? "need" : "task");
    if ("need".equals(draft.track())) fields.put("needSource", "other");
    fields.put("assisted", false);
    fields.values().removeIf(Objects::isNull);
    plan.newObligations.add(new NewObligation(id, projectId, departmentId, fields));
    plan.list(new JsonObject().put("sheet", draft.sheet()).put("row", draft.row()).put("code", draft.projectCode())
        .put("title", draft.title()).put("action", "create"));
  }

  private void update(ObligationDraft draft, Map<String, Object> existing, Map<String, Object> fields, String departmentId,
                      List<String> known, List<String> dependsOn) {
    var changes = new LinkedHashMap<String, Object>();
    var shown = new JsonArray();
    fields.forEach((k, v) -> {
      if (!ImportPlan.same(existing.get(k), v)) {
        changes.put(k, v);
        shown.add(ImportPlan.change(Column.Sheet.OBLIGATIONS, k, ImportPlan.show(existing.get(k)), ImportPlan.show(v)));
      }
    });
    boolean moved = departmentId != null && !departmentId.equals(existing.get("departmentId"));
    if (moved) shown.add(ImportPlan.change(Column.Sheet.OBLIGATIONS, "departmentId", context.departmentNames().get(existing.get("departmentId")),
        context.departmentNames().get(departmentId)));
    if (dependsOn.stream().anyMatch(to -> !known.contains(to))) shown.add(ImportPlan.change(Column.Sheet.OBLIGATIONS, "dependsOn",
        new JsonArray(known.stream().map(titleOf::get).toList()), new JsonArray(dependsOn.stream().map(titleOf::get).toList())));
    if (shown.isEmpty()) {
      plan.unchangedObligations++;
      return;
    }
    var id = (String) existing.get("id");
    plan.obligationUpdates.add(new ObligationUpdate(id, projectIds.get(draft.projectCode()), ((Number) existing.get("version")).longValue(),
        existing, changes, moved ? departmentId : null));
    plan.list(new JsonObject().put("sheet", draft.sheet()).put("row", draft.row()).put("code", draft.projectCode())
        .put("title", draft.title()).put("action", "update").put("fields", shown));
  }

  /** A path from {@code start} back to itself through the prerequisites, or null. */
  private static List<String> loop(String start, Map<String, List<String>> deps) {
    var path = new ArrayList<String>();
    return walk(start, start, deps, path, new HashSet<>()) ? path : null;
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
}
