// 督办: one notification per fact and person, one 督办 per overdue obligation and due date
CREATE CONSTRAINT notice_key IF NOT EXISTS FOR (n:Notice) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT notice_id IF NOT EXISTS FOR (n:Notice) REQUIRE n.id IS UNIQUE;
CREATE INDEX notice_user IF NOT EXISTS FOR (n:Notice) ON (n.userId, n.at);
CREATE CONSTRAINT supervision_key IF NOT EXISTS FOR (s:Supervision) REQUIRE s.key IS UNIQUE;
CREATE CONSTRAINT supervision_id IF NOT EXISTS FOR (s:Supervision) REQUIRE s.id IS UNIQUE;
CREATE INDEX supervision_status IF NOT EXISTS FOR (s:Supervision) ON (s.status);
