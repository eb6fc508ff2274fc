package org.liandong.projects;

import org.liandong.domain.LightCypher;
final class ProjectCypher {
  private ProjectCypher() {}

  /** A project with who champions it, its liaison, and the state of its obligations as of $today (its light: {@link Light}). */
  static final String SUMMARY = LightCypher.COUNTS + LightCypher.LAND_TO_START + """
      RETURN p {.*,
                champions: [(p)<-[:CHAMPIONS]-(u:User) | u {.id, .displayName}],
                liaison: head([(p)<-[:LIAISON_FOR]-(u:User) | u {.id, .displayName}]),
                obligations: obligations, open: open,
                overdue: overdue, deficiencyExpired: deficiencyExpired, atRisk: atRisk,
                landAcquiredOn: landAcquiredOn, landToStartDays: landToStartDays
               } AS project
      """;

  /** The list, its WHERE built from the filters given (see ProjectRepository.list). */
  static final String LIST_FROM = "MATCH (p:Project)\n";
  /** An archived project has left the lists (it stays in the history and in the figures of its periods). */
  static final String NOT_ARCHIVED = "p.archivedAt IS NULL";
  static final String ARCHIVED = "p.archivedAt IS NOT NULL";
  /** The kept battle-map list's reads: every project still in the lists, or those of these ids that are. */
  static final String LISTED = "MATCH (p:Project) WHERE " + NOT_ARCHIVED + "\n";
  static final String LISTED_OF = "UNWIND $ids AS id MATCH (p:Project {id: id}) WHERE " + NOT_ARCHIVED + "\n";
  static final String BY_STAGE = "p.stage = $stage";
  static final String BY_LEVEL = "p.level = $level";
  /** A leader's projects, found from the leader (by the index) rather than by reading every project. */
  static final String FROM_CHAMPION = "MATCH (champion:User {id: $champion})-[:CHAMPIONS]->(p:Project) USING INDEX SEEK champion:User(id)\n";
  /** The projects a person is the liaison of (专人对接), found from the person. */
  static final String FROM_LIAISON = "MATCH (liaison:User {id: $liaison})-[:LIAISON_FOR]->(p:Project) USING INDEX SEEK liaison:User(id)\n";
  static final String BY_LIAISON = "EXISTS { (:User {id: $liaisonUser})-[:LIAISON_FOR]->(p) }";
  static final String LIST_ORDER = " ORDER BY p.signedOn DESC, p.code";

  static final String ONE = "MATCH (p:Project {id: $id})\n" + SUMMARY;

  static final String CREATE = """
      CREATE (p:Project)
      SET p = $fields, p.id = $id, p.version = 1, p.createdAt = $now, p.updatedAt = $now
      RETURN p {.*} AS project
      """;

  static final String UPDATE = """
      MATCH (p:Project {id: $id})
      SET p += $changes, p.version = p.version + 1, p.updatedAt = $now
      RETURN p {.*} AS project
      """;

  /** Of the ids given, those that are not users with the leader role. */
  static final String NOT_LEADERS = """
      UNWIND $champions AS id
      OPTIONAL MATCH (u:User {id: id}) WHERE 'leader' IN u.roles
      WITH id, u WHERE u IS NULL
      RETURN collect(id) AS missing
      """;

  static final String SET_CHAMPIONS = """
      MATCH (p:Project {id: $id})
      OPTIONAL MATCH (p)<-[r:CHAMPIONS]-(:User)
      DELETE r
      WITH DISTINCT p
      UNWIND $champions AS userId
      MATCH (u:User {id: userId})
      CREATE (u)-[:CHAMPIONS]->(p)
      """;

  static final String SET_LIAISON = """
      MATCH (p:Project {id: $id})
      OPTIONAL MATCH (p)<-[r:LIAISON_FOR]-(:User)
      DELETE r
      WITH DISTINCT p
      MATCH (u:User {id: $liaisonId})
      CREATE (u)-[:LIAISON_FOR]->(p)
      """;

  static final String IN_USE = """
      MATCH (p:Project {id: $id})
      RETURN COUNT { (p)<-[:FOR]-(:Obligation) } AS obligations, COUNT { (p)<-[:ABOUT]-(:Meeting) } AS meetings
      """;

  static final String DELETE = "MATCH (p:Project {id: $id}) DETACH DELETE p";

  /** The template a project's tracks were built from, at its version (a fact about the tracks, not an edit: the version stays). */
  static final String BUILT_FROM = "MATCH (p:Project {id: $id}) SET p.templateKey = $key, p.templateVersion = $version";

  /** 归档: the project leaves the lists; restoring brings it back. */
  static final String ARCHIVE = """
      MATCH (p:Project {id: $id})
      SET p.archivedAt = $now, p.archivedBy = $by, p.archiveReason = $reason, p.version = p.version + 1, p.updatedAt = $now
      RETURN p {.*} AS project
      """;
  static final String RESTORE = """
      MATCH (p:Project {id: $id})
      REMOVE p.archivedAt, p.archivedBy, p.archiveReason
      SET p.version = p.version + 1, p.updatedAt = $now
      RETURN p {.*} AS project
      """;

  static final String CHANGES = """
      MATCH (c:Change {projectId: $id})
      WITH c ORDER BY c.at DESC SKIP $offset LIMIT $limit
      OPTIONAL MATCH (u:User {username: c.actor})
      RETURN c {.*, at: toString(c.at), actorName: u.displayName} AS change
      ORDER BY c.at DESC
      """;

  static final String EXISTS = "MATCH (p:Project {id: $id}) RETURN p.id AS id";

  /** The five permits issued together (五证联发): the project's permits and when each was issued. */
  static final String PERMITS = """
      MATCH (p:Project {id: $id})<-[:FOR]-(o:Obligation {kind: 'permit'})
      OPTIONAL MATCH (d:Department)-[:OWES]->(o)
      WITH o, d ORDER BY o.doneAt, o.title
      RETURN collect(o {.id, .title, .status, issuedAt: toString(o.doneAt), departmentName: d.name}) AS permits,
             toString(min(o.doneAt)) AS firstIssuedAt, toString(max(o.doneAt)) AS lastIssuedAt,
             count(o) AS total, count(o.doneAt) AS issued,
             CASE WHEN count(o) > 0 AND count(o) = count(o.doneAt)
                  THEN duration.inSeconds(min(o.doneAt), max(o.doneAt)).seconds END AS spanSeconds,
             CASE WHEN count(o.doneAt) > 0 AND count(o) > count(o.doneAt)
                  THEN duration.inSeconds(min(o.doneAt), $now).seconds END AS runningSeconds
      """;
}
