// The retention timer deletes by age; the console's audit is read per person.
CREATE INDEX change_at IF NOT EXISTS FOR (n:Change) ON (n.at);
CREATE INDEX idempotency_at IF NOT EXISTS FOR (n:IdempotencyKey) ON (n.takenAt);
CREATE INDEX console_audit_at IF NOT EXISTS FOR (n:ConsoleAudit) ON (n.loggedAt);
CREATE INDEX console_audit_user IF NOT EXISTS FOR (n:ConsoleAudit) ON (n.auditedUserId);
// Sessions used to keep their CSRF token in the store; the token is derived now, and those
// sessions (hashed the old way) could not be found again anyway.
MATCH (s:Session) WHERE s.csrf IS NOT NULL DETACH DELETE s;
// The console's records and the stores of secrets keep property names of their own, none of which
// an analyst's query may name (console/Reach.java): rename what earlier versions stored.
MATCH (a:ConsoleAudit) WHERE a.auditId IS NULL
SET a.auditId = a.id, a.loggedAt = a.at, a.auditedUserId = a.userId, a.auditedUser = a.username,
    a.statement = a.cypher, a.statementParams = a.params, a.resultRows = a.rows
REMOVE a.id, a.at, a.userId, a.username, a.cypher, a.params, a.rows;
MATCH (q:SavedQuery) WHERE q.statement IS NULL
SET q.queryName = q.name, q.queryDescription = q.description, q.statement = q.cypher,
    q.statementParams = q.params, q.savedAt = q.createdAt, q.changedAt = q.updatedAt
REMOVE q.name, q.description, q.cypher, q.params, q.createdAt, q.updatedAt;
MATCH (k:IdempotencyKey) WHERE k.takenAt IS NULL SET k.takenAt = k.at REMOVE k.at;
