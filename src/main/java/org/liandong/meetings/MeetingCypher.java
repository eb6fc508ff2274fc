package org.liandong.meetings;

final class MeetingCypher {
  private MeetingCypher() {}

  static final String SUMMARY = """
      m {.*, startsAt: toString(m.startsAt),
         projects: [(m)-[:ABOUT]->(p:Project) | p {.id, .code, .name}],
         agendaItems: COUNT { (m)<-[:IN]-(:AgendaItem) }, decisions: COUNT { (m)<-[:TAKEN_IN]-(:Decision) }}""";

  static final String LIST_FROM = "MATCH (m:Meeting)\n";
  static final String BY_STATUS = "m.status = $status";
  /** A project's meetings, found from the project (by its index) rather than by reading every meeting. */
  static final String FROM_PROJECT = "MATCH (about:Project {id: $project})<-[:ABOUT]-(m:Meeting) USING INDEX SEEK about:Project(id)\n";
  static final String LIST_REST = "RETURN %s AS meeting ORDER BY m.startsAt DESC".formatted(SUMMARY);

  /** A meeting as the API shows it, with its agenda and decisions; {@code m} is the meeting. */
  private static final String VIEW = """
      %s AS meeting,
        {departments: [(m)-[:INVITES]->(d:Department) | d {.id, .name}],
         people: [(m)-[:INVITES]->(u:User) | u {.id, .displayName}]} AS invited,
        [(m)<-[:IN]-(a:AgendaItem) | a {.*}] AS agenda,
        [(m)<-[:TAKEN_IN]-(dc:Decision) | dc {.*, at: toString(dc.at),
            obligations: [(dc)-[:CREATED]->(o:Obligation)<-[:OWES]-(d:Department) |
                          o {.id, .title, .status, .dueOn, departmentId: d.id, departmentName: d.name}]}] AS decisions
      """.formatted(SUMMARY);

  static final String ONE = "MATCH (m:Meeting {id: $id})\nRETURN " + VIEW;

  /**
   * The window "since the previous meeting": from the close of the latest earlier meeting about
   * any of this one's projects, to this one's opening if it is over, else to now.
   */
  static final String WINDOW = """
      MATCH (m:Meeting {id: $id})
      WITH m, CASE WHEN m.status = 'closed' THEN coalesce(m.openedAt, m.startsAt) ELSE $now END AS until
      OPTIONAL MATCH (m)-[:ABOUT]->(:Project)<-[:ABOUT]-(prev:Meeting)
      WHERE prev.id <> m.id AND prev.status = 'closed' AND prev.closedAt < until
      WITH m, until, prev ORDER BY prev.closedAt DESC LIMIT 1
      RETURN [(m)-[:ABOUT]->(p:Project) | p.id] AS projects, until, prev.closedAt AS from,
             prev {.id, .title, startsAt: toString(prev.startsAt), closedAt: toString(prev.closedAt)} AS previous
      """;

  /** Invites departments and people by id; resolves to those invited now that were not before. */
  static final String INVITE = """
      MATCH (m:Meeting {id: $id})
      CALL (m) {
        UNWIND $departmentIds AS did
        MATCH (d:Department {id: did})
        MERGE (m)-[:INVITES]->(d)
        RETURN count(*) AS departments
      }
      CALL (m) {
        UNWIND $userIds AS uid
        MATCH (u:User {id: uid})
        MERGE (m)-[:INVITES]->(u)
        RETURN count(*) AS people
      }
      RETURN departments, people
      """;

  static final String UNINVITE = """
      MATCH (m:Meeting {id: $id})-[r:INVITES]->(x) WHERE x.id = $targetId
      DELETE r RETURN count(r) AS removed
      """;

  /** Numbers the agenda in the order given (a permutation of its items). */
  static final String ORDER_AGENDA = """
      MATCH (m:Meeting {id: $id})
      UNWIND range(0, size($itemIds) - 1) AS i
      MATCH (a:AgendaItem {id: $itemIds[i]})-[:IN]->(m)
      SET a.position = i + 1
      RETURN count(a) AS ordered
      """;

  static final String AGENDA_IDS = "MATCH (a:AgendaItem)-[:IN]->(:Meeting {id: $id}) RETURN a.id AS id ORDER BY a.position";

  static final String REMOVE_AGENDA = """
      MATCH (a:AgendaItem {id: $itemId})-[:IN]->(m:Meeting {id: $id})
      WITH a, a {.*} AS item
      DETACH DELETE a
      RETURN item
      """;

  static final String CREATE = """
      CREATE (m:Meeting)
      SET m = $fields, m.id = $id, m.status = 'scheduled', m.version = 1,
          m.createdAt = $now, m.updatedAt = $now
      WITH m
      UNWIND range(0, size($agenda) - 1) AS i
      CREATE (:AgendaItem {id: randomUUID(), title: $agenda[i], position: i + 1, version: 1})-[:IN]->(m)
      """;

  static final String SET_PROJECTS = """
      MATCH (m:Meeting {id: $id})
      OPTIONAL MATCH (m)-[r:ABOUT]->(:Project)
      DELETE r
      WITH DISTINCT m
      UNWIND $projectIds AS pid
      MATCH (p:Project {id: pid})
      CREATE (m)-[:ABOUT]->(p)
      """;

  /** Who belongs in a meeting: the departments owing on its projects or invited, invitees, its projects' champions. */
  static final String ACCESS_FIELDS = """
      [(m)-[:ABOUT]->(:Project)<-[:FOR]-(:Obligation)<-[:OWES]-(d:Department) | d.id]
        + [(m)-[:INVITES]->(d:Department) | d.id] AS departmentIds,
      [(m)-[:INVITES]->(u:User) | u.id] AS invitedUserIds,
      [(m)-[:ABOUT]->(:Project)<-[:CHAMPIONS]-(u:User) | u.id] AS championIds""";

  static final String ACCESS = "MATCH (m:Meeting {id: $id}) RETURN " + ACCESS_FIELDS;

  /** Write-locks the meeting, then reads it with the projects it is about and who belongs in it. */
  static final String LOCK_AND_READ = """
      MATCH (m:Meeting {id: $id})
      SET m._lock = true
      REMOVE m._lock
      WITH m
      RETURN m {.*} AS m, [(m)-[:ABOUT]->(p:Project) | p.id] AS projectIds,
      """ + ACCESS_FIELDS;

  static final String PROJECT_IDS = "MATCH (:Meeting {id: $id})-[:ABOUT]->(p:Project) RETURN collect(p.id) AS ids";

  static final String PROPS = "MATCH (m:Meeting {id: $id}) RETURN m {.*} AS m";

  static final String UPDATE = """
      MATCH (m:Meeting {id: $id})
      SET m += $changes, m.version = m.version + 1, m.updatedAt = $now
      RETURN m {.*} AS m
      """;

  static final String ADD_AGENDA = """
      MATCH (m:Meeting {id: $id})
      WITH m, COUNT { (m)<-[:IN]-(:AgendaItem) } AS n
      CREATE (a:AgendaItem {id: $itemId, title: $title, projectId: $projectId, position: n + 1, version: 1})-[:IN]->(m)
      RETURN a {.*} AS item
      """;

  static final String AGENDA_ITEM = """
      MATCH (a:AgendaItem {id: $itemId})-[:IN]->(:Meeting {id: $id}) RETURN a.projectId AS projectId
      """;

  static final String ADD_DECISION = """
      MATCH (m:Meeting {id: $id})
      CREATE (dc:Decision {id: $decisionId, text: $text, agendaItemId: $agendaItemId, by: $by, byName: $byName,
                           at: $now})-[:TAKEN_IN]->(m)
      WITH dc
      UNWIND $obligationIds AS oid
      MATCH (o:Obligation {id: oid})
      CREATE (dc)-[:CREATED]->(o)
      """;

  static final String DECISION = "MATCH (dc:Decision {id: $id}) RETURN dc {.*} AS decision";

  /** Points the meeting at one of its agenda items; no row when the item is not on its agenda. */
  static final String FOCUS = """
      MATCH (m:Meeting {id: $id}), (item:AgendaItem {id: $itemId})-[:IN]->(m)
      SET m.focusItemId = item.id, m.focusTitle = item.title, m.focusAt = $now,
          m.version = m.version + 1, m.updatedAt = $now
      RETURN m {.*} AS m, %s""".formatted(VIEW);

  /** Who was in the room: recorded once per person, from the first time they joined live. */
  static final String ATTEND = """
      MATCH (m:Meeting {id: $meetingId}), (u:User {id: $userId})
      WHERE m.status <> 'closed'
      MERGE (u)-[a:ATTENDED]->(m)
        ON CREATE SET a.firstSeenAt = $now
      """;

  static final String ATTENDANCE = """
      MATCH (u:User)-[a:ATTENDED]->(:Meeting {id: $id})
      OPTIONAL MATCH (u)-[:MEMBER_OF]->(d:Department)
      RETURN u {.id, .displayName, firstSeenAt: toString(a.firstSeenAt), departmentId: d.id, departmentName: d.name} AS person
      ORDER BY a.firstSeenAt
      """;
}
