package org.liandong.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The console guard against the corpus: what an analyst asks passes, what would write, reach a
 * secret or run without bound is refused. The corpus also guards an upgrade of the embedded
 * Neo4j, whose Cypher 25 grammar the guard reads.
 */
@DisplayName("The console's guard on the parse tree")
class CypherGuardTest {

  static Stream<String> harmless() {
    return Stream.of(
        "MATCH (d:Department)-[o:OWES]->(x:Obligation)-[:FOR]->(p:Project {id: 'p-hadian'}) WHERE x.title CONTAINS '证' RETURN d, o, x, p.name AS project ORDER BY x.title LIMIT 3",
        "MATCH (n:Project) WHERE n.name CONTAINS 'CREATE' OR n.company = 'DELETE ME' RETURN count(n)",
        "CALL db.labels()",
        "CALL db.schema.visualization()",
        "RETURN date('2023-06-26').year AS y, duration.between(date('2023-05-20'), date('2023-06-27')).days AS d",
        "RETURN 1 AS show", "RETURN 1 AS transactions", "MATCH (load:Project) RETURN load.name",
        "MATCH (p:Project) RETURN p.stage AS stage, count(*) AS n ORDER BY n DESC",
        "MATCH (p:Project)<-[:CHAMPIONS]-(u:User) RETURN u.displayName, collect(p.name) AS projects",
        "MATCH path = (a:Obligation)-[:DEPENDS_ON*1..5]->(b:Obligation) RETURN path LIMIT 10",
        "MATCH (p:Project) WITH p ORDER BY p.investmentYi DESC LIMIT 5 RETURN p {.name, .investmentYi}",
        "MATCH (p:Project) RETURN p.name, [(p)<-[:FOR]-(o:Obligation) WHERE o.status <> 'done' | o.title] AS open",
        "MATCH (p:Project) WHERE EXISTS { (p)<-[:FOR]-(:Obligation {status: 'blocked'}) } RETURN p.name",
        "MATCH (p:Project) RETURN p.name, COUNT { (p)<-[:FOR]-(:Obligation) } AS n",
        "UNWIND range(1, 10) AS i RETURN i * i",
        "MATCH (o:Obligation) WHERE o.dueOn < date() AND o.status <> 'done' RETURN o.title, o.dueOn",
        "MATCH (p:Project) WHERE p.name =~ '.*储能.*' RETURN p.name",
        "MATCH (o:Obligation) RETURN o.status, count(*) AS n, avg(o.durationDays) AS days",
        "MATCH (c:Change {projectId: $id}) RETURN c.type, c.at ORDER BY c.at DESC LIMIT 20",
        "MATCH (p:Project) CALL (p) { MATCH (p)<-[:FOR]-(o:Obligation) RETURN count(o) AS n } RETURN p.name, n",
        "MATCH (p:Project) RETURN p.name, CASE WHEN p.investmentYi >= 10 THEN 'big' ELSE 'small' END AS size",
        "MATCH (m:Meeting)-[:ABOUT]->(p:Project) RETURN m.title, collect(p.name)",
        "MATCH (d:Decision)-[:TAKEN_IN]->(m:Meeting) RETURN d.text, m.title",
        "MATCH (u:User)-[:MEMBER_OF]->(d:Department) RETURN d.name, count(u)",
        "RETURN [1, 2, 3][0] AS first, toUpper('a') AS a, split('a,b', ',') AS parts",
        "MATCH (p:Project) RETURN p.name SKIP 2 LIMIT 2 UNION MATCH (d:Department) RETURN d.name SKIP 0 LIMIT 2",
        "MATCH (n) RETURN labels(n) AS labels, count(*) AS n",
        "MATCH (p:Project) RETURN p.name, replace(p.name, '项目', '')");
  }

  static Stream<String> hostile() {
    var writes = Stream.of(
        "CREATE (n:Hacked {x: 1})", "INSERT (n:Hacked {x: 1})", "MERGE (n:Project {code: 'x'})",
        "MATCH (n:Project) SET n.name = 'x'", "MATCH (n:Project) REMOVE n.name", "MATCH (n:Project) DELETE n",
        "MATCH (n:Project) DETACH DELETE n", "MATCH (n:Project) SET n:Hacked", "MATCH (n:Project) REMOVE n:Project",
        "FOREACH (x IN [1] | CREATE (:Hacked))", "MATCH (p:Project) FOREACH (x IN [1] | SET p.name = 'x')",
        "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", "LOAD CSV WITH HEADERS FROM 'http://x/y.csv' AS r RETURN r",
        "CALL { CREATE (:Hacked) } IN TRANSACTIONS", "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS",
        "USE system SHOW USERS", "USE neo4j MATCH (n:Project) RETURN n",
        "SHOW USERS", "SHOW DATABASES", "SHOW TRANSACTIONS", "TERMINATE TRANSACTIONS 'x'", "SHOW PROCEDURES", "SHOW FUNCTIONS",
        "SHOW INDEXES", "SHOW CONSTRAINTS", "SHOW SETTINGS", "SHOW CURRENT USER", "SHOW PRIVILEGES",
        "CREATE INDEX x FOR (n:Project) ON (n.name)", "DROP INDEX project_stage", "DROP CONSTRAINT project_id",
        "CREATE CONSTRAINT c FOR (n:X) REQUIRE n.x IS UNIQUE", "CREATE USER bob SET PASSWORD 'x'", "DROP USER neo4j",
        "ALTER USER neo4j SET PASSWORD 'x'", "ALTER CURRENT USER SET PASSWORD FROM 'a' TO 'b'", "CREATE DATABASE x",
        "DROP DATABASE neo4j", "STOP DATABASE neo4j", "START DATABASE neo4j", "CREATE ROLE r", "GRANT ROLE admin TO neo4j",
        "DENY READ {*} ON GRAPH * TO reader", "REVOKE ROLE admin FROM neo4j", "RENAME USER a TO b",
        "CALL dbms.killQueries(['x'])", "CALL dbms.listConfig()", "CALL dbms.security.listUsers()",
        "CALL db.createLabel('X')", "CALL db.index.fulltext.createNodeIndex('x', ['A'], ['b'])",
        "CALL apoc.export.csv.all('x.csv', {})", "RETURN apoc.version()", "CALL db.clearQueryCaches()",
        "CALL dbms.components() YIELD name RETURN name", "CALL tx.setMetaData({a: 1})",
        "MATCH (n:Project) RETURN n; CREATE (:Hacked)", "RETURN 1; RETURN 2",
        "EXPLAIN MATCH (n:Project) RETURN n", "PROFILE MATCH (n:Project) RETURN n",
        "CYPHER runtime=interpreted CREATE (:Hacked)", "MATCH (n:Project) CREATE (n)-[:X]->(:Hacked)",
        "MATCH (a:Project), (b:Project) MERGE (a)-[:X]->(b)", "CALL { MATCH (n:Project) SET n.x = 1 }",
        "MATCH (n:Project) WITH n SET n += {x: 1}", "MATCH (n:Project) SET n = {}",
        "MATCH (n:Project) SET n.`name` = 'x'", "MATCH (n:Project)\nSET\tn.name = 'x'", "match (n:Project) detach delete n",
        "MaTcH (n:Project) DeLeTe n", "MATCH (n:Project) /* x */ DELETE /* y */ n", "MATCH (n:Project) // c\nDELETE n");
    var secrets = Stream.of(
        "MATCH (u:User) RETURN u.passwordHash", "MATCH (u:User) RETURN substring(u.passwordHash, 0, 20)",
        "MATCH (u:User) RETURN [u.passwordHash]", "MATCH (u:User) RETURN collect(u.passwordHash)",
        "MATCH (u:User) RETURN [k IN keys(u) | u[k]]", "MATCH (u:User) RETURN u['passwordHash']",
        "MATCH (u:User) RETURN u[$k]", "MATCH (u:User) RETURN properties(u)", "MATCH (u:User) RETURN u {.*}",
        "MATCH (u:User) RETURN u {.passwordHash}", "MATCH (u:User) RETURN right(u.passwordHash, 10)",
        "MATCH (u:User) RETURN reverse(u.passwordHash)", "MATCH (u:User) RETURN toUpper(u.passwordHash)",
        "MATCH (u:User) RETURN replace(u.passwordHash, 'a', 'b')", "MATCH (u:User) RETURN ltrim(u.passwordHash)",
        "MATCH (u:User) RETURN split(u.passwordHash, '$')", "MATCH (u:User) WHERE u.passwordHash STARTS WITH '$argon2id$v=19$m=1' RETURN u.username",
        "MATCH (u:User) RETURN date(u.passwordHash)", "MATCH (u:User) RETURN duration(u.passwordHash)",
        "MATCH (u:User) RETURN point({x: u.passwordHash})", "MATCH (u:User {passwordHash: $h}) RETURN u.username",
        "MATCH (u:User $props) RETURN u.username", "MATCH (u:User) WHERE u.`passwordHash` IS NOT NULL RETURN u.username",
        "MATCH (s:Session) RETURN s", "MATCH (s:Session) RETURN s.tokenHash", "MATCH (s:Session) RETURN count(s)",
        "MATCH (k:IdempotencyKey) RETURN k.key", "MATCH (a:ConsoleAudit) RETURN a.statement",
        "MATCH (q:SavedQuery) RETURN q.statement", "MATCH (c:Channel) RETURN c.name", "MATCH (m:__Migration) RETURN m",
        "MATCH (n) RETURN n.tokenHash", "MATCH (n) RETURN n.csrf", "MATCH (n) RETURN n.statement", "MATCH (n) RETURN n.key",
        "MATCH (n) WHERE n.tokenHash IS NOT NULL RETURN count(n)", "MATCH (u:User)<-[:OF]-(s) RETURN s",
        "MATCH (u:User)<-[:OWNED_BY]-(q) RETURN q", "MATCH (n:$($label)) RETURN n", "MATCH (n:$any(['Session'])) RETURN n",
        "MATCH (n) WHERE n:Session RETURN n", "MATCH (n) WHERE n:`Session` RETURN n", "MATCH (n:Project|Session) RETURN n",
        "MATCH (n:!Project) RETURN n.tokenHash", "MATCH ()-[r:OF]->() RETURN r", "MATCH ()-[r:OWNED_BY]->() RETURN r",
        "MATCH (c:Change)-[r:IN]->(ch) RETURN r.seq", "MATCH (u:User) RETURN u.passwordHash =~ '.*'",
        "WITH 'passwordHash' AS k MATCH (u:User) RETURN u[k]", "MATCH (u:User) RETURN valueType(u.passwordHash)",
        "MATCH (u:User) RETURN size(u.passwordHash)", "MATCH (u:User) RETURN [x IN [u] | x.passwordHash]",
        "MATCH (u:User) WITH u {.id, hash: u.passwordHash} AS m RETURN m");
    var unbounded = Stream.of(
        "RETURN reduce(a = 0, x IN range(1, 1500000000) | a + x)", "RETURN reduce(s = 'x', i IN range(1, 30) | s + s)",
        "UNWIND range(1, 20000000) AS x RETURN size(collect(x))", "RETURN range(1, 10000000)",
        "UNWIND range(1, 1000) AS a UNWIND range(1, 1000) AS b RETURN count(*)",
        "RETURN [x IN range(1, 100000) | [y IN range(1, 100) | y]]",
        "RETURN 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' =~ '(.*a){12}'", "RETURN 'aaaa' =~ '(a+)+b'",
        "RETURN 'aaaa' =~ '(a|aa)*c'", "RETURN 'ab' =~ '(a)\\\\1'", "RETURN 'x' =~ $pattern",
        "MATCH (p:Project) RETURN p.name =~ p.code", "RETURN 'x' =~ '.*.*.*.*a'", "RETURN range(1, $n)",
        "RETURN range(1, toInteger('100000000'))", "WITH 100000000 AS n RETURN range(1, n)",
        "RETURN replace(replace(replace('a', 'a', 'aaaaaaaa'), 'a', 'aaaaaaaa'), 'a', 'aaaaaaaa')",
        "RETURN replace('a', 'a', '" + "b".repeat(100) + "')", "RETURN '" + "x".repeat(1500) + "'",
        "RETURN " + "[".repeat(3000) + "]".repeat(3000), "RETURN " + "(".repeat(100) + "1" + ")".repeat(100),
        "RETURN allReduce(acc = 0, x IN [1] | acc + x, acc < 10)");
    return Stream.of(writes, secrets, unbounded).flatMap(s -> s);
  }

  @ParameterizedTest(name = "passes: {0}")
  @MethodSource("harmless")
  @DisplayName("what an analyst asks passes")
  void passes(String cypher) {
    var refusal = CypherGuard.check(cypher, Map.of("id", "p-n7"));
    assertThat(refusal).as(cypher).isNull();
  }

  @ParameterizedTest(name = "refused: {0}")
  @MethodSource("hostile")
  @DisplayName("a write, a secret or an unbounded evaluation is refused, with a reason in both languages")
  void refused(String cypher) {
    var params = Map.<String, Object>of("k", "passwordHash", "h", "x", "label", "Session", "props", Map.of("active", true),
        "pattern", "(.*a){12}", "n", 100_000_000);
    var refusal = CypherGuard.check(cypher, params);
    assertThat(refusal).as(cypher).isNotNull();
    assertThat(refusal.reason().en()).isNotBlank();
    assertThat(refusal.reason().zh()).isNotBlank();
  }

  static List<String> corpus() {
    return hostile().toList();
  }
}
