package org.liandong.obligations;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import org.liandong.access.CurrentUser;
import org.liandong.domain.Stage;
import org.liandong.projects.ProjectService;
import org.liandong.schedule.Replanning;
import org.liandong.schedule.ScheduleService;
import org.liandong.storage.Graph;
import org.liandong.storage.Work;
import org.liandong.support.Fields.Props;

/**
 * 倒排序时 as an action (POST /api/projects/{id}/replan): new due dates for a project's open steps
 * that gate its start, backward from its target start (or a new one). A preview writes nothing;
 * an apply writes the dates, and the new target start if one was given, in one transaction at
 * the project's version, each change in the history with the target start it was planned for.
 * Both read the project and its steps under the project's lock, so what is applied is what the
 * graph holds at that moment.
 */
public final class Replan {
  private final Graph graph;
  private final TrackRepository tracks;
  private final ProjectService projects;
  private final ScheduleService schedules;

  public Replan(Graph graph, ProjectService projects, ScheduleService schedules) {
    this.graph = graph;
    this.tracks = new TrackRepository();
    this.projects = projects;
    this.schedules = schedules;
  }

  /** The proposal, against the project as it is (its target start when {@code targetStart} is null); writes nothing. */
  Future<JsonObject> preview(CurrentUser actor, String projectId, LocalDate targetStart) {
    return projects.one(projectId).compose(project -> graph.read(schedules.replanning(projectId, targetStart,
        date(project.getString("targetStartOn")), started(project.getString("stage"))).map(r -> r.json(projectId).put("applied", false))));
  }

  /** Writes the proposal as it stands under the lock, at the project's {@code version}. */
  Future<JsonObject> apply(CurrentUser actor, String projectId, long version, LocalDate targetStart) {
    Work<JsonObject> work = projects.locked(actor, projectId, version).then(before -> tracks.lockProject(projectId)
        .then(v -> schedules.replanning(projectId, targetStart, before.date("targetStartOn"), started(before.text("stage"))))
        .then(replanning -> write(actor, projectId, before, replanning)));
    return graph.write("project:" + projectId, work);
  }

  private Work<JsonObject> write(CurrentUser actor, String projectId, Props before, Replanning replanning) {
    Work<Void> target = replanning.movesTarget() ? projects.retarget(actor, projectId, before, replanning.targetStart()) : Work.of(null);
    Work<Void> dates = replanning.changes().isEmpty() ? Work.of(null)
        : tracks.redate(actor.username(), projectId, replanning.changes(), replanning.targetStart());
    return target.then(v -> dates).map(v -> replanning.json(projectId).put("applied", true));
  }

  private static boolean started(String stage) {
    return stage != null && Stage.valueOf(stage).reached(Stage.started);
  }

  private static LocalDate date(String text) {
    return text == null ? null : LocalDate.parse(text);
  }
}
