package org.liandong.departments;

final class DepartmentCypher {
  private DepartmentCypher() {}

  static final String FIELDS = """
      d {.*, parentId: p.id, parentName: p.name,
         members: COUNT { (d)<-[:MEMBER_OF]-(:User) },
         open: COUNT { (d)-[:OWES]->(o:Obligation) WHERE o.status <> 'done' },
         overdue: COUNT { (d)-[:OWES]->(o:Obligation) WHERE o.status <> 'done' AND o.dueOn < $today },
         done: COUNT { (d)-[:OWES]->(o:Obligation) WHERE o.status = 'done' },
         doneOnTime: COUNT { (d)-[:OWES]->(o:Obligation) WHERE o.status = 'done' AND o.doneOn <= o.dueOn }}""";

  static final String LIST_FROM = "MATCH (d:Department)\n";
  static final String BY_LEVEL = "d.level = $level";
  static final String LIST_REST = """
      OPTIONAL MATCH (d)-[:PART_OF]->(p:Department)
      RETURN %s AS department
      ORDER BY CASE d.level WHEN 'province' THEN 0 WHEN 'city' THEN 1 ELSE 2 END, d.name
      """.formatted(FIELDS);

  static final String ONE = """
      MATCH (d:Department {id: $id})
      OPTIONAL MATCH (d)-[:PART_OF]->(p:Department)
      RETURN %s AS department
      """.formatted(FIELDS);

  /** Would making $parentId the parent of $id close a loop? Returns the loop's names if so. */
  static final String PARENT_LOOP = """
      MATCH path = (p:Department {id: $parentId})-[:PART_OF*0..]->(d:Department {id: $id})
      RETURN [n IN nodes(path) | n.name] AS loop LIMIT 1
      """;

  static final String CREATE = """
      CREATE (d:Department {id: $id, name: $name, shortName: $shortName, level: $level,
                            version: 1, createdAt: $now, updatedAt: $now})
      WITH d
      OPTIONAL MATCH (p:Department {id: $parentId})
      FOREACH (x IN CASE WHEN p IS NULL THEN [] ELSE [1] END | CREATE (d)-[:PART_OF]->(p))
      RETURN d {.*, parentId: p.id} AS department
      """;

  static final String UPDATE = """
      MATCH (d:Department {id: $id})
      SET d += $changes, d.version = d.version + 1, d.updatedAt = $now
      RETURN d {.*} AS department
      """;

  static final String SET_PARENT = """
      MATCH (d:Department {id: $id})
      OPTIONAL MATCH (d)-[r:PART_OF]->(:Department)
      DELETE r
      WITH DISTINCT d
      OPTIONAL MATCH (p:Department {id: $parentId})
      FOREACH (x IN CASE WHEN p IS NULL THEN [] ELSE [1] END | CREATE (d)-[:PART_OF]->(p))
      """;

  static final String IN_USE = """
      MATCH (d:Department {id: $id})
      RETURN COUNT { (d)<-[:MEMBER_OF]-() } AS members, COUNT { (d)-[:OWES]->() } AS owed,
             COUNT { (d)<-[:PART_OF]-() } AS children
      """;

  static final String DELETE = "MATCH (d:Department {id: $id}) DETACH DELETE d";
}
