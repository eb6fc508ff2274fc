package org.liandong.domain;

import java.util.Arrays;
import java.util.List;
import org.liandong.support.Catalogue;

/** What a notification tells; a person may mute any kind. Words for the pages come with GET /api/meta. */
public enum NoticeKind {
  dispatched,
  dueSoon,
  overdue,
  redLight,
  supervision,
  supervisionEscalated,
  supervisionAnswered,
  deficiencyDueSoon,
  deficiencyLapsed,
  invited,
  rescheduled,
  extensionRequested,
  extensionDecided,
  returned;

  /** Its name in each language, from the catalogue ({@code notice.kind.<name>}). */
  public final String zh = Catalogue.zh("notice.kind." + name());
  public final String en = Catalogue.en("notice.kind." + name());

  public static List<String> names() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }
}
