// What the lists, filters and the change log look up by.
CREATE INDEX obligation_status IF NOT EXISTS FOR (n:Obligation) ON (n.status);
CREATE INDEX obligation_due IF NOT EXISTS FOR (n:Obligation) ON (n.dueOn);
CREATE INDEX project_stage IF NOT EXISTS FOR (n:Project) ON (n.stage);
CREATE INDEX change_project IF NOT EXISTS FOR (n:Change) ON (n.projectId, n.at);
CREATE INDEX change_seq IF NOT EXISTS FOR ()-[r:IN]-() ON (r.seq);
CREATE INDEX session_expiry IF NOT EXISTS FOR (n:Session) ON (n.expiresAt);
