// 事项模板: one node per template version; a project names the key and version it was built with
CREATE CONSTRAINT template_version IF NOT EXISTS FOR (t:Template) REQUIRE (t.key, t.version) IS UNIQUE;
CREATE INDEX template_current IF NOT EXISTS FOR (t:Template) ON (t.key, t.current);
