package org.liandong.live;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A live channel: {@code project:<id>}, {@code meeting:<id>}, {@code department:<id>},
 * {@code user:<id>}, or {@code projects:all} (projects created and deleted).
 */
record Channel(String kind, String id) {
  static final List<String> KINDS = List.of("project", "meeting", "department", "user", "projects");
  private static final Pattern FORMAT = Pattern.compile("(project|meeting|department|user|projects):([\\w.-]{1,100})");
  /** Projects created and deleted: the lists of every project follow it. */
  static final Channel PROJECTS = new Channel("projects", "all");

  /** Null when the text is not a channel name. */
  static Channel parse(String text) {
    if (text == null) return null;
    var m = FORMAT.matcher(text);
    return m.matches() ? new Channel(m.group(1), m.group(2)) : null;
  }

  String name() {
    return kind + ":" + id;
  }

  boolean isMeeting() {
    return "meeting".equals(kind);
  }
}
