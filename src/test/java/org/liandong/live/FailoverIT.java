package org.liandong.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.liandong.Api;
import org.liandong.Child;
import org.liandong.Deployment;
import org.liandong.TestServer;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * The deployment of docker/compose.yaml, on loopback: a Neo4j server process, two Liandong nodes
 * in clustered mode each in a JVM of its own, and Debian's nginx with docker/nginx.conf in front
 * (.ci/run installs it). Through nginx, 200 sockets and writers spread over both nodes; one node
 * is killed with SIGKILL and its sockets resume on the other with nothing lost or doubled; then
 * Neo4j stops for 10 s and comes back, and the surviving node recovers on its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailoverIT {
  private static final String PASSWORD = "failover-test-password";
  private static final Pattern READY = Pattern.compile("Liandong ready at http://localhost:(\\d+)/");
  private static Path store;
  private static int bolt;
  private static Process neo4j;
  private static Child a;
  private static Child b;
  private static Process nginx;
  private static int nginxPort;
  private static int portA;
  private static int portB;

  @BeforeAll
  static void start() throws Exception {
    store = TestServer.tempDir("liandong-neo4j-");
    bolt = Deployment.freePort();
    neo4j = Deployment.neo4j(store, bolt, PASSWORD);
    int hzA = Deployment.freePort();
    int hzB = Deployment.freePort();
    var members = "127.0.0.1:" + hzA + ",127.0.0.1:" + hzB;
    a = Child.start(sweepingOften(Deployment.clustered(bolt, PASSWORD, hzA, members)));
    b = Child.start(sweepingOften(Deployment.clustered(bolt, PASSWORD, hzB, members)));
    portA = Integer.parseInt(a.await(READY));
    portB = Integer.parseInt(b.await(READY));
    nginxPort = Deployment.freePort();
    nginx = Deployment.nginx(portA, portB, nginxPort);
  }

  /** Both nodes run the 督办 and 容缺 sweeps every second, so their leases change hands while the tests run. */
  private static Map<String, String> sweepingOften(Map<String, String> env) {
    env.put("LIANDONG_CHASE_SECONDS", "1");
    env.put("LIANDONG_DEFICIENCY_CHECK_SECONDS", "1");
    return env;
  }

  @AfterAll
  static void stop() {
    if (nginx != null) Deployment.kill(nginx);
    for (var node : new Child[] {a, b}) if (node != null) node.process().destroyForcibly();
    if (neo4j != null) neo4j.destroyForcibly();
  }

  /** A socket through nginx that, when its node goes, connects again and resumes from its last seq. */
  private static final class Follower {
    final String token;
    final String channel;
    final List<Long> seqs = new ArrayList<>();
    final List<JsonObject> events = new ArrayList<>();
    LiveClient client;
    long last;
    int reconnects;

    Follower(String token, String channel) {
      this.token = token;
      this.channel = channel;
      client = LiveClient.connect(nginxPort, token);
      last = client.subscribe(channel, null).getLong("seq");
    }

    /** Reads until it has seen {@code upTo}, reconnecting through nginx as often as needed, within 60 s. */
    void follow(long upTo) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (last < upTo && System.nanoTime() < deadline) {
        var m = client.poll(100);
        if (m != null && channel.equals(m.getString("channel")) && m.containsKey("seq") && m.containsKey("data")) {
          last = m.getLong("seq");
          seqs.add(last);
          events.add(m.getJsonObject("data"));
        } else if (m == null && client.closed()) {
          client.close();
          client = LiveClient.connect(nginxPort, token);
          reconnects++;
          var answer = client.subscribe(channel, last);
          assertThat(answer.getString("type")).as("resumed, not resynced: " + answer).isEqualTo("subscribed");
        }
      }
      assertThat(last).as("reached seq " + upTo).isEqualTo(upTo);
    }
  }

  @Test
  @Order(1)
  @DisplayName("node A stopped (SIGSTOP) for 22 s, far past its leases, while both sweep under load: A's people leave the room and come back when it resumes, the sweeps go on, and no notice is written twice")
  void pauseANode() throws Exception {
    var coordinator = new Api(portB).as("demo-coordinator");
    var project = HotWritesIT.project(coordinator);
    var today = LocalDate.parse(coordinator.get("/api/projects/" + project + "/schedule").json().getString("today"));
    var room = openRoom(coordinator, "暂停节点会办");
    var obligations = new CopyOnWriteArrayList<String>();
    try (var db = GraphDatabase.driver("bolt://127.0.0.1:" + bolt, AuthTokens.basic("neo4j", PASSWORD))) {
      try (var officer = LiveClient.connect(portA, new Api(portA).as("demo-officer").token());
           var chair = LiveClient.connect(portB, coordinator.token());
           var load = Executors.newVirtualThreadPerTaskExecutor()) {
        officer.subscribe(room, null);
        chair.subscribe(room, null);
        chair.next(m -> "presence".equals(m.getString("type")) && people(m).contains("u-demo-officer"));
        // under load: steps due tomorrow keep coming, each one a reminder for the department's officers
        var writing = new AtomicBoolean(true);
        load.submit(() -> {
          for (int i = 0; writing.get() && i < 400; i++) {
            var r = coordinator.post("/api/obligations", new JsonObject().put("projectId", project).put("departmentId", "d-zj-housing")
                .put("title", "暂停期间事项 " + i).put("track", "permits").put("dueOn", today.plusDays(1).toString()));
            if (r.status() == 201) obligations.add(r.json().getString("id"));
            Thread.sleep(100);
          }
          return null;
        });
        Thread.sleep(1500);
        long tokenBefore = leaseToken(db);

        signal("STOP", a);
        long stoppedAt = System.nanoTime();
        long tokenWhileStopped;
        try {
          chair.next(m -> "presence".equals(m.getString("type")) && !people(m).contains("u-demo-officer"), Duration.ofSeconds(30));
          System.out.printf("pause: the stopped node's officer left the room after %.1f s%n", (System.nanoTime() - stoppedAt) / 1e9);
          // B goes on claiming unless A was stopped inside a transaction: then its locks hold until the database ends it
          tokenWhileStopped = leaseToken(db);
          Thread.sleep(Math.max(0, 22_000 - (System.nanoTime() - stoppedAt) / 1_000_000));
          System.out.printf("pause: the 督办 lease's token went from %d to %d while A slept%n", tokenWhileStopped, leaseToken(db));
        } finally {
          signal("CONT", a);
        }
        long resumedAt = System.nanoTime();
        chair.next(m -> "presence".equals(m.getString("type")) && people(m).contains("u-demo-officer"), Duration.ofSeconds(60));
        System.out.printf("pause: the officer was back in the room %.1f s after the node resumed%n", (System.nanoTime() - resumedAt) / 1e9);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (leaseToken(db) <= tokenWhileStopped && System.nanoTime() < deadline) Thread.sleep(200);
        assertThat(leaseToken(db)).as("the sweeps go on after the pause").isGreaterThan(tokenWhileStopped).isGreaterThan(tokenBefore);
        // and the steps written through B reach a socket on A again (the writer adds one every 100 ms)
        try (var onA = LiveClient.connect(portA, coordinator.token())) {
          onA.subscribe("project:" + project, null);
          long healing = System.nanoTime();
          onA.next(m -> ("project:" + project).equals(m.getString("channel")) && m.containsKey("seq"), Duration.ofSeconds(30));
          System.out.printf("pause: B's changes reached a socket on A %.1f s after it subscribed%n", (System.nanoTime() - healing) / 1e9);
        }
        writing.set(false);
      }
      assertThat(obligations).hasSizeGreaterThan(50);
      // every step's reminder reaches the department's officers once: the sweeps catch up with the last ones
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      var row = reminders(db, obligations);
      while (row.get("reminded").asInt() < obligations.size() && System.nanoTime() < deadline) {
        Thread.sleep(500);
        row = reminders(db, obligations);
      }
      assertThat(row.get("reminded").asInt()).as("every step reminded").isEqualTo(obligations.size());
      assertThat(row.get("most").asInt()).as("no notice written twice").isEqualTo(1);
    }
    System.out.println("pause: node A said " + a.lines().stream().filter(l -> l.contains(" lost: token")).limit(3).toList());
    assertThat(a.process().isAlive()).isTrue();
  }

  /** How many of the steps have reminders, and the most times one person was told one fact of one step. */
  private static org.neo4j.driver.Record reminders(Driver db, List<String> ids) {
    try (var session = db.session()) {
      return session.run("""
          MATCH (n:Notice) WHERE n.obligationId IN $ids
          WITH n.obligationId AS o, n.userId AS u, n.kind AS k, count(*) AS times
          RETURN count(DISTINCT o) AS reminded, coalesce(max(times), 0) AS most
          """, Map.of("ids", ids)).single();
    }
  }

  /** The token of the 督办 sweep's lease: raised by every claim, whichever node makes it. */
  private static long leaseToken(Driver db) {
    try (var session = db.session()) {
      return session.run("MATCH (l:Lease {name: 'supervision'}) RETURN l.token AS token").single().get("token").asLong();
    }
  }

  private static void signal(String signal, Child node) throws Exception {
    var kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(node.process().pid())).inheritIO().start();
    assertThat(kill.waitFor()).as("kill -" + signal).isZero();
  }

  @Test
  @Order(2)
  @DisplayName("through nginx: 200 sockets on both nodes see every change of writers on both, once and in order; kill -9 a node and they resume on the other with nothing lost")
  void killANode() throws Exception {
    var coordinator = new Api(nginxPort).as("demo-coordinator");
    var project = HotWritesIT.project(coordinator);
    var ids = List.of(HotWritesIT.obligation(coordinator, project, "故障切换 A"), HotWritesIT.obligation(coordinator, project, "故障切换 B"));
    var channel = "project:" + project;
    var followers = new ArrayList<Follower>();
    try {
      for (int i = 0; i < 200; i++) followers.add(new Follower(coordinator.token(), channel));
      long base = followers.get(0).last;
      assertThat(followers).allSatisfy(f -> assertThat(f.last).isEqualTo(base));
      var acknowledged = new ConcurrentHashMap<String, List<String>>();
      write(coordinator, ids, 10, acknowledged);
      long upTo = base + 20;
      for (var f : followers) f.follow(upTo);

      // an officer in a meeting room through node A, seen by the chair's socket on node B
      var room = openRoom(coordinator, "故障切换会办");
      var officer = LiveClient.connect(portA, new Api(portA).as("demo-officer").token());
      var chair = LiveClient.connect(portB, coordinator.token());
      officer.subscribe(room, null);
      chair.subscribe(room, null);
      chair.next(m -> "presence".equals(m.getString("type")) && people(m).contains("u-demo-officer"));

      a.process().destroyForcibly();
      assertThat(a.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
      long killedAt = System.nanoTime();
      JsonObject gone = null;
      while (gone == null && System.nanoTime() - killedAt < TimeUnit.SECONDS.toNanos(25)) {
        var m = chair.poll(100);
        if (m != null && "presence".equals(m.getString("type")) && !people(m).contains("u-demo-officer")) gone = m;
      }
      double goneAfter = (System.nanoTime() - killedAt) / 1e9;
      System.out.printf("failover: the killed node's officer left the room after %.1f s%n", goneAfter);
      assertThat(gone).as("the killed node's people leave the room").isNotNull();
      assertThat(goneAfter).as("within the stated bound: silent 15 s, noticed at the next 5 s beat").isLessThanOrEqualTo(21);
      chair.close();
      officer.close();
      write(coordinator, ids, 10, acknowledged);
      // a write cut off by the kill may have committed without its answer: the channel says where it stands
      try (var probe = LiveClient.connect(nginxPort, coordinator.token())) {
        upTo = probe.subscribe(channel, null).getLong("seq");
      }
      assertThat(upTo).isGreaterThanOrEqualTo(base + 40);
      for (var f : followers) f.follow(upTo);

      var expected = java.util.stream.LongStream.rangeClosed(base + 1, upTo).boxed().toList();
      int moved = 0;
      for (var f : followers) {
        assertThat(f.seqs).as("every change once, in order, across the failover").isEqualTo(expected);
        if (f.reconnects > 0) moved++;
      }
      System.out.printf("failover: %d of 200 sockets moved to the surviving node%n", moved);
      assertThat(moved).as("the killed node's sockets moved").isGreaterThan(0).isLessThan(200);
      // every write the API acknowledged is in the graph, and was seen live
      var notes = followers.get(0).events.stream().map(d -> d.getJsonObject("after")).filter(java.util.Objects::nonNull)
          .map(after -> after.getString("note")).toList();
      for (var id : ids) {
        var mine = acknowledged.get(id);
        assertThat(notes).containsAll(mine);
        assertThat(coordinator.get("/api/obligations/" + id).json().getString("note")).isEqualTo(mine.get(mine.size() - 1));
      }
    } finally {
      followers.forEach(f -> f.client.close());
    }
  }

  /** A meeting on 航空新材料 opened by the coordinator: its room's channel. */
  private static String openRoom(Api coordinator, String title) {
    var meeting = coordinator.post("/api/meetings", new JsonObject().put("title", title)
        .put("startsAt", "2031-05-06T09:30:00+08:00").put("projectIds", new JsonArray().add("p-n7"))
        .put("agenda", new JsonArray().add("第一项"))).json();
    assertThat(coordinator.patch("/api/meetings/" + meeting.getString("id"),
        new JsonObject().put("version", meeting.getLong("version")).put("status", "open")).status()).isEqualTo(200);
    return "meeting:" + meeting.getString("id");
  }

  private static List<String> people(JsonObject presence) {
    return presence.getJsonObject("data").getJsonArray("people").stream().map(p -> ((JsonObject) p).getString("userId")).toList();
  }

  /** {@code n} acknowledged updates per obligation, two writers at once; a 502 (the killed node) is tried again. */
  private static void write(Api api, List<String> ids, int n, Map<String, List<String>> acknowledged) {
    var failures = new CopyOnWriteArrayList<String>();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (var id : ids) {
        pool.submit(() -> {
          var mine = acknowledged.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>());
          int done = 0;
          for (int attempt = 0; done < n && attempt < 10 * n; attempt++) {
            var current = api.get("/api/obligations/" + id);
            if (current.status() != 200) continue;
            var note = id + " #" + mine.size();
            var r = api.patch("/api/obligations/" + id, new JsonObject().put("version", current.json().getLong("version")).put("note", note));
            if (r.status() == 200) {
              mine.add(note);
              done++;
            } else if (r.status() != 502 && r.status() != 503 && r.status() != 409) {
              failures.add(r.toString());
              return;
            }
          }
        });
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  @Order(3)
  @DisplayName("Neo4j stopped for 10 s: 503 within a second, readiness DOWN, open sockets told the data is stale; back, writes succeed and the sockets hear it, with no node restarted")
  void neo4jOutage() throws Exception {
    var coordinator = new Api(nginxPort).as("demo-coordinator");
    var project = HotWritesIT.project(coordinator);
    var watching = LiveClient.connect(nginxPort, coordinator.token());
    // a session the surviving node has never looked up (a login leaves nothing in its cache)
    var analystToken = new Api(nginxPort).as("demo-analyst").token();
    neo4j.destroy();
    assertThat(neo4j.waitFor(30, TimeUnit.SECONDS)).isTrue();
    long stoppedAt = System.nanoTime();
    long t0 = System.nanoTime();
    var read = coordinator.get("/api/projects/" + project);
    long tookMs = (System.nanoTime() - t0) / 1_000_000;
    assertThat(read.status()).as(read.toString()).isEqualTo(503);
    assertThat(tookMs).as("the refusal comes at once, not after a hang").isLessThan(1000);
    assertThat(read.body()).doesNotContain("Exception");
    var ready = new Api(nginxPort).get("/health/ready");
    assertThat(ready.status()).isEqualTo(503);
    assertThat(ready.body()).contains("DOWN").doesNotContain("Exception").doesNotContain("bolt");
    var stale = watching.next(m -> "status".equals(m.getString("type")));
    assertThat(stale.getBoolean("stale")).as("the open socket is told its data may be stale").isTrue();
    assertThat(stale.getString("messageZh")).isNotBlank();
    // a socket opened during the outage: with a session the node knows, welcomed and told at once
    try (var late = LiveClient.open(nginxPort, Map.of(), new io.vertx.core.http.WebSocketClientOptions())) {
      late.send(new JsonObject().put("type", "auth").put("token", coordinator.token()));
      late.next(m -> "welcome".equals(m.getString("type")));
      assertThat(late.next(m -> "status".equals(m.getString("type"))).getBoolean("stale")).isTrue();
    }
    // … with one it cannot look up: told why and closed with 1013 (try again later), not "log in again"
    try (var unknown = LiveClient.open(nginxPort, Map.of(), new io.vertx.core.http.WebSocketClientOptions())) {
      unknown.send(new JsonObject().put("type", "auth").put("token", analystToken));
      var told = unknown.next(m -> "status".equals(m.getString("type")) || "error".equals(m.getString("type")));
      assertThat(told.getBoolean("stale")).as(told.toString()).isTrue();
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!unknown.closed() && System.nanoTime() < until) Thread.sleep(50);
      assertThat(unknown.closeCode).isEqualTo((short) 1013);
    }
    Thread.sleep(Math.max(0, 10_000 - (System.nanoTime() - stoppedAt) / 1_000_000));
    neo4j = Deployment.neo4j(store, bolt, PASSWORD);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    int status = 0;
    while (System.nanoTime() < deadline) {
      var r = coordinator.post("/api/obligations", new JsonObject().put("projectId", project).put("departmentId", "d-zj-housing")
          .put("title", "恢复后写入").put("track", "permits").put("dueOn", "2031-06-30"));
      status = r.status();
      if (status == 201) break;
      Thread.sleep(500);
    }
    assertThat(status).as("writes succeed again").isEqualTo(201);
    var back = watching.next(m -> "status".equals(m.getString("type")));
    assertThat(back.getBoolean("stale")).as("the same socket, still open, hears the database is back").isFalse();
    watching.close();
    assertThat(b.process().isAlive()).as("the node was not restarted").isTrue();
    assertThat(new Api(nginxPort).get("/health/ready").status()).isEqualTo(200);
  }
}
