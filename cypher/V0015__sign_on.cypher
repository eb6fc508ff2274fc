// single sign-on (docs/sso.md): a person at the provider is one account here; a sign-in under way is found by its state
CREATE CONSTRAINT user_sso_key IF NOT EXISTS FOR (u:User) REQUIRE u.ssoKey IS UNIQUE;
CREATE CONSTRAINT sign_in_state IF NOT EXISTS FOR (s:SignIn) REQUIRE s.stateHash IS UNIQUE;
CREATE INDEX sign_in_expires IF NOT EXISTS FOR (s:SignIn) ON (s.expiresAt);
CREATE INDEX session_sso_key IF NOT EXISTS FOR (s:Session) ON (s.ssoKey);
CREATE INDEX session_sso_sid IF NOT EXISTS FOR (s:Session) ON (s.ssoSid);
