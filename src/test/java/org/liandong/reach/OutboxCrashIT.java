package org.liandong.reach;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.Api;
import org.liandong.Child;
import org.liandong.Server;
import org.liandong.ShiftedClock;
import org.liandong.TestServer;
import org.liandong.config.AppConfig;

/**
 * The outbox across a crash: a server with 200 deliveries pending (its SMTP server not up yet, so
 * every try fails and waits) is killed with SIGKILL; started again once the mail server is up, it
 * delivers every notice, and a mail that arrives twice carries the same delivery id both times.
 */
@DisplayName("Reach: the outbox loses nothing across kill -9")
class OutboxCrashIT {
  private static final int OFFICERS = 5;
  private static final int OBLIGATIONS = 40;

  @Test
  @DisplayName("200 deliveries pending, kill -9, restart: each of the 200 mails arrives, repeats only with the same Message-ID")
  void killedWithDeliveriesPending() throws Exception {
    int smtpPort;
    try (var free = new java.net.ServerSocket(0)) {
      smtpPort = free.getLocalPort();
    }
    var env = new HashMap<String, String>(Map.of("LIANDONG_DATA_DIR", TestServer.tempDir("liandong-outbox-crash-").toString(),
        "LIANDONG_HTTP_PORT", "0", "LIANDONG_HTTP_HOST", "127.0.0.1", "LIANDONG_DEMO", "true", "LIANDONG_CHASE_SECONDS", "1",
        "LIANDONG_SMTP_URL", "smtp://127.0.0.1:" + smtpPort, "LIANDONG_MAIL_FROM", "liandong@crash.example",
        "LIANDONG_DELIVERY_SECONDS", "1"));
    var child = Child.start(env);
    try {
      var port = Integer.parseInt(child.await(Pattern.compile("ready at http://localhost:(\\d+)/")));
      var admin = new Api(port).as("demo-admin");
      var coordinator = new Api(port).as("demo-coordinator");
      var bureau = admin.post("/api/departments", new JsonObject().put("name", "断电测试局").put("level", "city").put("parentId", "d-zj-gov"));
      assertThat(bureau.status()).as(bureau.toString()).isEqualTo(201);
      var department = bureau.json().getString("id");
      for (int i = 0; i < OFFICERS; i++) {
        var officer = admin.post("/api/users", new JsonObject().put("username", "crash-" + i).put("displayName", "断电 " + i)
            .put("password", "crash-password").put("roles", List.of("officer")).put("departmentId", department)
            .put("email", "crash-" + i + "@crash.example"));
        assertThat(officer.status()).as(officer.toString()).isEqualTo(201);
      }
      for (int i = 0; i < OBLIGATIONS; i++) {
        var created = coordinator.post("/api/obligations", new JsonObject().put("projectId", "p-n7").put("departmentId", department)
            .put("title", "断电测试事项 " + i).put("track", "permits").put("dueOn", "2031-03-13"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
      }
      // the 督办 sweep (each second here) tells each officer of each new obligation: 200 mails, none deliverable yet
      waitFor(() -> {
        var counts = admin.get("/api/deliveries?status=pending&limit=1").json().getJsonObject("counts");
        return counts.getLong("pending") >= OFFICERS * OBLIGATIONS ? counts : null;
      });
      child.process().destroyForcibly(); // SIGKILL: no shutdown hook, claims left as they were
      assertThat(child.process().waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    } finally {
      child.process().destroyForcibly();
    }

    var mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    // started again five minutes on: every wait and every claim of the killed node has run out
    var clock = new ShiftedClock(Instant.now().plus(Duration.ofMinutes(5)), ZoneId.of("Asia/Shanghai"));
    try (var again = Server.start(AppConfig.from(env), clock)) {
      var admin = new Api(again.port()).as("demo-admin");
      waitFor(() -> admin.get("/api/deliveries?limit=1").json().getJsonObject("counts").getLong("sent") >= OFFICERS * OBLIGATIONS ? true : null);
      var ids = new HashSet<String>();
      for (var d : admin.get("/api/deliveries?status=sent&limit=500").json().getJsonArray("items")) ids.add(((JsonObject) d).getString("id"));
      assertThat(ids).hasSize(OFFICERS * OBLIGATIONS);
      var received = new HashMap<String, Integer>();
      for (var m : mail.getReceivedMessages()) received.merge(m.getHeader("X-Liandong-Delivery")[0], 1, Integer::sum);
      assertThat(received.keySet()).as("every delivery arrived, and nothing else").isEqualTo(ids);
      assertThat(admin.get("/api/deliveries?limit=1").json().getJsonObject("counts").getLong("failed")).isZero();
    } finally {
      mail.stop();
    }
  }

  private static <T> T waitFor(java.util.function.Supplier<T> found) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < until) {
      var value = found.get();
      if (value != null) return value;
      Thread.sleep(200);
    }
    throw new AssertionError("not within 90 s");
  }
}
