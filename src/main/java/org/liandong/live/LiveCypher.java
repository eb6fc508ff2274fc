package org.liandong.live;

final class LiveCypher {
  private LiveCypher() {}

  /** A channel's seq and epoch; a channel nothing was written to yet is at 0, with no epoch. */
  static final String CURRENT_SEQ = """
      OPTIONAL MATCH (ch:Channel {name: $name}) RETURN coalesce(ch.seq, 0) AS seq, ch.epoch AS epoch
      """;

  /** The committed events of a channel after a seq, in seq order, as the hub sends them. */
  static final String EVENTS_AFTER = """
      MATCH (ch:Channel {name: $name})<-[r:IN]-(c:Change)
      WHERE r.seq > $after AND r.seq <= $upTo
      RETURN r.seq AS seq, ch.epoch AS epoch, c.type AS type, toString(c.at) AS at, c.actor AS actor,
             COLLECT { MATCH (who:User {username: c.actor}) RETURN who.displayName }[0] AS actorName, c.entity AS entity,
             c.entityId AS entityId, c.projectId AS projectId, c.before AS before, c.after AS after
      ORDER BY r.seq
      """;

  static final String PROJECT = "MATCH (p:Project {id: $id}) RETURN true AS found";
  static final String DEPARTMENT = "MATCH (d:Department {id: $id}) RETURN true AS found";
  static final String USER = "MATCH (u:User {id: $id}) RETURN true AS found";
}
