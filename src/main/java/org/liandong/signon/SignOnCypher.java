package org.liandong.signon;

final class SignOnCypher {
  private SignOnCypher() {}

  /** A sign-in under way: found again by its state's hash when the provider sends the person back, for ten minutes. */
  static final String BEGIN = """
      CREATE (:SignIn {stateHash: $stateHash, verifier: $verifier, nonce: $nonce,
                       expiresAt: $now + duration({minutes: 10})})
      """;

  /** Takes the sign-in (once: a replayed answer finds nothing), whether it is still within its ten minutes. */
  static final String TAKE = """
      MATCH (s:SignIn {stateHash: $stateHash})
      WITH s, s.verifier AS verifier, s.nonce AS nonce, s.expiresAt > $now AS live
      DELETE s
      RETURN verifier, nonce, live
      """;

  static final String EXPIRED = """
      MATCH (s:SignIn) WHERE s.expiresAt < $cutoff
      WITH s LIMIT $batch
      DELETE s
      RETURN count(*) AS deleted
      """;

  static final String PERSON = "u {.id, .username, .displayName, .roles, departmentId: d.id, departmentName: d.name}";

  /** The account linked to the person's subject at the provider. */
  static final String LINKED = """
      MATCH (u:User {ssoKey: $key})
      OPTIONAL MATCH (u)-[:MEMBER_OF]->(d:Department)
      RETURN u.id AS id, u.active AS active, u.roles AS roles, d.id AS departmentId
      """;

  static final String USERNAME_TAKEN = "MATCH (u:User {username: $username}) RETURN u.id AS id";

  /** The first department among the claim's values (in their order) that names one here. */
  static final String DEPARTMENT = """
      UNWIND range(0, size($candidates) - 1) AS i
      MATCH (d:Department {id: $candidates[i]})
      RETURN d.id AS id ORDER BY i LIMIT 1
      """;

  /** A person the provider vouches for, new here (just in time): no password; the provider's name, e-mail and rights. */
  static final String CREATE = """
      CREATE (u:User {id: $id, username: $username, displayName: $displayName, roles: $roles, active: true, version: 1,
                      email: $email, mobile: null, language: 'zh-CN', ssoIssuer: $issuer, ssoSubject: $subject, ssoKey: $key,
                      createdAt: $now, updatedAt: $now})
      WITH u
      OPTIONAL MATCH (d:Department {id: $departmentId})
      FOREACH (x IN CASE WHEN d IS NULL THEN [] ELSE [1] END | CREATE (u)-[:MEMBER_OF]->(d))
      RETURN u {.*} AS user
      """;

  /** The rights the provider gives at this sign-in, and the department when it names one (the account's version moves). */
  static final String REFRESH = """
      MATCH (u:User {id: $id})
      SET u.roles = $roles, u.version = u.version + 1, u.updatedAt = $now
      WITH u
      OPTIONAL MATCH (u)-[m:MEMBER_OF]->(:Department)
      WITH u, collect(m) AS memberships
      OPTIONAL MATCH (d:Department {id: $departmentId})
      FOREACH (x IN CASE WHEN d IS NULL THEN [] ELSE [1] END |
        FOREACH (m IN memberships | DELETE m)
        CREATE (u)-[:MEMBER_OF]->(d))
      """;

  static final String READ = """
      MATCH (u:User {id: $id})
      OPTIONAL MATCH (u)-[:MEMBER_OF]->(d:Department)
      RETURN %s AS person
      """.formatted(PERSON);
}
