// failed logins per account and per address, shared by every node of a cluster
CREATE CONSTRAINT login_failures_key IF NOT EXISTS FOR (f:LoginFailures) REQUIRE f.key IS UNIQUE;
CREATE INDEX login_failures_until IF NOT EXISTS FOR (f:LoginFailures) ON (f.until);
