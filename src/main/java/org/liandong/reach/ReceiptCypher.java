package org.liandong.reach;

/** 签收: the receipt key, and who received, opened and acknowledged the notices that ask for it. */
final class ReceiptCypher {
  private ReceiptCypher() {}

  static final String KEY = """
      MERGE (s:Secret {id: 'receipts'})
        ON CREATE SET s.key = $key
      RETURN s.key AS key
      """;

  /** What a receipt shows: the one notice, to whom, and its receipt so far. */
  private static final String VIEW = """
      {notice: n {.kind, .subject, .projectName, .departmentName, .dueOn, .respondBy, .startsAt, .meetingId, at: toString(n.at)},
       name: u.displayName, openedAt: toString(n.openedAt), acknowledgedAt: toString(n.acknowledgedAt)}""";

  /** Opening the link records the first opening (of the delivery and its notice), unless already acknowledged. */
  static final String OPEN = """
      MATCH (x:Delivery {id: $id})-[:OF]->(n:Notice)-[:TO]->(u:User)
      WHERE n.kind IN $kinds
      WITH x, n, u, n.acknowledgedAt IS NOT NULL AS spent
      FOREACH (y IN CASE WHEN spent THEN [] ELSE [1] END |
        SET x.openedAt = coalesce(x.openedAt, $now), n.openedAt = coalesce(n.openedAt, $now))
      RETURN spent, %s AS receipt
      """.formatted(VIEW);

  /** 签收 by the link: once (a second time finds it spent). */
  static final String ACKNOWLEDGE = """
      MATCH (x:Delivery {id: $id})-[:OF]->(n:Notice)-[:TO]->(u:User)
      WHERE n.kind IN $kinds
      WITH x, n, u, n.acknowledgedAt IS NOT NULL AS spent
      FOREACH (y IN CASE WHEN spent THEN [] ELSE [1] END |
        SET x.openedAt = coalesce(x.openedAt, $now), n.openedAt = coalesce(n.openedAt, $now),
            n.acknowledgedAt = $now, n.acknowledgedVia = 'link', n.readAt = coalesce(n.readAt, $now))
      RETURN spent, %s AS receipt
      """.formatted(VIEW);

  /** 签收 in the app, of one's own notice: once; again changes nothing. */
  static final String ACKNOWLEDGE_OWN = """
      MATCH (n:Notice {id: $id, userId: $userId})-[:TO]->(u:User)
      WITH n, u, n.kind IN $kinds AS asks, n.acknowledgedAt IS NULL AS fresh
      FOREACH (y IN CASE WHEN asks AND fresh THEN [1] ELSE [] END |
        SET n.openedAt = coalesce(n.openedAt, $now), n.acknowledgedAt = $now, n.acknowledgedVia = 'app',
            n.readAt = coalesce(n.readAt, $now))
      RETURN asks, %s AS receipt
      """.formatted(VIEW);

  /**
   * Per person told of a 督办 (its notice, and its escalation's): when a channel first delivered
   * it, by which channels, when they first opened it (the link, or read in the app) and when they
   * acknowledged it, and how. Found by the notices' keys (supervision|obligation|due date|person,
   * supervisionEscalated|督办|person), which the unique key's index serves.
   */
  static final String OF_SUPERVISION = """
      MATCH (s:Supervision {id: $id})-[:ABOUT]->(o:Obligation)
      UNWIND ['supervision|' + o.id + '|' + toString(s.dueOn) + '|', 'supervisionEscalated|' + s.id + '|'] AS prefix
      MATCH (n:Notice) WHERE n.key STARTS WITH prefix
      MATCH (n)-[:TO]->(u:User)
      OPTIONAL MATCH (u)-[:MEMBER_OF]->(d:Department)
      OPTIONAL MATCH (x:Delivery)-[:OF]->(n) WHERE x.status = 'sent'
      WITH n, u, d, collect(x) AS sent
      WITH n, u, d, sent, reduce(first = null, y IN sent | CASE WHEN first IS NULL OR y.sentAt < first THEN y.sentAt ELSE first END) AS received
      RETURN {userId: u.id, displayName: u.displayName, departmentName: d.name, kind: n.kind, at: toString(n.at),
              receivedAt: toString(received), channels: [y IN sent | y.channel],
              openedAt: toString(CASE WHEN n.openedAt IS NULL OR (n.readAt IS NOT NULL AND n.readAt < n.openedAt) THEN n.readAt ELSE n.openedAt END),
              acknowledgedAt: toString(n.acknowledgedAt), acknowledgedVia: n.acknowledgedVia} AS receipt
      ORDER BY n.kind, u.displayName
      """;

  static final String SUPERVISION_EXISTS = "MATCH (s:Supervision {id: $id}) RETURN s.id AS id";
}
