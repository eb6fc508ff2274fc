package org.liandong.history;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.liandong.access.Action;
import org.liandong.access.CurrentUser;
import org.liandong.access.Policy;
import org.liandong.domain.WorkCalendar;
import org.liandong.storage.Graph;
import org.liandong.support.Failure;
import org.liandong.support.Text;

/**
 * What changed between two instants, read from the change log: for a meeting's projects, a
 * project, a department's work or a leader's projects — work done, newly late, slipped (in
 * working days), newly dispatched, 容缺 accepted and lapsed, newly blocked.
 */
public final class HistoryService {
  /** Whose changes: projects (their channels), or a department's work (its channel, its obligations only). */
  public record Scope(List<String> projects, String departmentId) {
    public static Scope projects(List<String> ids) {
      return new Scope(List.copyOf(ids), null);
    }

    List<String> channels() {
      return departmentId != null ? List.of("department:" + departmentId) : projects.stream().map(p -> "project:" + p).toList();
    }
  }

  private final HistoryRepository repository;
  private final Policy policy;
  private final Clock clock;
  private final WorkCalendar calendar;

  public HistoryService(Graph graph, Policy policy, Clock clock, WorkCalendar calendar) {
    this.repository = new HistoryRepository(graph);
    this.policy = policy;
    this.clock = clock;
    this.calendar = calendar;
  }

  /** When no meeting came before: the window is the last week. */
  static final java.time.Duration NO_MEETING_WINDOW = java.time.Duration.ofDays(7);

  /**
   * The diff for whichever of project, department or leader is given (exactly one), from–to (to:
   * now if absent). Without {@code from}, a project's or a leader's diff starts when the last
   * meeting about those projects closed (named as {@code previous}), or a week before {@code to}.
   */
  Future<JsonObject> diff(CurrentUser user, String project, String department, String leader, ZonedDateTime from, ZonedDateTime to) {
    policy.require(user, Action.READ);
    var end = to != null ? to : ZonedDateTime.now(clock);
    if (from == null && department == null && (project == null) != (leader == null)) {
      var projects = project != null ? Future.succeededFuture(List.of(project)) : repository.leaderProjects(leader);
      return projects.compose(ps -> repository.lastMeeting(ps, end)).compose(previous -> {
        var start = previous.map(HistoryRepository.Previous::closedAt).orElse(end.minus(NO_MEETING_WINDOW));
        return diff(user, project, null, leader, start, end)
            .map(d -> d.put("previous", previous.map(HistoryRepository.Previous::meeting).orElse(null)));
      });
    }
    if (from == null || !from.isBefore(end)) {
      throw Failure.unprocessable("from", Text.key("server.history.fromMustBeforeBefore"));
    }
    long given = java.util.stream.Stream.of(project, department, leader).filter(Objects::nonNull).count();
    if (given != 1) {
      throw Failure.invalid("project", Text.key("server.history.giveExactlyOneProject"));
    }
    Future<Scope> scope = project != null ? Future.succeededFuture(Scope.projects(List.of(project)))
        : department != null ? Future.succeededFuture(new Scope(null, department))
        : repository.leaderProjects(leader).map(Scope::projects);
    return scope.compose(s -> diff(s, from, end));
  }

  /** What changed for the scope between the two instants: the log's changes sorted, and the work that fell late. */
  public Future<JsonObject> diff(Scope scope, ZonedDateTime from, ZonedDateTime to) {
    var zone = clock.getZone();
    Future<List<String>> projects = scope.departmentId() != null ? repository.departmentProjects(scope.departmentId())
        : Future.succeededFuture(scope.projects());
    var late = projects.compose(ps -> repository.newlyLate(ps, scope.departmentId(), from, to,
        from.withZoneSameInstant(zone).toLocalDate(), to.withZoneSameInstant(zone).toLocalDate()));
    var found = repository.changes(scope.channels(), from, to).compose(this::classify);
    return Future.all(projects, late, found).map(v -> answer(scope, from, to, projects.result(), late.result(), found.result()));
  }

  private static JsonObject answer(Scope scope, ZonedDateTime from, ZonedDateTime to, List<String> projects,
                                   List<JsonObject> late, JsonObject found) {
    found.put("newlyLate", new JsonArray(late));
    var counts = new JsonObject();
    found.forEach(e -> counts.put(e.getKey(), ((JsonArray) e.getValue()).size()));
    return new JsonObject()
        .put("from", from.toInstant().toString()).put("to", to.toInstant().toString())
        .put("projectIds", new JsonArray(projects)).put("departmentId", scope.departmentId())
        .put("counts", counts).mergeIn(found);
  }

  /** Sorts the changes into what a meeting asks about, each obligation named as it is now. */
  private Future<JsonObject> classify(List<HistoryRepository.Logged> changes) {
    var ids = changes.stream().map(HistoryRepository.Logged::id).distinct().toList();
    return repository.obligations(ids).map(names -> {
      var kinds = new LinkedHashMap<String, Map<String, JsonObject>>();
      for (var kind : List.of("done", "slipped", "created", "deficiencyAccepted", "deficiencyLapsed", "blocked")) kinds.put(kind, new LinkedHashMap<>());
      for (var c : changes) {
        var now = names.get(c.id());
        // an obligation deleted since has no name to show
        if (now == null) continue;
        var before = c.before() == null ? new JsonObject() : c.before();
        var after = c.after() == null ? new JsonObject() : c.after();
        var item = now.copy().put("at", c.at()).put("by", c.actor());
        if (c.type().equals("obligation.created")) kinds.get("created").putIfAbsent(c.id(), item);
        if (became(before, after, "done")) kinds.get("done").put(c.id(), item);
        if (became(before, after, "deficient")) kinds.get("deficiencyAccepted").put(c.id(), item);
        if (became(before, after, "blocked") && !c.type().equals("obligation.deficiency.expired")) kinds.get("blocked").put(c.id(), item);
        if (c.type().equals("obligation.deficiency.expired")) kinds.get("deficiencyLapsed").put(c.id(), item);
        slip(before, after).ifPresent(s -> {
          var earlier = kinds.get("slipped").get(c.id());
          var first = earlier != null ? earlier.getString("previousDueOn") : s[0];
          kinds.get("slipped").put(c.id(), item.put("previousDueOn", first).put("dueOn", s[1])
              .put("slipWorkdays", workdays(first, s[1])));
        });
      }
      var out = new JsonObject();
      kinds.forEach((kind, items) -> out.put(kind, new JsonArray(new ArrayList<>(items.values()))));
      return out;
    });
  }

  private static boolean became(JsonObject before, JsonObject after, String status) {
    return status.equals(after.getString("status")) && !status.equals(before.getString("status"));
  }

  private static java.util.Optional<String[]> slip(JsonObject before, JsonObject after) {
    var was = before.getString("dueOn");
    var is = after.getString("dueOn");
    return was != null && is != null && !was.equals(is) ? java.util.Optional.of(new String[] {was, is}) : java.util.Optional.empty();
  }

  /** Working days from one due date to the other (negative: brought forward). */
  private int workdays(String from, String to) {
    var a = LocalDate.parse(from.substring(0, 10));
    var b = LocalDate.parse(to.substring(0, 10));
    return a.isAfter(b) ? -calendar.workdaysBetween(b, a) : calendar.workdaysBetween(a, b);
  }

  /** A meeting's decisions and whether the work each created is on time ({@code onTime}, {@code onTrack}, {@code late}), on {@code day}. */
  public Future<JsonArray> decisions(String meetingId, LocalDate day) {
    return repository.decisions(meetingId).map(list -> {
      var out = new JsonArray();
      for (var d : list) {
        for (var o : d.getJsonArray("obligations")) {
          var ob = (JsonObject) o;
          var due = LocalDate.parse(ob.getString("dueOn").substring(0, 10));
          var doneOn = ob.getString("doneOn");
          ob.put("standing", doneOn != null ? (LocalDate.parse(doneOn.substring(0, 10)).isAfter(due) ? "late" : "onTime")
              : due.isBefore(day) ? "late" : "onTrack");
        }
        out.add(d);
      }
      return out;
    });
  }
}
