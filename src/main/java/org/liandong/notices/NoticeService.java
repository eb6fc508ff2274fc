package org.liandong.notices;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.liandong.access.Action;
import org.liandong.access.CurrentUser;
import org.liandong.access.Policy;
import org.liandong.access.Subject;
import org.liandong.domain.NoticeKind;
import org.liandong.domain.QuietHours;
import org.liandong.support.Failure;
import org.liandong.support.Text;

/** A person's notification inbox and mute settings; the 督办 and the department's answers. */
public final class NoticeService {
  private static final Failure.Noun SUPERVISION = Failure.Noun.of("noun.Supervision");
  private final NoticeRepository repository;
  private final Policy policy;
  private final Clock clock;

  public NoticeService(org.liandong.storage.Graph graph, Policy policy, Clock clock) {
    this.repository = new NoticeRepository(graph);
    this.policy = policy;
    this.clock = clock;
  }

  Future<JsonObject> mine(CurrentUser user, boolean unread, int offset, int limit) {
    return repository.mine(user.id(), unread, offset, limit);
  }

  /** Marks some (or, with null, all) of my notifications read; resolves to how many stay unread. */
  Future<Long> read(CurrentUser user, List<String> ids) {
    return repository.read(user.id(), ids).compose(v -> repository.unread(user.id()));
  }

  /**
   * My choices, and the kinds each channel may carry (docs/reach.md): the page offers only those,
   * and an escalation's text message cannot be turned off.
   */
  Future<JsonObject> settings(CurrentUser user) {
    return repository.choices(user.id()).map(c -> {
      var quiet = QuietHours.of(c.quietFrom(), c.quietUntil());
      return new JsonObject().put("muted", new JsonArray(c.muted()))
          .put("notByEmail", new JsonArray(c.notByEmail())).put("notBySms", new JsonArray(c.notBySms()))
          .put("quietFrom", quiet.fromText()).put("quietUntil", quiet.untilText()).put("digest", c.digest())
          .put("byEmail", new JsonArray(NoticeKind.byEmail())).put("bySms", new JsonArray(optional(NoticeKind.bySms())));
    });
  }

  /** The kinds a person may turn off by SMS: all it carries but the urgent (an escalation). */
  private static List<String> optional(List<String> bySms) {
    return bySms.stream().filter(k -> !NoticeKind.urgent().contains(k)).toList();
  }

  /**
   * Records the kinds muted, those not wanted by e-mail or by SMS, the quiet hours for text
   * messages ("HH:mm"; from equal to until: none) and whether the daily digest comes; what is
   * null stays as it was.
   */
  Future<JsonObject> mute(CurrentUser user, Choices choices) {
    check("muted", choices.muted(), NoticeKind.names());
    if (choices.notByEmail() != null) check("notByEmail", choices.notByEmail(), NoticeKind.byEmail());
    if (choices.notBySms() != null) check("notBySms", choices.notBySms(), optional(NoticeKind.bySms()));
    clock("quietFrom", choices.quietFrom());
    clock("quietUntil", choices.quietUntil());
    return repository.choose(user.id(), choices).compose(v -> settings(user));
  }

  private static void clock(String field, String value) {
    if (value != null && !QuietHours.valid(value)) throw Failure.invalid(field, Text.key("server.notices.notClockTime", "value", value));
  }

  private static void check(String field, List<String> kinds, List<String> allowed) {
    var unknown = kinds.stream().filter(k -> !allowed.contains(k)).toList();
    if (!unknown.isEmpty()) {
      throw Failure.invalid(field, Text.key("server.notices.noSuchKindNotification", "unknown", unknown, "names", allowed));
    }
  }

  /** The filters of a 督办 list; null means any. */
  record Filter(String project, String department, String status, String obligation, Boolean open) {}

  Future<JsonArray> supervisions(CurrentUser user, Filter filter, int limit) {
    policy.require(user, Action.READ);
    return repository.supervisions(filter, limit);
  }

  /** The 督办 still waiting for an answer on these projects (for the agenda the graph drafts). */
  public Future<JsonArray> waiting(String projectId) {
    return repository.supervisions(new Filter(projectId, null, null, null, true), 200);
  }

  /**
   * The owing department answers a 督办 with its plan and the day it will be done by (today or
   * later). Once answered it is closed: a second answer is a conflict.
   */
  Future<JsonObject> answer(CurrentUser user, String id, String plan, LocalDate planBy) {
    var today = LocalDate.now(clock);
    if (planBy.isBefore(today)) {
      return Future.failedFuture(Failure.unprocessable("planBy", Text.key("server.notices.dayWillDoneCannot", "today", today)));
    }
    return repository.graph().write(tx -> repository.lock(id).run(tx).compose(found -> {
      if (found.isEmpty()) return Future.failedFuture(Failure.notFound(SUPERVISION, id));
      var locked = found.get();
      return policy.check(user, Action.WORK, new Subject.Department(locked.departmentId())).compose(v -> "answered".equals(locked.status())
          ? Future.failedFuture(Failure.conflict(Text.key("server.notices.supervisionWasAnsweredAlready"),
              org.liandong.support.Json.object(locked.supervision().asMap())))
          : repository.answer(locked, user.username(), plan, planBy, today).run(tx));
    }));
  }
}
