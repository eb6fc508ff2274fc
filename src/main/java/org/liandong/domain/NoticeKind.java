package org.liandong.domain;

import java.util.Arrays;
import java.util.List;

/** What a notification tells; a person may mute any kind. Words for the pages come with GET /api/meta. */
public enum NoticeKind {
  dispatched("交办给本部门的新事项", "New obligation for your department"),
  dueSoon("即将到期", "Due soon"),
  overdue("催办：已逾期", "Reminder: overdue"),
  redLight("挂钩项目亮红灯", "Red light on a project you champion"),
  supervision("督办", "Supervision notice"),
  supervisionEscalated("督办未按期答复，已上报挂钩领导", "Supervision unanswered, escalated to the champions"),
  supervisionAnswered("督办已答复", "Supervision answered"),
  deficiencyDueSoon("容缺补正期限将到", "Deficiency deadline approaching"),
  deficiencyLapsed("容缺期限已过", "Deficiency deadline passed"),
  invited("会议邀请", "Meeting invitation"),
  rescheduled("会议改期", "Meeting rescheduled"),
  extensionRequested("延期申请待审批", "Extension requested"),
  extensionDecided("延期申请已审批", "Extension decided"),
  returned("事项被退回，待改派", "Obligation sent back, to re-dispatch");

  public final String zh;
  public final String en;

  NoticeKind(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }
}
