package org.liandong.meetings;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.liandong.access.Action;
import org.liandong.access.CurrentUser;
import org.liandong.access.Policy;
import org.liandong.access.Subject;
import org.liandong.domain.NoticeKind;
import org.liandong.notices.Notify;
import org.liandong.obligations.NewObligation;
import org.liandong.obligations.ObligationService;
import org.liandong.storage.Graph;
import org.liandong.storage.Idempotency;
import org.liandong.storage.Work;
import org.liandong.support.Failure;
import org.liandong.support.Fields.Props;
import org.liandong.support.IdempotencyKey;
import org.liandong.support.Patch;
import org.liandong.support.Text;

/**
 * Coordination meetings (会办): agenda, decisions that create obligations for departments, and
 * the lock a closed meeting puts on its record.
 */
public final class MeetingService {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MeetingService.class);

  private final MeetingRepository repository;
  private final ObligationService obligations;
  private final Policy policy;
  private final Clock clock;

  public MeetingService(Graph graph, ObligationService obligations, Policy policy, Clock clock) {
    this.repository = new MeetingRepository(graph);
    this.obligations = obligations;
    this.policy = policy;
    this.clock = clock;
  }

  Future<JsonArray> list(String status, String project) {
    return repository.list(status, project);
  }

  public Future<JsonObject> one(String id) {
    return repository.one(id);
  }

  /** The meeting, with what this person may do in it (decide, chair, run it), as the policy says. */
  Future<JsonObject> one(CurrentUser viewer, String id) {
    return repository.one(id).compose(meeting -> access(id).map(found -> meeting.put("actions", actions(viewer, found))));
  }

  private JsonObject actions(CurrentUser viewer, Optional<Subject.Meeting> meeting) {
    var access = meeting.orElse(new Subject.Meeting(java.util.Set.of(), java.util.Set.of(), java.util.Set.of()));
    return new JsonObject()
        .put("decide", meeting.isPresent() && policy.allows(viewer, Action.DECIDE, access))
        .put("chair", meeting.isPresent() && policy.allows(viewer, Action.CHAIR, access))
        .put("manage", policy.allows(viewer, Action.MANAGE_MEETINGS, Subject.NONE));
  }

  /** Who belongs in the meeting, for the policy (the live room asks too); empty when there is no such meeting. */
  public Future<Optional<Subject.Meeting>> access(String id) {
    return repository.access(id);
  }

  Future<JsonObject> create(CurrentUser actor, Patch fields, Optional<IdempotencyKey> key) {
    policy.require(actor, Action.MANAGE_MEETINGS);
    var props = fields.copy();
    var projectIds = strings(props.remove("projectIds"));
    var agenda = strings(props.remove("agenda"));
    return Idempotency.create(repository.graph(), key, "Meeting",
            repository.create(actor.username(), UUID.randomUUID().toString(), props, projectIds, agenda))
        .compose(created -> one(created.id()));
  }

  Future<JsonObject> update(CurrentUser actor, String id, long version, Patch fields) {
    policy.require(actor, Action.MANAGE_MEETINGS);
    var changes = fields.copy();
    var newProjects = changes.has("projectIds") ? strings(changes.remove("projectIds")) : null;
    return repository.graph().write("meeting:" + id, repository.lock(id, version).then(before -> updated(actor, id, before, changes, newProjects)))
        .compose(v -> one(id));
  }

  private Work<Void> updated(CurrentUser actor, String id, Props before, Patch changes,
                             List<String> newProjects) {
    var write = repository.update(actor.username(), id, before, changes, newProjects);
    return tx -> lifecycle(before, changes).compose(v -> write.run(tx)).compose(v -> rescheduled(id, before, changes).run(tx)).mapEmpty();
  }

  /** A meeting still to be held moved to another time: everyone it invites is told, once per new time. */
  private static Work<Integer> rescheduled(String id, Props before, Patch changes) {
    var startsAt = changes.value("startsAt");
    if (startsAt == null || startsAt.equals(before.value("startsAt")) || !"scheduled".equals(before.value("status"))) return Work.of(0);
    var when = ((java.time.ZonedDateTime) startsAt).toOffsetDateTime().toString();
    var props = Map.<String, Object>of("meetingId", id, "subject", changes.has("title") ? changes.value("title") : before.value("title"), "startsAt", when,
        "previousStartsAt", String.valueOf(before.value("startsAt")));
    return Notify.invitees(id, NoticeKind.rescheduled, "rescheduled|" + id + "|" + when, props);
  }

  /** scheduled → open → closed; a closed meeting is locked, an open one cannot be unscheduled. */
  private Future<Void> lifecycle(Props before, Patch changes) {
    var status = changes.text("status");
    if ("closed".equals(before.value("status"))) return Future.failedFuture(MeetingRepository.closed(before));
    if ("scheduled".equals(status) && "open".equals(before.value("status"))) {
      return Future.failedFuture(Failure.unprocessable("status", Text.key("server.meetings.openMeetingCannotGo")));
    }
    if ("closed".equals(status)) changes.set("closedAt", now());
    if ("open".equals(status) && before.value("openedAt") == null) changes.set("openedAt", now());
    return Future.succeededFuture();
  }

  /** An agenda item and, in the same transaction, the departments it needs in the room (a drafted item accepted). */
  Future<JsonObject> addAgendaItem(CurrentUser actor, String id, String title, String projectId, List<String> invite) {
    policy.require(actor, Action.MANAGE_MEETINGS);
    return repository.graph().write("meeting:" + id, repository.lockOpen(id).then(open -> AgendaRepository.addAgendaItem(actor.username(), open, title, projectId)
            .then(v -> invite.isEmpty() ? org.liandong.storage.Work.<Void>of(null) : AgendaRepository.invite(actor.username(), open, invite, List.of()))))
        .compose(v -> one(id));
  }

  Future<JsonObject> invite(CurrentUser actor, String id, List<String> departmentIds, List<String> userIds) {
    policy.require(actor, Action.MANAGE_MEETINGS);
    return repository.graph().write("meeting:" + id, repository.lockOpen(id).then(open -> AgendaRepository.invite(actor.username(), open, departmentIds, userIds)))
        .compose(v -> one(actor, id));
  }

  Future<JsonObject> uninvite(CurrentUser actor, String id, String targetId) {
    policy.require(actor, Action.MANAGE_MEETINGS);
    return repository.graph().write("meeting:" + id, repository.lockOpen(id).then(open -> AgendaRepository.uninvite(actor.username(), open, targetId)))
        .compose(v -> one(actor, id));
  }

  Future<JsonObject> orderAgenda(CurrentUser actor, String id, List<String> itemIds) {
    policy.require(actor, Action.MANAGE_MEETINGS);
    return repository.graph().write("meeting:" + id, repository.lockOpen(id).then(open -> AgendaRepository.orderAgenda(actor.username(), open, itemIds)))
        .compose(v -> one(actor, id));
  }

  Future<JsonObject> removeAgendaItem(CurrentUser actor, String id, String itemId) {
    policy.require(actor, Action.MANAGE_MEETINGS);
    return repository.graph().write("meeting:" + id, repository.lockOpen(id).then(open -> AgendaRepository.removeAgendaItem(actor.username(), open, itemId)))
        .compose(v -> one(actor, id));
  }

  /**
   * Records a decision and the obligations it creates, all in one transaction: either the
   * decision and every obligation it names exist afterwards, or none of them do.
   */
  Future<JsonObject> decide(CurrentUser actor, String id, String text, String agendaItemId, List<NewObligation> created) {
    var decision = new AgendaRepository.Decision(UUID.randomUUID().toString(), text, agendaItemId, actor.username(), actor.name());
    return repository.graph().write("meeting:" + id, repository.lockOpen(id)
            .then(open -> allowed(actor, Action.DECIDE, open))
            .then(MeetingService::inSession)
            .then(open -> AgendaRepository.agendaProject(id, agendaItemId).then(item -> decided(actor, decision, open, item, created))))
        .compose(v -> one(id));
  }

  /** The decision's obligations, then the decision naming them. */
  private Work<String> decided(CurrentUser actor, AgendaRepository.Decision decision, MeetingRepository.Open open,
                               Optional<String> item, List<NewObligation> created) {
    var project = projectOf(open, item);
    return createObligations(actor, open, item, created).then(ids -> AgendaRepository.recordDecision(decision, open, ids, project));
  }

  /** A decision is taken in session: the meeting must have been opened. */
  private static Work<MeetingRepository.Open> inSession(MeetingRepository.Open open) {
    return tx -> "open".equals(open.meeting().text("status")) ? Future.succeededFuture(open)
        : Future.failedFuture(Failure.conflict(Text.key("server.meetings.meetingHasNotBeen"), org.liandong.support.Json.object(open.meeting().asMap())));
  }

  private Work<MeetingRepository.Open> allowed(CurrentUser actor, Action action, MeetingRepository.Open open) {
    return tx -> policy.check(actor, action, open.access()).map(open);
  }

  /** The obligations a decision creates, each for the agenda item's project unless it names its own. */
  private Work<List<String>> createObligations(CurrentUser actor, MeetingRepository.Open open, Optional<String> item,
                                              List<NewObligation> created) {
    var project = projectOf(open, item);
    var problems = new Failure.Problems();
    var drafts = new java.util.ArrayList<NewObligation>();
    for (int i = 0; i < created.size(); i++) {
      var draft = created.get(i);
      if (draft.projectId() == null && project == null) {
        problems.add("obligations[" + i + "].projectId", Text.key("server.meetings.requiredWhenMeetingConcerns"));
      }
      drafts.add(draft.projectId() == null ? draft.forProject(project) : draft);
    }
    return problems.isEmpty() ? obligations.create(actor, drafts, List.of("meeting:" + open.id()))
        : tx -> problems.orElse(400, () -> Future.succeededFuture(List.of()));
  }

  private static String projectOf(MeetingRepository.Open open, Optional<String> item) {
    return item.orElse(open.projectIds().size() == 1 ? open.projectIds().get(0) : null);
  }

  /** The chair points the room at an agenda item; everyone's view follows. Answers with the meeting. */
  Future<JsonObject> focus(CurrentUser actor, String id, String agendaItemId) {
    return repository.graph().write("meeting:" + id, repository.lockOpen(id)
        .then(open -> allowed(actor, Action.CHAIR, open))
        .then(open -> AgendaRepository.focus(actor.username(), open, agendaItemId)));
  }

  /** Where the people who read the minutes are (LIANDONG_TIMEZONE). */
  java.time.ZoneId zone() {
    return clock.getZone();
  }

  /** Remembers that someone was in the meeting room (called by the live layer). */
  public void recordAttendance(String meetingId, String userId) {
    repository.attend(meetingId, userId).onFailure(e -> LOG.warn("could not record that {} attended {}", userId, meetingId, e));
  }

  /** The record of a meeting: its decisions, the obligations they created, who attended. */
  public Future<JsonObject> minutes(String id) {
    return one(id).compose(meeting -> repository.attendance(id).map(attendance -> Minutes.of(meeting, attendance)));
  }

  private ZonedDateTime now() {
    return ZonedDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MILLIS);
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object value) {
    return value == null ? List.of() : (List<String>) value;
  }
}
