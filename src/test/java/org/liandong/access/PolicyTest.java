package org.liandong.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole role × action × subject table, as docs/roles.md states it. Each row says
 * who may; everyone else must be refused with words in both languages.
 */
@DisplayName("The one access policy")
class PolicyTest {
  private static final Policy POLICY = new Policy();

  static final CurrentUser ADMIN = user("u-admin", Role.ADMIN, null);
  static final CurrentUser COORDINATOR = user("u-coord", Role.COORDINATOR, "d-office");
  static final CurrentUser HOUSING = user("u-housing", Role.OFFICER, "d-housing");
  static final CurrentUser PLANNING = user("u-planning", Role.OFFICER, "d-planning");
  static final CurrentUser LEADER = user("u-leader", Role.LEADER, null);
  static final CurrentUser OTHER_LEADER = user("u-leader-2", Role.LEADER, null);
  static final CurrentUser ANALYST = user("u-analyst", Role.ANALYST, null);
  static final List<CurrentUser> EVERYONE = List.of(ADMIN, COORDINATOR, HOUSING, PLANNING, LEADER, OTHER_LEADER, ANALYST);

  /** A meeting about a project u-leader champions, owed on by 住建 and with 资规 not involved. */
  static final Subject.Meeting MEETING = new Subject.Meeting(Set.of("d-housing"), Set.of(), Set.of("u-leader"));
  static final Subject.Meeting PLANNING_INVITED = new Subject.Meeting(Set.of("d-housing", "d-planning"), Set.of(), Set.of("u-leader"));
  static final Subject.Meeting PERSON_INVITED = new Subject.Meeting(Set.of("d-housing"), Set.of("u-planning"), Set.of("u-leader"));
  static final Subject.Saved PRIVATE = new Subject.Saved("u-analyst", List.of());
  static final Subject.Saved SHARED_WITH_OFFICERS = new Subject.Saved("u-analyst", List.of("officer"));

  static Stream<Arguments> table() {
    return Stream.of(
        row(Action.READ, Subject.NONE, EVERYONE),
        row(Action.MANAGE_PROJECTS, Subject.NONE, List.of(ADMIN, COORDINATOR)),
        row(Action.DISPATCH, Subject.NONE, List.of(ADMIN, COORDINATOR)),
        row(Action.WORK, new Subject.Department("d-housing"), List.of(ADMIN, COORDINATOR, HOUSING)),
        row(Action.WORK, new Subject.Department("d-planning"), List.of(ADMIN, COORDINATOR, PLANNING)),
        row(Action.ENTER_MEETING, MEETING, List.of(ADMIN, COORDINATOR, HOUSING, LEADER, OTHER_LEADER, ANALYST)),
        row(Action.ENTER_MEETING, PLANNING_INVITED, EVERYONE),
        row(Action.ENTER_MEETING, PERSON_INVITED, EVERYONE),
        row(Action.MANAGE_MEETINGS, Subject.NONE, List.of(ADMIN, COORDINATOR)),
        row(Action.DECIDE, MEETING, List.of(ADMIN, COORDINATOR, LEADER)),
        row(Action.CHAIR, MEETING, List.of(ADMIN, COORDINATOR, LEADER)),
        row(Action.MANAGE_USERS, Subject.NONE, List.of(ADMIN)),
        row(Action.READ_USER, new Subject.Person("u-housing"), List.of(ADMIN, HOUSING)),
        row(Action.WATCH_USER, new Subject.Person("u-leader"), List.of(ADMIN, LEADER)),
        row(Action.MANAGE_DEPARTMENTS, Subject.NONE, List.of(ADMIN)),
        row(Action.MANAGE_TEMPLATES, Subject.NONE, List.of(ADMIN)),
        row(Action.CONSOLE, Subject.NONE, List.of(ADMIN, ANALYST)),
        row(Action.READ_AUDIT, Subject.NONE, List.of(ADMIN)),
        row(Action.MAINTAIN, Subject.NONE, List.of(ADMIN)),
        row(Action.DELIVERIES, Subject.NONE, List.of(ADMIN)),
        row(Action.RECEIPTS, Subject.NONE, List.of(ADMIN, COORDINATOR, LEADER, OTHER_LEADER)),
        row(Action.READ_SAVED, PRIVATE, List.of(ADMIN, ANALYST)),
        row(Action.READ_SAVED, SHARED_WITH_OFFICERS, List.of(ADMIN, ANALYST, HOUSING, PLANNING)),
        row(Action.EDIT_SAVED, SHARED_WITH_OFFICERS, List.of(ADMIN, ANALYST)));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("table")
  @DisplayName("each action on each subject is allowed to exactly the people the table names")
  void matrix(Action action, Subject subject, List<CurrentUser> allowed) {
    for (var user : EVERYONE) {
      var refusal = POLICY.refusal(user, action, subject);
      if (allowed.contains(user)) {
        assertThat(refusal).as(user.username() + " may " + action).isEmpty();
      } else {
        assertThat(refusal).as(user.username() + " may not " + action).isPresent();
        assertThat(refusal.get().en()).isNotBlank();
        assertThat(refusal.get().zh()).isNotBlank();
      }
    }
  }

  @Test
  @DisplayName("the table covers every action there is")
  void everyAction() {
    var covered = EnumSet.noneOf(Action.class);
    table().forEach(a -> covered.add((Action) a.get()[0]));
    assertThat(covered).containsExactlyInAnyOrder(Action.values());
  }

  @Test
  @DisplayName("a person with two roles may do what either allows")
  void twoRoles() {
    var both = new CurrentUser("u-both", "both", "两者", Set.of(Role.OFFICER, Role.ANALYST), "d-housing", "住建");
    assertThat(POLICY.allows(both, Action.CONSOLE, Subject.NONE)).isTrue();
    assertThat(POLICY.allows(both, Action.WORK, new Subject.Department("d-housing"))).isTrue();
    assertThat(POLICY.allows(both, Action.WORK, new Subject.Department("d-planning"))).isFalse();
  }

  private static Arguments row(Action action, Subject subject, List<CurrentUser> allowed) {
    return Arguments.of(action, subject, new ArrayList<>(allowed));
  }

  private static CurrentUser user(String id, Role role, String departmentId) {
    return new CurrentUser(id, id.substring(2), id, Set.of(role), departmentId, departmentId);
  }
}
