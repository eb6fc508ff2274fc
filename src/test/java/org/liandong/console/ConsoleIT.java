package org.liandong.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.liandong.Api;
import org.liandong.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The analyst's Cypher console: read-only, bounded, saved, audited")
class ConsoleIT {
  static Api analyst;
  static Api admin;

  /** Writes in every form, schema and admin commands, LOAD CSV, IN TRANSACTIONS, procedures, tricks. */
  static final List<String> UNSAFE = List.of(
      "CREATE (n:Hacked) RETURN n",
      "MATCH (n:Project) SET n.name = 'x'",
      "MATCH (n:Obligation) DELETE n",
      "MATCH (n) DETACH DELETE n",
      "MERGE (n:Hacked {id: 1}) RETURN n",
      "MATCH (n:Project) REMOVE n.name",
      "MATCH (n:Project) SET n:Hacked",
      "MATCH (n:Project) SET n += {name: 'x'}",
      "create index hacked for (n:Hacked) on (n.x)",
      "DROP CONSTRAINT project_id",
      "CREATE CONSTRAINT hacked FOR (n:Hacked) REQUIRE n.id IS UNIQUE",
      "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
      "LOAD CSV WITH HEADERS FROM 'http://example.com/x.csv' AS row RETURN row",
      "load csv from \"https://127.0.0.1/x\" as r return r",
      "LOAD\u00A0CSV FROM 'file:///etc/passwd' AS r RETURN r",
      "MATCH (n:Project) CALL (n) { SET n.x = 1 } IN TRANSACTIONS",
      "UNWIND range(1, 10) AS i CALL (i) { RETURN i AS j } IN TRANSACTIONS OF 2 ROWS RETURN j",
      "MATCH (n) CALL (n) { DETACH DELETE n }",
      "CALL dbms.listConfig()",
      "CALL dbms.security.listUsers()",
      "CALL dbms.killQueries(['query-1'])",
      "CALL dbms.components()",
      "RETURN apoc.version()",
      "CALL apoc.load.json('file:///etc/passwd')",
      "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})",
      "CALL db.createLabel('Hacked')",
      "CALL db.clearQueryCaches()",
      "CALL tx.setMetaData({a: 1})",
      "CALL `dbms`.`listConfig`()",
      "CALL `apoc.load.json`('file:///etc/passwd')",
      "SHOW USERS",
      "SHOW DATABASES",
      "SHOW TRANSACTIONS",
      "CREATE DATABASE evil",
      "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
      "STOP DATABASE neo4j",
      "USE system SHOW USERS",
      "USE neo4j MATCH (n) RETURN n",
      "CREATE USER evil SET PASSWORD 'password123'",
      "GRANT ROLE admin TO evil",
      "ALTER DATABASE neo4j SET ACCESS READ ONLY",
      "MATCH (n) RETURN n; MATCH (m) DETACH DELETE m",
      "RETURN 1; CREATE (x)",
      "/* harmless */ CREATE (n:Hacked) // really",
      "MATCH (n) // a comment\nDETACH DELETE n",
      "mAtCh (n:Project) sEt n.evil = true",
      "FOREACH (x IN [1] | CREATE (:Hacked))",
      "CREATE (n:`\\u0041`)",
      "MATCH (n:Project) SET n.name = \"\\u0027; MATCH (m) DETACH DELETE m\"",
      "EXPLAIN CREATE (n:Hacked)",
      "PROFILE MATCH (n:Project) DELETE n",
      "CYPHER runtime=interpreted CREATE (n:Hacked)",
      "MATCH (n:Project) WITH n LIMIT 1 CALL db.index.fulltext.queryNodes('x', 'y') YIELD node RETURN node");

  @BeforeAll
  static void logIn() {
    analyst = TestServer.api().as("demo-analyst");
    admin = TestServer.api().as("demo-admin");
  }

  static Api.Response query(Api who, String cypher) {
    return who.post("/api/console/query", new JsonObject().put("cypher", cypher));
  }

  /** Node and relationship counts and a digest of every property, less the audit, sessions and the timers' leases (they change every round). */
  static String snapshot() {
    var graph = TestServer.get().graph();
    var nodes = graph.query("""
        MATCH (n) WHERE NOT n:ConsoleAudit AND NOT n:Session AND NOT n:Lease
        RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props ORDER BY id""", Map.of()).await();
    var rels = graph.query("""
        MATCH (a)-[r]->(b) WHERE NOT type(r) = 'OF'
        RETURN elementId(r) AS id, type(r) AS type, properties(r) AS props ORDER BY id""", Map.of()).await();
    var text = new StringBuilder().append(nodes.size()).append('/').append(rels.size());
    nodes.forEach(r -> text.append(r.get("id").asString()).append(r.get("labels").asList()).append(new java.util.TreeMap<>(r.get("props").asMap())));
    rels.forEach(r -> text.append(r.get("id").asString()).append(r.get("type").asString()).append(new java.util.TreeMap<>(r.get("props").asMap())));
    try {
      return nodes.size() + " nodes, " + rels.size() + " relationships, " + HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What must never leave the server, whatever a query tries: hashes, tokens and other people's records. */
  static List<String> secrets() {
    var graph = TestServer.get().graph();
    var found = new java.util.ArrayList<String>(List.of("$argon2", analyst.token(), admin.token()));
    graph.query("MATCH (s:Session) RETURN s.tokenHash AS h LIMIT 50", Map.of()).await()
        .forEach(r -> found.add(r.get("h").asString()));
    graph.query("MATCH (k:IdempotencyKey) RETURN k.key AS k LIMIT 50", Map.of()).await()
        .forEach(r -> found.add(r.get("k").asString()));
    return found;
  }

  @Test
  @DisplayName("every query of the hostile corpus (150+) is refused with a reason, no answer holds a secret, and the graph is unchanged")
  void unsafeCorpus() {
    var corpus = new java.util.ArrayList<>(UNSAFE);
    corpus.addAll(CypherGuardTest.corpus());
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(150);
    var before = snapshot();
    var secrets = secrets();
    for (var cypher : corpus) {
      var r = query(analyst, cypher);
      assertThat(r.status()).as(cypher + " → " + r.body()).isIn(400, 422);
      for (var secret : secrets) assertThat(r.body()).as(cypher).doesNotContain(secret);
      assertThat(r.json().getJsonObject("fields").getString("cypher")).as(cypher).isNotBlank();
    }
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  @DisplayName("reads run: columns, rows, the graph found, a summary; keywords inside strings are fine")
  void reads() {
    var r = query(analyst, "MATCH (d:Department)-[o:OWES]->(x:Obligation)-[:FOR]->(p:Project {id: 'p-hadian'}) "
        + "WHERE x.title CONTAINS '证' RETURN d, o, x, p.name AS project ORDER BY x.title LIMIT 3");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    var body = r.json();
    assertThat(body.getJsonArray("columns")).containsExactly("d", "o", "x", "project");
    assertThat(body.getJsonArray("rows")).hasSize(3);
    assertThat(body.getJsonObject("graph").getJsonArray("nodes")).isNotEmpty();
    assertThat(body.getJsonObject("graph").getJsonArray("relationships")).isNotEmpty();
    assertThat(body.getJsonObject("summary").getBoolean("truncated")).isFalse();

    assertThat(query(analyst, "MATCH (n:Project) WHERE n.name CONTAINS 'CREATE' OR n.company = 'DELETE ME' RETURN count(n)").status()).isEqualTo(200);
    assertThat(query(analyst, "CALL db.labels()").status()).isEqualTo(200);
    assertThat(query(analyst, "RETURN date('2023-06-26').year AS y, duration.between(date('2023-05-20'), date('2023-06-27')).days AS d").status()).isEqualTo(200);
    var secret = query(analyst, "MATCH (u:User {username: 'demo-admin'}) RETURN u.passwordHash AS h, u {.*} AS u");
    assertThat(secret.body()).doesNotContain("argon2");
    var plan = analyst.post("/api/console/query", new JsonObject().put("cypher", "MATCH (p:Project) RETURN p.name").put("plan", "profile"));
    assertThat(plan.json().getJsonObject("plan").getString("operator")).isNotBlank();
    assertThat(query(analyst, "MATCH (n RETURN n").status()).isEqualTo(400);
  }

  @Test
  @DisplayName("the row cap holds and says so")
  void rowCap() {
    var r = query(analyst, "UNWIND range(1, 5000) AS x RETURN x").json();
    assertThat(r.getJsonArray("rows")).hasSize(1000);
    assertThat(r.getJsonObject("summary").getBoolean("truncated")).isTrue();
  }

  @Test
  @DisplayName("a query over the timeout is stopped, and the server answers others meanwhile")
  void timeout() {
    long t0 = System.nanoTime();
    var slow = CompletableFuture.supplyAsync(() ->
        query(analyst, "MATCH (a), (b), (c), (d) RETURN sum(size(coalesce(a.name, '') + coalesce(b.name, '') + coalesce(c.name, '') + coalesce(d.name, '')))"));
    var health = TestServer.api().get("/health/ready");
    assertThat(health.status()).isEqualTo(200);
    var result = slow.join();
    long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
    assertThat(result.status()).isEqualTo(422);
    assertThat(result.json().getJsonObject("fields").getString("cypher")).contains("stopped");
    assertThat(seconds).as("stopped within the 6 s limit + 3 s").isLessThanOrEqualTo(9);
  }

  @Test
  @DisplayName("other roles get 403")
  void roles() {
    for (var user : List.of("demo-officer", "demo-coordinator", "demo-leader")) {
      assertThat(query(TestServer.api().as(user), "RETURN 1").status()).as(user).isEqualTo(403);
    }
    assertThat(query(admin, "RETURN 1").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("saved queries are shared with roles, published as battle-map tiles, and every query is audited")
  void savedAndAudited() {
    var saved = analyst.post("/api/console/saved", new JsonObject().put("name", "逾期事项按部门").put("description", "测试")
        .put("cypher", "MATCH (d:Department)-[:OWES]->(o:Obligation) WHERE o.status <> 'done' AND o.dueOn < date() RETURN d.name AS 部门, count(o) AS 逾期 ORDER BY 逾期 DESC")
        .put("sharedWith", new JsonArray().add("leader")).put("onBattleMap", true));
    assertThat(saved.status()).as(saved.body()).isEqualTo(201);
    var id = saved.json().getString("id");
    var leader = TestServer.api().as("demo-leader");
    assertThat(leader.get("/api/console/saved").array().stream().map(JsonObject.class::cast).map(q -> q.getString("id"))).contains(id);
    assertThat(TestServer.api().as("demo-officer").get("/api/console/saved").array().stream().map(JsonObject.class::cast)
        .map(q -> q.getString("id"))).doesNotContain(id);
    var tile = leader.get("/api/console/tiles").array().stream().map(JsonObject.class::cast)
        .filter(q -> id.equals(q.getString("id"))).findFirst().orElseThrow();
    assertThat(tile.getJsonObject("result").getJsonArray("columns")).containsExactly("部门", "逾期");

    assertThat(analyst.post("/api/console/saved", new JsonObject().put("name", "坏的").put("cypher", "MATCH (n) DELETE n")).status()).isEqualTo(422);
    assertThat(analyst.patch("/api/console/saved/" + id, new JsonObject().put("version", 1).put("onBattleMap", false)).status()).isEqualTo(200);
    assertThat(admin.with("If-Match", "\"1\"").patch("/api/console/saved/" + id, new JsonObject().put("name", "x")).status()).isEqualTo(409);

    query(analyst, "MATCH (n) DETACH DELETE n");
    var audit = admin.get("/api/console/audit?limit=50").array().stream().map(JsonObject.class::cast).toList();
    var refused = audit.stream().filter(a -> "MATCH (n) DETACH DELETE n".equals(a.getString("cypher"))).findFirst().orElseThrow();
    assertThat(refused.getBoolean("refused")).isTrue();
    assertThat(refused.getString("reason")).isNotBlank();
    assertThat(refused.getString("username")).isEqualTo("demo-analyst");
    assertThat(analyst.get("/api/console/audit").status()).isEqualTo(403);
    assertThat(analyst.get("/api/console/history").array()).isNotEmpty();
  }

  @Test
  @DisplayName("a tile runs once per change on a node: every screen gets the same answer until the next commit, then a new one")
  void tilesOncePerChange() {
    var saved = analyst.post("/api/console/saved", new JsonObject().put("name", "每次运行不同").put("cypher", "RETURN randomUUID() AS run")
        .put("sharedWith", new JsonArray().add("leader").add("coordinator")).put("onBattleMap", true));
    assertThat(saved.status()).as(saved.body()).isEqualTo(201);
    var id = saved.json().getString("id");
    var leader = TestServer.api().as("demo-leader");
    var office = TestServer.api().as("demo-coordinator");
    java.util.function.Function<org.liandong.Api, String> run = api -> api.get("/api/console/tiles").array().stream()
        .map(JsonObject.class::cast).filter(q -> id.equals(q.getString("id"))).findFirst().orElseThrow()
        .getJsonObject("result").getJsonArray("rows").getJsonArray(0).getString(0);
    var first = run.apply(leader);
    assertThat(run.apply(office)).as("another screen, the same run").isEqualTo(first);
    assertThat(run.apply(leader)).as("the same screen again, the same run").isEqualTo(first);
    assertThat(office.post("/api/projects", new JsonObject().put("code", "TILE-" + java.util.UUID.randomUUID().toString().substring(0, 6))
        .put("name", "看板刷新").put("company", "测试").put("investmentYi", 0.5).put("stage", "signed").put("level", "district")
        .put("signedOn", "2022-01-01")).status()).isEqualTo(201);
    assertThat(run.apply(leader)).as("after a change, run again").isNotEqualTo(first);
  }

  @Test
  @DisplayName("a private saved query is the owner's alone: others get 403 reading it and never see it as a tile")
  void sharing() {
    var mine = analyst.post("/api/console/saved", new JsonObject().put("name", "私有查询").put("cypher", "MATCH (p:Project) RETURN count(p) AS n")
        .put("onBattleMap", true));
    assertThat(mine.status()).isEqualTo(201);
    var id = mine.json().getString("id");
    var officer = TestServer.api().as("demo-officer");
    assertThat(officer.get("/api/console/saved/" + id).status()).isEqualTo(403);
    assertThat(TestServer.api().as("demo-leader").get("/api/console/saved/" + id).status()).isEqualTo(403);
    assertThat(officer.get("/api/console/tiles").array().stream().map(JsonObject.class::cast).map(q -> q.getString("id"))).doesNotContain(id);
    assertThat(analyst.get("/api/console/saved/" + id).status()).isEqualTo(200);
    assertThat(admin.get("/api/console/saved/" + id).status()).isEqualTo(200);
    assertThat(analyst.patch("/api/console/saved/" + id, new JsonObject().put("version", 1).put("sharedWith", new JsonArray().add("officer")))
        .status()).isEqualTo(200);
    assertThat(officer.get("/api/console/saved/" + id).status()).isEqualTo(200);
    assertThat(officer.get("/api/console/tiles").array().stream().map(JsonObject.class::cast).map(q -> q.getString("id"))).contains(id);
  }

  @Test
  @DisplayName("an unnamed pattern that reaches sessions, audit entries or saved queries gets them hidden, never their contents")
  void hiddenRecords() {
    var secrets = secrets();
    for (var cypher : List.of("MATCH (n) RETURN n", "MATCH (u:User)<-[r]-(x) RETURN x, type(r)", "MATCH (n) RETURN n.username, n.at, n.name, n.createdAt",
        "MATCH (n) RETURN n.id, n.title, n.description", "MATCH p = (u:User)<-[*1..2]-() RETURN p LIMIT 200")) {
      var r = query(analyst, cypher);
      assertThat(r.status()).as(cypher + " → " + r.body()).isEqualTo(200);
      for (var secret : secrets) assertThat(r.body()).as(cypher).doesNotContain(secret);
      assertThat(r.body()).as(cypher).doesNotContain("MATCH (p:Project) RETURN count").doesNotContain("tokenHash").doesNotContain("passwordHash");
    }
    var all = query(analyst, "MATCH (n) RETURN n").json().getJsonArray("rows");
    assertThat(all.stream().map(row -> ((JsonArray) row).getJsonObject(0)).filter(n -> n.getBoolean("hidden", false))).isNotEmpty();
  }

  @Test
  @DisplayName("an answer is capped in bytes as in rows, and a person runs at most two queries at once (429 beyond)")
  void perPersonBounds() {
    var text = "'" + "长".repeat(990) + "'";
    var big = query(analyst, "UNWIND range(1, 900) AS x RETURN x, " + text + " AS a, " + text + " AS b").json();
    assertThat(big.getJsonObject("summary").getBoolean("truncated")).isTrue();
    assertThat(big.getJsonArray("rows").size()).isLessThan(900);

    var slow = "MATCH (a), (b), (c), (d) RETURN sum(size(coalesce(a.name, '') + coalesce(b.name, '') + coalesce(c.name, '') + coalesce(d.name, '')))";
    var running = List.of(CompletableFuture.supplyAsync(() -> query(analyst, slow)), CompletableFuture.supplyAsync(() -> query(analyst, slow)),
        CompletableFuture.supplyAsync(() -> query(analyst, slow)));
    var statuses = running.stream().map(CompletableFuture::join).map(Api.Response::status).toList();
    assertThat(statuses).contains(429).allMatch(s -> s == 422 || s == 429);
    assertThat(query(analyst, "RETURN 1").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("a running query can be stopped by the person who started it, and by no one else; it answers 'stopped at your request'")
  void cancel() {
    var runId = "run-" + java.util.UUID.randomUUID();
    var slow = "MATCH (a), (b), (c), (d) RETURN sum(size(coalesce(a.name, '') + coalesce(b.name, '') + coalesce(c.name, '') + coalesce(d.name, '')))";
    var running = CompletableFuture.supplyAsync(() -> analyst.post("/api/console/query",
        new JsonObject().put("cypher", slow).put("runId", runId)));
    // not started yet, or someone else's: 404; the owner's once it runs: 204
    int status = 404;
    for (int i = 0; i < 100 && status == 404 && !running.isDone(); i++) {
      assertThat(admin.delete("/api/console/runs/" + runId).status()).as("another person cannot stop it").isEqualTo(404);
      status = analyst.delete("/api/console/runs/" + runId).status();
    }
    assertThat(status).isEqualTo(204);
    var result = running.join();
    assertThat(result.status()).isEqualTo(422);
    assertThat(result.json().getJsonObject("fields").getString("cypher")).isEqualTo("stopped at your request");
    assertThat(result.json().getJsonObject("fieldsZh").getString("cypher")).isEqualTo("已按您的要求停止");
    assertThat(analyst.delete("/api/console/runs/" + runId).status()).as("a finished run").isEqualTo(404);
    assertThat(analyst.delete("/api/console/runs/no").status()).as("a malformed id").isEqualTo(400);
    assertThat(TestServer.api().as("demo-officer").delete("/api/console/runs/" + runId).status()).isEqualTo(403);
  }

  @Test
  @DisplayName("the schema lists the domain's labels, types and properties with counts, and nothing of the console's own records")
  void schema() {
    var schema = analyst.get("/api/console/schema");
    assertThat(schema.status()).isEqualTo(200);
    var labels = schema.json().getJsonArray("labels").stream().map(JsonObject.class::cast).toList();
    assertThat(labels).extracting(l -> l.getString("name")).contains("Project", "Obligation", "Department", "Meeting")
        .doesNotContain("Session", "ConsoleAudit", "SavedQuery", "IdempotencyKey", "Channel");
    var project = labels.stream().filter(l -> l.getString("name").equals("Project")).findFirst().orElseThrow();
    assertThat(project.getLong("count")).isGreaterThan(0);
    assertThat(project.getJsonArray("properties").getList()).contains("name", "stage", "investmentYi");
    var user = labels.stream().filter(l -> l.getString("name").equals("User")).findFirst().orElseThrow();
    assertThat(user.getJsonArray("properties").getList()).doesNotContain("passwordHash");
    assertThat(schema.json().getJsonArray("relationshipTypes").stream().map(t -> ((JsonObject) t).getString("name")))
        .contains("OWES", "FOR", "CHAMPIONS").doesNotContain("OWNED_BY");
    assertThat(TestServer.api().as("demo-leader").get("/api/console/schema").status()).isEqualTo(403);
  }
}
