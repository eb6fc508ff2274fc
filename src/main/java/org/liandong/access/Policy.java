package org.liandong.access;

import io.vertx.core.Future;
import java.util.Optional;
import org.liandong.access.CurrentUser;
import org.liandong.support.Failure;
import org.liandong.support.Text;

/**
 * Who may do what, decided here and nowhere else: every REST handler and every WebSocket
 * subscription asks. README's Roles section says the same in words; PolicyTest walks the
 * whole role × action × subject table.
 */
public final class Policy {

  /** Null when allowed; otherwise why not, in words the person can act on. */
  public Optional<Text> refusal(CurrentUser user, Action action, Subject subject) {
    boolean admin = user.is(Role.ADMIN);
    boolean office = admin || user.is(Role.COORDINATOR);
    return switch (action) {
      case READ -> allow();
      case MANAGE_PROJECTS -> office ? allow() : no(Text.key("server.access.onlyServiceOfficeMay"));
      case DISPATCH -> office ? allow() : no(Text.key("server.access.onlyServiceOfficeMay2"));
      case WORK -> office || (user.is(Role.OFFICER) && departmentOf(subject).equals(user.departmentId())) ? allow()
          : user.is(Role.OFFICER)
          ? no(Text.key("server.access.obligationOwedAnotherDepartment"))
          : no(Text.key("server.access.yourRoleMayOnly"));
      case ENTER_MEETING -> office || user.isAny(Role.LEADER, Role.ANALYST) || invited(user, (Subject.Meeting) subject)
          ? allow() : no(Text.key("server.access.meetingConcernsProjectsYour"));
      case MANAGE_MEETINGS -> office ? allow() : no(Text.key("server.access.onlyServiceOfficeMay3"));
      case DECIDE, CHAIR -> office || champions(user, (Subject.Meeting) subject) ? allow()
          : user.is(Role.LEADER)
          ? no(Text.key("server.access.youChampionNoneMeeting"))
          : no(Text.key("server.access.onlyServiceOfficeProjects"));
      case MANAGE_USERS -> admin ? allow() : no(Text.key("server.access.onlyAdministratorMayManage"));
      case READ_USER, WATCH_USER -> admin || user.id().equals(((Subject.Person) subject).userId()) ? allow()
          : no(Text.key("server.access.personSAccountChannel"));
      case MANAGE_DEPARTMENTS -> admin ? allow() : no(Text.key("server.access.onlyAdministratorMayChange"));
      case MANAGE_TEMPLATES -> admin ? allow() : no(Text.key("server.access.onlyAdministratorMayCreate"));
      case CONSOLE -> user.isAny(Role.ANALYST, Role.ADMIN) ? allow()
          : no(Text.key("server.access.cypherConsoleAnalystsAdministrators"));
      case READ_AUDIT -> admin ? allow() : no(Text.key("server.access.onlyAdministratorMayRead"));
      case MAINTAIN -> admin ? allow() : no(Text.key("server.access.onlyAdministratorMayRebuild"));
      case DELIVERIES -> admin ? allow() : no(Text.key("server.access.onlyAdministratorMayDeliveries"));
      case RECEIPTS -> office || user.is(Role.LEADER) ? allow() : no(Text.key("server.access.onlyOfficeLeadersReceipts"));
      case READ_SAVED -> admin || owns(user, subject) || sharedWith(user, (Subject.Saved) subject) ? allow()
          : no(Text.key("server.access.savedQueryNotShared"));
      case EDIT_SAVED -> admin || owns(user, subject) ? allow()
          : no(Text.key("server.access.onlyOwnerAdministratorMay"));
    };
  }

  /** The actions a person may take whatever the object, for the pages to offer only those (GET /api/me). */
  public io.vertx.core.json.JsonObject abilities(CurrentUser user) {
    var may = new io.vertx.core.json.JsonObject();
    for (var action : java.util.List.of(Action.MANAGE_PROJECTS, Action.DISPATCH, Action.MANAGE_MEETINGS, Action.MANAGE_USERS,
        Action.MANAGE_DEPARTMENTS, Action.MANAGE_TEMPLATES, Action.CONSOLE, Action.READ_AUDIT, Action.RECEIPTS,
        Action.DELIVERIES)) {
      may.put(action.name(), allows(user, action, Subject.NONE));
    }
    return may;
  }

  /** Throws 403 unless allowed. */
  public void require(CurrentUser user, Action action, Subject subject) {
    refusal(user, action, subject).ifPresent(text -> {
      throw new Failure.Forbidden(text);
    });
  }

  public void require(CurrentUser user, Action action) {
    require(user, action, Subject.NONE);
  }

  /** The same decision as a future, for the middle of a chain. */
  public Future<Void> check(CurrentUser user, Action action, Subject subject) {
    return refusal(user, action, subject).<Future<Void>>map(text -> Future.failedFuture(new Failure.Forbidden(text)))
        .orElseGet(Future::succeededFuture);
  }

  public boolean allows(CurrentUser user, Action action, Subject subject) {
    return refusal(user, action, subject).isEmpty();
  }

  private static String departmentOf(Subject subject) {
    return subject instanceof Subject.Department d && d.id() != null ? d.id() : "";
  }

  private static boolean invited(CurrentUser user, Subject.Meeting meeting) {
    return meeting.invitedUserIds().contains(user.id())
        || (user.departmentId() != null && meeting.departmentIds().contains(user.departmentId()));
  }

  private static boolean champions(CurrentUser user, Subject.Meeting meeting) {
    return user.is(Role.LEADER) && meeting.championIds().contains(user.id());
  }

  private static boolean owns(CurrentUser user, Subject subject) {
    return subject instanceof Subject.Saved s && user.id().equals(s.ownerId());
  }

  private static boolean sharedWith(CurrentUser user, Subject.Saved saved) {
    return user.roles().stream().anyMatch(r -> saved.sharedWith().contains(r.key()));
  }

  private static Optional<Text> allow() {
    return Optional.empty();
  }

  private static Optional<Text> no(Text message) {
    return Optional.of(message);
  }
}
