// A department's 督办 in a period (the 绩效考核 rows): sought by department, not by reading every supervision.
CREATE INDEX supervision_department IF NOT EXISTS FOR (s:Supervision) ON (s.departmentId, s.openedOn);
