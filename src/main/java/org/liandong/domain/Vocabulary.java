package org.liandong.domain;

import java.util.List;
import java.util.Map;
import org.liandong.support.Catalogue;

/** What an obligation can be: its kinds, tracks and the sources of a company need, with their names. */
public final class Vocabulary {
  private Vocabulary() {}

  /** name → {zh, en}, in display order. */
  public static final Map<String, List<String>> KINDS = ordered("kind.", "approval", "assessment", "site", "permit", "need", "milestone", "task");
  public static final Map<String, List<String>> TRACKS = ordered("track.", "land", "site", "permits", "need");
  public static final Map<String, List<String>> NEED_SOURCES = ordered("need.", "visit", "online", "meeting", "other");
  /** What an officer may change on an obligation its department owes; the rest is the service office's. */
  public static final List<String> WORKFLOW_FIELDS = List.of("status", "note", "deficiencyDueOn", "blockedReason",
      "missingDocuments", "documentsReceived");

  /** Each name with its words {zh, en} from the catalogue ({@code prefix + name}). */
  private static Map<String, List<String>> ordered(String prefix, String... names) {
    var out = new java.util.LinkedHashMap<String, List<String>>();
    for (var name : names) out.put(name, List.of(Catalogue.zh(prefix + name), Catalogue.en(prefix + name)));
    return java.util.Collections.unmodifiableMap(out);
  }
}
