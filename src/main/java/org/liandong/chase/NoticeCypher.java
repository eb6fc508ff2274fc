package org.liandong.chase;

/** A person's notifications, their settings, and the 督办 with their answers. */
final class NoticeCypher {
  private NoticeCypher() {}

  static final String MINE = """
      MATCH (n:Notice {userId: $userId})
      WHERE NOT $unread OR n.readAt IS NULL
      RETURN n {.*, key: null, at: toString(n.at), readAt: toString(n.readAt)} AS notice
      ORDER BY n.at DESC SKIP $offset LIMIT $limit
      """;

  static final String UNREAD = "MATCH (n:Notice {userId: $userId}) WHERE n.readAt IS NULL RETURN count(n) AS unread";

  static final String READ_SOME = """
      UNWIND $ids AS id
      MATCH (n:Notice {id: id, userId: $userId}) WHERE n.readAt IS NULL
      SET n.readAt = datetime()
      """;

  static final String READ_ALL = "MATCH (n:Notice {userId: $userId}) WHERE n.readAt IS NULL SET n.readAt = datetime()";

  static final String MUTED = "MATCH (u:User {id: $userId}) RETURN coalesce(u.mutedNotices, []) AS muted";

  static final String MUTE = "MATCH (u:User {id: $userId}) SET u.mutedNotices = $muted";

  private static final String SUPERVISION = """
      s {.id, .level, .status, .plan, .answeredBy, .onTime, dueOn: toString(s.dueOn), openedOn: toString(s.openedOn),
         respondBy: toString(s.respondBy), planBy: toString(s.planBy), answeredOn: toString(s.answeredOn),
         escalatedOn: toString(s.escalatedOn), obligationId: o.id, title: o.title, projectId: p.id, projectName: p.name,
         departmentId: d.id, departmentName: d.name}""";

  static final String SUPERVISIONS = """
      MATCH (s:Supervision)-[:ABOUT]->(o:Obligation)-[:FOR]->(p:Project), (d:Department)-[:OWES]->(o)
      WHERE ($project IS NULL OR p.id = $project) AND ($department IS NULL OR d.id = $department)
        AND ($status IS NULL OR s.status = $status) AND ($obligation IS NULL OR o.id = $obligation)
        AND ($open IS NULL OR (s.status IN ['open', 'escalated']) = $open)
      RETURN %s AS supervision ORDER BY s.openedOn DESC, s.id LIMIT $limit
      """.formatted(SUPERVISION);

  /** One 督办, write-locked, with what its answer needs: whose it is, and who is told. */
  static final String LOCK_SUPERVISION = """
      MATCH (s:Supervision {id: $id})-[:ABOUT]->(o:Obligation)-[:FOR]->(p:Project), (d:Department)-[:OWES]->(o)
      SET s._lock = true REMOVE s._lock
      RETURN %s AS supervision,
             [(l:User)-[:CHAMPIONS]->(p) WHERE l.active | l.id]
               + COLLECT { MATCH (u:User) WHERE u.active AND 'coordinator' IN u.roles RETURN u.id } AS told
      """.formatted(SUPERVISION);

  static final String ANSWER = """
      MATCH (s:Supervision {id: $id})
      SET s.status = 'answered', s.plan = $plan, s.planBy = $planBy, s.answeredOn = $today, s.answeredBy = $by,
          s.onTime = $today <= s.respondBy
      RETURN s {.*} AS supervision
      """;
}
