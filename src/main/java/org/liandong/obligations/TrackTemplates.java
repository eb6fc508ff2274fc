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
 * A project's three tracks from a template (templates/*.json): the standard obligations with
 * their departments, durations and dependencies, created in one transaction, each due on the
 * latest working day that still lets construction start on the project's target date.
 */
public final class TrackTemplates {
  private static final List<String> FILES = List.of("templates/industrial.json");

  private final Map<String, JsonObject> templates = new LinkedHashMap<>();
  private final Graph graph;
  private final ObligationService obligations;
  private final ProjectService projects;
  private final ScheduleService schedules;
  private final Policy policy;

  public TrackTemplates(Graph graph, ObligationService obligations, ProjectService projects, ScheduleService schedules, Policy policy) {
    this.graph = graph;
    this.obligations = obligations;
    this.projects = projects;
    this.schedules = schedules;
    this.policy = policy;
    for (var file : FILES) {
      var template = read(file);
      templates.put(template.getString("key"), template);
    }
  }

  private static JsonObject read(String file) {
    try (var in = TrackTemplates.class.getClassLoader().getResourceAsStream(file)) {
      if (in == null) throw new IllegalStateException("no track template " + file + " on the classpath");
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
      if (done.size() == before) throw new IllegalStateException("a track template's dependencies form a cycle");
    }
    return done.stream().map(byKey::get).toList();
  }

}
