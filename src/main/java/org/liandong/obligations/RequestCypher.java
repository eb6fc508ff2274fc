package org.liandong.obligations;

/** 延期申请 (extension requests) and 退回 (send back), beside the obligation they are about. */
final class RequestCypher {
  private RequestCypher() {}

  static final String PENDING_OF = """
      MATCH (x:Extension {status: 'pending'})-[:EXTENDS]->(:Obligation {id: $id}) RETURN x.id AS id
      """;

  static final String REQUEST = """
      MATCH (o:Obligation {id: $id})
      CREATE (x:Extension {id: randomUUID(), obligationId: $id, status: 'pending', requestedDueOn: $dueOn,
                           previousDueOn: o.dueOn, reason: $reason, requestedBy: $by, requestedAt: $now})-[:EXTENDS]->(o)
      RETURN x {.*, requestedDueOn: toString(x.requestedDueOn), previousDueOn: toString(x.previousDueOn),
                requestedAt: toString(x.requestedAt)} AS extension
      """;

  private static final String VIEW = """
      x {.id, .status, .reason, .requestedBy, .decidedBy, .refusal, requestedDueOn: toString(x.requestedDueOn),
         previousDueOn: toString(x.previousDueOn), requestedAt: toString(x.requestedAt), decidedAt: toString(x.decidedAt),
         obligationId: o.id, title: o.title, projectId: p.id, projectName: p.name, departmentId: d.id, departmentName: d.name}""";

  /** The list; its WHERE is built from the filters given (Requests.extensions). */
  static final String LIST_FROM = "MATCH (x:Extension)-[:EXTENDS]->(o:Obligation)-[:FOR]->(p:Project), (d:Department)-[:OWES]->(o)\n";
  static final String BY_STATUS = "x.status = $status";
  static final String BY_OBLIGATION = "o.id = $obligation";
  static final String BY_PROJECT = "p.id = $project";
  static final String LIST_REST = "RETURN %s AS extension ORDER BY x.requestedAt DESC LIMIT $limit".formatted(VIEW);

  /** An extension request, write-locked, with the obligation it is about. */
  static final String LOCK = """
      MATCH (x:Extension {id: $id})-[:EXTENDS]->(o:Obligation)-[:FOR]->(p:Project), (d:Department)-[:OWES]->(o)
      SET x._lock = true REMOVE x._lock
      RETURN %s AS extension
      """.formatted(VIEW);

  static final String DECIDE = """
      MATCH (x:Extension {id: $id})
      SET x.status = $status, x.decidedBy = $by, x.decidedAt = $now, x.refusal = $refusal
      RETURN x {.*} AS x
      """;

  /** An approved request moves the due date: a change to the obligation, at a new version. */
  static final String MOVE_DUE = """
      MATCH (o:Obligation {id: $id})
      SET o.dueOn = $dueOn, o.version = o.version + 1, o.updatedAt = $now
      RETURN o {.*} AS o
      """;

  /** 退回: the owing department says it is not theirs; the office re-dispatches it (a new department clears it). */
  static final String SEND_BACK = """
      MATCH (o:Obligation {id: $id})
      SET o.returnReason = $reason, o.returnedBy = $by, o.returnedAt = $now, o.version = o.version + 1, o.updatedAt = $now
      RETURN o {.*} AS o
      """;

  /** A done obligation's issue time corrected: the day follows the time, in the server's zone. */
  static final String CORRECT_DONE_AT = """
      MATCH (o:Obligation {id: $id})
      SET o.doneAt = $doneAt, o.doneOn = $doneOn, o.doneAtCorrectedBy = $by, o.doneAtCorrectedAt = $now,
          o.doneAtCorrectionReason = $reason, o.version = o.version + 1, o.updatedAt = $now
      RETURN o {.*} AS o
      """;
}
