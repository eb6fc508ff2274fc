package org.liandong.accounts;

final class AccountCypher {
  private AccountCypher() {}

  static final String USER_FIELDS = """
      u {.id, .username, .displayName, .roles, .active, .version, .createdAt, .updatedAt, .email, .mobile,
         language: coalesce(u.language, 'zh-CN'), departmentId: d.id, departmentName: d.name, .ssoSubject,
         signIn: CASE WHEN u.ssoKey IS NOT NULL AND u.passwordHash IS NOT NULL THEN 'both'
                      WHEN u.ssoKey IS NOT NULL THEN 'provider' WHEN u.passwordHash IS NOT NULL THEN 'password'
                      WHEN u.kioskKeyHash IS NOT NULL THEN 'kiosk' ELSE 'none' END}""";

  static final String BY_USERNAME = """
      MATCH (u:User {username: $username})
      OPTIONAL MATCH (u)-[:MEMBER_OF]->(d:Department)
      RETURN u.passwordHash AS passwordHash, u.active AS active, %s AS user
      """.formatted(USER_FIELDS);

  /** The wall account a kiosk key opens: only while it holds the wall role and is active. */
  static final String BY_KIOSK_KEY = """
      MATCH (u:User {kioskKeyHash: $hash})
      WHERE 'wall' IN u.roles AND u.active
      OPTIONAL MATCH (u)-[:MEMBER_OF]->(d:Department)
      RETURN %s AS user
      """.formatted(USER_FIELDS);

  /** A new kiosk key replaces the old one (whose screens are logged out with the account's other sessions). */
  static final String SET_KIOSK_KEY = """
      MATCH (u:User {id: $id})
      SET u.kioskKeyHash = $hash
      RETURN u.roles AS roles
      """;

  static final String CREATE_SESSION = """
      MATCH (u:User {id: $userId})
      CREATE (s:Session {tokenHash: $tokenHash, openedAt: $now,
                         expiresAt: $now + duration({seconds: $ttlSeconds})})-[:OF]->(u)
      SET s += $origin
      RETURN toString(s.expiresAt) AS expiresAt
      """;

  static final String SESSION = """
      MATCH (s:Session {tokenHash: $tokenHash})-[:OF]->(u:User)
      WHERE s.expiresAt > $now AND u.active
      OPTIONAL MATCH (u)-[:MEMBER_OF]->(d:Department)
      RETURN s.expiresAt.epochMillis AS expiresAt, %s AS user
      """.formatted(USER_FIELDS);

  /** Ends a session; a provider's session gives back the ID token its logout there is asked with. */
  static final String DELETE_SESSION = """
      MATCH (s:Session {tokenHash: $tokenHash})
      WITH s, s.idToken AS idToken
      DETACH DELETE s
      RETURN idToken
      """;

  /** The sessions the provider ended (back-channel logout): one of its sessions, or all of the person's. */
  static final String END_PROVIDER_SESSIONS = """
      MATCH (s:Session)
      WHERE s.ssoKey IS NOT NULL AND ($key IS NULL OR s.ssoKey = $key) AND ($sid IS NULL OR s.ssoSid = $sid)
      WITH s, s.tokenHash AS hash
      DETACH DELETE s
      RETURN hash
      """;

  static final String LIST = """
      MATCH (u:User)
      OPTIONAL MATCH (u)-[:MEMBER_OF]->(d:Department)
      RETURN %s AS user ORDER BY u.username
      """.formatted(USER_FIELDS);

  static final String ONE = """
      MATCH (u:User {id: $id})
      OPTIONAL MATCH (u)-[:MEMBER_OF]->(d:Department)
      RETURN %s AS user
      """.formatted(USER_FIELDS);

  static final String CREATE = """
      CREATE (u:User {id: $id, username: $username, displayName: $displayName, roles: $roles,
                      passwordHash: $passwordHash, active: true, version: 1,
                      email: $email, mobile: $mobile, language: $language,
                      createdAt: $now, updatedAt: $now})
      WITH u
      OPTIONAL MATCH (d:Department {id: $departmentId})
      FOREACH (x IN CASE WHEN d IS NULL THEN [] ELSE [1] END | CREATE (u)-[:MEMBER_OF]->(d))
      RETURN u {.*, passwordHash: null, kioskKeyHash: null} AS user
      """;

  static final String UPDATE = """
      MATCH (u:User {id: $id})
      SET u += $changes, u.version = u.version + 1, u.updatedAt = $now
      RETURN u {.*, passwordHash: null, kioskKeyHash: null} AS user
      """;

  static final String MOVE = """
      MATCH (u:User {id: $id})
      OPTIONAL MATCH (u)-[m:MEMBER_OF]->(:Department)
      DELETE m
      WITH DISTINCT u
      MATCH (d:Department {id: $departmentId})
      CREATE (u)-[:MEMBER_OF]->(d)
      """;

  static final String END_SESSIONS = "MATCH (s:Session)-[:OF]->(:User {id: $id}) DETACH DELETE s";

  static final String ANY_ADMIN = "MATCH (u:User) WHERE 'admin' IN u.roles RETURN count(u) AS admins";

  /** Sessions past their expiry, a batch at a time (the retention timer). */
  static final String EXPIRED_SESSIONS = """
      MATCH (s:Session) WHERE s.expiresAt < $cutoff
      WITH s LIMIT $batch
      DETACH DELETE s
      RETURN count(*) AS deleted
      """;

  /** Per key ({key, limit}) the failure whose leaving the window frees it, when the key is full; else null. */
  static final String LOGIN_FAILURES = """
      UNWIND $keys AS k
      OPTIONAL MATCH (f:LoginFailures {key: k.key})
      WITH k, [t IN coalesce(f.times, []) WHERE t > $since] AS times
      RETURN k.key AS key, CASE WHEN size(times) >= k.limit THEN times[size(times) - k.limit] END AS oldest
      """;

  /**
   * One more failure for each key, the failures out of the window dropped and at most the key's
   * limit kept. The first SET takes the node's lock, so two nodes counting at once lose nothing.
   */
  static final String LOGIN_FAILED = """
      UNWIND $keys AS k
      MERGE (f:LoginFailures {key: k.key})
      SET f.lockedAt = $at
      WITH f, k, [t IN coalesce(f.times, []) WHERE t > $since] AS kept
      SET f.times = kept[CASE WHEN size(kept) >= k.limit THEN size(kept) - k.limit + 1 ELSE 0 END..] + $at,
          f.until = $until
      """;

  static final String LOGIN_SUCCEEDED = """
      MATCH (f:LoginFailures {key: $key}) DELETE f
      """;

  static final String EXPIRED_LOGIN_FAILURES = """
      MATCH (f:LoginFailures) WHERE f.until < $cutoff.epochMillis
      WITH f LIMIT $batch
      DELETE f
      RETURN count(*) AS deleted
      """;

  /** Who can be picked (champions, liaison, invitees): active people, their roles and departments, nothing else. */
  static final String PEOPLE = """
      MATCH (u:User) WHERE u.active AND u.username <> 'admin'
      OPTIONAL MATCH (u)-[:MEMBER_OF]->(d:Department)
      RETURN u {.id, .displayName, .roles, departmentId: d.id, departmentName: d.name} AS person
      ORDER BY d.name, u.displayName
      """;
}
