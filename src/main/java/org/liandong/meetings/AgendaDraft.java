package org.liandong.meetings;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.liandong.access.Action;
import org.liandong.access.CurrentUser;
import org.liandong.access.Policy;
import org.liandong.notices.NoticeService;
import org.liandong.obligations.Requests;
import org.liandong.schedule.ScheduleService;
import org.liandong.support.Failure;
import org.liandong.support.Text;

/**
 * The next meeting's agenda, drafted from the graph: for each of its projects, the critical-path
 * work that is late or short of float (the schedule's own red and yellow), what is blocked, the
 * company needs nobody has taken on, and every 督办 still unanswered. Ranked by the project days
 * they cost; each names the department that must be in the room.
 */
public final class AgendaDraft {
  /** Why an item is proposed, most pressing first. */
  enum Reason { supervision, extension, late, blocked, tight, need }

  private final ScheduleService schedules;
  private final NoticeService notices;
  private final MeetingService meetings;
  private final Policy policy;
  private final Requests requests;

  public AgendaDraft(ScheduleService schedules, NoticeService notices, Requests requests, MeetingService meetings,
                     Policy policy) {
    this.schedules = schedules;
    this.notices = notices;
    this.requests = requests;
    this.meetings = meetings;
    this.policy = policy;
  }

  /** The service office's draft for a meeting still to be held or in session. */
  Future<JsonArray> draft(CurrentUser user, String meetingId) {
    policy.require(user, Action.MANAGE_MEETINGS);
    return meetings.one(meetingId).compose(meeting -> "closed".equals(meeting.getString("status"))
        ? Future.failedFuture(Failure.unprocessable("status", Text.key("server.meetings.meetingClosedDraftAgenda")))
        : draft(meeting));
  }

  private Future<JsonArray> draft(JsonObject meeting) {
    var projects = meeting.getJsonArray("projects", new JsonArray());
    var onAgenda = meeting.getJsonArray("agenda", new JsonArray()).stream().map(a -> ((JsonObject) a).getString("title"))
        .collect(Collectors.toSet());
    var parts = new ArrayList<Future<List<JsonObject>>>();
    for (var p : projects) {
      var projectId = ((JsonObject) p).getString("id");
      var projectName = ((JsonObject) p).getString("name");
      parts.add(schedules.schedule(projectId).compose(plan -> notices.waiting(projectId)
          .compose(waiting -> requests.pending(projectId).map(asked -> withExtensions(proposals(plan.put("projectName", projectName), waiting),
              asked, plan)))));
    }
    return Future.all(parts).map(all -> rank(parts.stream().flatMap(f -> f.result().stream()).toList(), onAgenda));
  }

  /** One project's proposals: its schedule's items and its waiting 督办, one proposal per obligation with every reason it has. */
  static List<JsonObject> proposals(JsonObject plan, JsonArray waiting) {
    var byObligation = new LinkedHashMap<String, JsonObject>();
    var items = items(plan);
    for (var item : items.values()) {
      if ("done".equals(item.getString("status"))) continue;
      var reasons = new ArrayList<Reason>();
      var critical = item.getBoolean("critical", false);
      if ("red".equals(item.getString("flag"))) reasons.add(Reason.late);
      if (critical && "yellow".equals(item.getString("flag"))) reasons.add(Reason.tight);
      if ("blocked".equals(item.getString("status"))) reasons.add(Reason.blocked);
      if ("need".equals(item.getString("kind")) && "dispatched".equals(item.getString("status"))) reasons.add(Reason.need);
      if (!reasons.isEmpty()) byObligation.put(item.getString("id"), proposal(plan, item, reasons));
    }
    for (var w : waiting) {
      var s = (JsonObject) w;
      var id = s.getString("obligationId");
      var existing = byObligation.get(id);
      if (existing != null) {
        existing.getJsonArray("reasons").add(0, Reason.supervision.name());
        existing.put("supervisionId", s.getString("id")).put("respondBy", s.getString("respondBy"));
      } else {
        var item = items.get(id);
        var proposal = item != null ? proposal(plan, item, List.of(Reason.supervision)) : new JsonObject()
            .put("obligationId", id).put("title", s.getString("title")).put("projectId", s.getString("projectId"))
            .put("projectName", s.getString("projectName")).put("departmentId", s.getString("departmentId"))
            .put("departmentName", s.getString("departmentName")).put("costDays", 0)
            .put("reasons", new JsonArray().add(Reason.supervision.name()));
        byObligation.put(id, proposal.put("supervisionId", s.getString("id")).put("respondBy", s.getString("respondBy")));
      }
    }
    return List.copyOf(byObligation.values());
  }

  /** Waiting extension requests join the proposal of their obligation, or make one. */
  static List<JsonObject> withExtensions(List<JsonObject> proposals, JsonArray asked, JsonObject plan) {
    var byObligation = new LinkedHashMap<String, JsonObject>();
    proposals.forEach(p -> byObligation.put(p.getString("obligationId"), p));
    var items = items(plan);
    for (var a : asked) {
      var x = (JsonObject) a;
      var id = x.getString("obligationId");
      var p = byObligation.get(id);
      if (p == null && items.containsKey(id)) {
        p = proposal(plan, items.get(id), List.of(Reason.extension));
        byObligation.put(id, p);
      } else if (p != null) {
        p.getJsonArray("reasons").add(Reason.extension.name());
      } else {
        continue;
      }
      p.put("extensionId", x.getString("id")).put("requestedDueOn", x.getString("requestedDueOn"))
          .put("costDays", Math.max(p.getInteger("costDays"), x.getInteger("slipWorkdays", 0)));
    }
    return List.copyOf(byObligation.values());
  }

  /** A schedule's items by obligation id, in its order. */
  private static Map<String, JsonObject> items(JsonObject plan) {
    var items = new LinkedHashMap<String, JsonObject>();
    plan.getJsonArray("items").forEach(i -> items.put(((JsonObject) i).getString("id"), (JsonObject) i));
    return items;
  }

  private static JsonObject proposal(JsonObject plan, JsonObject item, List<Reason> reasons) {
    var totalFloat = item.getInteger("totalFloat");
    int cost = totalFloat == null ? 0 : Math.max(0, -totalFloat);
    return new JsonObject()
        .put("obligationId", item.getString("id")).put("title", item.getString("title"))
        .put("projectId", plan.getString("projectId")).put("projectName", plan.getString("projectName", null))
        .put("departmentId", item.getString("departmentId")).put("departmentName", item.getString("departmentName"))
        .put("dueOn", item.getString("dueOn")).put("totalFloat", item.getInteger("totalFloat"))
        .put("costDays", cost)
        .put("reasons", new JsonArray(new ArrayList<>(reasons.stream().map(Enum::name).toList())));
  }

  /** Most project days first; then the most pressing reason; each with the agenda line it would add and whether that is on it already. */
  static JsonArray rank(List<JsonObject> proposals, Set<String> onAgenda) {
    var sorted = new ArrayList<>(proposals);
    sorted.sort(Comparator.<JsonObject>comparingInt(p -> -p.getInteger("costDays"))
        .thenComparingInt(p -> Reason.valueOf(p.getJsonArray("reasons").getString(0)).ordinal())
        .thenComparing(p -> p.getString("title")));
    var out = new JsonArray();
    for (var p : sorted) {
      var line = p.getString("title") + "（" + p.getString("departmentName") + "）";
      out.add(p.put("agendaTitle", line.length() > 200 ? line.substring(0, 200) : line).put("onAgenda", onAgenda.contains(line)));
    }
    return out;
  }
}
