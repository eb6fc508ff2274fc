package org.liandong.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.Api;
import org.liandong.TestServer;

@DisplayName("Live sessions over WebSocket against the real server")
class LiveIT {
  static Api coordinator;
  static Api housing;
  static Api planning;
  static Api leader;
  static int port;

  @BeforeAll
  static void logIn() {
    var api = TestServer.api();
    port = api.port();
    coordinator = api.as("demo-coordinator");
    housing = api.as("demo-officer");
    leader = api.as("demo-leader");
    planning = officerOf("d-zj-nrp");
  }

  /** A fresh officer of a department, logged in. */
  static Api officerOf(String departmentId) {
    var admin = TestServer.api().as("demo-admin");
    var username = "t-" + UUID.randomUUID().toString().substring(0, 8);
    var created = admin.post("/api/users", new JsonObject().put("username", username).put("displayName", "测试经办 " + username)
        .put("password", "live-test-password").put("roles", new JsonArray().add("officer")).put("departmentId", departmentId));
    assertThat(created.status()).isEqualTo(201);
    return TestServer.api().as(username, "live-test-password");
  }

  static String obligation(String projectId, String departmentId, String title) {
    var created = coordinator.post("/api/obligations", new JsonObject().put("projectId", projectId).put("departmentId", departmentId)
        .put("title", title).put("track", "permits").put("dueOn", LocalDate.now(TestServer.get().clock()).plusDays(20).toString()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getString("id");
  }

  static void note(Api who, String obligationId, String note) {
    var version = who.get("/api/obligations/" + obligationId).json().getLong("version");
    var r = who.patch("/api/obligations/" + obligationId, new JsonObject().put("version", version).put("note", note));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
  }

  /** Opens a meeting: decisions are taken in session. */
  static void open(String meeting) {
    var version = coordinator.get("/api/meetings/" + meeting).json().getLong("version");
    assertThat(coordinator.patch("/api/meetings/" + meeting, new JsonObject().put("version", version).put("status", "open")).status())
        .isEqualTo(200);
  }

  static String meetingAbout(String... projectIds) {
    var created = coordinator.post("/api/meetings", new JsonObject().put("title", "联动测试会办")
        .put("startsAt", "2031-05-06T09:30:00+08:00").put("projectIds", new JsonArray(List.of((Object[]) projectIds)))
        .put("agenda", new JsonArray().add("第一项").add("第二项")));
    assertThat(created.status()).isEqualTo(201);
    return created.json().getString("id");
  }

  @Test
  @DisplayName("two departments in one meeting see every change of each other, in the same order, gap-free")
  void twoDepartmentsInOneMeeting() {
    var mine = obligation("p-n7", "d-zj-housing", "联动：住建");
    var theirs = obligation("p-n7", "d-zj-nrp", "联动：资规");
    var meeting = meetingAbout("p-n7");
    try (var a = LiveClient.connect(port, housing.token()); var b = LiveClient.connect(port, planning.token())) {
      for (var client : List.of(a, b)) {
        assertThat(client.subscribe("project:p-n7", null).getString("type")).isEqualTo("subscribed");
        assertThat(client.subscribe("meeting:" + meeting, null).getString("type")).isEqualTo("subscribed");
      }
      var present = b.next(m -> "presence".equals(m.getString("type"))
          && m.getJsonObject("data").getJsonArray("departments").size() == 2);
      assertThat(present.getJsonObject("data").getJsonArray("departments").stream().map(JsonObject.class::cast)
          .map(d -> d.getString("departmentId"))).containsExactlyInAnyOrder("d-zj-housing", "d-zj-nrp");

      for (int i = 0; i < 5; i++) {
        note(housing, mine, "住建 " + i);
        note(planning, theirs, "资规 " + i);
      }
      var seenByA = a.events("project:p-n7", 10);
      var seenByB = b.events("project:p-n7", 10);

      assertThat(seenByA).isEqualTo(seenByB);
      var seqs = seenByA.stream().map(e -> e.getLong("seq")).toList();
      for (int i = 1; i < seqs.size(); i++) assertThat(seqs.get(i)).isEqualTo(seqs.get(i - 1) + 1);
      assertThat(seenByA.stream().map(e -> e.getJsonObject("data").getJsonObject("after").getString("note")))
          .containsExactly("住建 0", "资规 0", "住建 1", "资规 1", "住建 2", "资规 2", "住建 3", "资规 3", "住建 4", "资规 4");
      assertThat(seenByA.get(0).getString("actor")).isEqualTo("demo-officer");
      assertThat(seenByA.get(0).getString("actorName")).as("named as people know them")
          .isEqualTo(housing.get("/api/session").json().getJsonObject("user").getString("displayName")).isNotEqualTo("demo-officer");
      assertThat(seenByA.get(0).getString("type")).isEqualTo("obligation.updated");
    }
  }

  @Test
  @DisplayName("the champion leader and the liaison follow their project's changes on their own channels")
  void championsChannel() {
    var id = obligation("p-n7", "d-zj-housing", "联动：挂钩领导");
    try (var champion = LiveClient.connect(port, leader.token())) {
      assertThat(champion.subscribe("user:u-demo-leader", null).getString("type")).isEqualTo("subscribed");
      note(housing, id, "领导可见");
      var event = champion.events("user:u-demo-leader", 1).get(0);
      assertThat(event.getJsonObject("data").getString("projectId")).isEqualTo("p-n7");
      assertThat(event.getJsonObject("data").getJsonObject("after").getString("note")).isEqualTo("领导可见");
      var other = obligation("p-n3", "d-zj-housing", "联动：非挂钩项目");
      note(housing, other, "领导不挂钩");
      note(housing, id, "再次可见");
      assertThat(champion.events("user:u-demo-leader", 1).get(0).getJsonObject("data").getString("entityId")).isEqualTo(id);
    }
  }

  @Test
  @DisplayName("a client that misses 50 events while away gets exactly those 50 on return, then live ones")
  void resumeAfterDisconnect() {
    var id = obligation("p-n8", "d-zj-housing", "联动：断线重连");
    long seen;
    try (var client = LiveClient.connect(port, housing.token())) {
      client.subscribe("project:p-n8", null);
      note(housing, id, "before");
      seen = client.events("project:p-n8", 1).get(0).getLong("seq");
    }
    for (int i = 0; i < 50; i++) note(housing, id, "away " + i);

    try (var client = LiveClient.connect(port, housing.token())) {
      var ack = client.subscribe("project:p-n8", seen);
      assertThat(ack.getString("type")).isEqualTo("subscribed");
      assertThat(ack.getLong("replay")).isEqualTo(50);
      var missed = client.events("project:p-n8", 50);
      assertThat(missed.stream().map(e -> e.getLong("seq")).toList())
          .isEqualTo(java.util.stream.LongStream.rangeClosed(seen + 1, seen + 50).boxed().toList());
      assertThat(missed.get(49).getJsonObject("data").getJsonObject("after").getString("note")).isEqualTo("away 49");
      assertThat(missed.get(49).getString("actorName")).as("a replayed event names its actor as a live one does")
          .isEqualTo(housing.get("/api/session").json().getJsonObject("user").getString("displayName"));

      note(housing, id, "back");
      var live = client.events("project:p-n8", 1).get(0);
      assertThat(live.getLong("seq")).isEqualTo(seen + 51);
      assertThat(client.inbox.stream().filter(m -> m.containsKey("data"))).isEmpty();
    }
  }

  @Test
  @DisplayName("while another socket keeps the channel open, a returning client is served from memory, same result")
  void resumeFromMemory() {
    var id = obligation("p-n8", "d-zj-housing", "联动：内存重放");
    try (var anchor = LiveClient.connect(port, coordinator.token())) {
      anchor.subscribe("project:p-n8", null);
      long seen;
      try (var client = LiveClient.connect(port, housing.token())) {
        client.subscribe("project:p-n8", null);
        note(housing, id, "before");
        seen = client.events("project:p-n8", 1).get(0).getLong("seq");
      }
      for (int i = 0; i < 20; i++) note(housing, id, "away " + i);
      anchor.events("project:p-n8", 21);
      try (var client = LiveClient.connect(port, housing.token())) {
        assertThat(client.subscribe("project:p-n8", seen).getLong("replay")).isEqualTo(20);
        assertThat(client.events("project:p-n8", 20).stream().map(e -> e.getLong("seq")).toList())
            .isEqualTo(java.util.stream.LongStream.rangeClosed(seen + 1, seen + 20).boxed().toList());
      }
    }
  }

  @Test
  @DisplayName("a lastSeq older than the replay window, or one the server never issued, gets resync")
  void tooOldGivesResync() {
    var created = coordinator.post("/api/projects", new JsonObject().put("code", "LIVE-" + UUID.randomUUID().toString().substring(0, 6))
        .put("name", "重放窗口测试").put("company", "测试").put("investmentYi", 1.0).put("stage", "signed")
        .put("level", "district").put("signedOn", "2025-01-01"));
    var id = created.json().getString("id");
    for (int i = 0; i < 105; i++) {
      var version = coordinator.get("/api/projects/" + id).json().getLong("version");
      coordinator.patch("/api/projects/" + id, new JsonObject().put("version", version).put("description", "第 " + i + " 次"));
    }
    try (var client = LiveClient.connect(port, housing.token())) {
      var old = client.subscribe("project:" + id, 1L);
      assertThat(old.getString("type")).isEqualTo("resync");
      assertThat(old.getString("reason")).isEqualTo("too_old");
      assertThat(old.getLong("seq")).isEqualTo(106);
      client.send(new JsonObject().put("type", "unsubscribe").put("channel", "project:" + id));
      client.next(m -> "unsubscribed".equals(m.getString("type")));
      var future = client.subscribe("project:" + id, 5000L);
      assertThat(future.getString("type")).isEqualTo("resync");
      assertThat(future.getString("reason")).isEqualTo("unknown_seq");
    }
  }

  @Test
  @DisplayName("subscriptions beyond the user's role or objects are refused with an error, not silence")
  void unauthorisedSubscriptions() {
    var foreignMeeting = meetingAbout("p-c1");
    try (var client = LiveClient.connect(port, housing.token())) {
      // another department's work is the shared picture, live as over REST (GET /api/obligations?department=)
      assertThat(client.subscribe("department:d-zj-nrp", null).getString("type")).isEqualTo("subscribed");
      assertThat(housing.get("/api/obligations?department=d-zj-nrp").status()).isEqualTo(200);
      assertThat(client.subscribe("user:u-demo-leader", null).getString("code")).isEqualTo("forbidden");
      assertThat(housing.get("/api/users/u-demo-leader").status()).isEqualTo(403);
      assertThat(client.subscribe("meeting:" + foreignMeeting, null).getString("code")).isEqualTo("forbidden");
      assertThat(client.subscribe("project:p-nope", null).getString("code")).isEqualTo("not_found");
      assertThat(client.subscribe("department:d-zj-housing", null).getString("type")).isEqualTo("subscribed");
      assertThat(client.subscribe("user:u-demo-officer", null).getString("type")).isEqualTo("subscribed");
      client.send(new JsonObject().put("type", "subscribe").put("channel", "everything"));
      assertThat(client.next(m -> "error".equals(m.getString("type"))).getString("code")).isEqualTo("invalid");
      client.send(new JsonObject().put("type", "subscribe").put("channel", "project:p-n7").put("lastSeq", -3));
      assertThat(client.next(m -> "error".equals(m.getString("type"))).getString("code")).isEqualTo("invalid");
    }
    try (var client = LiveClient.connect(port, leader.token())) {
      assertThat(client.subscribe("meeting:" + foreignMeeting, null).getString("type")).isEqualTo("subscribed");
    }
  }

  @Test
  @DisplayName("when a 容缺 deadline passes, the acceptance lapses to blocked and the owing department and the champion are told live, once")
  void deficiencyExpires() {
    var id = obligation("p-n7", "d-zj-housing", "联动：容缺到期");
    var today = LocalDate.now(TestServer.get().clock());
    try (var department = LiveClient.connect(port, housing.token()); var champion = LiveClient.connect(port, leader.token())) {
      department.subscribe("department:d-zj-housing", null);
      champion.subscribe("user:u-demo-leader", null);
      var past = housing.patch("/api/obligations/" + id, new JsonObject().put("version", 1).put("status", "deficient")
          .put("deficiencyDueOn", today.minusDays(1).toString()));
      assertThat(past.status()).as("a deadline in the past").isEqualTo(422);
      var r = housing.patch("/api/obligations/" + id, new JsonObject().put("version", 1).put("status", "deficient")
          .put("deficiencyDueOn", today.toString()).put("missingDocuments", new JsonArray().add("消防设计审查意见书")));
      assertThat(r.status()).isEqualTo(200);
      // the next day, on the server's clock
      var tomorrow = java.time.Clock.fixed(today.plusDays(1).atTime(9, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant(),
          java.time.ZoneId.of("Asia/Shanghai"));
      var lapsed = new org.liandong.obligations.ObligationService(TestServer.get().graph(), new org.liandong.access.Policy(), tomorrow)
          .expireDeficiencies().toCompletionStage().toCompletableFuture().join();
      assertThat(lapsed).isGreaterThanOrEqualTo(1);
      for (var client : List.of(department, champion)) {
        var expired = client.next(m -> "obligation.deficiency.expired".equals(m.getString("type"))
            && id.equals(m.getJsonObject("data").getString("entityId")));
        assertThat(expired.getString("actor")).isEqualTo("system");
      }
      var after = housing.get("/api/obligations/" + id).json();
      assertThat(after.getString("status")).isEqualTo("blocked");
      assertThat(after.getString("blockedReason")).contains("容缺期限已过");
      assertThat(after.getBoolean("deficiencyExpired")).isTrue();
      assertThat(after.getString("deficiencyExpiredOn")).isEqualTo(today.plusDays(1).toString());
      assertThat(coordinator.get("/api/projects/p-n7").json().getString("light")).isEqualTo("red");
    }
  }

  @Test
  @DisplayName("several channels are subscribed in one message, each answered on its own")
  void manyAtOnce() {
    try (var client = LiveClient.connect(port, coordinator.token())) {
      client.send(new JsonObject().put("type", "subscribe").put("channels", new JsonArray()
          .add("project:p-n3").add(new JsonObject().put("channel", "project:p-n4").put("lastSeq", 0)).add("nonsense")));
      // the malformed name is refused at once, before the others' access checks come back
      assertThat(client.next(m -> "error".equals(m.getString("type"))).getString("code")).isEqualTo("invalid");
      var seen = new java.util.ArrayList<JsonObject>();
      while (seen.stream().filter(m -> "subscribed".equals(m.getString("type"))).count() < 2
          || seen.stream().noneMatch(m -> m.containsKey("data"))) {
        seen.add(client.next(m -> true));
      }
      assertThat(seen.stream().filter(m -> "subscribed".equals(m.getString("type"))).map(m -> m.getString("channel")))
          .containsExactlyInAnyOrder("project:p-n3", "project:p-n4");
      var replayed = seen.stream().filter(m -> m.containsKey("data")).findFirst().orElseThrow();
      assertThat(replayed.getString("channel")).isEqualTo("project:p-n4");
      assertThat(replayed.getLong("seq")).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("the handshake refuses a foreign Origin and accepts our own; the cookie authenticates at once")
  void handshake() {
    assertThatThrownBy(() -> LiveClient.open(port, Map.of("Origin", "http://evil.example"), new WebSocketClientOptions()))
        .hasMessageContaining("403");
    var login = TestServer.api().post("/api/session", new JsonObject().put("username", "demo-analyst").put("password", "demo"));
    var cookie = login.header("Set-Cookie").split(";")[0];
    try (var same = LiveClient.open(port, Map.of("Origin", "http://127.0.0.1:" + port, "Cookie", cookie), new WebSocketClientOptions())) {
      var welcome = same.next(m -> "welcome".equals(m.getString("type")));
      assertThat(welcome.getJsonObject("user").getString("username")).isEqualTo("demo-analyst");
    }
  }

  @Test
  @DisplayName("without authentication only auth is accepted; a bad token closes the socket")
  void authentication() {
    try (var client = LiveClient.open(port, Map.of(), new WebSocketClientOptions())) {
      client.send(new JsonObject().put("type", "subscribe").put("channel", "project:p-n7"));
      assertThat(client.next(m -> "error".equals(m.getString("type"))).getString("code")).isEqualTo("unauthenticated");
      client.send(new JsonObject().put("type", "auth").put("token", "forged"));
      assertThat(client.awaitClose()).isEqualTo((short) 1008);
    }
  }

  @Test
  @DisplayName("a ping is answered with a pong carrying its id, a number or a text, as sent")
  void pong() {
    try (var client = LiveClient.connect(port, housing.token())) {
      client.ws.writeTextMessage(new JsonObject().put("type", "ping").put("id", 7).encode());
      assertThat(client.next(m -> "pong".equals(m.getString("type"))).getValue("id")).isEqualTo(7);
      client.ws.writeTextMessage(new JsonObject().put("type", "ping").put("id", "p-8").encode());
      assertThat(client.next(m -> "pong".equals(m.getString("type")) && m.getValue("id") instanceof String).getString("id")).isEqualTo("p-8");
    }
  }

  @Test
  @DisplayName("a message over 64 KiB closes the socket with 1009")
  void oversized() {
    try (var client = LiveClient.connect(port, housing.token())) {
      client.ws.writeTextMessage(new JsonObject().put("type", "ping").put("pad", "x".repeat(70_000)).encode());
      assertThat(client.awaitClose()).isEqualTo((short) 1009);
    }
  }

  @Test
  @DisplayName("a flood of messages is answered with rate_limited and the socket closed")
  void flood() {
    try (var client = LiveClient.connect(port, housing.token())) {
      for (int i = 0; i < 200 && client.closeCode == null; i++) {
        client.ws.writeTextMessage(new JsonObject().put("type", "ping").put("id", i).encode());
      }
      assertThat(client.next(m -> "error".equals(m.getString("type"))).getString("code")).isEqualTo("rate_limited");
      assertThat(client.awaitClose()).isEqualTo((short) 1008);
      assertThat(client.inbox.stream().filter(m -> "pong".equals(m.getString("type"))).count()).isLessThan(200);
    }
  }

  @Test
  @DisplayName("a client that stops reading is moved to resync and does not hold back a healthy one")
  void slowClient() {
    var meeting = meetingAbout("p-n8");
    open(meeting);
    var channel = "meeting:" + meeting;
    var options = new WebSocketClientOptions().setReceiveBufferSize(2048);
    try (var healthy = LiveClient.connect(port, coordinator.token());
         var slow = LiveClient.open(port, Map.of(), options)) {
      slow.send(new JsonObject().put("type", "auth").put("token", coordinator.token()));
      slow.next(m -> "welcome".equals(m.getString("type")));
      healthy.subscribe(channel, null);
      // the slow one watches three channels that each carry every event: more to choke on
      for (var c : List.of(channel, "project:p-n8", "department:d-zj-housing")) slow.subscribe(c, null);
      slow.ws.pause();

      // enough bytes to fill the kernel's socket buffers (up to 4 MiB on loopback) and the write queue
      var note = "会办要求：".repeat(300);
      int decisions = 8;
      for (int d = 0; d < decisions; d++) {
        var obligations = new JsonArray();
        for (int i = 0; i < 40; i++) {
          obligations.add(new JsonObject().put("departmentId", "d-zj-housing").put("title", "慢客户端测试 " + d + "-" + i)
              .put("track", "permits").put("dueOn", "2031-06-01").put("note", note));
        }
        var r = coordinator.post("/api/meetings/" + meeting + "/decisions", new JsonObject().put("text", "决定 " + d).put("obligations", obligations));
        assertThat(r.status()).isEqualTo(201);
      }
      var all = healthy.events(channel, decisions * 41);
      var seqs = all.stream().map(e -> e.getLong("seq")).toList();
      for (int i = 1; i < seqs.size(); i++) assertThat(seqs.get(i)).isEqualTo(seqs.get(i - 1) + 1);

      // once it reads again it is told to resync, and from there follows to the last event
      slow.ws.resume();
      long last = seqs.get(seqs.size() - 1);
      var resyncs = new java.util.ArrayList<JsonObject>();
      long caughtUp = -1;
      int eventsSeen = 0;
      while (caughtUp < last) {
        var m = slow.next(x -> channel.equals(x.getString("channel")) && x.containsKey("seq"));
        if ("resync".equals(m.getString("type"))) resyncs.add(m); else eventsSeen++;
        caughtUp = m.getLong("seq");
      }
      assertThat(resyncs).isNotEmpty().allSatisfy(r -> assertThat(r.getString("reason")).isEqualTo("slow"));
      assertThat(eventsSeen).as("events were skipped, not buffered for it").isLessThan(all.size());
    }
  }

  @Test
  @DisplayName("the meeting room: presence counts a person once, focus follows the chair, decisions reach the departments, closing locks it and the minutes list it all")
  void meetingRoom() {
    var meeting = meetingAbout("p-n7");
    open(meeting);
    var channel = "meeting:" + meeting;
    var agenda = coordinator.get("/api/meetings/" + meeting).json().getJsonArray("agenda");
    try (var chair = LiveClient.connect(port, leader.token());
         var tab1 = LiveClient.connect(port, housing.token());
         var tab2 = LiveClient.connect(port, housing.token());
         var inbox = LiveClient.connect(port, planning.token())) {
      chair.subscribe(channel, null);
      tab1.subscribe(channel, null);
      tab2.subscribe(channel, null);
      inbox.subscribe("department:d-zj-nrp", null);
      var picture = chair.next(m -> "presence".equals(m.getString("type"))
          && m.getJsonObject("data").getJsonArray("people").size() == 2);
      assertThat(picture.getJsonObject("data").getJsonArray("people").stream().map(JsonObject.class::cast)
          .map(p -> p.getString("userId"))).containsExactlyInAnyOrder("u-demo-leader", "u-demo-officer");

      var focused = leader.post("/api/meetings/" + meeting + "/focus",
          new JsonObject().put("agendaItemId", agenda.getJsonObject(1).getString("id")));
      assertThat(focused.status()).as(focused.toString()).isEqualTo(200);
      var focus = tab1.next(m -> "meeting.focus".equals(m.getString("type")));
      assertThat(focus.getJsonObject("data").getJsonObject("after").getString("focusTitle")).isEqualTo("第二项");
      assertThat(housing.post("/api/meetings/" + meeting + "/focus", new JsonObject().put("agendaItemId", "x")).status()).isEqualTo(403);

      var decided = leader.post("/api/meetings/" + meeting + "/decisions", new JsonObject().put("text", "市资规局三日内出具规划许可")
          .put("obligations", new JsonArray().add(new JsonObject().put("departmentId", "d-zj-nrp")
              .put("title", "会办交办：规划许可").put("track", "permits").put("dueOn", "2031-05-09"))));
      assertThat(decided.status()).isEqualTo(201);
      for (var c : List.of(chair, tab1, tab2)) c.next(m -> "meeting.decision".equals(m.getString("type")));
      var dispatched = inbox.next(m -> "obligation.created".equals(m.getString("type")));
      assertThat(dispatched.getJsonObject("data").getJsonObject("after").getString("title")).isEqualTo("会办交办：规划许可");

      tab2.ws.close().await();
      tab1.ws.close().await();
      var left = chair.next(m -> "presence".equals(m.getString("type")) && m.getJsonObject("data").containsKey("left"));
      assertThat(left.getJsonObject("data").getJsonObject("left").getString("userId")).isEqualTo("u-demo-officer");
      assertThat(left.getJsonObject("data").getJsonArray("people")).hasSize(1);

      var version = coordinator.get("/api/meetings/" + meeting).json().getLong("version");
      assertThat(coordinator.patch("/api/meetings/" + meeting, new JsonObject().put("version", version).put("status", "closed")).status())
          .isEqualTo(200);
      chair.next(m -> "meeting.closed".equals(m.getString("type")));
      assertThat(leader.post("/api/meetings/" + meeting + "/decisions", new JsonObject().put("text", "会后补充")).status()).isEqualTo(409);

      var minutes = coordinator.get("/api/meetings/" + meeting + "/minutes").json();
      assertThat(minutes.getBoolean("final")).isTrue();
      assertThat(minutes.getJsonArray("decisions").getJsonObject(0).getString("text")).isEqualTo("市资规局三日内出具规划许可");
      assertThat(minutes.getJsonArray("obligationsCreated").getJsonObject(0).getString("departmentId")).isEqualTo("d-zj-nrp");
      assertThat(minutes.getJsonArray("attendance").stream().map(JsonObject.class::cast).map(p -> p.getString("id")))
          .containsExactlyInAnyOrder("u-demo-leader", "u-demo-officer");
      var html = coordinator.get("/api/meetings/" + meeting + "/minutes?format=html");
      assertThat(html.header("Content-Type")).startsWith("text/html");
      assertThat(html.body()).contains("市资规局三日内出具规划许可").contains("会办交办：规划许可").contains("王经办");
    }
  }
}
