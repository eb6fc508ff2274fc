package org.liandong.obligations;

import org.liandong.domain.LightCypher;

final class ObligationCypher {
  private ObligationCypher() {}

  static final String FIELDS = """
      o {.*, projectId: p.id, projectCode: p.code, projectName: p.name,
         departmentId: d.id, departmentName: d.name,
         dependsOn: [(o)-[:DEPENDS_ON]->(x:Obligation) | x {.id, .title, .status}],
         dependents: [(o)<-[:DEPENDS_ON]-(x:Obligation) | x {.id, .title, .status}],
         pendingExtension: head([(x:Extension {status: 'pending'})-[:EXTENDS]->(o) |
                                 x {.id, .reason, .requestedBy, requestedDueOn: toString(x.requestedDueOn)}]),
         overdue: %s,
         deficiencyExpired: %s,
         needStage: CASE WHEN o.kind <> 'need' THEN null
                         WHEN o.evaluation IS NOT NULL THEN 'evaluated'
                         WHEN o.feedback IS NOT NULL THEN 'responded'
                         WHEN o.status = 'done' THEN 'handled'
                         WHEN o.status = 'dispatched' THEN 'dispatched'
                         ELSE 'handling' END}""".formatted(LightCypher.OVERDUE, LightCypher.LAPSED);

  /** The list's pattern; its WHERE is built from the filters given (ObligationRepository.list). */
  static final String MATCH = "MATCH (d:Department)-[:OWES]->(o:Obligation)-[:FOR]->(p:Project)\n";
  static final String BY_DEPARTMENT = "d.id = $department";
  static final String BY_PROJECT = "p.id = $project";
  static final String BY_STATUS = "o.status IN $statuses";
  static final String BY_TRACK = "o.track = $track";
  static final String BY_KIND = "o.kind = $kind";
  static final String BY_TEXT = "o.title CONTAINS $text";
  static final String NOT_ARCHIVED = "p.archivedAt IS NULL";
  static final String OVERDUE = LightCypher.OVERDUE;
  static final String NOT_OVERDUE = "NOT " + LightCypher.OVERDUE;

  /** Most urgent first: overdue, then open by due date, done last. */
  static final String PAGE = """
      WITH d, o, p
      ORDER BY CASE WHEN o.status = 'done' THEN 2 WHEN o.dueOn < $today THEN 0 ELSE 1 END, o.dueOn, o.title
      SKIP $offset LIMIT $limit
      RETURN %s AS obligation
      """.formatted(FIELDS);

  static final String COUNT = "RETURN count(o) AS total";

  static final String ONE = """
      MATCH (d:Department)-[:OWES]->(o:Obligation {id: $id})-[:FOR]->(p:Project)
      RETURN %s AS obligation
      """.formatted(FIELDS);

  static final String TRACKED = """
      MATCH (:Project {id: $projectId})<-[:FOR]-(o:Obligation) WHERE o.track IN ['land', 'site', 'permits']
      RETURN o.id AS id, o.title AS title
      """;

  /** Every obligation of a project, write-locked (a re-plan reads them under the lock and writes their due dates). */
  static final String LOCK_PROJECT = """
      MATCH (:Project {id: $projectId})<-[:FOR]-(o:Obligation)
      SET o._lock = true
      REMOVE o._lock
      """;

  /** New due dates, each obligation's version moved; answers each as it was and as it is, with its department. */
  static final String REDATE = """
      UNWIND $rows AS row
      MATCH (d:Department)-[:OWES]->(o:Obligation {id: row.id})
      WITH o, d, row, o {.*} AS before
      SET o.dueOn = row.dueOn, o.version = o.version + 1, o.updatedAt = $now
      RETURN o.id AS id, d.id AS departmentId, before, o {.*} AS after
      """;

  /** Write-locks the obligation, then reads it with who owes it and for which project. */
  static final String LOCK_OWNED = """
      MATCH (o:Obligation {id: $id})
      SET o._lock = true
      REMOVE o._lock
      WITH o
      MATCH (d:Department)-[:OWES]->(o)-[:FOR]->(p:Project)
      RETURN o {.*} AS o, d.id AS departmentId, p.id AS projectId
      """;

  static final String CREATE = """
      MATCH (p:Project {id: $projectId}), (d:Department {id: $departmentId})
      CREATE (d)-[:OWES]->(o:Obligation)-[:FOR]->(p)
      SET o = $fields, o.id = $id, o.status = 'dispatched', o.version = 1,
          o.createdAt = $now, o.updatedAt = $now, o.dispatchedAt = $now
      WITH o
      UNWIND $dependsOn AS depId
      MATCH (x:Obligation {id: depId})
      CREATE (o)-[:DEPENDS_ON]->(x)
      """;

  static final String PROPS = "MATCH (o:Obligation {id: $id}) RETURN o {.*} AS o";

  static final String UPDATE = """
      MATCH (o:Obligation {id: $id})
      SET o += $changes, o.version = o.version + 1, o.updatedAt = $now
      RETURN o {.*} AS o
      """;

  /** The same update, answering also with the obligation as {@link #ONE} shows it. */
  static final String UPDATE_AND_SHOW = """
      MATCH (d:Department)-[:OWES]->(o:Obligation {id: $id})-[:FOR]->(p:Project)
      SET o += $changes, o.version = o.version + 1, o.updatedAt = $now
      RETURN o {.*} AS o, %s AS obligation
      """.formatted(FIELDS);

  static final String REASSIGN = """
      MATCH (o:Obligation {id: $id})<-[r:OWES]-(:Department)
      DELETE r
      WITH DISTINCT o
      MATCH (d:Department {id: $departmentId})
      CREATE (d)-[:OWES]->(o)
      """;

  /** A path from the would-be prerequisite back to the obligation means the new edge closes a loop. */
  static final String LOOP = """
      MATCH path = (x:Obligation {id: $dependsOn})-[:DEPENDS_ON*0..]->(o:Obligation {id: $id})
      RETURN [n IN nodes(path) | n.title] AS loop LIMIT 1
      """;

  static final String LINK = """
      MATCH (o:Obligation {id: $id}), (x:Obligation {id: $dependsOn})
      MERGE (o)-[:DEPENDS_ON]->(x)
      """;

  static final String UNLINK = """
      MATCH (o:Obligation {id: $id})-[r:DEPENDS_ON]->(x:Obligation {id: $dependsOn})
      DELETE r RETURN count(r) AS removed
      """;

  /** How many depend on it, and what it depends on (kept in the log when it is deleted). */
  static final String DEPENDENTS = """
      MATCH (o:Obligation {id: $id})
      RETURN COUNT { (o)<-[:DEPENDS_ON]-() } AS n, [(o)-[:DEPENDS_ON]->(x:Obligation) | x.id] AS dependsOn
      """;

  static final String DELETE = "MATCH (o:Obligation {id: $id}) DETACH DELETE o";

  /** 容缺 acceptances whose deadline has passed and nobody has been told yet. */
  static final String EXPIRED_DEFICIENCIES = """
      MATCH (d:Department)-[:OWES]->(o:Obligation {status: 'deficient'})-[:FOR]->(p:Project)
      WHERE o.deficiencyDueOn < $today AND o.deficiencyExpiredOn IS NULL AND p.archivedAt IS NULL
        // every document on the 补正材料清单 received: nothing lapses (the officer moves it on)
        AND (o.missingDocuments IS NULL OR size(coalesce(o.documentsReceived, [])) < size(o.missingDocuments))
      RETURN o.id AS id, d.id AS departmentId, p.id AS projectId LIMIT 500
      """;

  static final String MARK_EXPIRED = """
      MATCH (o:Obligation {id: $id})
      WHERE o.status = 'deficient' AND o.deficiencyExpiredOn IS NULL
      // the acceptance lapses: blocked until the documents come (the officer accepts it again with a new deadline)
      SET o.deficiencyExpiredOn = $today, o.status = 'blocked', o.blockedReason = $reason,
          o.version = o.version + 1, o.updatedAt = $now
      RETURN o {.*} AS o
      """;
}
