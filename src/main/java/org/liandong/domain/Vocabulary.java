package org.liandong.domain;

import java.util.List;
import java.util.Map;

/** What an obligation can be: its kinds, tracks and the sources of a company need, with their names. */
public final class Vocabulary {
  private Vocabulary() {}

  /** name → {zh, en}, in display order. */
  public static final Map<String, List<String>> KINDS = ordered(
      "approval", "审批", "Approval", "assessment", "评估", "Assessment", "site", "场地", "Site work",
      "permit", "证照", "Permit", "need", "企业诉求", "Company need", "milestone", "节点", "Milestone", "task", "任务", "Task");
  public static final Map<String, List<String>> TRACKS = ordered(
      "land", "土地农转用报批", "Land-use approval", "site", "场地前期整理", "Site preparation",
      "permits", "项目报审报建", "Permit applications", "need", "企业诉求", "Company needs");
  public static final Map<String, List<String>> NEED_SOURCES = ordered(
      "visit", "走访收集", "Visit", "online", "线上反映", "Online", "meeting", "会议提出", "Meeting", "other", "其他", "Other");
  /** What an officer may change on an obligation its department owes; the rest is the service office's. */
  public static final List<String> WORKFLOW_FIELDS = List.of("status", "note", "deficiencyDueOn", "blockedReason",
      "missingDocuments", "documentsReceived");

  private static Map<String, List<String>> ordered(String... triples) {
    var out = new java.util.LinkedHashMap<String, List<String>>();
    for (int i = 0; i < triples.length; i += 3) out.put(triples[i], List.of(triples[i + 1], triples[i + 2]));
    return java.util.Collections.unmodifiableMap(out);
  }
}
