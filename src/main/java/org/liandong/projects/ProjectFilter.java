package org.liandong.projects;

/**
 * The list's filters; {@code champion} and {@code liaison} are user ids (a person's own
 * projects); {@code archived}: the archived projects instead of those in the lists.
 */
record ProjectFilter(String stage, String level, String champion, String liaison, boolean archived) {
  ProjectFilter(String stage, String level, String champion) {
    this(stage, level, champion, null, false);
  }

  boolean everything() {
    return stage == null && level == null && champion == null && liaison == null && !archived;
  }

  /** Found from a person (by the index on users) rather than by reading every project. */
  boolean fromPerson() {
    return champion != null || liaison != null;
  }
}
