package org.liandong.live;

final class LiveCypher {
  private LiveCypher() {}

  static final String CURRENT_SEQ = "OPTIONAL MATCH (ch:Channel {name: $name}) RETURN coalesce(ch.seq, 0) AS seq";

  /** The committed events of a channel after a seq, in seq order, as the hub sends them. */
  static final String EVENTS_AFTER = """
      MATCH (ch:Channel {name: $name})<-[r:IN]-(c:Change)
      WHERE r.seq > $after AND r.seq <= $upTo
      RETURN r.seq AS seq, c.type AS type, toString(c.at) AS at, c.actor AS actor, c.entity AS entity,
             c.entityId AS entityId, c.projectId AS projectId, c.before AS before, c.after AS after
      ORDER BY r.seq
      """;

  static final String PROJECT = "MATCH (p:Project {id: $id}) RETURN true AS found";
  static final String DEPARTMENT = "MATCH (d:Department {id: $id}) RETURN true AS found";
  static final String USER = "MATCH (u:User {id: $id}) RETURN true AS found";

  /** A meeting's room is open to the departments that owe something on one of its projects. */
  static final String MEETING = """
      MATCH (m:Meeting {id: $id})
      RETURN true AS found,
             EXISTS { (:Department {id: $departmentId})-[:OWES]->(:Obligation)-[:FOR]->(:Project)<-[:ABOUT]-(m) } AS owes
      """;
}
