package org.liandong.obligations;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.liandong.access.Action;
import org.liandong.access.CurrentUser;
import org.liandong.access.Policy;
import org.liandong.access.Subject;
import org.liandong.domain.NoticeKind;
import org.liandong.notices.Notify;
import org.liandong.storage.Graph;
import org.liandong.storage.Locks;
import org.liandong.storage.Node;
import org.liandong.storage.Statement;
import org.liandong.storage.Where;
import org.liandong.storage.Work;
import org.liandong.support.Failure;
import org.liandong.support.Fields.Props;
import org.liandong.support.Text;

/**
 * What the owing department asks of the service office: a later due date (延期申请, approved or
 * refused with a reason) and sending back work that is not theirs (退回, re-dispatched by the
 * office to another department through the obligation's own change of department).
 */
public final class Requests {
  private static final Failure.Noun EXTENSION = Failure.Noun.of("noun.Extension");
  private final Graph graph;
  private final ObligationRepository obligations;
  private final RequestRepository requests;
  private final Policy policy;
  private final Actions actions;
  private final Clock clock;
  private final org.liandong.domain.WorkCalendar calendar;

  public Requests(Graph graph, Policy policy, Clock clock, org.liandong.domain.WorkCalendar calendar) {
    this.graph = graph;
    this.obligations = new ObligationRepository(graph);
    this.requests = new RequestRepository(graph);
    this.policy = policy;
    this.actions = new Actions(policy);
    this.clock = clock;
    this.calendar = calendar;
  }

  /** The owing officer asks for a later due date, with a reason; one request at a time. */
  Future<JsonObject> requestExtension(CurrentUser user, String id, LocalDate dueOn, String reason) {
    var today = LocalDate.now(clock);
    return obligations.writeOn(id, obligations.lockOwned(id).then(owned -> tx -> policy.check(user, Action.WORK, new Subject.Department(owned.departmentId()))
        .compose(v -> open(owned))
        .compose(v -> {
          var current = owned.obligation().date("dueOn");
          if (dueOn.isBefore(today) || (current != null && !dueOn.isAfter(current))) {
            return Future.failedFuture(Failure.unprocessable("dueOn", Text.key("server.obligations.askDateAfterCurrent", "current", current)));
          }
          return requests.pendingOf(id).run(tx);
        })
        .compose(pending -> pending
            ? Future.<RequestRepository.Extension>failedFuture(Failure.conflict(Text.key("server.obligations.extensionRequestObligationWaiting"), null))
            : requests.request(user.username(), owned, dueOn, reason).run(tx))
        .compose(extension -> Notify.office(NoticeKind.extensionRequested, "extension|" + extension.id(), props(owned, Map.of(
            "requestedDueOn", dueOn.toString(), "reason", reason))).run(tx).map(n -> extension.json()))));
  }

  /** The office (the contract's {@code x-action: DISPATCH}) approves (the due date moves) or refuses with a reason; either is told to the department. */
  Future<JsonObject> decide(CurrentUser user, String extensionId, boolean approve, String refusal) {
    if (!approve && (refusal == null || refusal.isBlank())) {
      return Future.failedFuture(Failure.unprocessable("reason", Text.key("server.obligations.sayWhyExtensionRefused")));
    }
    return graph.write(undecided(extensionId).then(request -> decided(user, request, approve, refusal))
        .then(v -> requests.locked(extensionId)).map(after -> after.orElseThrow().json()));
  }

  /** The request, write-locked, while it still waits for a decision. */
  private Work<RequestRepository.Extension> undecided(String extensionId) {
    return requests.locked(extensionId).map(found -> {
      var request = found.orElseThrow(() -> Failure.notFound(EXTENSION, extensionId));
      if (!"pending".equals(request.status())) {
        throw Failure.conflict(Text.key("server.obligations.extensionRequestWasDecided", "status", request.status()), request.json());
      }
      return request;
    });
  }

  /** The decision recorded, the due date moved when approved, the department told. */
  private Work<Integer> decided(CurrentUser user, RequestRepository.Extension request, boolean approve, String refusal) {
    return obligations.lockOwned(request.obligationId()).then(owned -> requests.decide(request.id(), approve, user.username(), refusal)
        .then(v -> approve ? requests.moveDue(user.username(), owned, LocalDate.parse(request.requestedDueOn())) : Work.<Void>of(null))
        .then(v -> Notify.department(owned.departmentId(), NoticeKind.extensionDecided, "extensionDecided|" + request.id(),
            props(owned, Map.of("decision", approve ? "approved" : "refused", "requestedDueOn", request.requestedDueOn(),
                "reason", approve ? "" : refusal)))));
  }

  /** The extension requests waiting on a project's obligations (for the agenda the graph drafts). */
  public Future<JsonArray> pending(String projectId) {
    return extensions("pending", null, projectId, 200);
  }

  Future<JsonArray> extensions(String status, String obligation, String project, int limit) {
    return requests.list(extensionList(status, obligation, project, limit)).map(list -> {
      list.forEach(x -> slip((JsonObject) x));
      return list;
    });
  }

  static Statement extensionList(String status, String obligation, String project, int limit) {
    return Where.of()
        .when("status", status, RequestCypher.BY_STATUS)
        .seek("obligation", obligation, RequestCypher.BY_OBLIGATION, "USING INDEX SEEK o:Obligation(id)")
        .seek("project", project, RequestCypher.BY_PROJECT, "USING INDEX SEEK p:Project(id)")
        .around(RequestCypher.LIST_FROM, RequestCypher.LIST_REST, Map.of("limit", limit));
  }

  /** The working days the request would move the due date by: what the page asks the impact of before approving. */
  private JsonObject slip(JsonObject x) {
    var from = x.getString("previousDueOn");
    var to = x.getString("requestedDueOn");
    if (from != null && to != null) x.put("slipWorkdays", Math.max(1, calendar.workdaysBetween(LocalDate.parse(from), LocalDate.parse(to))));
    return x;
  }

  /** 退回: the owing department sends back work that is not theirs, with the reason, at the version it read. */
  Future<JsonObject> sendBack(CurrentUser user, String id, long version, String reason) {
    return obligations.writeOn(id, obligations.lockOwned(id).then(owned -> tx -> policy.check(user, Action.WORK, new Subject.Department(owned.departmentId()))
        .compose(v -> Locks.expect(Node.Obligation, owned.obligation(), version))
        .compose(v -> open(owned))
        .compose(v -> requests.sendBack(user.username(), owned, reason).run(tx))
        .compose(v -> Notify.office(NoticeKind.returned, "returned|" + id + "|" + version, props(owned, Map.of("reason", reason))).run(tx))))
        .compose(v -> obligations.one(id, LocalDate.now(clock))).map(o -> actions.of(user, o));
  }

  /**
   * Corrects when a done obligation was done (a permit's issue time, 发证时间), with the reason; its
   * department or the service office may; the change log keeps the time before and after.
   */
  Future<JsonObject> correctDoneAt(CurrentUser user, String id, long version, java.time.ZonedDateTime doneAt, String reason) {
    var now = clock.instant();
    return obligations.writeOn(id, obligations.lockOwned(id).then(owned -> tx -> policy.check(user, Action.WORK, new Subject.Department(owned.departmentId()))
        .compose(v -> Locks.expect(Node.Obligation, owned.obligation(), version))
        .compose(before -> plausible(before, doneAt, now))
        .compose(v -> requests.correctDoneAt(user.username(), owned, doneAt, doneAt.withZoneSameInstant(clock.getZone()).toLocalDate(),
            reason).run(tx)))).compose(v -> obligations.one(id, LocalDate.now(clock))).map(o -> actions.of(user, o));
  }

  /** Only a done obligation has an issue time to correct, and the new one is after its dispatch and not in the future. */
  private Future<Void> plausible(Props before, java.time.ZonedDateTime doneAt, java.time.Instant now) {
    if (!"done".equals(before.text("status"))) {
      return Future.failedFuture(Failure.unprocessable("doneAt", Text.key("server.obligations.onlyDoneObligationHas")));
    }
    if (doneAt.toInstant().isAfter(now)) {
      return Future.failedFuture(Failure.unprocessable("doneAt", Text.key("server.obligations.issueTimeCannotFuture")));
    }
    if (before.dateTime("dispatchedAt") instanceof java.time.ZonedDateTime dispatched && doneAt.isBefore(dispatched)) {
      var when = dispatched.withZoneSameInstant(clock.getZone()).toLocalDateTime().withNano(0).toString().replace('T', ' ');
      return Future.failedFuture(Failure.unprocessable("doneAt", Text.key("server.obligations.issueTimeCannotBefore", "when", when)));
    }
    return Future.succeededFuture();
  }

  private static Future<Void> open(ObligationRepository.Owned owned) {
    return "done".equals(owned.obligation().text("status"))
        ? Future.failedFuture(Failure.unprocessable("status", Text.key("server.obligations.obligationDoneAlready")))
        : Future.succeededFuture();
  }

  private static Map<String, Object> props(ObligationRepository.Owned owned, Map<String, Object> more) {
    var props = Notify.about(owned.obligation().id(), owned.obligation().text("title"), owned.projectId(), null);
    props.putAll(more);
    return props;
  }
}
