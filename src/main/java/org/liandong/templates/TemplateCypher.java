package org.liandong.templates;

final class TemplateCypher {
  private TemplateCypher() {}

  static final String CURRENT = "MATCH (t:Template {current: true}) RETURN t {.*} AS t ORDER BY t.key";

  static final String ONE = "MATCH (t:Template {key: $key, current: true}) RETURN t {.*} AS t";

  static final String VERSION = "MATCH (t:Template {key: $key, version: $version}) RETURN t {.*} AS t";

  static final String VERSIONS = """
      MATCH (t:Template {key: $key})
      RETURN t.version AS version, t.updatedBy AS updatedBy, toString(t.updatedAt) AS updatedAt
      ORDER BY t.version DESC
      """;

  /** The current version, write-locked (two edits of one template are one after the other). */
  static final String LOCK = """
      MATCH (t:Template {key: $key, current: true})
      SET t._lock = true REMOVE t._lock
      RETURN t {.*} AS t
      """;

  /** The next version becomes the current one; the one before is kept (a project names the version it was built with). */
  static final String SAVE = """
      OPTIONAL MATCH (old:Template {key: $props.key, current: true})
      SET old.current = false
      WITH count(old) AS replaced
      CREATE (t:Template)
      SET t = $props, t.current = true, t.updatedBy = $by, t.updatedAt = $now
      RETURN t {.*} AS t
      """;
}
