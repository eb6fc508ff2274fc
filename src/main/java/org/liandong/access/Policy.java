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
      case MANAGE_PROJECTS -> office ? allow() : no("only the service office may register and change projects",
          "只有推进办可以登记和修改项目");
      case DISPATCH -> office ? allow() : no("only the service office may dispatch obligations or change what they are",
          "只有推进办可以交办事项或修改事项内容");
      case WORK -> office || (user.is(Role.OFFICER) && departmentOf(subject).equals(user.departmentId())) ? allow()
          : user.is(Role.OFFICER)
          ? no("this obligation is owed by another department; you may work only on your own department's",
              "该事项由其他部门承办，您只能办理本部门的事项")
          : no("your role may only read obligations", "您的角色只能查看事项");
      case ENTER_MEETING -> office || user.isAny(Role.LEADER, Role.ANALYST) || invited(user, (Subject.Meeting) subject)
          ? allow() : no("this meeting concerns projects your department has no part in; ask the service office to invite you",
              "本次会议涉及的项目与您的部门无关，如需参会请联系推进办邀请");
      case MANAGE_MEETINGS -> office ? allow() : no("only the service office may schedule and run meetings",
          "只有推进办可以安排和主持会议");
      case DECIDE, CHAIR -> office || champions(user, (Subject.Meeting) subject) ? allow()
          : user.is(Role.LEADER)
          ? no("you champion none of this meeting's projects; decisions here are for their leaders and the service office",
              "您未挂钩本次会议的项目，此处的决定由挂钩领导和推进办作出")
          : no("only the service office and the projects' leaders may decide or chair in a meeting",
              "只有推进办和挂钩领导可以在会上作出决定或主持议题");
      case MANAGE_USERS -> admin ? allow() : no("only an administrator may manage accounts", "只有管理员可以管理账号");
      case READ_USER, WATCH_USER -> admin || user.id().equals(((Subject.Person) subject).userId()) ? allow()
          : no("a person's account and channel are theirs alone", "账号和个人频道仅限本人");
      case MANAGE_DEPARTMENTS -> admin ? allow() : no("only an administrator may change departments", "只有管理员可以修改部门");
      case MANAGE_TEMPLATES -> admin ? allow() : no("only an administrator may create and edit track templates", "只有管理员可以新建和修改事项模板");
      case CONSOLE -> user.isAny(Role.ANALYST, Role.ADMIN) ? allow()
          : no("the Cypher console is for analysts and administrators", "图查询仅供分析人员和管理员使用");
      case READ_AUDIT -> admin ? allow() : no("only an administrator may read the console audit", "只有管理员可以查看查询审计");
      case MAINTAIN -> admin ? allow() : no("only an administrator may rebuild the read model", "只有管理员可以重建统计数据");
      case READ_SAVED -> admin || owns(user, subject) || sharedWith(user, (Subject.Saved) subject) ? allow()
          : no("this saved query is not shared with you", "该查询未与您共享");
      case EDIT_SAVED -> admin || owns(user, subject) ? allow()
          : no("only its owner (or an administrator) may change a saved query", "只有创建者（或管理员）可以修改该查询");
    };
  }

  /** The actions a person may take whatever the object, for the pages to offer only those (GET /api/me). */
  public io.vertx.core.json.JsonObject abilities(CurrentUser user) {
    var may = new io.vertx.core.json.JsonObject();
    for (var action : java.util.List.of(Action.MANAGE_PROJECTS, Action.DISPATCH, Action.MANAGE_MEETINGS, Action.MANAGE_USERS,
        Action.MANAGE_DEPARTMENTS, Action.MANAGE_TEMPLATES, Action.CONSOLE, Action.READ_AUDIT)) {
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

  private static Optional<Text> no(String en, String zh) {
    return Optional.of(Text.of(en, zh));
  }
}
