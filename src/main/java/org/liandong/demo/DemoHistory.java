package org.liandong.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.liandong.storage.Entry;

/**
 * The scenario's change log, told as it happened: each project from its signing (stage by stage
 * to where it stands), each obligation from its dispatch through its acceptance to its end, each
 * meeting from its calling through its decisions to its close. Every entry carries the node as
 * it was before and after, as the server's own changes do, so the state at any instant can be
 * read back from the log; the last entry of each node is the node as loaded.
 */
final class DemoHistory {
  private static final String ACTOR = "demo";
  private static final LocalTime SIGNING = LocalTime.of(10, 0);

  private final ZoneId zone;
  private final List<Entry> entries = new ArrayList<>();

  private DemoHistory(ZoneId zone) {
    this.zone = zone;
  }

  /** Every entry of the scenario, in the order of time. */
  static List<Entry> of(List<Map<String, Object>> projects, List<Map<String, Object>> obligations,
                        List<Map<String, Object>> meetings, ZoneId zone) {
    var history = new DemoHistory(zone);
    for (var p : projects) history.project(p, obligations);
    for (var o : obligations) history.obligation(o);
    for (var m : meetings) history.meeting(m);
    var sorted = new ArrayList<>(history.entries);
    sorted.sort(Comparator.comparing(Entry::at));
    return sorted;
  }

  /** Signed, then 项目备案 (filed), 供地 (its land track done), 五证 (permitted) and started, as far as the project has come. */
  private void project(Map<String, Object> row, List<Map<String, Object>> obligations) {
    var id = (String) row.get("id");
    var last = props(row);
    var channels = List.of("project:" + id);
    var signed = (LocalDate) last.get("signedOn");
    var steps = new LinkedHashMap<String, ZonedDateTime>();
    var mine = obligations.stream().filter(o -> id.equals(o.get("projectId"))).toList();
    var stage = (String) last.get("stage");
    if (reached(stage, "filed")) steps.put("filed", doneAt(mine, o -> String.valueOf(o.get("title")).startsWith("项目备案")));
    if (reached(stage, "land")) steps.put("land", doneAt(mine, o -> "land".equals(o.get("track"))));
    if (reached(stage, "permitted")) steps.put("permitted", doneAt(mine, o -> "permit".equals(o.get("kind"))));
    if (reached(stage, "started") && last.get("startedOn") != null) {
      var started = doneAt(mine, o -> "milestone".equals(o.get("kind")) && String.valueOf(o.get("title")).contains("开工"));
      steps.put("started", started != null ? started : at((LocalDate) last.get("startedOn"), SIGNING));
    }
    steps.values().removeIf(java.util.Objects::isNull);
    var first = new HashMap<>(last);
    first.put("stage", "signed");
    first.remove("startedOn");
    var state = steps.isEmpty() ? last : first;
    entries.add(new Entry(ACTOR, "project.created", "Project", id, id, null, state, channels, at(signed, SIGNING)));
    var names = new ArrayList<>(steps.keySet());
    for (int i = 0; i < names.size(); i++) {
      var next = i == names.size() - 1 ? last : with(state, "stage", names.get(i));
      entries.add(new Entry(ACTOR, "project.updated", "Project", id, id, state, next, channels, steps.get(names.get(i))));
      state = next;
    }
  }

  /** Dispatched, accepted, then done (or where it stands now: in progress, 容缺, 受阻). */
  private void obligation(Map<String, Object> row) {
    var id = (String) row.get("id");
    var projectId = (String) row.get("projectId");
    var channels = List.of("project:" + projectId, "department:" + row.get("departmentId"));
    var last = props(row);
    var dispatched = new HashMap<>(last);
    dispatched.put("status", "dispatched");
    for (var later : List.of("acceptedAt", "doneAt", "doneOn", "blockedReason", "deficiencyDueOn", "missingDocuments")) dispatched.remove(later);
    entries.add(new Entry(ACTOR, "obligation.created", "Obligation", id, projectId, null, dispatched, channels, (ZonedDateTime) last.get("dispatchedAt")));
    var acceptedAt = (ZonedDateTime) last.get("acceptedAt");
    if (acceptedAt == null) return;
    var accepted = with(dispatched, "status", "accepted");
    accepted.put("acceptedAt", acceptedAt);
    if ("accepted".equals(last.get("status"))) accepted = last;
    entries.add(new Entry(ACTOR, "obligation.status", "Obligation", id, projectId, dispatched, accepted, channels, acceptedAt));
    if (accepted == last) return;
    var doneAt = (ZonedDateTime) last.get("doneAt");
    entries.add(new Entry(ACTOR, "obligation.status", "Obligation", id, projectId, accepted, last, channels,
        doneAt != null ? doneAt : acceptedAt.plusHours(2)));
  }

  /** Called, held, its decisions taken, closed. */
  private void meeting(Map<String, Object> row) {
    var id = (String) row.get("id");
    @SuppressWarnings("unchecked") var projectIds = (List<String>) row.get("projectIds");
    var projectId = projectIds.isEmpty() ? null : projectIds.get(0);
    var channels = new ArrayList<String>();
    channels.add("meeting:" + id);
    projectIds.forEach(p -> channels.add("project:" + p));
    var last = props(row);
    var startsAt = (ZonedDateTime) last.get("startsAt");
    var called = new HashMap<>(last);
    called.put("status", "scheduled");
    called.remove("openedAt");
    called.remove("closedAt");
    var state = "scheduled".equals(last.get("status")) ? last : called;
    entries.add(new Entry(ACTOR, "meeting.created", "Meeting", id, projectId, null, state, channels, startsAt.minusDays(5).with(SIGNING)));
    if (state == last) return;
    var opened = with(called, "status", "open");
    opened.put("openedAt", startsAt);
    var isOpen = "open".equals(last.get("status"));
    entries.add(new Entry(ACTOR, "meeting.updated", "Meeting", id, projectId, called, isOpen ? last : opened, channels, startsAt));
    @SuppressWarnings("unchecked") var decisions = (List<Map<String, Object>>) row.get("decisions");
    var end = startsAt;
    for (var d : decisions) {
      var decided = (ZonedDateTime) d.get("at");
      if (decided.isAfter(end)) end = decided;
      var after = new HashMap<String, Object>();
      after.put("id", d.get("id"));
      after.put("text", d.get("text"));
      after.put("agendaItemId", d.get("agendaItemId"));
      after.put("obligationIds", d.get("obligationIds"));
      entries.add(new Entry(String.valueOf(d.get("by")), "meeting.decision", "Meeting", id, projectId, null, after, channels, decided));
    }
    if (isOpen) return;
    entries.add(new Entry(ACTOR, "meeting.closed", "Meeting", id, projectId, opened, last, channels,
        last.get("closedAt") instanceof ZonedDateTime closed ? closed : end.plusMinutes(30)));
  }

  private static boolean reached(String stage, String step) {
    var stages = org.liandong.domain.Stage.names();
    return stages.indexOf(stage) >= stages.indexOf(step);
  }

  private static ZonedDateTime doneAt(List<Map<String, Object>> obligations, java.util.function.Predicate<Map<String, Object>> which) {
    return obligations.stream().filter(which).map(o -> (ZonedDateTime) props(o).get("doneAt"))
        .filter(java.util.Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
  }

  private ZonedDateTime at(LocalDate day, LocalTime time) {
    return day.atTime(time).atZone(zone);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> props(Map<String, Object> row) {
    return (Map<String, Object>) row.get("props");
  }

  private static Map<String, Object> with(Map<String, Object> state, String key, Object value) {
    var next = new HashMap<>(state);
    next.put(key, value);
    return next;
  }
}
