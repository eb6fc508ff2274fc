package org.liandong.schedule;

import org.liandong.projects.LandToStart;
import org.liandong.projects.Light;

final class KpiCypher {
  private KpiCypher() {}

  /**
   * The figures the battle map opens with. Key projects are those at city level or above
   * (市级及以上重点); 开工率 counts the new ones that have started.
   */
  static final String OVERVIEW = """
      MATCH (p:Project)
      WITH collect(p) AS ps
      WITH ps,
           [p IN ps WHERE p.level IN ['province', 'city']] AS key,
           [p IN ps WHERE p.signedOn >= $from AND p.signedOn <= $to AND p.investmentYi >= 1] AS signed
      WITH ps, key, signed, [p IN key WHERE p.`new`] AS keyNew
      RETURN size(ps) AS projects,
             [s IN $stages | {stage: s, count: size([p IN ps WHERE p.stage = s]),
                              investmentYi: reduce(t = 0.0, p IN [p IN ps WHERE p.stage = s] | t + p.investmentYi)}] AS byStage,
             size(key) AS keyProjects,
             size(keyNew) AS keyNewProjects,
             size([p IN keyNew WHERE p.stage IN ['started', 'producing']]) AS keyNewStarted,
             size(signed) AS signedCount,
             reduce(t = 0.0, p IN signed | t + p.investmentYi) AS signedInvestmentYi,
             reduce(t = 0.0, p IN ps | t + p.investmentYi) AS totalInvestmentYi
      """;

  /**
   * Per department: what it holds now (open, overdue, 容缺 outstanding and expired) and its
   * 绩效考核 for the period ($from–$to, days; $fromAt–$toAt, instants): of the work due in the
   * period, how much is settled (done, or past its due date) and done on time; how fast the work
   * dispatched in the period was accepted; 催办 and extension requests on the work due in the
   * period; 督办 opened in the period and answered on time; 容缺 due in the period and lapsed.
   */
  static final String DEPARTMENTS = """
      MATCH (d:Department)-[:OWES]->(o:Obligation)
      WITH d, o, o.status AS status, o.dueOn >= $from AND o.dueOn <= $to AS due,
           o.dispatchedAt >= $fromAt AND o.dispatchedAt < $toAt AS dispatched,
           o.deficiencyDueOn >= $from AND o.deficiencyDueOn <= $to AS deficiencyDue
      RETURN d.id AS id, d.name AS name, count(o) AS owed,
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
             count(CASE WHEN deficiencyDue AND o.deficiencyExpiredOn IS NOT NULL THEN 1 END) AS lapses,
             COUNT { (s:Supervision) WHERE s.departmentId = d.id AND s.openedOn >= $from AND s.openedOn <= $to } AS supervisions,
             COUNT { (s:Supervision) WHERE s.departmentId = d.id AND s.openedOn >= $from AND s.openedOn <= $to
                     AND s.onTime } AS supervisionsAnsweredOnTime
      ORDER BY overdue DESC, name
      """.formatted(Light.OVERDUE, Light.LAPSED);

  /** Per leader: the projects they champion, with what their lights read ({@link Light}). */
  static final String LEADERS = """
      MATCH (u:User)-[:CHAMPIONS]->(p:Project)
      """ + Light.COUNTS + """
      RETURN u.id AS id, u.displayName AS name,
             collect(p {.id, .stage, .targetCompleteOn, overdue: overdue, deficiencyExpired: deficiencyExpired,
                        atRisk: atRisk}) AS projects
      ORDER BY name
      """;

  /** Each permit bundle (五证联发): from the first permit to the last. */
  static final String PERMITS = """
      MATCH (p:Project)<-[:FOR]-(o:Obligation {kind: 'permit'})
      WITH p, count(o) AS total, count(o.doneAt) AS issued, min(o.doneAt) AS first, max(o.doneAt) AS last
      RETURN p.id AS id, p.name AS name, total, issued, toString(first) AS firstIssuedAt,
             CASE WHEN total = issued THEN duration.inSeconds(first, last).seconds END AS spanSeconds,
             CASE WHEN issued > 0 AND total > issued THEN duration.inSeconds(first, $now).seconds END AS runningSeconds
      """;

  /** 拿地即开工 for the projects that started in the period. */
  static final String LAND_TO_START = """
      MATCH (p:Project) WHERE p.startedOn >= $from AND p.startedOn <= $to
      """ + LandToStart.OF_PROJECT + """
      WITH p, landAcquiredOn, landToStartDays WHERE landToStartDays IS NOT NULL
      RETURN p.id AS id, p.name AS name, landAcquiredOn, p.startedOn AS startedOn, landToStartDays AS days
      ORDER BY days, name
      """;

  static final String NEEDS = """
      MATCH (o:Obligation {kind: 'need'})
      RETURN o.status AS status, o.feedback IS NOT NULL AS responded, o.evaluation IS NOT NULL AS evaluated,
             CASE WHEN o.doneAt IS NOT NULL AND o.dispatchedAt IS NOT NULL AND o.doneAt >= o.dispatchedAt
                  THEN duration.inSeconds(o.dispatchedAt, o.doneAt).seconds END AS handledSeconds
      """;

  /** For 序时: each project's signing-to-completion window and how much of its work is done. */
  static final String PROGRESS = """
      MATCH (p:Project)
      WHERE p.signedOn IS NOT NULL AND p.targetCompleteOn IS NOT NULL AND p.targetCompleteOn > p.signedOn
      OPTIONAL MATCH (p)<-[:FOR]-(o:Obligation)
      WITH p, sum(coalesce(o.durationDays, 1)) AS total,
           sum(CASE WHEN o.status = 'done' THEN coalesce(o.durationDays, 1) ELSE 0 END) AS done, count(o) AS obligations
      RETURN p.id AS id, p.investmentYi AS investmentYi, p.signedOn AS signedOn, p.targetCompleteOn AS targetCompleteOn,
             p.stage AS stage, p.level IN ['province', 'city'] AS key, obligations, total, done
      """;
}
