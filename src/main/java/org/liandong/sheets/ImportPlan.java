package org.liandong.sheets;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.liandong.sheets.ImportSheets.ObligationDraft;
import org.liandong.sheets.ImportSheets.ProjectDraft;
import org.liandong.support.Catalogue;
import org.liandong.support.Text;

/**
 * What an import would do, checked against the graph as it stands: the projects
 * ({@link ProjectPlanner}), then the obligations ({@link ObligationPlanner}). Every problem found
 * is listed; a plan with none can be written ({@link ImportService}).
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
    // the template's two example projects (and their obligations) are never proposed
    var examples = read.projects().stream().filter(ImportPlan::example).map(ProjectDraft::code).collect(java.util.stream.Collectors.toSet());
    var projects = read.projects().stream().filter(p -> !examples.contains(p.code())).toList();
    var obligations = read.obligations().stream().filter(o -> !examples.contains(o.projectCode())).toList();
    var projectIds = new ProjectPlanner(plan, context, today).plan(projects);
    var projectRows = new java.util.HashMap<String, Integer>();
    projects.forEach(p -> { if (p.code() != null) projectRows.putIfAbsent(p.code(), p.row()); });
    new ObligationPlanner(plan, context, projectIds, projectRows).plan(obligations);
    return plan;
  }

  /** One of the template's example rows, as ExportSheets writes them: its code and its name in either language. */
  static boolean example(ProjectDraft p) {
    return p.code() != null && p.code().matches("MB-\\d{4}-00[12]") && p.fields().get("name") instanceof String name
        && java.util.stream.Stream.of("exports.exampleBatteryMaterialsPlant", "exports.exampleLogisticsHub")
            .anyMatch(k -> name.equals(Catalogue.zh(k)) || name.equals(Catalogue.en(k)));
  }

  /** A field that changes, under its column's header in both languages, each side as a person reads it (names, not ids). */
  static JsonObject change(Column.Sheet sheet, String field, Object before, Object after) {
    var column = Column.holding(sheet, field);
    return new JsonObject().put("field", field).put("label", column == null ? field : column.zh())
        .put("labelEn", column == null ? field : column.en()).put("before", before).put("after", after);
  }

  static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
    return Objects.equals(a, b);
  }

  static Object show(Object v) {
    return v instanceof LocalDate || v instanceof java.time.temporal.Temporal ? v.toString() : v;
  }

  void list(JsonObject change) {
    if (listed.size() < LISTED) listed.add(change);
  }

  void problem(ProjectDraft d, String field, Text message) {
    problems.add(new Problem(d.sheet(), d.row(), null, field, message));
  }

  void problem(ObligationDraft d, String field, Text message) {
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
