package org.liandong.meetings;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.liandong.meetings.MeetingRepository.Open;
import org.liandong.storage.Entry;
import org.liandong.storage.Exists;
import org.liandong.storage.Node;
import org.liandong.storage.Work;
import org.liandong.support.Failure;
import org.liandong.support.Text;

/**
 * What happens inside an open meeting, in the graph: its agenda (added, ordered, removed, in
 * focus), who is invited, and the decisions taken with the obligations they created. Each step
 * is recorded on the meeting's channels and its projects'.
 */
final class AgendaRepository {
  private AgendaRepository() {}

  static Work<Void> addAgendaItem(String actor, Open open, String title, String projectId) {
    var params = new HashMap<String, Object>();
    params.put("id", open.id());
    params.put("itemId", java.util.UUID.randomUUID().toString());
    params.put("title", title);
    params.put("projectId", projectId);
    return tx -> Exists.require(tx, Node.Project, projectId, "projectId")
        .compose(v -> tx.first(MeetingCypher.ADD_AGENDA, params))
        .map(item -> {
          tx.record(new Entry(actor, "meeting.agenda.added", "Meeting", open.id(),
              projectId != null ? projectId : open.firstProject(), null, item.orElseThrow().get("item").asMap(), open.channels()));
          return null;
        });
  }

  /** Invites departments and people (unknown ids are a 422 naming them). */
  static Work<Void> invite(String actor, Open open, List<String> departmentIds, List<String> userIds) {
    return tx -> Exists.require(tx, Node.Department, departmentIds, "departmentIds")
        .compose(v -> Exists.require(tx, Node.User, userIds, "userIds"))
        .compose(v -> tx.run(MeetingCypher.INVITE, Map.of("id", open.id(), "departmentIds", departmentIds, "userIds", userIds)))
        .map(summary -> {
          tx.record(new Entry(actor, "meeting.invited", "Meeting", open.id(), open.firstProject(), null,
              Map.of("departmentIds", departmentIds, "userIds", userIds), open.channels()));
          return null;
        });
  }

  static Work<Void> uninvite(String actor, Open open, String targetId) {
    return tx -> tx.first(MeetingCypher.UNINVITE, Map.of("id", open.id(), "targetId", targetId)).compose(row -> {
      if (row.orElseThrow().get("removed").asLong() == 0) {
        return Future.failedFuture(new Failure.NotFound(Text.key("server.meetings.notInvitedMeeting", "targetId", targetId)));
      }
      tx.record(new Entry(actor, "meeting.uninvited", "Meeting", open.id(), open.firstProject(), Map.of("invitedId", targetId), null,
          open.channels()));
      return Future.succeededFuture();
    });
  }

  /** Puts the agenda in the order given: exactly the meeting's items, each once. */
  static Work<Void> orderAgenda(String actor, Open open, List<String> itemIds) {
    return tx -> tx.list(MeetingCypher.AGENDA_IDS, Map.of("id", open.id())).compose(rows -> {
      var current = rows.stream().map(r -> r.get("id").asString()).sorted().toList();
      if (!current.equals(itemIds.stream().sorted().toList())) {
        return Future.failedFuture(Failure.unprocessable("itemIds", Text.key("server.meetings.mustListEachMeeting")));
      }
      tx.record(new Entry(actor, "meeting.agenda.ordered", "Meeting", open.id(), open.firstProject(), null,
          Map.of("itemIds", itemIds), open.channels()));
      return tx.run(MeetingCypher.ORDER_AGENDA, Map.of("id", open.id(), "itemIds", itemIds)).mapEmpty();
    });
  }

  static Work<Void> removeAgendaItem(String actor, Open open, String itemId) {
    return tx -> tx.first(MeetingCypher.REMOVE_AGENDA, Map.of("id", open.id(), "itemId", itemId)).compose(row -> {
      if (row.isEmpty()) return Future.failedFuture(Node.AgendaItem.notFound(itemId));
      tx.record(new Entry(actor, "meeting.agenda.removed", "Meeting", open.id(), open.firstProject(),
          row.get().get("item").asMap(), null, open.channels()));
      return tx.list(MeetingCypher.AGENDA_IDS, Map.of("id", open.id()))
          .compose(rest -> tx.run(MeetingCypher.ORDER_AGENDA, Map.of("id", open.id(),
              "itemIds", rest.stream().map(r -> r.get("id").asString()).toList()))).mapEmpty();
    });
  }

  /** The project an agenda item is about (if any); 422 when the meeting has no such item. */
  static Work<Optional<String>> agendaProject(String id, String agendaItemId) {
    if (agendaItemId == null) return Work.of(Optional.empty());
    return tx -> tx.first(MeetingCypher.AGENDA_ITEM, Map.of("id", id, "itemId", agendaItemId)).compose(row -> row.isEmpty()
        ? Future.failedFuture(noAgendaItem(agendaItemId))
        : Future.succeededFuture(Optional.ofNullable(row.get().get("projectId").asString(null))));
  }

  /** A decision, and the obligations it created, recorded on the meeting's channels. */
  static Work<String> recordDecision(Decision decision, Open open, List<String> obligationIds, String projectId) {
    var params = new HashMap<String, Object>();
    params.put("id", open.id());
    params.put("decisionId", decision.id());
    params.put("text", decision.text());
    params.put("agendaItemId", decision.agendaItemId());
    params.put("by", decision.by());
    params.put("byName", decision.byName());
    params.put("obligationIds", obligationIds);
    return tx -> tx.run(MeetingCypher.ADD_DECISION, params)
        .compose(v -> tx.first(MeetingCypher.DECISION, Map.of("id", decision.id())))
        .map(row -> {
          var after = new HashMap<>(row.orElseThrow().get("decision").asMap());
          after.put("obligationIds", obligationIds);
          tx.record(new Entry(decision.by(), "meeting.decision", "Meeting", open.id(), projectId, null, after, open.channels()));
          return decision.id();
        });
  }

  /** What a decision says and who took it. */
  record Decision(String id, String text, String agendaItemId, String by, String byName) {}

  static Work<JsonObject> focus(String actor, Open open, String agendaItemId) {
    return tx -> tx.first(MeetingCypher.FOCUS, Map.of("id", open.id(), "itemId", agendaItemId)).compose(row -> {
      if (row.isEmpty()) return Future.failedFuture(noAgendaItem(agendaItemId));
      tx.record(new Entry(actor, "meeting.focus", "Meeting", open.id(), open.firstProject(), open.meeting().asMap(),
          row.get().get("m").asMap(), open.channels()));
      return Future.succeededFuture(MeetingRepository.view(row.get()));
    });
  }

  private static Failure noAgendaItem(String agendaItemId) {
    return Failure.unprocessable("agendaItemId", Text.key("server.meetings.meetingHasNoAgenda", "agendaItemId", agendaItemId));
  }
}
