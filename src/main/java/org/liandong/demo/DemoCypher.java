package org.liandong.demo;

final class DemoCypher {
  private DemoCypher() {}

  static final String IS_EMPTY = "MATCH (d:Department) RETURN count(d) = 0 AS empty";

  static final String DEPARTMENTS = """
      UNWIND $rows AS row
      CREATE (d:Department {id: row.id, name: row.name, shortName: row.shortName, level: row.level,
                            version: 1, createdAt: $now, updatedAt: $now})
      WITH d, row WHERE row.parentId IS NOT NULL
      MATCH (p:Department {id: row.parentId})
      CREATE (d)-[:PART_OF]->(p)
      """;

  static final String USERS = """
      UNWIND $rows AS row
      MATCH (d:Department {id: row.departmentId})
      CREATE (u:User {id: row.id, username: row.username, displayName: row.displayName, roles: row.roles,
                      passwordHash: row.passwordHash, kioskKeyHash: row.kioskKeyHash, active: true, version: 1,
                      createdAt: $now, updatedAt: $now})-[:MEMBER_OF]->(d)
      """;

  static final String PROJECTS = """
      UNWIND $rows AS row
      CREATE (p:Project)
      SET p = row.props, p.version = 1, p.createdAt = $now, p.updatedAt = $now
      WITH p, row
      OPTIONAL MATCH (l:User {id: row.liaisonId})
      FOREACH (x IN CASE WHEN l IS NULL THEN [] ELSE [1] END | CREATE (l)-[:LIAISON_FOR]->(p))
      WITH p, row
      UNWIND row.championIds AS championId
      MATCH (u:User {id: championId})
      CREATE (u)-[:CHAMPIONS]->(p)
      """;

  static final String OBLIGATIONS = """
      UNWIND $rows AS row
      MATCH (p:Project {id: row.projectId}), (d:Department {id: row.departmentId})
      CREATE (d)-[:OWES]->(o:Obligation)-[:FOR]->(p)
      SET o = row.props, o.version = 1, o.createdAt = $now, o.updatedAt = $now,
          o.dispatchedAt = coalesce(o.dispatchedAt, $now)
      """;

  static final String DEPENDENCIES = """
      UNWIND $rows AS row
      UNWIND row.dependsOn AS depId
      MATCH (o:Obligation {id: row.id}), (x:Obligation {id: depId})
      CREATE (o)-[:DEPENDS_ON]->(x)
      """;

  static final String MEETINGS = """
      UNWIND $rows AS row
      CREATE (m:Meeting)
      SET m = row.props, m.version = 1, m.createdAt = $now, m.updatedAt = $now
      WITH m, row
      CALL (m, row) {
        UNWIND row.projectIds AS pid
        MATCH (p:Project {id: pid})
        CREATE (m)-[:ABOUT]->(p)
      }
      CALL (m, row) {
        UNWIND range(0, size(row.agenda) - 1) AS i
        WITH m, row.agenda[i] AS item, i
        CREATE (:AgendaItem {id: item.id, title: item.title, projectId: item.projectId, position: i + 1, version: 1})-[:IN]->(m)
      }
      CALL (m, row) {
        UNWIND row.decisions AS d
        CREATE (dc:Decision {id: d.id, text: d.text, agendaItemId: d.agendaItemId, by: d.by, at: d.at})-[:TAKEN_IN]->(m)
        WITH dc, d
        UNWIND d.obligationIds AS oid
        MATCH (o:Obligation {id: oid})
        CREATE (dc)-[:CREATED]->(o)
      }
      """;

  /** When the demo was first loaded here: kept in the graph, so the demo's day runs on across restarts. */
  static final String FIRST_LOADED = """
      MERGE (c:DemoClock {id: 'demo'})
        ON CREATE SET c.firstLoadedAt = $real
      RETURN c.firstLoadedAt AS firstLoadedAt
      """;
}
