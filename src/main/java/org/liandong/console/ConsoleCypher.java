package org.liandong.console;

/**
 * The console's own records keep property names of their own (statement, queryName, loggedAt…),
 * none of which an analyst's query may name ({@link Reach}): an unlabelled pattern that happens
 * on an audit entry or someone's private saved query finds nothing it can read.
 */
final class ConsoleCypher {
  private ConsoleCypher() {}

  static final String AUDIT = """
      CREATE (:ConsoleAudit {auditId: randomUUID(), loggedAt: $now, auditedUserId: $userId,
                             auditedUser: $username, statement: $cypher, statementParams: $params,
                             durationMs: $durationMs, resultRows: $rows, refused: $refused, reason: $reason, reasonZh: $reasonZh})
      """;

  static final String AUDIT_FROM = "MATCH (a:ConsoleAudit)\n";
  static final String BY_USER = "a.auditedUserId = $userId";
  static final String AUDIT_REST = """
      RETURN {id: a.auditId, at: toString(a.loggedAt), userId: a.auditedUserId, username: a.auditedUser,
              cypher: a.statement, params: a.statementParams, durationMs: a.durationMs, rows: a.resultRows,
              refused: a.refused, reason: a.reason, reasonZh: coalesce(a.reasonZh, a.reason)} AS entry
      ORDER BY a.loggedAt DESC SKIP $offset LIMIT $limit""";

  /** A saved query as the API names its fields. */
  private static final String SAVED = """
      {id: q.id, version: q.version, name: q.queryName, description: q.queryDescription, cypher: q.statement,
       params: q.statementParams, sharedWith: q.sharedWith, onBattleMap: q.onBattleMap, display: coalesce(q.tileDisplay, 'auto'),
       createdAt: q.savedAt, updatedAt: q.changedAt, ownerId: u.id, ownerName: u.displayName}""";

  static final String SAVED_VISIBLE = """
      MATCH (q:SavedQuery)-[:OWNED_BY]->(u:User)
      WHERE u.id = $userId OR any(r IN q.sharedWith WHERE r IN $roles) OR $admin
      RETURN %s AS query ORDER BY q.queryName
      """.formatted(SAVED);

  static final String SAVED_ONE = """
      MATCH (q:SavedQuery {id: $id})-[:OWNED_BY]->(u:User)
      RETURN %s AS query
      """.formatted(SAVED);

  static final String SAVE = """
      MATCH (u:User {id: $userId})
      CREATE (q:SavedQuery)-[:OWNED_BY]->(u)
      SET q = $fields, q.id = $id, q.version = 1, q.savedAt = $now, q.changedAt = $now
      """;

  static final String UPDATE = """
      MATCH (q:SavedQuery {id: $id})
      SET q += $changes, q.version = q.version + 1, q.changedAt = $now
      """;

  static final String LOCK = """
      MATCH (q:SavedQuery {id: $id})-[:OWNED_BY]->(u:User)
      SET q._lock = true WITH q, u REMOVE q._lock
      RETURN q.version AS version, u.id AS ownerId, q.sharedWith AS sharedWith
      """;

  static final String DELETE = "MATCH (q:SavedQuery {id: $id}) DETACH DELETE q";

  static final String TILES = """
      MATCH (q:SavedQuery {onBattleMap: true})-[:OWNED_BY]->(u:User)
      RETURN %s AS query ORDER BY q.queryName LIMIT 12
      """.formatted(SAVED);

  /** Audit entries older than the retention, a batch at a time. */
  static final String OLD_AUDIT = """
      MATCH (a:ConsoleAudit) WHERE a.loggedAt < $cutoff
      WITH a LIMIT $batch
      DELETE a
      RETURN count(*) AS deleted
      """;

  /** The transactions of one console run, by the metadata its read was tagged with (and only the person's own). */
  static final String RUNNING = """
      SHOW TRANSACTIONS YIELD transactionId, metaData
      WHERE metaData.consoleRun = $run AND metaData.consoleUser = $user
      RETURN transactionId
      """;

  static final String TERMINATE = "TERMINATE TRANSACTIONS $ids";

  /** Counts from the count store, one row per domain label and relationship type (the text is built from {@link Reach}, never from input). */
  static final String SCHEMA_COUNTS = java.util.stream.Stream.concat(
          Reach.LABELS.keySet().stream().sorted().map(l -> "MATCH (n:" + l + ") RETURN 'label' AS kind, '" + l + "' AS name, count(n) AS count"),
          Reach.TYPES.keySet().stream().sorted().map(t -> "MATCH ()-[r:" + t + "]->() RETURN 'type' AS kind, '" + t + "' AS name, count(r) AS count"))
      .collect(java.util.stream.Collectors.joining("\nUNION ALL\n"));

  static final String PROPERTY_KEYS = "CALL db.propertyKeys() YIELD propertyKey RETURN collect(propertyKey) AS keys";

  /** The API's field names as the node stores them (see SAVE and SAVED_ONE). */
  private static final java.util.Map<String, String> STORED = java.util.Map.of("name", "queryName", "description", "queryDescription",
      "cypher", "statement", "params", "statementParams", "sharedWith", "sharedWith", "onBattleMap", "onBattleMap", "display", "tileDisplay");

  /** A saved query's fields as its node stores them (its parameters as JSON text). */
  static java.util.Map<String, Object> stored(org.liandong.support.Fields fields) {
    var props = new java.util.HashMap<String, Object>();
    fields.asMap().forEach((k, v) -> props.put(STORED.get(k), v instanceof io.vertx.core.json.JsonObject o ? o.encode() : v));
    return props;
  }
}
