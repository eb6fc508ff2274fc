package org.liandong.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.Api;
import org.liandong.Child;
import org.liandong.Server;
import org.liandong.TestServer;
import org.liandong.config.AppConfig;

/**
 * The live protocol's promises when one project is written hard: writers at once on one project
 * are committed together, and still every client sees one gap-free, duplicate-free sequence that is
 * the change log's own; a full lane refuses at once with 503 and Retry-After and loses nothing it
 * accepted; a node killed mid-batch comes back with exactly what it committed.
 */
class HotWritesIT {
  private static final int PER_PROJECT = 12;
  private static Server server;
  private static Api coordinator;

  @BeforeAll
  static void start() {
    var env = new java.util.HashMap<>(Map.of(
        "LIANDONG_HTTP_PORT", "0", "LIANDONG_HTTP_HOST", "127.0.0.1",
        "LIANDONG_DATA_DIR", TestServer.tempDir("liandong-hot-").toString(), "LIANDONG_DEMO", "true",
        "LIANDONG_REPLAY_WINDOW", "5000", "LIANDONG_CHASE_SECONDS", "86400",
        "LIANDONG_WRITES_PER_PROJECT", String.valueOf(PER_PROJECT),
        // heartbeats every second: a demo session (on the demo's 2023 clock) must outlive them
        "LIANDONG_WS_PING_SECONDS", "1"));
    server = Server.start(AppConfig.from(env));
    coordinator = new Api(server.port()).as("demo-coordinator");
  }

  @AfterAll
  static void stop() {
    if (server != null) server.close();
  }

  @Test
  @DisplayName("8 writers × 200 updates on one project: committed together, and a watching client sees exactly the change log's gap-free sequence")
  void concurrentWritersOnOneProject() throws Exception {
    var project = project(coordinator);
    var ids = new ArrayList<String>();
    for (int i = 0; i < 8; i++) ids.add(obligation(coordinator, project, "并发写入 " + i));
    String channel = "project:" + project;
    try (var client = LiveClient.connect(server.port(), coordinator.token())) {
      long base = client.subscribe(channel, null).getLong("seq");
      var writes = server.graph().writes();
      long transactions = writes.transactions();
      long run = writes.writesRun();
      var acknowledged = new ConcurrentHashMap<String, String>();
      var failures = new java.util.concurrent.ConcurrentLinkedQueue<String>();
      try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
        for (var id : ids) {
          pool.submit(() -> {
            long version = coordinator.get("/api/obligations/" + id).json().getLong("version");
            for (int n = 0; n < 200; n++) {
              var note = id + " #" + n;
              var r = coordinator.patch("/api/obligations/" + id, new JsonObject().put("version", version).put("note", note));
              if (r.status() != 200) {
                failures.add(r.toString());
                return;
              }
              version = r.json().getLong("version");
              acknowledged.put(id, note);
            }
          });
        }
      }
      assertThat(failures).as("no write refused or lost").isEmpty();
      var received = client.events(channel, 1600);
      var seqs = received.stream().map(e -> e.getLong("seq")).toList();
      var expected = java.util.stream.LongStream.rangeClosed(base + 1, base + 1600).boxed().toList();
      assertThat(seqs).as("gap-free, duplicate-free, in order").isEqualTo(expected);
      var replay = server.graph().query("""
          MATCH (x:Change)-[r:IN]->(:Channel {name: $channel}) WHERE r.seq > $base
          RETURN r.seq AS seq, x.entityId AS entityId, x.after AS after ORDER BY seq""", Map.of("channel", channel, "base", base)).await();
      assertThat(replay).hasSize(1600);
      for (int i = 0; i < 1600; i++) {
        var event = received.get(i).getJsonObject("data");
        assertThat(replay.get(i).get("seq").asLong()).isEqualTo(seqs.get(i));
        assertThat(event.getString("entityId")).isEqualTo(replay.get(i).get("entityId").asString());
        assertThat(event.getJsonObject("after").getString("note"))
            .isEqualTo(new JsonObject(replay.get(i).get("after").asString()).getString("note"));
      }
      // per obligation the notes arrive in the order they were written
      for (var id : ids) {
        var notes = received.stream().map(e -> e.getJsonObject("data")).filter(d -> id.equals(d.getString("entityId")))
            .map(d -> d.getJsonObject("after").getString("note")).toList();
        assertThat(notes).hasSize(200).last().isEqualTo(acknowledged.get(id));
        assertThat(notes).isEqualTo(java.util.stream.IntStream.range(0, 200).mapToObj(n -> id + " #" + n).toList());
      }
      long carried = writes.writesRun() - run;
      long used = writes.transactions() - transactions;
      System.out.printf("1600 writes on one project: %d writes in %d transactions%n", carried, used);
      assertThat(used).as("writers at once on one project share transactions").isLessThan(carried);
    }
  }

  @Test
  @DisplayName("in demo mode a socket outlives its heartbeats: a session's expiry is on the server's clock, not the machine's")
  void demoSessionOutlivesHeartbeats() throws Exception {
    var project = project(coordinator);
    try (var client = LiveClient.connect(server.port(), coordinator.token())) {
      client.subscribe("project:" + project, null);
      Thread.sleep(3500); // three heartbeats of the server's (real time: what they pace is the socket, not the clock)
      var id = obligation(coordinator, project, "心跳之后");
      var event = client.next(m -> m.containsKey("seq") && m.getJsonObject("data") != null
          && id.equals(m.getJsonObject("data").getString("entityId")));
      assertThat(event.getString("type")).isEqualTo("obligation.created");
    }
  }

  @Test
  @DisplayName("writes committed together: of five edits of one obligation at one version one wins and four get 409, and the other writes of their batches are all kept")
  void staleEditInABatchIsRefusedAlone() throws Exception {
    var project = project(coordinator);
    var contested = obligation(coordinator, project, "争用事项");
    var others = new ArrayList<String>();
    for (int i = 0; i < 5; i++) others.add(obligation(coordinator, project, "同批事项 " + i));
    var answers = new java.util.concurrent.ConcurrentLinkedQueue<Map.Entry<String, Integer>>();
    var gate = new CountDownLatch(1);
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 5; i++) {
        int n = i;
        pool.submit(() -> {
          gate.await();
          var r = coordinator.patch("/api/obligations/" + contested, new JsonObject().put("version", 1).put("note", "争用 " + n));
          answers.add(Map.entry(contested, r.status()));
          return null;
        });
        var other = others.get(i);
        pool.submit(() -> {
          gate.await();
          answers.add(Map.entry(other, coordinator.patch("/api/obligations/" + other,
              new JsonObject().put("version", 1).put("note", "同批写入")).status()));
          return null;
        });
      }
      gate.countDown();
    }
    var onContested = answers.stream().filter(a -> a.getKey().equals(contested)).map(Map.Entry::getValue).sorted().toList();
    assertThat(onContested).as("one edit wins, the others hear 409").isEqualTo(List.of(200, 409, 409, 409, 409));
    assertThat(answers.stream().filter(a -> !a.getKey().equals(contested)).map(Map.Entry::getValue)).containsOnly(200).hasSize(5);
    var rows = server.graph().query("""
        MATCH (o:Obligation)-[:FOR]->(:Project {id: $project})
        OPTIONAL MATCH (x:Change {entityId: o.id, type: 'obligation.updated'})
        RETURN o.id AS id, o.version AS version, count(x) AS changes""", Map.of("project", project)).await();
    assertThat(rows).hasSize(6).allSatisfy(r -> {
      assertThat(r.get("version").asLong()).as(r.get("id").asString()).isEqualTo(2);
      assertThat(r.get("changes").asLong()).as("one change each, none from a refused edit").isEqualTo(1);
    });
  }

  @Test
  @DisplayName("a full project lane answers 503 with Retry-After at once, in both languages; every write it accepted is in the graph, none it refused")
  void backPressure() throws Exception {
    var project = project(coordinator);
    int writers = 60;
    var ids = new ArrayList<String>();
    for (int i = 0; i < writers; i++) ids.add(obligation(coordinator, project, "背压 " + i));
    var answers = new ConcurrentHashMap<String, Api.Response>();
    var gate = new CountDownLatch(1);
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < writers; i++) {
        var id = ids.get(i);
        pool.submit(() -> {
          gate.await();
          answers.put(id, coordinator.patch("/api/obligations/" + id, new JsonObject().put("version", 1).put("note", "背压写入")));
          return null;
        });
      }
      gate.countDown();
    }
    var refused = answers.values().stream().filter(r -> r.status() == 503).toList();
    var accepted = answers.entrySet().stream().filter(e -> e.getValue().status() == 200).map(Map.Entry::getKey).toList();
    assertThat(answers.values()).allMatch(r -> r.status() == 200 || r.status() == 503, "only 200 or 503");
    assertThat(refused).as("more writers at once than the lane holds (%d)", PER_PROJECT).isNotEmpty();
    assertThat(accepted).isNotEmpty();
    for (var r : refused) {
      assertThat(r.header("Retry-After")).isEqualTo("1");
      assertThat(r.json().getString("error")).isEqualTo("unavailable");
      assertThat(r.json().getString("message")).contains("this project").contains("try again");
      assertThat(r.json().getString("messageZh")).contains("该项目").contains("请稍后再试");
    }
    var notes = server.graph().query("""
        MATCH (o:Obligation)-[:FOR]->(:Project {id: $project}) RETURN o.id AS id, o.note AS note, o.version AS version""",
        Map.of("project", project)).await();
    var written = new HashSet<String>();
    for (var row : notes) {
      if ("背压写入".equals(row.get("note").asString(null))) {
        written.add(row.get("id").asString());
        assertThat(row.get("version").asLong()).isEqualTo(2);
      } else {
        assertThat(row.get("version").asLong()).as("a refused write leaves its obligation as it was").isEqualTo(1);
      }
    }
    assertThat(written).isEqualTo(new HashSet<>(accepted));
    var metrics = new Api(server.port()).get("/metrics").body();
    assertThat(metrics).containsPattern("liandong_writes_refused_total\\{bound=\"project\"[^}]*\\} [1-9]");
  }

  @Test
  @DisplayName("kill -9 in the middle of writers on one project: after the restart every acknowledged write is there and the log replays exactly what was committed")
  void killedMidBatch() throws Exception {
    var dir = TestServer.tempDir("liandong-kill-");
    var env = Map.of("LIANDONG_DATA_DIR", dir.toString(), "LIANDONG_HTTP_PORT", "0", "LIANDONG_DEMO", "true",
        "LIANDONG_CHASE_SECONDS", "86400");
    var child = Child.start(env);
    String project;
    var acknowledged = ConcurrentHashMap.<String>newKeySet();
    try {
      var port = Integer.parseInt(child.await(Pattern.compile("ready at http://localhost:(\\d+)/")));
      var api = new Api(port).as("demo-coordinator");
      project = project(api);
      var ids = new ArrayList<String>();
      for (int i = 0; i < 8; i++) ids.add(obligation(api, project, "断电 " + i));
      var stop = new AtomicBoolean();
      var started = new CountDownLatch(40);
      var pool = Executors.newVirtualThreadPerTaskExecutor();
      for (var id : ids) {
        pool.submit(() -> {
          long version = 1;
          for (int n = 0; !stop.get(); n++) {
            var note = id + " #" + n;
            Api.Response r;
            try {
              r = api.patch("/api/obligations/" + id, new JsonObject().put("version", version).put("note", note));
            } catch (RuntimeException e) {
              return; // the node died under it
            }
            if (r.status() != 200) return;
            version = r.json().getLong("version");
            acknowledged.add(note);
            started.countDown();
          }
        });
      }
      assertThat(started.await(60, TimeUnit.SECONDS)).as("writes flowing before the kill").isTrue();
      child.process().destroyForcibly(); // SIGKILL: no shutdown hook, no clean close of the store
      assertThat(child.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
      stop.set(true);
      pool.shutdown();
      assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.process().destroyForcibly();
    }
    var restarted = new java.util.HashMap<>(env);
    restarted.put("LIANDONG_REPLAY_WINDOW", "100000");
    try (var again = Server.start(AppConfig.from(restarted))) {
      var changes = again.graph().query("""
          MATCH (x:Change {projectId: $project, type: 'obligation.updated'}) RETURN x.after AS after""",
          Map.of("project", project)).await();
      Set<String> committed = new HashSet<>();
      changes.forEach(r -> committed.add(new JsonObject(r.get("after").asString()).getString("note")));
      assertThat(committed).as("every write the API acknowledged is in the graph").containsAll(acknowledged);
      // each obligation's note is its last committed update
      var channel = "project:" + project;
      var log = again.graph().query("""
          MATCH (ch:Channel {name: $channel})
          OPTIONAL MATCH (x:Change)-[r:IN]->(ch)
          RETURN ch.seq AS top, collect(r.seq) AS seqs, count(DISTINCT x) AS changes""", Map.of("channel", channel)).await().get(0);
      long top = log.get("top").asLong();
      var seqs = new ArrayList<>(log.get("seqs").asList(v -> v.asLong()));
      java.util.Collections.sort(seqs);
      assertThat(seqs).as("the channel's log is gap-free up to its seq").isEqualTo(
          java.util.stream.LongStream.rangeClosed(1, top).boxed().toList());
      assertThat(log.get("changes").asLong()).isEqualTo(top);
      // replay from the start returns exactly those changes, in order
      var api = new Api(again.port()).as("demo-coordinator");
      try (var client = LiveClient.connect(again.port(), api.token())) {
        var answer = client.subscribe(channel, 0L);
        assertThat(answer.getString("type")).isEqualTo("subscribed");
        var replayed = client.events(channel, (int) top);
        assertThat(replayed.stream().map(e -> e.getLong("seq")).toList()).isEqualTo(seqs);
        var replayedNotes = new HashSet<String>();
        replayed.stream().map(e -> e.getJsonObject("data").getJsonObject("after"))
            .filter(a -> a != null && a.getString("note") != null).forEach(a -> replayedNotes.add(a.getString("note")));
        assertThat(replayedNotes).containsAll(committed);
      }
      System.out.printf("killed mid-batch: %d acknowledged, %d committed, channel at %d%n", acknowledged.size(), committed.size(), top);
    }
  }

  static String project(Api api) {
    var created = api.post("/api/projects", new JsonObject().put("code", "HOT-" + UUID.randomUUID().toString().substring(0, 6))
        .put("name", "热点项目").put("company", "测试").put("investmentYi", 1.0).put("stage", "signed")
        .put("level", "district").put("signedOn", "2025-01-01"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getString("id");
  }

  static String obligation(Api api, String project, String title) {
    var created = api.post("/api/obligations", new JsonObject().put("projectId", project).put("departmentId", "d-zj-housing")
        .put("title", title).put("track", "permits").put("dueOn", LocalDate.of(2031, 6, 30).toString()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getString("id");
  }
}
