package org.liandong.domain;

/**
 * The rules of {@link Light} as Cypher fragments, for the statements that count them in the
 * graph (a project's summary, the KPI rows, an obligation's flags): one text per rule, shared on
 * purpose so that every count means what the light means.
 */
public final class LightCypher {
  private LightCypher() {}

  /** Cypher: obligation {@code o} is open and past its due date on {@code $today}. */
  public static final String OVERDUE = "(o.status <> 'done' AND o.dueOn < $today)";
  /** Cypher: obligation {@code o}'s 容缺 deadline passed without the documents (whether or not the sweep marked it yet). */
  public static final String LAPSED = "((o.status = 'deficient' AND o.deficiencyDueOn < $today)"
      + " OR (o.status = 'blocked' AND o.deficiencyExpiredOn IS NOT NULL))";
  /** Cypher: obligation {@code o} is open and blocked or due within {@link Light#DUE_SOON_DAYS} days. */
  public static final String AT_RISK = "(o.status <> 'done' AND (o.status = 'blocked' OR o.dueOn <= $today + duration({days: "
      + Light.DUE_SOON_DAYS + "})))";

  /** Cypher: for project {@code p}, the obligation counts the light reads. */
  public static final String COUNTS = """
      CALL (p) {
        OPTIONAL MATCH (p)<-[:FOR]-(o:Obligation)
        RETURN count(o) AS obligations,
               count(CASE WHEN o.status <> 'done' THEN 1 END) AS open,
               count(CASE WHEN %s THEN 1 END) AS overdue,
               count(CASE WHEN %s THEN 1 END) AS deficiencyExpired,
               count(CASE WHEN %s THEN 1 END) AS atRisk
      }
      """.formatted(OVERDUE, LAPSED, AT_RISK);


  /**
   * 拿地即开工: for project {@code p}, {@code landAcquiredOn} and {@code landToStartDays} (null until
   * known). Land is acquired on the day the last obligation of the project's land track (供地,
   * ending with 土地出让挂牌) was done, once all of them are; the start is the project's
   * {@code startedOn}. The article's 哈电储能 got its land on 26 June 2023 and started the next day.
   */
  public static final String LAND_TO_START = """
      CALL (p) {
        OPTIONAL MATCH (p)<-[:FOR]-(l:Obligation {track: 'land'})
        WITH count(l) AS steps, count(CASE WHEN l.status = 'done' THEN 1 END) AS done, max(l.doneOn) AS last
        WITH CASE WHEN steps > 0 AND steps = done THEN last END AS landAcquiredOn
        RETURN landAcquiredOn,
               CASE WHEN landAcquiredOn IS NOT NULL AND p.startedOn IS NOT NULL
                    THEN duration.inDays(landAcquiredOn, p.startedOn).days END AS landToStartDays
      }
      """;
}
