package org.liandong.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.liandong.support.Catalogue;

/**
 * The need workflow: dispatched → accepted → in_progress → done, plus 容缺 accepted with a
 * deficiency deadline, and blocked with a reason. Overdue is derived from dates, never stored.
 * The one statement of the transitions: the API enforces them and GET /api/meta serves them to
 * the pages.
 */
public enum Status {
  dispatched, accepted, in_progress,
  deficient, blocked, done;

  /** Its name in each language, from the catalogue ({@code status.<name>}). */
  public final String zh = Catalogue.zh("status." + name());
  public final String en = Catalogue.en("status." + name());

  public static List<String> names() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }

  /** Where this status may go next; reopening a done obligation is the service office's. */
  public Set<Status> next() {
    return switch (this) {
      case dispatched -> EnumSet.of(accepted, deficient, blocked);
      case accepted -> EnumSet.of(in_progress, deficient, blocked, done);
      case in_progress -> EnumSet.of(done, deficient, blocked);
      case deficient -> EnumSet.of(in_progress, done, blocked);
      case blocked -> EnumSet.of(dispatched, accepted, in_progress, deficient);
      case done -> EnumSet.of(in_progress);
    };
  }

  public boolean canBecome(Status target) {
    return next().contains(target);
  }

  /** Has the owing department taken it on (for the time from dispatch to acceptance)? */
  public boolean accepted() {
    return this != dispatched && this != blocked;
  }
}
