package org.liandong.obligations;

import java.util.List;
import org.liandong.support.Fields;

/** What an obligation may carry, validated the same way wherever one is created or edited. */
public final class ObligationFields {
  public static final List<String> KINDS =
      List.of("approval", "assessment", "site", "permit", "need", "milestone", "task");
  public static final List<String> TRACKS = List.of("land", "site", "permits", "need");
  public static final List<String> NEED_SOURCES = List.of("visit", "online", "meeting", "other");
  /** What an officer may change on an obligation its department owes. */
  static final List<String> OFFICER_FIELDS = List.of("status", "note", "deficiencyDueOn", "blockedReason");

  private ObligationFields() {}

  /** The fields of a new obligation; the caller adds what it requires. */
  public static Fields forCreate(Fields f) {
    f.require("departmentId", "title", "dueOn");
    f.text("projectId", 100);
    common(f);
    f.textList("dependsOn", 50, 100);
    f.choice("needSource", NEED_SOURCES);
    if ("need".equals(f.values().get("kind")) && f.values().get("needSource") == null) {
      f.fail("needSource", "is required for a company need: one of " + String.join(", ", NEED_SOURCES));
    }
    return f;
  }

  static Fields forUpdate(Fields f) {
    common(f);
    f.choice("status", Status.names());
    f.date("deficiencyDueOn");
    f.text("blockedReason", 500);
    f.text("feedback", 2000);
    f.integer("evaluation", 1, 5);
    f.text("evaluationNote", 1000);
    return f;
  }

  private static void common(Fields f) {
    f.text("departmentId", 100);
    f.text("title", 200);
    f.choice("kind", KINDS);
    f.choice("track", TRACKS);
    f.date("dueOn");
    f.integer("durationDays", 0, 3650);
    f.bool("assisted");
    f.text("note", 2000);
  }
}
