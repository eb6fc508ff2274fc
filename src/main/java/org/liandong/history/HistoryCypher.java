package org.liandong.history;

final class HistoryCypher {
  private HistoryCypher() {}

  /** The obligations' changes on the scope's channels between two instants, oldest first. */
  static final String CHANGES = """
      UNWIND $channels AS name
      MATCH (:Channel {name: name})<-[:IN]-(c:Change)
      WHERE c.entity = 'Obligation' AND c.at > $from AND c.at <= $to
      WITH DISTINCT c
      RETURN c.type AS type, c.entityId AS id, toString(c.at) AS at, c.actor AS actor, c.before AS before, c.after AS after
      ORDER BY c.at, c.id
      """;

  /** The scope's work whose due date passed in the window and was not done by its end. */
  static final String NEWLY_LATE_FROM = "MATCH (p:Project)<-[:FOR]-(o:Obligation)<-[:OWES]-(d:Department)\n";
  static final String IN_PROJECTS = "p.id IN $projects";
  static final String OF_DEPARTMENT = "d.id = $department";
  static final String LATE_IN_WINDOW = "o.dueOn >= $fromDay AND o.dueOn < $toDay AND (o.doneAt IS NULL OR o.doneAt > $to)";
  static final String NEWLY_LATE_RETURN = """
      RETURN o {.id, .title, .status, .dueOn, projectId: p.id, projectName: p.name, departmentName: d.name} AS obligation
      ORDER BY o.dueOn, o.title
      """;

  /** The projects a department owes work to, or a leader champions. */
  static final String DEPARTMENT_PROJECTS = """
      MATCH (:Department {id: $department})-[:OWES]->(:Obligation)-[:FOR]->(p:Project)
      RETURN collect(DISTINCT p.id) AS projects
      """;

  /** The last meeting about any of the projects that closed before $to. */
  static final String LAST_MEETING = """
      MATCH (m:Meeting {status: 'closed'})-[:ABOUT]->(p:Project)
      WHERE p.id IN $projects AND m.closedAt < $to
      WITH DISTINCT m ORDER BY m.closedAt DESC LIMIT 1
      RETURN m {.id, .title, startsAt: toString(m.startsAt), closedAt: toString(m.closedAt)} AS previous, m.closedAt AS closedAt
      """;

  static final String LEADER_PROJECTS = """
      MATCH (:User {id: $leader})-[:CHAMPIONS]->(p:Project)
      RETURN collect(p.id) AS projects
      """;

  /** The names and departments of the obligations the changes are about, as they are now. */
  static final String NAMES = """
      MATCH (o:Obligation)-[:FOR]->(p:Project) WHERE o.id IN $ids
      OPTIONAL MATCH (o)<-[:OWES]-(d:Department)
      RETURN o.id AS id, o {.id, .title, .status, .dueOn, .doneOn, projectId: p.id, projectName: p.name, departmentName: d.name} AS obligation
      """;

  /** A meeting's decisions and the work each created, as it stands. */
  static final String DECISIONS = """
      MATCH (m:Meeting {id: $meeting})<-[:TAKEN_IN]-(dc:Decision)
      OPTIONAL MATCH (dc)-[:CREATED]->(o:Obligation)
      OPTIONAL MATCH (o)<-[:OWES]-(d:Department)
      WITH dc, o, d ORDER BY o.dueOn
      WITH dc, [x IN collect(CASE WHEN o IS NULL THEN NULL ELSE o {.id, .title, .status, .dueOn, .doneOn, departmentName: d.name} END) WHERE x IS NOT NULL] AS obligations
      ORDER BY dc.at
      RETURN dc {.id, .text, at: toString(dc.at)} AS decision, obligations
      """;
}
