package org.liandong.obligations;

import java.util.List;

/** The list's filters; {@code text}: a part of the title. */
record ObligationFilter(String department, String project, List<String> statuses, String track, String kind, Boolean overdue,
                        String text) {
  ObligationFilter(String department, String project, List<String> statuses, String track, String kind, Boolean overdue) {
    this(department, project, statuses, track, kind, overdue, null);
  }
}
