package org.liandong.obligations;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The need workflow: dispatched → accepted → in_progress → done, plus 容缺 accepted with a
 * deficiency deadline, and blocked with a reason. Overdue is derived from dates, never stored.
 */
public enum Status {
  dispatched, accepted, in_progress, deficient, blocked, done;

  public static List<String> names() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }

  Set<Status> next() {
    return switch (this) {
      case dispatched -> EnumSet.of(accepted, deficient, blocked);
      case accepted -> EnumSet.of(in_progress, deficient, blocked, done);
      case in_progress -> EnumSet.of(done, deficient, blocked);
      case deficient -> EnumSet.of(in_progress, done, blocked);
      case blocked -> EnumSet.of(dispatched, accepted, in_progress, deficient);
      case done -> EnumSet.of(in_progress);
    };
  }

  boolean canBecome(Status target) {
    return next().contains(target);
  }

  /** Has the owning department taken it on (for the time from dispatch to acceptance)? */
  boolean accepted() {
    return this != dispatched && this != blocked;
  }
}
