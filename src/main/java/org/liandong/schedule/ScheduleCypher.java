package org.liandong.schedule;

final class ScheduleCypher {
  private ScheduleCypher() {}

  /**
   * Every obligation of the projects given ({@link #TASKS_OF}, each project sought by its id) or
   * of every project ({@link #TASKS_ALL}), with what it depends on and the other projects with a
   * step that depends on it (they wait on it too) or that it depends on.
   */
  static final String TASKS_OF = """
      UNWIND $projectIds AS pid
      MATCH (p:Project {id: pid}) USING INDEX SEEK p:Project(id)
      MATCH (p)<-[:FOR]-(o:Obligation)<-[:OWES]-(d:Department)
      """;
  static final String TASKS_ALL = "MATCH (p:Project)<-[:FOR]-(o:Obligation)<-[:OWES]-(d:Department)\n";
  static final String TASKS_RETURN = """
      RETURN p.id AS projectId, p.name AS projectName, p.targetStartOn AS targetStartOn, p.stage AS stage,
             p.investmentYi AS investmentYi, p.archivedAt IS NOT NULL AS archived,
             o {.id, .title, .kind, .track, .status, .durationDays, .dueOn, .doneOn, .acceptedAt, .version,
                departmentId: d.id, departmentName: d.name,
                dependsOn: [(o)-[:DEPENDS_ON]->(x:Obligation) | x.id],
                waiting: [(o)<-[:DEPENDS_ON]-(:Obligation)-[:FOR]->(q:Project) WHERE q.id <> p.id | q {.id, .investmentYi}],
                upstream: [(o)-[:DEPENDS_ON]->(:Obligation)-[:FOR]->(q:Project) WHERE q.id <> p.id | q.id]} AS o
      """;

  static final String PROJECT_IDS = "MATCH (p:Project) RETURN p.id AS id";

  static final String PROJECT = "MATCH (p:Project {id: $id}) RETURN p.targetStartOn AS targetStartOn, p.name AS name";

  /** The projects an obligation gates: its own and those of everything that depends on it. */
  static final String GATED = """
      MATCH (x:Obligation {id: $id})
      OPTIONAL MATCH (x)<-[:DEPENDS_ON*0..]-(o:Obligation)-[:FOR]->(p:Project)
      RETURN collect(DISTINCT p.id) AS projectIds
      """;

  static final String CHAMPIONS = """
      MATCH (u:User)-[:CHAMPIONS]->(p:Project) WHERE p.id IN $projectIds
      RETURN u.id AS id, u.displayName AS displayName, collect(p.id) AS projectIds
      """;
}
