package org.liandong.obligations;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.liandong.access.CurrentUser;
import org.liandong.projects.ProjectService;
import org.liandong.schedule.ScheduleService;
import org.liandong.storage.Graph;
import org.liandong.storage.Idempotency;
import org.liandong.storage.Work;
import org.liandong.support.Failure;
import org.liandong.support.IdempotencyKey;
import org.liandong.support.Text;
import org.liandong.templates.Template;
import org.liandong.templates.TemplateService;

/**
 * A project's three tracks from a template (事项模板, {@link TemplateService}): the standard
 * obligations with their departments, durations and dependencies, created in one transaction,
 * each due on the latest working day that still lets construction start on the project's target
 * date (倒排序时). The project records the template and the version it was built with.
 */
public final class TrackTemplates {
  private final Graph graph;
  private final TrackRepository repository;
  private final ObligationService obligations;
  private final ProjectService projects;
  private final ScheduleService schedules;
  private final TemplateService templates;

  public TrackTemplates(Graph graph, ObligationService obligations, ProjectService projects, ScheduleService schedules,
                        TemplateService templates) {
    this.graph = graph;
    this.repository = new TrackRepository();
    this.obligations = obligations;
    this.projects = projects;
    this.schedules = schedules;
    this.templates = templates;
  }

  /**
   * Applies a template to a project; resolves to how many obligations it created. A project whose
   * tracks already hold steps is asked first (409, with how many are there and how many of the
   * template's are missing); with {@code onlyMissing} only the template's steps it lacks (by
   * title) are added, linked to those it has. The project is locked while its steps are read, so
   * a double click or a retry creates them once.
   */
  Future<JsonObject> apply(CurrentUser actor, String projectId, String key, boolean onlyMissing, Optional<IdempotencyKey> idempotency) {
    var created = new int[1];
    var version = new int[1];
    Work<String> build = projects.locked(projectId).then(project -> templates.current(key).then(template ->
        repository.tracked(projectId).then(existing -> {
          var start = project.date("targetStartOn");
          if (start == null) {
            throw Failure.unprocessable("targetStartOn", Text.key("server.obligations.projectNeedsTargetStart"));
          }
          var drafts = drafts(template, projectId, start, existing);
          if (!existing.isEmpty() && !onlyMissing) throw alreadyBuilt(key, existing.size(), drafts.size());
          created[0] = drafts.size();
          version[0] = template.version();
          return obligations.createKeyed(actor, drafts).then(ids -> projects.builtFrom(projectId, key, template.version()))
              .map(v -> projectId);
        })));
    return Idempotency.create(graph, idempotency, "Tracks", build)
        .map(done -> new JsonObject().put("projectId", projectId).put("template", key).put("templateVersion", version[0])
            .put("created", created[0]).put("replayed", done.replayed()));
  }

  private static Failure alreadyBuilt(String key, int existing, int missing) {
    return Failure.conflict(missing == 0 ? Text.key("server.obligations.projectSTracksAlready", "existing", existing)
            : Text.key("server.obligations.tracksAlreadyMissing", "existing", existing, "missing", missing),
        new JsonObject().put("template", key).put("existing", existing).put("missing", missing));
  }

  /**
   * The template's items the project lacks (by title) as its obligations, with new ids, due dates
   * backward from the target start over the whole template, and dependencies mapped to the new
   * steps or to those the project has.
   */
  private List<ObligationService.Keyed> drafts(Template template, String projectId, LocalDate targetStart,
                                               Map<String, String> existing) {
    var steps = template.items().stream().map(i -> new ScheduleService.Step(i.key(), i.title(), i.durationDays(), i.dependsOn(),
        i.track(), i.kind())).toList();
    var due = schedules.backward(steps, targetStart);
    var ids = new HashMap<String, String>();
    template.items().forEach(i -> ids.put(i.key(), existing.getOrDefault(i.title(), UUID.randomUUID().toString())));
    var out = new ArrayList<ObligationService.Keyed>();
    for (var i : template.ordered()) {
      if (existing.containsKey(i.title())) continue;
      var dependsOn = i.dependsOn().stream().map(ids::get).toList();
      out.add(new ObligationService.Keyed(ids.get(i.key()), new NewObligation(projectId, i.departmentId(), i.title(), i.kind(),
          i.track(), due.get(i.key()), (long) i.durationDays(), dependsOn, false, null, null)));
    }
    return out;
  }
}
