package org.liandong.projects;

/**
 * 拿地即开工: the days from land acquired to the start of construction. Land is acquired on the
 * day the last obligation of the project's land track (供地, ending with 土地出让挂牌) was done,
 * once all of them are; the start is the project's {@code startedOn}. The article's 哈电储能 got
 * its land on 26 June 2023 and started the next day.
 */
public final class LandToStart {
  private LandToStart() {}

  /** Cypher: for project {@code p}, {@code landAcquiredOn} and {@code landToStartDays} (null until known). */
  public static final String OF_PROJECT = """
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
