package org.liandong.meetings;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.liandong.access.Subject;
import org.liandong.storage.Entry;
import org.liandong.storage.Exists;
import org.liandong.storage.Graph;
import org.liandong.storage.Locks;
import org.liandong.storage.Node;
import org.liandong.storage.Statement;
import org.liandong.storage.Tx;
import org.liandong.storage.Where;
import org.liandong.storage.Work;
import org.liandong.support.Failure;
import org.liandong.support.Fields.Props;
import org.liandong.support.Json;
import org.liandong.support.Patch;
import org.liandong.support.Text;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** Meetings in the graph: their agenda, decisions, attendance, and who belongs in them. */
final class MeetingRepository {
  private final Graph graph;

  MeetingRepository(Graph graph) {
    this.graph = graph;
  }

  Graph graph() {
    return graph;
  }

  /** A meeting, write-locked and not closed, with its projects and who belongs in it. */
  record Open(Props meeting, List<String> projectIds, Subject.Meeting access) {
    String id() {
      return meeting.id();
    }

    String firstProject() {
      return projectIds.isEmpty() ? null : projectIds.get(0);
    }

    List<String> channels() {
      return MeetingRepository.channels(id(), projectIds);
    }
  }

  static Statement listing(String status, String project) {
    return Where.of().when("status", status, MeetingCypher.BY_STATUS).with("project", project)
        .around(project == null ? MeetingCypher.LIST_FROM : MeetingCypher.FROM_PROJECT, MeetingCypher.LIST_REST, Map.of());
  }

  Future<JsonArray> list(String status, String project) {
    var listing = listing(status, project);
    return graph.query(listing.cypher(), listing.params())
        .map(rows -> new JsonArray(rows.stream().map(r -> Json.object(r.get("meeting").asMap())).toList()));
  }

  Future<JsonObject> one(String id) {
    return graph.query(MeetingCypher.ONE, Map.of("id", id)).compose(rows -> rows.isEmpty()
        ? Future.failedFuture(Node.Meeting.notFound(id))
        : Future.succeededFuture(view(rows.get(0))));
  }

  /** The projects, the previous meeting (if any) and the instants between which "since the previous meeting" looks. */
  record Window(List<String> projects, Optional<JsonObject> previous, java.time.ZonedDateTime from, java.time.ZonedDateTime until) {}

  Future<Window> window(String id) {
    return graph.query(MeetingCypher.WINDOW, Map.of("id", id)).compose(rows -> {
      if (rows.isEmpty()) return Future.failedFuture(Node.Meeting.notFound(id));
      var r = rows.get(0);
      return Future.succeededFuture(new Window(r.get("projects").asList(org.neo4j.driver.Value::asString),
          r.get("previous").isNull() ? Optional.empty() : Optional.of(Json.object(r.get("previous").asMap())),
          r.get("from").isNull() ? null : r.get("from").asZonedDateTime(), r.get("until").asZonedDateTime()));
    });
  }

  /** Who belongs in the meeting, for the policy; empty when there is no such meeting. */
  Future<Optional<Subject.Meeting>> access(String id) {
    return graph.query(MeetingCypher.ACCESS, Map.of("id", id)).map(rows -> rows.stream().findFirst().map(MeetingRepository::access));
  }

  private static Subject.Meeting access(Record r) {
    return new Subject.Meeting(new HashSet<>(r.get("departmentIds").asList(Value::asString)),
        new HashSet<>(r.get("invitedUserIds").asList(Value::asString)), new HashSet<>(r.get("championIds").asList(Value::asString)));
  }

  /** The meeting with its agenda in order and its decisions in the order taken. */
  static JsonObject view(Record row) {
    var agenda = row.get("agenda").asList(Value::asMap).stream()
        .sorted((a, b) -> Long.compare(((Number) a.get("position")).longValue(), ((Number) b.get("position")).longValue()))
        .map(Json::object).toList();
    var decisions = row.get("decisions").asList(Value::asMap).stream()
        .sorted((a, b) -> String.valueOf(a.get("at")).compareTo(String.valueOf(b.get("at"))))
        .map(Json::object).toList();
    return Json.object(row.get("meeting").asMap())
        .put("agenda", new JsonArray(agenda)).put("decisionList", new JsonArray(decisions))
        .put("invited", Json.object(row.get("invited").asMap()));
  }

  Work<String> create(String actor, String id, Patch props, List<String> projectIds, List<String> agenda) {
    return tx -> Exists.require(tx, Node.Project, projectIds, "projectIds")
        .compose(v -> tx.run(MeetingCypher.CREATE, Map.of("id", id, "fields", props.asMap(), "agenda", agenda)))
        .compose(v -> tx.run(MeetingCypher.SET_PROJECTS, Map.of("id", id, "projectIds", projectIds)))
        .compose(v -> tx.first(MeetingCypher.PROPS, Map.of("id", id)))
        .map(row -> {
          var after = new HashMap<>(row.orElseThrow().get("m").asMap());
          after.put("projectIds", projectIds);
          after.put("agenda", agenda);
          tx.record(new Entry(actor, "meeting.created", "Meeting", id, projectIds.isEmpty() ? null : projectIds.get(0),
              null, after, channels(id, projectIds)));
          return id;
        });
  }

  Work<Props> lock(String id, long version) {
    return tx -> Locks.lock(tx, Node.Meeting, id, version);
  }

  Work<Void> update(String actor, String id, Props before, Patch changes, List<String> newProjects) {
    var type = "closed".equals(changes.value("status")) ? "meeting.closed" : "meeting.updated";
    return tx -> setProjects(tx, id, newProjects)
        .compose(v -> tx.first(MeetingCypher.UPDATE, Map.of("id", id, "changes", changes.asMap())))
        .compose(row -> projectIds(tx, id).map(pids -> {
          tx.record(new Entry(actor, type, "Meeting", id, pids.isEmpty() ? null : pids.get(0), before.asMap(),
              row.orElseThrow().get("m").asMap(), channels(id, pids)));
          return null;
        }));
  }

  private static Future<Void> setProjects(Tx tx, String id, List<String> projectIds) {
    if (projectIds == null) return Future.succeededFuture();
    return Exists.require(tx, Node.Project, projectIds, "projectIds")
        .compose(v -> tx.run(MeetingCypher.SET_PROJECTS, Map.of("id", id, "projectIds", projectIds))).mapEmpty();
  }

  /** Locks the meeting and reads it with its projects; 404 when absent, 409 when closed. */
  Work<Open> lockOpen(String id) {
    return tx -> tx.first(MeetingCypher.LOCK_AND_READ, Map.of("id", id)).compose(row -> {
      if (row.isEmpty()) return Future.failedFuture(Node.Meeting.notFound(id));
      var m = Props.of(row.get().get("m").asMap());
      return "closed".equals(m.text("status"))
          ? Future.failedFuture(closed(m))
          : Future.succeededFuture(new Open(m, row.get().get("projectIds").asList(Value::asString), access(row.get())));
    });
  }

  static Failure closed(Props meeting) {
    return Failure.conflict(Text.key("server.meetings.meetingClosedRecordLocked"), Json.object(meeting.asMap()));
  }

  Future<Void> attend(String meetingId, String userId) {
    return graph.write(tx -> tx.run(MeetingCypher.ATTEND, Map.of("meetingId", meetingId, "userId", userId))).mapEmpty();
  }

  Future<JsonArray> attendance(String id) {
    return graph.query(MeetingCypher.ATTENDANCE, Map.of("id", id))
        .map(rows -> new JsonArray(rows.stream().map(r -> Json.object(r.get("person").asMap())).toList()));
  }

  private static Future<List<String>> projectIds(Tx tx, String id) {
    return tx.first(MeetingCypher.PROJECT_IDS, Map.of("id", id)).map(row -> row.orElseThrow().get("ids").asList(Value::asString));
  }

  static List<String> channels(String id, List<String> projectIds) {
    var channels = new ArrayList<>(List.of("meeting:" + id));
    projectIds.forEach(p -> channels.add("project:" + p));
    return channels;
  }
}
