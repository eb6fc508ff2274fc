package org.liandong.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.Api;
import org.liandong.Deployment;
import org.liandong.Server;
import org.liandong.TestServer;
import org.liandong.config.AppConfig;

/**
 * Two Liandong nodes in clustered mode (Hazelcast on loopback) against one Neo4j server in a
 * JVM of its own, reached with the routing scheme: a change written through either node reaches
 * the sockets of both, each exactly once and in seq order; the caches of the node that did not
 * write forget at once; the schema is applied once though both nodes start together.
 */
class ClusterIT {
  private static final String PASSWORD = "cluster-test-password";
  private static Process neo4j;
  private static Server a;
  private static Server b;
  private static Api coordinatorA;
  private static Api coordinatorB;
  /** Both nodes send their outbox's mail here. */
  private static com.icegreen.greenmail.util.GreenMail mail;

  @BeforeAll
  static void start() throws Exception {
    int bolt = Deployment.freePort();
    neo4j = Deployment.neo4j(TestServer.tempDir("liandong-neo4j-"), bolt, PASSWORD);
    int hzA = Deployment.freePort();
    int hzB = Deployment.freePort();
    var members = "127.0.0.1:" + hzA + ",127.0.0.1:" + hzB;
    int smtp = Deployment.freePort();
    mail = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup(smtp, "127.0.0.1", "smtp"));
    mail.start();
    var outbox = Map.of("LIANDONG_SMTP_URL", "smtp://127.0.0.1:" + smtp, "LIANDONG_MAIL_FROM", "liandong@cluster.example",
        "LIANDONG_DELIVERY_SECONDS", "1");
    // both nodes start at once: the migration lock lets one apply the schema, the other finds it done
    try (var starting = Executors.newFixedThreadPool(2)) {
      var envA = Deployment.clustered(bolt, PASSWORD, hzA, members);
      var envB = Deployment.clustered(bolt, PASSWORD, hzB, members);
      envA.putAll(outbox);
      envB.putAll(outbox);
      var startA = CompletableFuture.supplyAsync(() -> Server.start(AppConfig.from(envA)), starting);
      var startB = CompletableFuture.supplyAsync(() -> Server.start(AppConfig.from(envB)), starting);
      a = startA.get(120, TimeUnit.SECONDS);
      b = startB.get(120, TimeUnit.SECONDS);
    }
    assertThat(a.vertx().isClustered()).isTrue();
    // the demo loads on whichever node finds the graph empty; the other sees it loaded
    coordinatorA = new Api(a.port()).as("demo-coordinator");
    coordinatorB = new Api(b.port()).as("demo-coordinator");
  }

  @AfterAll
  static void stop() {
    if (b != null) b.close();
    if (a != null) a.close();
    if (neo4j != null) neo4j.destroyForcibly();
    if (mail != null) mail.stop();
  }

  @Test
  @DisplayName("the schema was applied once although both nodes started together")
  void schemaAppliedOnce() {
    var rows = a.graph().query("MATCH (m:__Migration) RETURN m.version AS v, count(*) AS n ORDER BY v", Map.of()).await();
    assertThat(rows).isNotEmpty();
    assertThat(rows).allSatisfy(r -> assertThat(r.get("n").asLong()).as("migration V" + r.get("v")).isEqualTo(1));
  }

  @Test
  @DisplayName("writers on both nodes to one project: 40 clients spread over both receive every change exactly once, in seq order")
  void changesReachEveryNodeInOrder() throws Exception {
    var project = HotWritesIT.project(coordinatorA);
    var ids = new ArrayList<String>();
    for (int i = 0; i < 4; i++) ids.add(HotWritesIT.obligation(i % 2 == 0 ? coordinatorA : coordinatorB, project, "跨节点 " + i));
    var channel = "project:" + project;
    var clients = new ArrayList<LiveClient>();
    var bases = new ArrayList<Long>();
    try {
      for (int i = 0; i < 40; i++) {
        var node = i % 2 == 0 ? a : b;
        var client = LiveClient.connect(node.port(), (i % 2 == 0 ? coordinatorA : coordinatorB).token());
        clients.add(client);
        bases.add(client.subscribe(channel, null).getLong("seq"));
      }
      assertThat(bases).as("every client starts from the same seq").containsOnly(bases.get(0));
      int perWriter = 25;
      var failures = new CopyOnWriteArrayList<String>();
      try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int w = 0; w < ids.size(); w++) {
          var id = ids.get(w);
          var api = w % 2 == 0 ? coordinatorA : coordinatorB;
          pool.submit(() -> {
            long version = api.get("/api/obligations/" + id).json().getLong("version");
            for (int n = 0; n < perWriter; n++) {
              var r = api.patch("/api/obligations/" + id, new JsonObject().put("version", version).put("note", id + " #" + n));
              if (r.status() != 200) {
                failures.add(r.toString());
                return;
              }
              version = r.json().getLong("version");
            }
          });
        }
      }
      assertThat(failures).isEmpty();
      int total = ids.size() * perWriter;
      long base = bases.get(0);
      var expected = java.util.stream.LongStream.rangeClosed(base + 1, base + total).boxed().toList();
      for (var client : clients) {
        var seqs = client.events(channel, total).stream().map(e -> e.getLong("seq")).toList();
        assertThat(seqs).as("gap-free, duplicate-free, in order on either node").isEqualTo(expected);
      }
    } finally {
      clients.forEach(LiveClient::close);
    }
  }

  @Test
  @DisplayName("a change written through node A is in node B's figures at once, not when B's cache runs out")
  void otherNodesCachesForgetAtOnce() {
    var project = HotWritesIT.project(coordinatorA);
    var kpis = coordinatorB.get("/api/kpis").json().encode();
    HotWritesIT.obligation(coordinatorA, project, "缓存失效");
    assertThat(coordinatorB.get("/api/kpis").json().encode()).as("B's KPIs count A's new obligation").isNotEqualTo(kpis);
  }

  @Test
  @DisplayName("a logout through node A closes the person's socket on node B at once")
  void logoutEndsSocketsOnEveryNode() {
    var officerA = new Api(a.port()).as("demo-officer");
    try (var onB = LiveClient.connect(b.port(), officerA.token())) {
      assertThat(officerA.delete("/api/session").status()).isEqualTo(204);
      assertThat(onB.awaitClose()).isEqualTo((short) 4401);
    }
  }

  @Test
  @DisplayName("read your writes across nodes: a write through A answers with a bookmark; sent to B, B reads after it; a forged one is a 400")
  void bookmarksCarryAcrossNodes() {
    var created = coordinatorA.post("/api/projects", new JsonObject().put("code", "BM-" + java.util.UUID.randomUUID().toString().substring(0, 6))
        .put("name", "书签项目").put("company", "测试").put("investmentYi", 1.0).put("stage", "signed")
        .put("level", "district").put("signedOn", "2025-01-01"));
    assertThat(created.status()).isEqualTo(201);
    var bookmark = created.header("Liandong-Bookmark");
    assertThat(bookmark).as("a write says where the database stands after it").isNotBlank();
    var read = coordinatorB.with("Liandong-Bookmark", bookmark).get("/api/projects/" + created.json().getString("id"));
    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    assertThat(read.json().getString("name")).isEqualTo("书签项目");
    assertThat(coordinatorB.get("/api/projects").header("Liandong-Bookmark")).as("reads carry none").isNull();
    for (var forged : List.of("not a bookmark!", "FB:" + "A".repeat(40), "x".repeat(600))) {
      var refused = coordinatorB.with("Liandong-Bookmark", forged).get("/api/projects");
      assertThat(refused.status()).as(forged + " → " + refused).isEqualTo(400);
      assertThat(refused.json().getString("messageZh")).isNotBlank();
    }
    assertThat(coordinatorB.get("/api/projects").status()).as("the node is not harmed by them").isEqualTo(200);
  }

  @Test
  @DisplayName("failed logins count on every node: five wrong passwords through A, and the sixth try through B waits")
  void loginLimitsAreClusterWide() {
    var name = "nobody-" + java.util.UUID.randomUUID().toString().substring(0, 6);
    for (int i = 0; i < 5; i++) {
      var wrong = new Api(a.port()).post("/api/session", new JsonObject().put("username", name).put("password", "wrong"));
      assertThat(wrong.status()).isEqualTo(401);
    }
    var sixth = new Api(b.port()).post("/api/session", new JsonObject().put("username", name).put("password", "wrong"));
    assertThat(sixth.status()).as(sixth.toString()).isEqualTo(429);
    assertThat(sixth.header("Retry-After")).isNotBlank();
  }

  @Test
  @DisplayName("a timer's round is run by one node: both nodes claim the same round of 20 timers at once in the graph, and each goes to exactly one")
  void timersRunOncePerCluster() {
    var onA = new org.liandong.storage.Leases(a.graph(), java.time.Clock.systemUTC(), "node-a");
    var onB = new org.liandong.storage.Leases(b.graph(), java.time.Clock.systemUTC(), "node-b");
    var hour = java.time.Duration.ofHours(1);
    int mine = 0;
    for (int t = 0; t < 20; t++) {
      var timer = "test-timer-" + t + "-" + java.util.UUID.randomUUID();
      var claimA = onA.claim(timer, hour, hour);
      var claimB = onB.claim(timer, hour, hour);
      boolean ranA = claimA.await().isPresent();
      boolean ranB = claimB.await().isPresent();
      assertThat(ranA ^ ranB).as("round " + t + ": one node, not both nor neither").isTrue();
      if (ranA) mine++;
    }
    System.out.printf("timers: node A ran %d of 20 rounds, node B %d%n", mine, 20 - mine);
  }

  @Test
  @DisplayName("the outbox on two nodes: both run its sender each second, and each of 100 mails is sent once")
  void deliveriesSentOncePerCluster() throws Exception {
    var admin = new Api(a.port()).as("demo-admin");
    var bureau = admin.post("/api/departments", new JsonObject().put("name", "集群投递测试局").put("level", "city").put("parentId", "d-zj-gov"));
    assertThat(bureau.status()).as(bureau.toString()).isEqualTo(201);
    var department = bureau.json().getString("id");
    for (int i = 0; i < 4; i++) {
      assertThat(admin.post("/api/users", new JsonObject().put("username", "cluster-mail-" + i).put("displayName", "集群 " + i)
          .put("password", "cluster-password").put("roles", List.of("officer")).put("departmentId", department)
          .put("email", "cluster-" + i + "@cluster.example")).status()).isEqualTo(201);
    }
    for (int i = 0; i < 25; i++) {
      var on = i % 2 == 0 ? coordinatorA : coordinatorB;
      assertThat(on.post("/api/obligations", new JsonObject().put("projectId", "p-n7").put("departmentId", department)
          .put("title", "集群投递 " + i).put("track", "permits").put("dueOn", "2031-03-13")).status()).isEqualTo(201);
    }
    // the 督办 sweep tells each officer of each new obligation (by hand here, on node A): 100 deliveries
    var rules = new org.liandong.chase.ChaseRules(new org.liandong.chase.ChaseRules.Settings(3, 2, 2), org.liandong.domain.WorkCalendar.china());
    new org.liandong.chase.Chaser(a.graph(), rules, a.clock()).sweep().await();
    var written = a.graph().query("""
        MATCH (x:Delivery)-[:OF]->(n:Notice)-[:TO]->(:User)-[:MEMBER_OF]->(:Department {id: $department})
        RETURN x.id AS id, n.kind AS kind""", Map.of("department", department)).await();
    var ids = new java.util.HashSet<String>();
    written.forEach(r -> ids.add(r.get("id").asString()));
    assertThat(ids.size()).as("a mail to each officer for each new obligation, once (both nodes record the outbox's channels at start)")
        .isEqualTo(100);
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (mail.getReceivedMessages().length < ids.size() && System.nanoTime() < until) Thread.sleep(200);
    Thread.sleep(3_000); // a second copy, if any, would come within the next rounds
    var byDelivery = new java.util.HashMap<String, Integer>();
    for (var m : mail.getReceivedMessages()) byDelivery.merge(m.getHeader("X-Liandong-Delivery")[0], 1, Integer::sum);
    assertThat(byDelivery.keySet()).as("every delivery sent").isEqualTo(ids);
    assertThat(byDelivery.values()).as("each delivery sent once").containsOnly(1);
    var holders = a.graph().query("MATCH (l:Lease {name: 'deliveries'}) RETURN l.holder AS holder", Map.of()).await();
    assertThat(holders).hasSize(1);
  }
}
