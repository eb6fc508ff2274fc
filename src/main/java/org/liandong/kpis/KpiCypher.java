package org.liandong.kpis;

import org.liandong.domain.LightCypher;

final class KpiCypher {
  private KpiCypher() {}

  /** Every project, or (with $ids) the projects a commit touched, each sought by id. */
  static final String ALL_PROJECTS = "MATCH (p:Project)\n";
  static final String SOME_PROJECTS = "UNWIND $ids AS id MATCH (p:Project {id: id})\n";

  /**
   * One row per project with everything the battle map's figures take from it: its own fields,
   * the counts its light reads ({@link LightCypher#COUNTS}), 拿地即开工, its permit bundle (五证联发), its
   * work by duration for 序时, its champions and its needs. The figures over many projects are
   * kept as running totals in Java ({@link KpiTotals}), so a changed project is read again alone.
   */
  static final String PROJECT_ROWS = LightCypher.COUNTS + LightCypher.LAND_TO_START + """
      CALL (p) {
        // from the project to its work, then the permits among it: filtered after WITH, so the
        // planner starts from the project and never scans the index of every obligation's kind
        OPTIONAL MATCH (p)<-[:FOR]-(o:Obligation)
        WITH o WHERE o.kind = 'permit'
        RETURN count(o) AS permits, count(o.doneAt) AS permitsIssued, min(o.doneAt) AS firstIssuedAt, max(o.doneAt) AS lastIssuedAt
      }
      CALL (p) {
        OPTIONAL MATCH (p)<-[:FOR]-(o:Obligation)
        WITH o WHERE o.kind = 'need'
        RETURN collect({status: o.status, responded: o.feedback IS NOT NULL, evaluated: o.evaluation IS NOT NULL,
               handledSeconds: CASE WHEN o.doneAt IS NOT NULL AND o.dispatchedAt IS NOT NULL AND o.doneAt >= o.dispatchedAt
                                    THEN duration.inSeconds(o.dispatchedAt, o.doneAt).seconds END}) AS needs
      }
      CALL (p) {
        OPTIONAL MATCH (p)<-[:FOR]-(o:Obligation)
        RETURN sum(coalesce(o.durationDays, 1)) AS work,
               sum(CASE WHEN o.status = 'done' THEN coalesce(o.durationDays, 1) ELSE 0 END) AS workDone
      }
      RETURN p.id AS id, p.name AS name, p.stage AS stage, p.level AS level, coalesce(p.`new`, false) AS isNew,
             p.investmentYi AS investmentYi, p.signedOn AS signedOn, p.startedOn AS startedOn, p.targetCompleteOn AS targetCompleteOn,
             obligations, overdue, deficiencyExpired, atRisk, landAcquiredOn, landToStartDays,
             permits, permitsIssued, firstIssuedAt, lastIssuedAt, work, workDone,
             [(u:User)-[:CHAMPIONS]->(p) | {id: u.id, name: u.displayName}] AS champions, needs
      """;

  /** Every department that owes work, or (with $ids) the departments a commit touched. */
  static final String ALL_DEPARTMENTS = "MATCH (d:Department)-[:OWES]->(o:Obligation)\n";
  static final String SOME_DEPARTMENTS = "UNWIND $ids AS id MATCH (d:Department {id: id})-[:OWES]->(o:Obligation)\n";

  /**
   * Per department: what it holds now (open, overdue, 容缺 outstanding and expired) and its
   * 绩效考核 for the period ($from–$to, days; $fromAt–$toAt, instants): of the work due in the
   * period, how much is settled (done, or past its due date) and done on time; how fast the work
   * dispatched in the period was accepted; 催办 and extension requests on the work due in the
   * period; 督办 opened in the period and answered on time; 容缺 due in the period and lapsed.
   */
  static final String DEPARTMENT_ROWS = """
      WITH d, o, o.status AS status, o.dueOn >= $from AND o.dueOn <= $to AS due,
           o.dispatchedAt >= $fromAt AND o.dispatchedAt < $toAt AS dispatched,
           o.deficiencyDueOn >= $from AND o.deficiencyDueOn <= $to AS deficiencyDue
      WITH d, count(o) AS owed,
           count(CASE WHEN status = 'done' THEN 1 END) AS done,
           count(CASE WHEN %s THEN 1 END) AS overdue,
           count(CASE WHEN status = 'deficient' THEN 1 END) AS deficient,
           count(CASE WHEN %s THEN 1 END) AS deficiencyExpired,
           count(CASE WHEN due THEN 1 END) AS due,
           count(CASE WHEN due AND (status = 'done' OR o.dueOn < $today) THEN 1 END) AS settled,
           count(CASE WHEN due AND status = 'done' AND o.doneOn <= o.dueOn THEN 1 END) AS doneOnTime,
           collect(CASE WHEN dispatched AND o.acceptedAt IS NOT NULL
                        THEN duration.inSeconds(o.dispatchedAt, o.acceptedAt).seconds END) AS acceptSeconds,
           sum(CASE WHEN due THEN coalesce(o.reminders, 0) ELSE 0 END) AS reminders,
           sum(CASE WHEN due THEN COUNT { (x:Extension)-[:EXTENDS]->(o) } ELSE 0 END) AS extensions,
           count(CASE WHEN deficiencyDue THEN 1 END) AS deficienciesDue,
           count(CASE WHEN deficiencyDue AND o.deficiencyExpiredOn IS NOT NULL THEN 1 END) AS lapses
      // the department's 督办, once per department (not once per obligation), sought by its index
      CALL (d) {
        OPTIONAL MATCH (s:Supervision) WHERE s.departmentId = d.id AND s.openedOn >= $from AND s.openedOn <= $to
        RETURN count(s) AS supervisions, count(CASE WHEN s.onTime THEN 1 END) AS supervisionsAnsweredOnTime
      }
      RETURN d.id AS id, d.name AS name, d.shortName AS shortName, owed, done, overdue, deficient, deficiencyExpired, due, settled, doneOnTime,
             acceptSeconds, reminders, extensions, deficienciesDue, lapses, supervisions, supervisionsAnsweredOnTime
      """.formatted(LightCypher.OVERDUE, LightCypher.LAPSED);

  /** Each department's open work and how much of it is late on {@code $today} (as the light counts it), for /metrics. */
  static final String OPEN_AND_LATE = """
      MATCH (d:Department)
      OPTIONAL MATCH (d)-[:OWES]->(o:Obligation)
      WHERE o.status <> 'done'
      RETURN d.id AS id, d.name AS name, count(o) AS open, count(CASE WHEN %s THEN 1 END) AS late
      """.formatted(LightCypher.OVERDUE);
}
