package org.liandong.obligations;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.liandong.accounts.Action;
import org.liandong.accounts.CurrentUser;
import org.liandong.accounts.Policy;
import org.liandong.projects.ProjectService;
import org.liandong.schedule.ScheduleService;
import org.liandong.storage.Graph;
import org.liandong.storage.Idempotency;
import org.liandong.support.Failure;
import org.liandong.support.IdempotencyKey;
import org.liandong.support.Text;

/**
 * A project's three tracks from a template: the standard obligations with their departments,
 * durations and dependencies, created in one transaction, each due on the latest working day
 * that still lets construction start on the project's target date. The built-in templates are
 * versioned files (templates/*.json); an administrator adds or replaces them with files of the
 * same shape in LIANDONG_TEMPLATES_DIR, each checked at start-up.
 */
public final class TrackTemplates {
  private static final List<String> BUILT_IN = List.of("templates/industrial.json");
  private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[a-z0-9-]{1,40}");

  private final Map<String, JsonObject> templates;
  private final Graph graph;
  private final ObligationService obligations;
  private final ProjectService projects;
  private final ScheduleService schedules;
  private final Policy policy;

  public TrackTemplates(Graph graph, ObligationService obligations, ProjectService projects, ScheduleService schedules, Policy policy,
                        Map<String, JsonObject> templates) {
    this.graph = graph;
    this.obligations = obligations;
    this.projects = projects;
    this.schedules = schedules;
    this.policy = policy;
    this.templates = templates;
  }

  /**
   * The built-in templates, then every *.json in {@code folder} (by name), a file with a
   * built-in's key replacing it. A template that is not well formed stops the start with its
   * file and what is wrong.
   */
  public static Map<String, JsonObject> load(Optional<java.nio.file.Path> folder) {
    var out = new LinkedHashMap<String, JsonObject>();
    for (var file : BUILT_IN) {
      try (var in = TrackTemplates.class.getClassLoader().getResourceAsStream(file)) {
        if (in == null) throw new IllegalStateException("no track template " + file + " on the classpath");
        put(out, file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (folder.isPresent()) {
      try (var files = java.nio.file.Files.list(folder.get())) {
        for (var file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
          put(out, file.toString(), java.nio.file.Files.readString(file));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static void put(Map<String, JsonObject> out, String file, String text) {
    try {
      var template = new JsonObject(text);
      check(template);
      out.put(template.getString("key"), template);
    } catch (RuntimeException e) {
      throw new IllegalStateException("track template " + file + ": " + e.getMessage(), e);
    }
  }

  /** A template's shape: a key, names in both languages, items whose dependencies name earlier-known keys and close no loop. */
  static void check(JsonObject t) {
    if (!(t.getValue("key") instanceof String key) || !KEY.matcher(key).matches()) throw new IllegalArgumentException("key must match [a-z0-9-]{1,40}");
    var name = t.getJsonObject("name");
    if (name == null || blank(name.getValue("zh")) || blank(name.getValue("en"))) throw new IllegalArgumentException("name needs zh and en");
    var items = t.getJsonArray("items");
    if (items == null || items.isEmpty() || items.size() > 200) throw new IllegalArgumentException("items must hold 1 to 200 steps");
    var keys = new java.util.HashSet<String>();
    for (var raw : items) {
      if (!(raw instanceof JsonObject i)) throw new IllegalArgumentException("every item must be an object");
      var where = "item " + i.getValue("key");
      if (!(i.getValue("key") instanceof String k) || !KEY.matcher(k).matches() || !keys.add(k)) {
        throw new IllegalArgumentException(where + ": key must be unique and match [a-z0-9-]{1,40}");
      }
      if (blank(i.getValue("title")) || i.getString("title").length() > 200) throw new IllegalArgumentException(where + ": title must be 1 to 200 characters");
      if (!Vocabulary.TRACKS.containsKey(String.valueOf(i.getValue("track")))) throw new IllegalArgumentException(where + ": track must be one of " + Vocabulary.TRACKS.keySet());
      if (!Vocabulary.KINDS.containsKey(String.valueOf(i.getValue("kind")))) throw new IllegalArgumentException(where + ": kind must be one of " + Vocabulary.KINDS.keySet());
      if (blank(i.getValue("departmentId"))) throw new IllegalArgumentException(where + ": departmentId is required");
      if (!(i.getValue("durationDays") instanceof Integer d) || d < 0 || d > 3650) throw new IllegalArgumentException(where + ": durationDays must be 0 to 3650");
      if (!(i.getValue("dependsOn") instanceof JsonArray deps) || deps.stream().anyMatch(x -> !(x instanceof String))) {
        throw new IllegalArgumentException(where + ": dependsOn must be a list of item keys");
      }
    }
    for (var raw : items) {
      var i = (JsonObject) raw;
      for (var d : i.getJsonArray("dependsOn")) {
        if (!keys.contains(d)) throw new IllegalArgumentException("item " + i.getString("key") + ": depends on unknown item " + d);
      }
    }
    order(items.stream().map(JsonObject.class::cast).toList());
  }

  private static boolean blank(Object v) {
    return !(v instanceof String s) || s.isBlank();
  }

  /** The templates, with their items, for the page to show before applying one. */
  JsonArray list() {
    var out = new JsonArray();
    templates.values().forEach(t -> out.add(t.copy().put("items", t.getJsonArray("items").size())
        .put("steps", t.getJsonArray("items").copy())));
    return out;
  }

  /** Applies a template to a project; resolves to the obligations created, with their due dates. */
  Future<JsonObject> apply(CurrentUser actor, String projectId, String key, Optional<IdempotencyKey> idempotency) {
    policy.require(actor, Action.DISPATCH);
    var template = templates.get(key);
    if (template == null) {
      return Future.failedFuture(Failure.invalid("template", Text.of("must be one of " + String.join(", ", templates.keySet()),
          "须为以下之一：" + String.join("、", templates.keySet()))));
    }
    return projects.one(projectId).compose(project -> {
      var start = project.getString("targetStartOn");
      if (start == null) {
        return Future.failedFuture(Failure.unprocessable("targetStartOn", Text.of(
            "the project needs a target start date first: the tracks are scheduled back from it",
            "请先为项目设定计划开工日期：各项事项将据此倒排")));
      }
      var drafts = drafts(template, projectId, LocalDate.parse(start));
      return Idempotency.create(graph, idempotency, "Tracks", obligations.createKeyed(actor, drafts).map(ids -> projectId))
          .map(created -> new JsonObject().put("projectId", projectId).put("template", key)
              .put("created", drafts.size()).put("replayed", created.replayed()));
    });
  }

  /** The template's items as obligations of the project, with new ids, dependencies mapped and due dates set. */
  private List<ObligationService.Keyed> drafts(JsonObject template, String projectId, LocalDate targetStart) {
    var items = template.getJsonArray("items").stream().map(JsonObject.class::cast).toList();
    var steps = items.stream().map(i -> new ScheduleService.Step(i.getString("key"), i.getString("title"),
        i.getInteger("durationDays"), i.getJsonArray("dependsOn").stream().map(String::valueOf).toList())).toList();
    var due = schedules.backward(steps, targetStart);
    var ids = new HashMap<String, String>();
    items.forEach(i -> ids.put(i.getString("key"), UUID.randomUUID().toString()));
    var out = new ArrayList<ObligationService.Keyed>();
    for (var i : order(items)) {
      var dependsOn = i.getJsonArray("dependsOn").stream().map(k -> ids.get(String.valueOf(k))).toList();
      out.add(new ObligationService.Keyed(ids.get(i.getString("key")), new NewObligation(projectId, i.getString("departmentId"),
          i.getString("title"), i.getString("kind"), i.getString("track"), due.get(i.getString("key")),
          i.getLong("durationDays"), dependsOn, false, null, null)));
    }
    return out;
  }

  /** Prerequisites before what depends on them, so each dependency exists when it is linked. */
  private static List<JsonObject> order(List<JsonObject> items) {
    var byKey = new LinkedHashMap<String, JsonObject>();
    items.forEach(i -> byKey.put(i.getString("key"), i));
    var done = new java.util.LinkedHashSet<String>();
    while (done.size() < byKey.size()) {
      int before = done.size();
      for (var i : byKey.values()) {
        if (!done.contains(i.getString("key"))
            && i.getJsonArray("dependsOn").stream().allMatch(d -> done.contains(String.valueOf(d)))) {
          done.add(i.getString("key"));
        }
      }
      if (done.size() == before) throw new IllegalArgumentException("the dependencies form a cycle");
    }
    return done.stream().map(byKey::get).toList();
  }

}
