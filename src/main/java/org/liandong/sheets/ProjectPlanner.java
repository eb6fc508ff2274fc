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
import java.util.UUID;
import org.liandong.domain.Stage;
import org.liandong.sheets.ImportPlan.Context;
import org.liandong.sheets.ImportPlan.Existing;
import org.liandong.sheets.ImportPlan.NewProject;
import org.liandong.sheets.ImportPlan.ProjectUpdate;
import org.liandong.sheets.ImportSheets.ProjectDraft;
import org.liandong.support.Text;

/**
 * The projects of an import: each created, or updated in only the fields that differ, by its
 * code; champions and liaison by username or display name. What it finds goes into the plan.
 */
final class ProjectPlanner {
  private final ImportPlan plan;
  private final Context context;
  private final LocalDate today;

  ProjectPlanner(ImportPlan plan, Context context, LocalDate today) {
    this.plan = plan;
    this.context = context;
    this.today = today;
  }

  /** Plans every draft; answers each code the sheet or the graph knows with its project's id. */
  Map<String, String> plan(List<ProjectDraft> drafts) {
    var ids = new HashMap<String, String>();
    context.projects().forEach((code, e) -> ids.put(code, (String) e.project().get("id")));
    var seen = new HashMap<String, Integer>();
    for (var draft : drafts) {
      var code = draft.code();
      if (code == null) continue;
      var first = seen.putIfAbsent(code, draft.row());
      if (first != null) {
        plan.problem(draft, "code", Text.key("server.sheets.codeRowAlready", "code", code, "first", first));
        continue;
      }
      one(draft, ids);
    }
    return ids;
  }

  private void one(ProjectDraft draft, Map<String, String> ids) {
    int before = plan.problems.size();
    var champions = draft.championsGiven() ? people(draft, "champions", draft.champions(), true) : null;
    String liaison = null;
    if (draft.liaisonGiven() && draft.liaison() != null) {
      var found = people(draft, "liaison", List.of(draft.liaison()), false);
      liaison = found == null || found.isEmpty() ? null : found.get(0);
    }
    var existing = context.projects().get(draft.code());
    var merged = merged(draft, existing);
    if (plan.problems.size() > before) return;
    if (existing == null) {
      create(draft, merged, champions, liaison, ids);
    } else {
      update(draft, existing, merged, champions, liaison);
    }
  }

  /** The project as it would be: the graph's fields with the sheet's over them, checked. */
  private Map<String, Object> merged(ProjectDraft draft, Existing existing) {
    var merged = new HashMap<String, Object>(existing == null ? Map.of() : existing.project());
    draft.fields().forEach((k, v) -> {
      if (v != null || !"new".equals(k)) merged.put(k, v);
    });
    startedWhenStarted(merged);
    dates(draft, merged);
    return merged;
  }

  private void create(ProjectDraft draft, Map<String, Object> merged, List<String> champions, String liaison, Map<String, String> ids) {
    var fields = new LinkedHashMap<String, Object>();
    merged.forEach((k, v) -> { if (v != null) fields.put(k, v); });
    fields.putIfAbsent("new", true);
    var id = UUID.randomUUID().toString();
    ids.put(draft.code(), id);
    plan.newProjects.add(new NewProject(id, fields, champions, liaison));
    plan.list(new JsonObject().put("sheet", draft.sheet()).put("row", draft.row()).put("code", draft.code())
        .put("name", (String) fields.get("name")).put("action", "create"));
  }

  private void update(ProjectDraft draft, Existing existing, Map<String, Object> merged, List<String> champions, String liaison) {
    var changes = new LinkedHashMap<String, Object>();
    var fields = new JsonArray();
    merged.forEach((k, v) -> {
      var was = existing.project().get(k);
      if (!ImportPlan.same(was, v)) {
        changes.put(k, v);
        fields.add(ImportPlan.change(Column.Sheet.PROJECTS, k, ImportPlan.show(was), ImportPlan.show(v)));
      }
    });
    boolean championsChanged = champions != null && !new HashSet<>(champions).equals(new HashSet<>(existing.champions()));
    boolean liaisonChanged = draft.liaisonGiven() && !Objects.equals(liaison, existing.liaison());
    if (championsChanged) fields.add(ImportPlan.change(Column.Sheet.PROJECTS, "championIds", names(existing.champions()), names(champions)));
    if (liaisonChanged) fields.add(ImportPlan.change(Column.Sheet.PROJECTS, "liaisonId",
        existing.liaison() == null ? null : context.person(existing.liaison()), liaison == null ? null : context.person(liaison)));
    if (fields.isEmpty()) {
      plan.unchangedProjects++;
      return;
    }
    var id = (String) existing.project().get("id");
    plan.projectUpdates.add(new ProjectUpdate(id, draft.code(), ((Number) existing.project().get("version")).longValue(), existing.project(),
        changes, championsChanged ? champions : null, liaison, liaisonChanged));
    plan.list(new JsonObject().put("sheet", draft.sheet()).put("row", draft.row()).put("code", draft.code())
        .put("name", (String) merged.get("name")).put("action", "update").put("fields", fields));
  }

  /** A project that reached the started stage without a start date starts today (as the API does). */
  private void startedWhenStarted(Map<String, Object> merged) {
    if (merged.get("stage") instanceof String stage && Stage.valueOf(stage).reached(Stage.started) && merged.get("startedOn") == null) {
      merged.put("startedOn", today);
    }
  }

  private void dates(ProjectDraft draft, Map<String, Object> p) {
    if (p.get("targetStartOn") instanceof LocalDate start && p.get("targetCompleteOn") instanceof LocalDate end && end.isBefore(start)) {
      plan.problem(draft, "targetCompleteOn", Text.key("server.sheets.targetCompletionBeforeTarget", "end", end, "start", start));
    }
    if (p.get("signedOn") instanceof LocalDate signed && p.get("startedOn") instanceof LocalDate started && started.isBefore(signed)) {
      plan.problem(draft, "startedOn", Text.key("server.sheets.startBeforeSigning", "started", started, "signed", signed));
    }
  }

  /** Each name as a user's username or display name (champions must be leaders); null when one is not found. */
  private List<String> people(ProjectDraft draft, String field, List<String> names, boolean leaders) {
    var out = new ArrayList<String>();
    boolean ok = true;
    for (var name : names) {
      var found = person(name);
      var problem = found.isEmpty() ? Text.key("server.sheets.noUserCalled", "name", name)
          : found.size() > 1 ? Text.key("server.sheets.moreThanOneUser", "name", name)
          : leaders && !found.get(0).leader() ? Text.key("server.sheets.notLeaderOnlyLeaders", "name", name)
          : null;
      if (problem == null) {
        out.add(found.get(0).id());
      } else {
        plan.problem(draft, field, problem);
        ok = false;
      }
    }
    return ok ? out : null;
  }

  /**
   * Who a name in a cell means: a username exactly, else a display name (张区长（区领导）), else the
   * display name without its note in brackets (张区长); spaces and case aside.
   */
  private List<ImportPlan.Person> person(String name) {
    var byUsername = context.people().stream().filter(p -> name.equals(p.username())).toList();
    if (!byUsername.isEmpty()) return byUsername;
    var key = ImportPlan.key(name);
    var byName = context.people().stream().filter(p -> key.equals(ImportPlan.key(p.displayName()))).toList();
    if (!byName.isEmpty()) return byName;
    return context.people().stream().filter(p -> key.equals(ImportPlan.key(shortName(p.displayName())))).toList();
  }

  /** A display name without the note in brackets at its end: 张区长（区领导） → 张区长. */
  static String shortName(String displayName) {
    return displayName == null ? null : displayName.replaceAll("\\s*[（(][^（()）]*[）)]\\s*$", "");
  }

  private JsonArray names(List<String> ids) {
    return new JsonArray(ids.stream().map(context::person).toList());
  }
}
