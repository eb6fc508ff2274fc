package org.liandong.access;

import java.util.List;
import java.util.Set;

/** What an action is about, with the facts the policy needs to decide on it. */
public sealed interface Subject {
  /** An action about nothing in particular (a role decides it). */
  record None() implements Subject {}

  /** Work a department owes. */
  record Department(String id) implements Subject {}

  /**
   * A meeting: the departments in it (owing on its projects, or invited), the people invited
   * by name, and the champions of its projects.
   */
  record Meeting(Set<String> departmentIds, Set<String> invitedUserIds, Set<String> championIds) implements Subject {}

  /** A person's own things. */
  record Person(String userId) implements Subject {}

  /** A saved console query: its owner and the roles it is shared with. */
  record Saved(String ownerId, List<String> sharedWith) implements Subject {}

  Subject NONE = new None();
}
