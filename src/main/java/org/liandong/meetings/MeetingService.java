package org.liandong.meetings;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.liandong.accounts.CurrentUser;
import org.liandong.obligations.ObligationService;
import org.liandong.storage.ChangeLog;
import org.liandong.storage.Graph;
import org.liandong.storage.Idempotency;
import org.liandong.storage.Exists;
import org.liandong.storage.Locks;
import org.liandong.storage.Node;
import org.liandong.storage.Tx;
import org.liandong.support.Failure;
import org.liandong.support.Json;
import org.neo4j.driver.Value;

/**
 * Coordination meetings (会办): agenda, decisions that create obligations for departments, and
 * the lock a closed meeting puts on its record.
 */
public final class MeetingService {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MeetingService.class);
  static final List<String> STATUSES = List.of("scheduled", "open", "closed");

  private final Graph graph;
  private final ObligationService obligations;

  public MeetingService(Graph graph, ObligationService obligations) {
    this.graph = graph;
    this.obligations = obligations;
  }

  Future<JsonArray> list(String status, String project) {
    var params = new HashMap<String, Object>();
    params.put("status", status);
    params.put("project", project);
    return graph.query(MeetingCypher.LIST, params)
        .map(rows -> new JsonArray(rows.stream().map(r -> Json.object(r.get("meeting").asMap())).toList()));
  }

  public Future<JsonObject> one(String id) {
    return graph.query(MeetingCypher.ONE, Map.of("id", id)).compose(rows -> rows.isEmpty()
        ? Future.failedFuture(Failure.notFound("meeting", id))
        : Future.succeededFuture(view(rows.get(0))));
  }

  /** The meeting with its agenda in order and its decisions in the order taken. */
  private static JsonObject view(org.neo4j.driver.Record row) {
    var agenda = row.get("agenda").asList(Value::asMap).stream()
        .sorted((a, b) -> Long.compare(((Number) a.get("position")).longValue(), ((Number) b.get("position")).longValue()))
        .map(Json::object).toList();
    var decisions = row.get("decisions").asList(Value::asMap).stream()
        .sorted((a, b) -> String.valueOf(a.get("at")).compareTo(String.valueOf(b.get("at"))))
        .map(Json::object).toList();
    return Json.object(row.get("meeting").asMap())
        .put("agenda", new JsonArray(agenda)).put("decisionList", new JsonArray(decisions));
  }

  Future<Idempotency.Created> create(CurrentUser actor, Map<String, Object> fields, Optional<Idempotency.Key> key) {
    var props = new HashMap<>(fields);
    var projectIds = strings(props.remove("projectIds"));
    var agenda = strings(props.remove("agenda"));
    return Idempotency.create(graph, key, "Meeting", tx -> {
      var id = UUID.randomUUID().toString();
      return Exists.require(tx, Node.Project, projectIds, "projectIds")
          .compose(v -> tx.run(MeetingCypher.CREATE, Map.of("id", id, "fields", props, "agenda", agenda)))
          .compose(v -> tx.run(MeetingCypher.SET_PROJECTS, Map.of("id", id, "projectIds", projectIds)))
          .compose(v -> tx.first(MeetingCypher.PROPS, Map.of("id", id)))
          .compose(row -> {
            var after = new HashMap<>(row.orElseThrow().get("m").asMap());
            after.put("projectIds", projectIds);
            after.put("agenda", agenda);
            return ChangeLog.record(tx, new ChangeLog.Entry(actor.username(), "meeting.created", "Meeting", id,
                projectIds.isEmpty() ? null : projectIds.get(0), null, after, channels(id, projectIds)));
          })
          .map(change -> id);
    });
  }

  Future<Void> update(CurrentUser actor, String id, long version, Map<String, Object> fields) {
    var changes = new HashMap<>(fields);
    var newProjects = changes.containsKey("projectIds") ? strings(changes.remove("projectIds")) : null;
    return graph.write(tx -> Locks.lock(tx, Node.Meeting, id, version).compose(before -> {
      var status = (String) changes.get("status");
      if ("closed".equals(before.get("status"))) {
        return Future.failedFuture(new Failure.Conflict("this meeting is closed; its record is locked", Json.object(before)));
      }
      if ("scheduled".equals(status) && "open".equals(before.get("status"))) {
        return Future.failedFuture(Failure.Invalid.unprocessable("status", "an open meeting cannot go back to scheduled"));
      }
      if ("closed".equals(status)) changes.put("closedAt", now());
      if ("open".equals(status) && before.get("openedAt") == null) changes.put("openedAt", now());
      return (newProjects == null ? Future.<Void>succeededFuture()
              : Exists.require(tx, Node.Project, newProjects, "projectIds").compose(v ->
                  tx.run(MeetingCypher.SET_PROJECTS, Map.of("id", id, "projectIds", newProjects))).mapEmpty())
          .compose(v -> tx.first(MeetingCypher.UPDATE, Map.of("id", id, "changes", changes)))
          .compose(row -> projectIds(tx, id).compose(pids -> ChangeLog.record(tx, new ChangeLog.Entry(
              actor.username(), "closed".equals(status) ? "meeting.closed" : "meeting.updated", "Meeting", id,
              pids.isEmpty() ? null : pids.get(0), before, row.orElseThrow().get("m").asMap(), channels(id, pids)))));
    })).mapEmpty();
  }

  Future<Void> addAgendaItem(CurrentUser actor, String id, String title, String projectId) {
    return graph.write(tx -> openMeeting(tx, id)
        .compose(open -> Exists.require(tx, Node.Project, projectId, "projectId")
            .compose(v -> {
              var params = new HashMap<String, Object>();
              params.put("id", id);
              params.put("itemId", UUID.randomUUID().toString());
              params.put("title", title);
              params.put("projectId", projectId);
              return tx.first(MeetingCypher.ADD_AGENDA, params);
            })
            .compose(item -> ChangeLog.record(tx, new ChangeLog.Entry(
                actor.username(), "meeting.agenda.added", "Meeting", id, projectId != null ? projectId : open.firstProject(),
                null, item.orElseThrow().get("item").asMap(), channels(id, open.projectIds()))))))
        .mapEmpty();
  }

  /**
   * Records a decision and the obligations it creates, all in one transaction: either the
   * decision and every obligation it names exist afterwards, or none of them do.
   */
  Future<String> decide(CurrentUser actor, String id, String text, String agendaItemId, List<Map<String, Object>> created) {
    return graph.write(tx -> openMeeting(tx, id).compose(open ->
        agendaProject(tx, id, agendaItemId).compose(itemProject -> {
          var pids = open.projectIds();
          var defaultProject = itemProject.orElse(pids.size() == 1 ? pids.get(0) : null);
          Future<List<String>> ids = Future.succeededFuture(new ArrayList<>());
          for (int i = 0; i < created.size(); i++) {
            var fields = new HashMap<>(created.get(i));
            fields.putIfAbsent("projectId", defaultProject);
            if (fields.get("projectId") == null) {
              return Future.failedFuture(Failure.invalid("obligations[" + i + "].projectId",
                  "is required when the meeting concerns several projects"));
            }
            ids = ids.compose(list -> obligations.insert(tx, actor, fields, List.of("meeting:" + id))
                .map(oid -> { list.add(oid); return list; }));
          }
          var decisionId = UUID.randomUUID().toString();
          return ids.compose(oids -> {
            var params = new HashMap<String, Object>();
            params.put("id", id);
            params.put("decisionId", decisionId);
            params.put("text", text);
            params.put("agendaItemId", agendaItemId);
            params.put("by", actor.username());
            params.put("obligationIds", oids);
            return tx.run(MeetingCypher.ADD_DECISION, params)
                .compose(v -> tx.first(MeetingCypher.DECISION, Map.of("id", decisionId)))
                .compose(row -> {
                  var after = new HashMap<>(row.orElseThrow().get("decision").asMap());
                  after.put("obligationIds", oids);
                  return ChangeLog.record(tx, new ChangeLog.Entry(actor.username(), "meeting.decision", "Meeting", id,
                      defaultProject, null, after, channels(id, pids)));
                })
                .map(change -> decisionId);
          });
        })));
  }

  /** The chair points the room at an agenda item; everyone's view follows. Answers with the meeting. */
  Future<JsonObject> focus(CurrentUser actor, String id, String agendaItemId) {
    return graph.write(tx -> openMeeting(tx, id).compose(open ->
        tx.first(MeetingCypher.FOCUS, Map.of("id", id, "itemId", agendaItemId)).compose(row -> row.isEmpty()
            ? Future.failedFuture(noAgendaItem(agendaItemId))
            : ChangeLog.record(tx, new ChangeLog.Entry(actor.username(), "meeting.focus", "Meeting", id,
                open.firstProject(), open.meeting(), row.get().get("m").asMap(), channels(id, open.projectIds())))
                .map(change -> view(row.get())))));
  }

  /** Remembers that someone was in the meeting room (called by the live layer). */
  public void recordAttendance(String meetingId, String userId) {
    graph.write(tx -> tx.run(MeetingCypher.ATTEND, Map.of("meetingId", meetingId, "userId", userId)))
        .onFailure(e -> LOG.warn("could not record that {} attended {}", userId, meetingId, e));
  }

  /** The record of a meeting: its decisions, the obligations they created, who attended. */
  Future<JsonObject> minutes(String id) {
    return one(id).compose(meeting -> graph.query(MeetingCypher.ATTENDANCE, Map.of("id", id)).map(rows -> {
      var attendance = new JsonArray(rows.stream().map(r -> Json.object(r.get("person").asMap())).toList());
      var created = new JsonArray();
      meeting.getJsonArray("decisionList").forEach(d -> ((JsonObject) d).getJsonArray("obligations").forEach(created::add));
      var departments = new JsonArray(attendance.stream().map(p -> ((JsonObject) p).getString("departmentName"))
          .filter(java.util.Objects::nonNull).distinct().toList());
      return new JsonObject()
          .put("meeting", meeting.copy().put("agenda", null).put("decisionList", null))
          .put("agenda", meeting.getJsonArray("agenda"))
          .put("decisions", meeting.getJsonArray("decisionList"))
          .put("obligationsCreated", created)
          .put("attendance", attendance)
          .put("departmentsPresent", departments)
          .put("final", "closed".equals(meeting.getString("status")));
    }));
  }

  private static ZonedDateTime now() {
    return ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
  }

  /** A meeting, write-locked and not closed, with the projects it is about. */
  private record Open(Map<String, Object> meeting, List<String> projectIds) {
    String firstProject() {
      return projectIds.isEmpty() ? null : projectIds.get(0);
    }
  }

  private static Future<Open> openMeeting(Tx tx, String id) {
    return tx.first(MeetingCypher.LOCK_AND_READ, Map.of("id", id)).compose(row -> {
      if (row.isEmpty()) return Future.failedFuture(Failure.notFound("meeting", id));
      var m = row.get().get("m").asMap();
      return "closed".equals(m.get("status"))
          ? Future.failedFuture(new Failure.Conflict("this meeting is closed; its record is locked", Json.object(m)))
          : Future.succeededFuture(new Open(m, row.get().get("projectIds").asList(Value::asString)));
    });
  }

  private static Future<Optional<String>> agendaProject(Tx tx, String id, String agendaItemId) {
    if (agendaItemId == null) return Future.succeededFuture(Optional.empty());
    return tx.first(MeetingCypher.AGENDA_ITEM, Map.of("id", id, "itemId", agendaItemId)).compose(row -> row.isEmpty()
        ? Future.failedFuture(noAgendaItem(agendaItemId))
        : Future.succeededFuture(Optional.ofNullable(row.get().get("projectId").asString(null))));
  }

  private static Failure noAgendaItem(String agendaItemId) {
    return Failure.Invalid.unprocessable("agendaItemId", "this meeting has no agenda item '" + agendaItemId + "'");
  }

  private static Future<List<String>> projectIds(Tx tx, String id) {
    return tx.first(MeetingCypher.PROJECT_IDS, Map.of("id", id))
        .map(row -> row.orElseThrow().get("ids").asList(Value::asString));
  }

  private static List<String> channels(String id, List<String> projectIds) {
    var channels = new ArrayList<>(List.of("meeting:" + id));
    projectIds.forEach(p -> channels.add("project:" + p));
    return channels;
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object value) {
    return value == null ? List.of() : (List<String>) value;
  }
}
