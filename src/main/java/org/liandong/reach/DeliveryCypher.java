package org.liandong.reach;

/** The outbox in the graph: deliveries of notices, claimed, sent, retried, failed (docs/reach.md). */
final class DeliveryCypher {
  private DeliveryCypher() {}

  /** The channels this deployment sends by; the notices' writes read it (NoticeCypher.DELIVER). */
  static final String CHANNELS = "MERGE (o:Outbox {id: 'outbox'}) SET o.channels = $channels";

  /**
   * A delivery to a person goes with a notice of theirs, or (a test message) straight to them; one
   * to a group robot, and a test message, carry their words themselves.
   */
  private static final String TO = """
      OPTIONAL MATCH (x)-[:OF]->(n:Notice)-[:TO]->(noticed:User)
      OPTIONAL MATCH (x)-[:TO]->(tested:User)
      OPTIONAL MATCH (x)-[:VIA]->(r:Robot)-[:OF]->(d:Department)
      WITH x, n, coalesce(noticed, tested) AS u, r, d
      """;

  private static final String VIEW = """
      x {.id, .channel, .status, .attempts, .kind, .reason, .error, .to, createdAt: toString(x.createdAt), nextAt: toString(x.nextAt),
         sentAt: toString(x.sentAt), failedAt: toString(x.failedAt), noticeId: n.id, subject: coalesce(n.subject, x.subject),
         userId: u.id, displayName: coalesce(u.displayName, r.name), robotId: r.id, departmentId: d.id}""";

  /**
   * The deliveries due, oldest first, claimed for $hold seconds (their next time pushed on: a node
   * that dies while sending leaves them due again then), with their notice and person.
   */
  static final String CLAIM = """
      MATCH (x:Delivery) WHERE x.status = 'pending' AND x.nextAt <= $now
      WITH x ORDER BY x.nextAt LIMIT $batch
      SET x.nextAt = $now + duration({seconds: $hold})
      WITH x
      %s
      RETURN x {.id, .channel, .attempts, .kind} AS delivery,
             CASE WHEN n IS NULL THEN x {.*, nextAt: null, createdAt: null} ELSE n {.*, at: toString(n.at), key: null} END AS notice,
             CASE WHEN u IS NULL THEN null ELSE u {.id, .displayName, .email, .mobile, .language, .active, .quietFrom, .quietUntil} END AS person,
             CASE WHEN r IS NULL THEN null ELSE r {.id, .platform, .url, .secret, .name, departmentName: d.name} END AS robot
      """.formatted(TO);

  static final String SENT = """
      UNWIND $sent AS s
      MATCH (x:Delivery {id: s.id}) WHERE x.status = 'pending'
      SET x.status = 'sent', x.sentAt = $now, x.to = s.to, x.attempts = x.attempts + 1
      REMOVE x.error, x.reason
      """;

  /** A text message that came due in its person's quiet hours: due again when they end, no attempt counted. */
  static final String DEFERRED = """
      UNWIND $deferred AS f
      MATCH (x:Delivery {id: f.id}) WHERE x.status = 'pending'
      SET x.nextAt = f.until
      """;

  /** A failed try: due again after its wait, or failed for good after the last attempt (or when retrying cannot help). */
  static final String FAILED = """
      UNWIND $failed AS f
      MATCH (x:Delivery {id: f.id}) WHERE x.status = 'pending'
      SET x.attempts = x.attempts + 1, x.reason = f.reason, x.error = f.error, x.to = f.to
      WITH x, f, x.attempts >= $max OR f.final AS over
      SET x.status = CASE WHEN over THEN 'failed' ELSE 'pending' END,
          x.nextAt = $now + duration({seconds: f.wait}),
          x.failedAt = CASE WHEN over THEN $now END
      """;

  static final String LIST = """
      MATCH (x:Delivery) WHERE $status IS NULL OR x.status = $status
      WITH x ORDER BY x.createdAt DESC LIMIT $limit
      %s
      RETURN %s AS delivery
      ORDER BY x.createdAt DESC
      """.formatted(TO, VIEW);

  static final String COUNTS = "MATCH (x:Delivery) RETURN x.status AS status, count(*) AS count";

  /**
   * A test message a person asks for (我的设置): one delivery straight to them by each channel the
   * deployment sends by and they have an address for, now, whatever their choices and the hour;
   * at most one a minute (null when asked again sooner).
   */
  static final String TEST = """
      MATCH (u:User {id: $userId})
      WITH u, u.testedAt IS NOT NULL AND u.testedAt > $now - duration({minutes: 1}) AS tooSoon
      OPTIONAL MATCH (out:Outbox {id: 'outbox'})
      WITH u, tooSoon, [c IN coalesce(out.channels, []) WHERE (c = 'email' AND u.email IS NOT NULL) OR (c = 'sms' AND u.mobile IS NOT NULL)] AS channels
      FOREACH (c IN CASE WHEN tooSoon THEN [] ELSE channels END |
        CREATE (:Delivery {id: randomUUID(), channel: c, status: 'pending', attempts: 0, createdAt: $now, nextAt: $now,
                           kind: 'test', at: toString($now)})-[:TO]->(u))
      FOREACH (y IN CASE WHEN tooSoon THEN [] ELSE [1] END | SET u.testedAt = $now)
      RETURN CASE WHEN tooSoon THEN null ELSE channels END AS channels
      """;

  /**
   * The daily digest (每日摘要), once a day ($today, the Outbox node remembers it): one e-mail to each
   * active person with an address who has not turned it off and has something in it. An officer's:
   * their department's open work due by $horizon (due) and past its date (overdue), its open 督办
   * (answer, by the day to answer by); a coordinator's: the extensions waiting for a decision
   * (answer); everyone's: the notices of the low kinds ($low, which send nothing on their own)
   * still unread from the last day (told, as kind|subject). Each list at most 50 lines, in date
   * order; the counts in full. The lines are kept on the delivery, so a retry says the same.
   */
  static final String DIGEST = """
      MATCH (out:Outbox {id: 'outbox'}) WHERE 'email' IN coalesce(out.channels, []) AND coalesce(out.digestOn, date('1970-01-01')) < $today
      SET out.digestOn = $today
      WITH out
      MATCH (u:User) WHERE u.active AND u.email IS NOT NULL AND coalesce(u.digest, true)
      OPTIONAL MATCH (u)-[:MEMBER_OF]->(d:Department) WHERE 'officer' IN u.roles
      WITH u, COLLECT { MATCH (d)-[:OWES]->(o:Obligation)-[:FOR]->(p:Project)
                        WHERE o.status <> 'done' AND p.archivedAt IS NULL AND o.dueOn <= $horizon
                        RETURN {late: o.dueOn < $today, line: toString(o.dueOn) + ' ' + o.title + '（' + p.name + '）'} AS x ORDER BY o.dueOn } AS open,
              COLLECT { MATCH (s:Supervision {status: 'open'})-[:ABOUT]->(o:Obligation)-[:FOR]->(p:Project)
                        WHERE s.departmentId = d.id AND p.archivedAt IS NULL
                        RETURN toString(s.respondBy) + ' ' + o.title + '（' + p.name + '）' AS x ORDER BY s.respondBy } AS supervised,
              COLLECT { MATCH (e:Extension {status: 'pending'})-[:EXTENDS]->(o:Obligation)-[:FOR]->(p:Project)
                        WHERE 'coordinator' IN u.roles
                        RETURN toString(e.requestedDueOn) + ' ' + o.title + '（' + p.name + '）' AS x ORDER BY e.requestedDueOn } AS extensions,
              COLLECT { MATCH (n:Notice)-[:TO]->(u) WHERE n.readAt IS NULL AND n.at >= $since AND n.kind IN $low
                        RETURN n.kind + '|' + coalesce(n.subject, '') AS x ORDER BY n.at } AS told
      WITH u, [x IN open WHERE NOT x.late | x.line] AS due, [x IN open WHERE x.late | x.line] AS overdue, supervised + extensions AS answer, told
      WHERE size(due) + size(overdue) + size(answer) + size(told) > 0
      MERGE (x:Delivery {key: 'digest|' + u.id + '|' + toString($today)})
        ON CREATE SET x.id = randomUUID(), x.channel = 'email', x.kind = 'digest', x.status = 'pending', x.attempts = 0,
                      x.createdAt = $now, x.nextAt = $now, x.at = toString($now), x.day = toString($today),
                      x.due = due[..50], x.overdue = overdue[..50], x.answer = answer[..50], x.told = told[..50],
                      x.counts = [size(due), size(overdue), size(answer), size(told)]
      MERGE (x)-[:TO]->(u)
      RETURN count(x) AS written
      """;

  /** A failed delivery sent again from its first attempt, now. */
  static final String RETRY = """
      MATCH (x:Delivery {id: $id})
      %s
      WITH x, n, u, r, d, x.status AS was
      SET x.status = CASE WHEN was = 'failed' THEN 'pending' ELSE x.status END,
          x.attempts = CASE WHEN was = 'failed' THEN 0 ELSE x.attempts END,
          x.nextAt = CASE WHEN was = 'failed' THEN $now ELSE x.nextAt END,
          x.failedAt = CASE WHEN was = 'failed' THEN null ELSE x.failedAt END
      RETURN was, %s AS delivery
      """.formatted(TO, VIEW);
}
