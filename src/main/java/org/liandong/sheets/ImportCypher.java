package org.liandong.sheets;

/** The import's statements: what it checks the sheet against, and its writes, each over a whole batch (UNWIND). */
final class ImportCypher {
  private ImportCypher() {}

  static final String DEPARTMENTS = "MATCH (d:Department) RETURN d.id AS id, d.name AS name";

  static final String USERS = """
      MATCH (u:User) RETURN u.id AS id, u.username AS username, u.displayName AS displayName,
             coalesce(u.roles, []) AS roles, coalesce(u.active, true) AS active
      """;

  /** The projects the sheet names by code, with their people and obligations (each obligation's owner and prerequisites). */
  static final String PROJECTS = """
      UNWIND $codes AS code
      MATCH (p:Project {code: code})
      RETURN p {.*} AS project,
             [(u:User)-[:CHAMPIONS]->(p) | u.id] AS champions,
             head([(u:User)-[:LIAISON_FOR]->(p) | u.id]) AS liaison,
             [(d:Department)-[:OWES]->(o:Obligation)-[:FOR]->(p) |
               o {.id, .title, .track, .dueOn, .durationDays, .version, .status, departmentId: d.id,
                  dependsOn: [(o)-[:DEPENDS_ON]->(x:Obligation) | x.id]}] AS obligations
      """;

  /** Of the versions the dry run saw, those of one label that moved since (locking each until the commit). */
  static String stale(String label) {
    return """
        UNWIND $expected AS e
        MATCH (n:%s {id: e.id})
        SET n._lock = true
        REMOVE n._lock
        WITH n, e WHERE n.version <> e.version
        RETURN n.id AS id, coalesce(n.code, n.title) AS name, n.version AS version
        """.formatted(label);
  }

  /** Of the ids the dry run saw, those that are gone since. */
  static String gone(String label) {
    return "UNWIND $expected AS e OPTIONAL MATCH (n:%s {id: e.id}) WITH e WHERE n IS NULL RETURN e.id AS id".formatted(label);
  }

  static final String CREATE_PROJECTS = """
      UNWIND $rows AS row
      CREATE (p:Project)
      SET p = row.fields, p.id = row.id, p.version = 1, p.createdAt = $now, p.updatedAt = $now
      RETURN p {.*} AS project
      """;

  static final String UPDATE_PROJECTS = """
      UNWIND $rows AS row
      MATCH (p:Project {id: row.id})
      SET p += row.changes, p.version = p.version + 1, p.updatedAt = $now
      RETURN p {.*} AS project
      """;

  /** Champions and liaison of the projects given (each project's replaced). */
  static final String PEOPLE = """
      UNWIND $rows AS row
      MATCH (p:Project {id: row.id})
      CALL (p, row) {
        WITH p, row WHERE row.champions IS NOT NULL
        OPTIONAL MATCH (p)<-[r:CHAMPIONS]-(:User)
        DELETE r
        WITH DISTINCT p, row
        UNWIND row.champions AS userId
        MATCH (u:User {id: userId})
        CREATE (u)-[:CHAMPIONS]->(p)
      }
      CALL (p, row) {
        WITH p, row WHERE row.liaisonGiven
        OPTIONAL MATCH (p)<-[r:LIAISON_FOR]-(:User)
        DELETE r
        WITH DISTINCT p, row WHERE row.liaison IS NOT NULL
        MATCH (u:User {id: row.liaison})
        CREATE (u)-[:LIAISON_FOR]->(p)
      }
      """;

  static final String CREATE_OBLIGATIONS = """
      UNWIND $rows AS row
      MATCH (p:Project {id: row.projectId}), (d:Department {id: row.departmentId})
      CREATE (d)-[:OWES]->(o:Obligation)-[:FOR]->(p)
      SET o = row.fields, o.id = row.id, o.status = 'dispatched', o.version = 1,
          o.createdAt = $now, o.updatedAt = $now, o.dispatchedAt = $now
      RETURN o {.*} AS o
      """;

  static final String UPDATE_OBLIGATIONS = """
      UNWIND $rows AS row
      MATCH (o:Obligation {id: row.id})
      SET o += row.changes, o.version = o.version + 1, o.updatedAt = $now
      WITH o, row WHERE row.departmentId IS NOT NULL
      MATCH (o)<-[r:OWES]-(:Department)
      DELETE r
      WITH DISTINCT o, row
      MATCH (d:Department {id: row.departmentId})
      CREATE (d)-[:OWES]->(o)
      """;

  static final String LINK = """
      UNWIND $links AS l
      MATCH (o:Obligation {id: l.from}), (x:Obligation {id: l.to})
      MERGE (o)-[:DEPENDS_ON]->(x)
      """;

  static final String SAVE_DRY_RUN = """
      CREATE (i:Import {id: $id, actor: $actor, sha256: $sha256, createdAt: $now, expected: $expected})
      """;

  static final String DRY_RUN = "MATCH (i:Import {id: $id}) RETURN i.actor AS actor, i.sha256 AS sha256, i.expected AS expected, i.createdAt AS createdAt";

  /** Spends the dry run, first thing in its commit's transaction: a second commit of it finds none (and waits for the first's lock). */
  static final String SPEND_DRY_RUN = "OPTIONAL MATCH (i:Import {id: $id}) DELETE i RETURN count(i) AS spent";

  /** Dry runs past their day, for the retention sweep. */
  static final String OLD_DRY_RUNS = """
      MATCH (i:Import) WHERE i.createdAt < $cutoff
      WITH i LIMIT $batch
      DELETE i
      RETURN count(*) AS deleted
      """;

  /** A department and a leader to name in the template's example rows. */
  static final String EXAMPLE_NAMES = """
      CALL () { MATCH (d:Department) RETURN d.name AS department ORDER BY d.name LIMIT 1 }
      CALL () { OPTIONAL MATCH (u:User) WHERE 'leader' IN u.roles AND coalesce(u.active, true) RETURN u.displayName AS leader ORDER BY u.displayName LIMIT 1 }
      RETURN department, leader
      """;
}
