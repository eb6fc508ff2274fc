package org.liandong.chase;

/** What the sweep reads (open work near or past its dates, invitations) and how it writes notices and 督办 once. */
final class ChaseCypher {
  private ChaseCypher() {}

  /** Open obligations due by the horizon, in 容缺, lapsed lately or dispatched lately, with the people each concerns. */
  static final String CANDIDATES = """
      MATCH (d:Department)-[:OWES]->(o:Obligation)-[:FOR]->(p:Project)
      WHERE o.status <> 'done' AND p.archivedAt IS NULL
        AND (o.dueOn <= $horizon OR o.status = 'deficient' OR o.deficiencyExpiredOn >= $since
             OR (o.status = 'dispatched' AND o.dispatchedAt >= $sinceAt))
      RETURN o.id AS id, o.title AS title, o.status AS status, o.dueOn AS dueOn,
             o.deficiencyDueOn AS deficiencyDueOn, o.deficiencyExpiredOn AS expiredOn,
             o.status = 'dispatched' AND o.dispatchedAt >= $sinceAt AS newlyDispatched,
             head([(m:Meeting)<-[:TAKEN_IN]-(:Decision)-[:CREATED]->(o) | m.title]) AS decidedIn,
             d.id AS departmentId, d.name AS departmentName, p.id AS projectId, p.name AS projectName,
             [(u:User)-[:MEMBER_OF]->(d) WHERE u.active AND 'officer' IN u.roles | u.id] AS officers,
             [(u:User)-[:MEMBER_OF]->(d) WHERE u.active AND 'leader' IN u.roles | u.id] AS heads,
             [(l:User)-[:CHAMPIONS]->(p) WHERE l.active | l.id] AS champions,
             EXISTS { (:Robot)-[:OF]->(d) } AS hasRobots
      """;

  /** Scheduled meetings still to come and who is invited: a person by name, or a department's officers. */
  static final String INVITED = """
      MATCH (m:Meeting {status: 'scheduled'})-[:INVITES]->(x)
      WHERE m.startsAt >= $nowAt
      RETURN m.id AS id, m.title AS title, toString(m.startsAt) AS startsAt,
             CASE WHEN x:User THEN [x.id]
                  ELSE [(u:User)-[:MEMBER_OF]->(x) WHERE u.active AND 'officer' IN u.roles | u.id] END AS users
      """;

  /**
   * Which of these keys are already taken (a notice, a 督办, or a department fact its group robots
   * were told: a delivery keyed by the fact and a robot), so a sweep writes only what is new.
   */
  static final String TAKEN = """
      UNWIND $keys AS key
      OPTIONAL MATCH (n:Notice {key: key})
      OPTIONAL MATCH (s:Supervision {key: key})
      WITH key, n, s, CASE WHEN key ENDS WITH '|' + $robots THEN left(key, size(key) - size($robots)) END AS fact
      WITH key WHERE n IS NOT NULL OR s IS NOT NULL OR (fact IS NOT NULL AND EXISTS { MATCH (x:Delivery) WHERE x.key STARTS WITH fact })
      RETURN collect(key) AS taken
      """;

  /** A 督办 opened once per obligation and due date; returns it only when this transaction opened it. */
  static final String OPEN_SUPERVISION = """
      MATCH (o:Obligation {id: $obligationId})
      MERGE (s:Supervision {key: $key})
        ON CREATE SET s.id = randomUUID(), s.obligationId = $obligationId, s.departmentId = $departmentId,
                      s.projectId = $projectId, s.dueOn = o.dueOn, s.openedOn = $today, s.respondBy = $respondBy,
                      s.level = 1, s.status = 'open', s._new = true
      WITH s, o WHERE s._new
      MERGE (s)-[:ABOUT]->(o)
      REMOVE s._new
      RETURN s {.*} AS supervision
      """;

  /** One more 催办 on the obligation's record, for its department's 绩效考核 (a count, not an edit: the version stays). */
  static final String REMINDED = "MATCH (o:Obligation {id: $id}) SET o.reminders = coalesce(o.reminders, 0) + 1";

  /** 督办 past their response deadline without an answer. */
  static final String UNANSWERED = """
      MATCH (s:Supervision {status: 'open'})-[:ABOUT]->(o:Obligation)-[:FOR]->(p:Project)
      WHERE s.respondBy < $today AND p.archivedAt IS NULL
      RETURN s.id AS id, s.key AS key, o.id AS obligationId, o.title AS title, p.id AS projectId, p.name AS projectName,
             s.departmentId AS departmentId, [(l:User)-[:CHAMPIONS]->(p) WHERE l.active | l.id] AS champions
      """;

  /** The second step, once: to the champions. */
  static final String ESCALATE = """
      MATCH (s:Supervision {id: $id, status: 'open'})
      SET s.status = 'escalated', s.level = 2, s.escalatedOn = $today
      RETURN s {.*} AS supervision
      """;
}
