package org.liandong.console;

final class ConsoleCypher {
  private ConsoleCypher() {}

  static final String AUDIT = """
      CREATE (:ConsoleAudit {id: randomUUID(), at: datetime(), userId: $userId, username: $username,
                             cypher: $cypher, params: $params, durationMs: $durationMs, rows: $rows,
                             refused: $refused, reason: $reason})
      """;

  static final String AUDIT_PAGE = """
      MATCH (a:ConsoleAudit)
      WHERE $userId IS NULL OR a.userId = $userId
      RETURN a {.*, at: toString(a.at)} AS entry ORDER BY a.at DESC SKIP $offset LIMIT $limit
      """;

  static final String SAVED_VISIBLE = """
      MATCH (q:SavedQuery)-[:OWNED_BY]->(u:User)
      WHERE u.id = $userId OR any(r IN q.sharedWith WHERE r IN $roles) OR $admin
      RETURN q {.*, ownerId: u.id, ownerName: u.displayName} AS query ORDER BY q.name
      """;

  static final String SAVED_ONE = """
      MATCH (q:SavedQuery {id: $id})-[:OWNED_BY]->(u:User)
      RETURN q {.*, ownerId: u.id, ownerName: u.displayName} AS query
      """;

  static final String SAVE = """
      MATCH (u:User {id: $userId})
      CREATE (q:SavedQuery)-[:OWNED_BY]->(u)
      SET q = $fields, q.id = $id, q.version = 1, q.createdAt = datetime(), q.updatedAt = datetime()
      """;

  static final String UPDATE = """
      MATCH (q:SavedQuery {id: $id})
      SET q += $changes, q.version = q.version + 1, q.updatedAt = datetime()
      """;

  static final String LOCK = """
      MATCH (q:SavedQuery {id: $id})-[:OWNED_BY]->(u:User)
      SET q._lock = true WITH q, u REMOVE q._lock
      RETURN q.version AS version, u.id AS ownerId
      """;

  static final String DELETE = "MATCH (q:SavedQuery {id: $id}) DETACH DELETE q";

  static final String TILES = """
      MATCH (q:SavedQuery {onBattleMap: true})-[:OWNED_BY]->(u:User)
      RETURN q {.*, ownerName: u.displayName} AS query ORDER BY q.name LIMIT 12
      """;
}
