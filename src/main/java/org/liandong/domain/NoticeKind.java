package org.liandong.domain;

import java.util.Arrays;
import java.util.List;
import org.liandong.support.Catalogue;

/**
 * What a notification tells; a person may mute any kind. Words for the pages come with GET
 * /api/meta. Some kinds also leave the app (docs/reach.md): new work, 督办, escalations and
 * invitations by e-mail, 督办 and escalations by text message too; an escalation is urgent (a
 * text message is not held back for the night).
 */
public enum NoticeKind {
  dispatched(Push.EMAIL),
  dueSoon,
  overdue,
  redLight,
  supervision(Push.EMAIL_AND_SMS),
  supervisionEscalated(Push.URGENT),
  supervisionAnswered,
  deficiencyDueSoon,
  deficiencyLapsed,
  invited(Push.EMAIL),
  rescheduled,
  extensionRequested,
  extensionDecided,
  returned;

  /** How a kind leaves the app by default. */
  public enum Push { NONE, EMAIL, EMAIL_AND_SMS, URGENT }

  public final Push push;

  NoticeKind() {
    this(Push.NONE);
  }

  NoticeKind(Push push) {
    this.push = push;
  }

  /** The kinds sent by e-mail, by text message, and those a text message sends at night too. */
  public static List<String> byEmail() {
    return Arrays.stream(values()).filter(k -> k.push != Push.NONE).map(Enum::name).toList();
  }

  public static List<String> bySms() {
    return Arrays.stream(values()).filter(k -> k.push == Push.EMAIL_AND_SMS || k.push == Push.URGENT).map(Enum::name).toList();
  }

  /**
   * The kinds their person acknowledges (签收): a 督办, its escalation, an invitation. Their
   * e-mail carries a receipt link; the office sees who received, opened and acknowledged each.
   */
  public boolean acknowledged() {
    return this == supervision || this == supervisionEscalated || this == invited;
  }

  public static List<String> acknowledgedKinds() {
    return Arrays.stream(values()).filter(NoticeKind::acknowledged).map(Enum::name).toList();
  }

  /** The kinds that send nothing on their own: the daily digest gathers those still unread. */
  public static List<String> quiet() {
    return Arrays.stream(values()).filter(k -> k.push == Push.NONE).map(Enum::name).toList();
  }

  public static List<String> urgent() {
    return Arrays.stream(values()).filter(k -> k.push == Push.URGENT).map(Enum::name).toList();
  }

  /** Its name in each language, from the catalogue ({@code notice.kind.<name>}). */
  public final String zh = Catalogue.zh("notice.kind." + name());
  public final String en = Catalogue.en("notice.kind." + name());

  public static List<String> names() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }
}
