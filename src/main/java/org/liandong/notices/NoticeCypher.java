package org.liandong.notices;

/** A person's notifications, their settings, and the 督办 with their answers. */
final class NoticeCypher {
  private NoticeCypher() {}

  static final String MINE = """
      MATCH (n:Notice {userId: $userId})
      WHERE NOT $unread OR n.readAt IS NULL
      RETURN n {.*, key: null, at: toString(n.at), readAt: toString(n.readAt), openedAt: toString(n.openedAt),
                acknowledgedAt: toString(n.acknowledgedAt), acknowledgedVia: n.acknowledgedVia, asksReceipt: n.kind IN $receipts} AS notice
      ORDER BY n.at DESC SKIP $offset LIMIT $limit
      """;

  static final String UNREAD = "MATCH (n:Notice {userId: $userId}) WHERE n.readAt IS NULL RETURN count(n) AS unread";

  static final String READ_SOME = """
      UNWIND $ids AS id
      MATCH (n:Notice {id: id, userId: $userId}) WHERE n.readAt IS NULL
      SET n.readAt = $now
      """;

  static final String READ_ALL = "MATCH (n:Notice {userId: $userId}) WHERE n.readAt IS NULL SET n.readAt = $now";

  static final String MUTED = """
      MATCH (u:User {id: $userId})
      RETURN coalesce(u.mutedNotices, []) AS muted, coalesce(u.notByEmail, []) AS notByEmail, coalesce(u.notBySms, []) AS notBySms,
             u.quietFrom AS quietFrom, u.quietUntil AS quietUntil, coalesce(u.digest, true) AS digest
      """;

  /** The kinds muted, those not wanted by e-mail or by SMS, the quiet hours and the digest (what is not given stays as it was). */
  static final String MUTE = """
      MATCH (u:User {id: $userId})
      SET u.mutedNotices = $muted, u.notByEmail = coalesce($notByEmail, u.notByEmail), u.notBySms = coalesce($notBySms, u.notBySms),
          u.quietFrom = coalesce($quietFrom, u.quietFrom), u.quietUntil = coalesce($quietUntil, u.quietUntil),
          u.digest = coalesce($digest, u.digest)
      """;

  private static final String SUPERVISION = """
      s {.id, .level, .status, .plan, .answeredBy, .onTime, dueOn: toString(s.dueOn), openedOn: toString(s.openedOn),
         respondBy: toString(s.respondBy), planBy: toString(s.planBy), answeredOn: toString(s.answeredOn),
         escalatedOn: toString(s.escalatedOn), obligationId: o.id, title: o.title, projectId: p.id, projectName: p.name,
         departmentId: d.id, departmentName: d.name}""";

  /** The list; its WHERE is built from the filters given (NoticeRepository.supervisions). */
  static final String SUPERVISIONS_FROM = "MATCH (s:Supervision)-[:ABOUT]->(o:Obligation)-[:FOR]->(p:Project), (d:Department)-[:OWES]->(o)\n";
  static final String BY_PROJECT = "p.id = $project";
  static final String BY_DEPARTMENT = "d.id = $department";
  static final String BY_STATUS = "s.status = $status";
  static final String BY_OBLIGATION = "o.id = $obligation";
  static final String WAITING = "s.status IN ['open', 'escalated']";
  static final String ANSWERED_OR_NOT = "NOT s.status IN ['open', 'escalated']";
  static final String SUPERVISIONS_REST = "RETURN %s AS supervision ORDER BY s.openedOn DESC, s.id LIMIT $limit".formatted(SUPERVISION);

  /** One 督办, write-locked, with what its answer needs: whose it is, and who is told. */
  static final String LOCK_SUPERVISION = """
      MATCH (s:Supervision {id: $id})-[:ABOUT]->(o:Obligation)-[:FOR]->(p:Project), (d:Department)-[:OWES]->(o)
      SET s._lock = true REMOVE s._lock
      RETURN %s AS supervision, [(l:User)-[:CHAMPIONS]->(p) WHERE l.active | l.id] AS champions
      """.formatted(SUPERVISION);

  static final String ANSWER = """
      MATCH (s:Supervision {id: $id})
      SET s.status = 'answered', s.plan = $plan, s.planBy = $planBy, s.answeredOn = $today, s.answeredBy = $by,
          s.onTime = $today <= s.respondBy
      RETURN s {.*} AS supervision
      """;

  /**
   * A fact told to a department also goes to its group robots (企业微信, 钉钉, 飞书, a generic
   * webhook: docs/reach.md), once per robot and fact (Notify.robots sends only the kinds that leave the app); the delivery
   * carries the notice's words itself (a robot has no notice of its own).
   */
  static final String ROBOTS = """
      MATCH (:Department {id: $department})<-[:OF]-(r:Robot)
      MERGE (x:Delivery {key: $fact + '|' + r.id})
        ON CREATE SET x += $props, x.id = randomUUID(), x.channel = 'robot', x.status = 'pending', x.attempts = 0,
                      x.createdAt = $now, x.nextAt = $now, x.kind = $kind, x.at = toString($now)
      MERGE (x)-[:VIA]->(r)
      """;

  /** The service office: its active coordinators. */
  static final String OFFICE = "MATCH (u:User) WHERE u.active AND 'coordinator' IN u.roles RETURN u.id AS id";

  /** A department's active officers. */
  static final String OFFICERS = """
      MATCH (u:User)-[:MEMBER_OF]->(:Department {id: $department})
      WHERE u.active AND 'officer' IN u.roles RETURN u.id AS id
      """;

  /** Who a meeting invites: each person by name, and the active officers of each department. */
  static final String INVITEES = """
      MATCH (m:Meeting {id: $meeting})-[:INVITES]->(x)
      UNWIND CASE WHEN x:User THEN [x.id]
                  ELSE [(u:User)-[:MEMBER_OF]->(x) WHERE u.active AND 'officer' IN u.roles | u.id] END AS id
      RETURN DISTINCT id
      """;

  /**
   * Notices, each at most once by its key (the constraint makes two nodes' sweeps wait for each
   * other); a person who muted the kind gets none. With each notice, in the same transaction, its
   * deliveries (the outbox): one per channel the deployment sends by (the Outbox node), the kind
   * calls for and the person has an address for, due now (the outbox holds a text message back
   * for its person's quiet hours when it comes to send it). Returns only the notices this
   * transaction created.
   */
  static final String DELIVER = """
      UNWIND $notices AS x
      MATCH (u:User {id: x.userId}) WHERE NOT x.kind IN coalesce(u.mutedNotices, [])
      MERGE (n:Notice {key: x.key})
        ON CREATE SET n += x.props, n.id = randomUUID(), n.userId = x.userId, n.kind = x.kind, n.at = $now, n._new = true
      WITH n, u WHERE n._new
      MERGE (n)-[:TO]->(u)
      REMOVE n._new
      WITH n, u
      OPTIONAL MATCH (out:Outbox {id: 'outbox'})
      WITH n, [c IN coalesce(out.channels, []) WHERE (c = 'email' AND u.email IS NOT NULL AND n.kind IN $byEmail
                                                       AND NOT n.kind IN coalesce(u.notByEmail, []))
                                              OR (c = 'sms' AND u.mobile IS NOT NULL AND n.kind IN $bySms
                                                  AND NOT n.kind IN coalesce(u.notBySms, []))] AS channels
      FOREACH (c IN channels |
        CREATE (:Delivery {id: randomUUID(), channel: c, status: 'pending', attempts: 0, createdAt: $now, kind: n.kind,
                           nextAt: $now})-[:OF]->(n))
      RETURN n {.*, at: toString(n.at)} AS notice
      """;

}
