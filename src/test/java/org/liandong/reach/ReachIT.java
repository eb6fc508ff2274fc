package org.liandong.reach;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.json.JsonObject;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.liandong.Api;
import org.liandong.ShiftedClock;
import org.liandong.Server;
import org.liandong.TestServer;
import org.liandong.chase.ChaseRules;
import org.liandong.chase.Chaser;
import org.liandong.config.AppConfig;
import org.liandong.domain.WorkCalendar;

/**
 * Notices that leave the app, through real parts: GreenMail as the SMTP server, a real HTTP server
 * as the SMS gateway, the server's own outbox timer sending, on a clock the test moves (the
 * night's quiet hours and the retries' waits are times on that clock, never sleeps). The tests
 * follow one obligation from dispatch to escalation, in order.
 */
@DisplayName("Reach: e-mail and SMS through the outbox")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReachIT {
  private static final ZoneId ZHENJIANG = ZoneId.of("Asia/Shanghai");
  private static final String SECRET = "reach-it-shared-secret-0123";
  static final ShiftedClock CLOCK = new ShiftedClock(ZonedDateTime.of(2031, 3, 12, 8, 0, 0, 0, ZHENJIANG).toInstant(), ZHENJIANG);
  static GreenMail mail;
  static GatewayReceiver gateway;
  /** The department's group robots' platforms, one server for all four. */
  static GatewayReceiver robots;
  static Server server;
  static Api admin;
  static Api coordinator;
  static String obligationId;
  static String department;
  static String projectId;

  @BeforeAll
  static void start() throws Exception {
    int port;
    try (var free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    gateway = new GatewayReceiver();
    robots = new GatewayReceiver();
    var env = new HashMap<String, String>();
    env.put("LIANDONG_HTTP_PORT", "0");
    env.put("LIANDONG_HTTP_HOST", "127.0.0.1");
    env.put("LIANDONG_DATA_DIR", TestServer.tempDir("liandong-reach-").toString());
    env.put("LIANDONG_DEMO", "true");
    env.put("LIANDONG_CHASE_SECONDS", "86400");
    env.put("LIANDONG_SMTP_URL", "smtp://127.0.0.1:" + mail.getSmtp().getPort());
    env.put("LIANDONG_MAIL_FROM", "liandong@reach.example");
    env.put("LIANDONG_SMS_URL", gateway.url());
    env.put("LIANDONG_SMS_SECRET", SECRET);
    env.put("LIANDONG_PUBLIC_URL", "https://liandong.example.gov.cn/");
    env.put("LIANDONG_DELIVERY_SECONDS", "1");
    env.put("LIANDONG_DELIVERY_ATTEMPTS", "3");
    server = Server.start(AppConfig.from(env), CLOCK);
    login();
    // a bureau of its own, so that only this test's people have addresses: an officer reading Chinese
    // with e-mail and phone, one reading English with e-mail, and a leader with a phone
    var bureau = admin.post("/api/departments", new JsonObject().put("name", "外联测试局").put("level", "city").put("parentId", "d-zj-gov"));
    assertThat(bureau.status()).as(bureau.toString()).isEqualTo(201);
    department = bureau.json().getString("id");
    person("reach-zh", "王外联", "officer", new JsonObject().put("email", "officer@reach-bureau.example").put("mobile", "13800000001"));
    person("reach-en", "Alex Reach", "officer", new JsonObject().put("email", "alex@reach-bureau.example").put("language", "en"));
    var leader = person("reach-leader", "李挂钩", "leader", new JsonObject().put("mobile", "+8613900000002"));
    // the daily digest (08:30) stays out of the mailbox the other tests read; dailyDigest turns it on
    for (var username : List.of("reach-zh", "reach-en")) digest(username, false);
    var project = coordinator.post("/api/projects", new JsonObject().put("code", "REACH-1").put("name", "外联测试项目").put("company", "测试公司")
        .put("investmentYi", 2.5).put("landMu", 30.0).put("stage", "signed").put("level", "district").put("signedOn", "2030-03-01")
        .put("targetStartOn", "2031-09-01").put("championIds", List.of(leader)));
    assertThat(project.status()).as(project.toString()).isEqualTo(201);
    projectId = project.json().getString("id");
    // the bureau's group chats, one on each platform
    robot("wecom", "住建群（企业微信）", robots.url("/wecom?key=wecom-key-1"), null);
    robot("dingtalk", "住建群（钉钉）", robots.url("/dingtalk?access_token=ding-token-1"), DING_SECRET);
    robot("feishu", "住建群（飞书）", robots.url("/feishu/hook/feishu-token-1"), FEISHU_SECRET);
    robot("generic", "值班系统", robots.url("/generic"), GENERIC_SECRET);
  }

  static final String DING_SECRET = "SECdingtalk-secret-0123456789";
  static final String FEISHU_SECRET = "feishu-secret-0123456789";
  static final String GENERIC_SECRET = "generic-secret-0123456789";

  private static void robot(String platform, String name, String url, String secret) {
    var body = new JsonObject().put("platform", platform).put("name", name).put("url", url);
    if (secret != null) body.put("secret", secret);
    var added = admin.post("/api/departments/" + department + "/robots", body);
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
  }

  private static String person(String username, String name, String role, JsonObject contact) {
    contact.put("username", username).put("displayName", name).put("password", "reach-password").put("roles", List.of(role));
    if (role.equals("officer")) contact.put("departmentId", department);
    var created = admin.post("/api/users", contact);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getString("id");
  }

  /** Sessions last 12 hours of the server's clock: after each move, log in again. */
  private static void login() {
    admin = new Api(server.port()).as("demo-admin");
    coordinator = new Api(server.port()).as("demo-coordinator");
  }

  @AfterAll
  static void stop() {
    if (server != null) server.close();
    if (gateway != null) gateway.close();
    if (robots != null) robots.close();
    if (mail != null) mail.stop();
  }

  @Test
  @Order(0)
  @DisplayName("an admin gives a department its group robots; their tokens and secrets are never shown, and the rest may not see them")
  void robotsAreTheAdmins() {
    var listed = admin.get("/api/departments/" + department + "/robots");
    assertThat(listed.status()).isEqualTo(200);
    var all = listed.array().stream().map(JsonObject.class::cast).toList();
    assertThat(all).extracting(r -> r.getString("platform")).containsExactly("wecom", "dingtalk", "feishu", "generic");
    assertThat(listed.toString()).doesNotContain("wecom-key-1").doesNotContain("ding-token-1").doesNotContain(DING_SECRET);
    assertThat(all.get(0).getString("url")).endsWith("/wecom?…");
    assertThat(all).extracting(r -> r.getBoolean("signed")).containsExactly(false, true, true, true);
    assertThat(coordinator.get("/api/departments/" + department + "/robots").status()).isEqualTo(403);
    assertThat(admin.get("/api/departments/nobody/robots").status()).isEqualTo(404);
    var unsigned = admin.post("/api/departments/" + department + "/robots", new JsonObject().put("platform", "generic").put("name", "x")
        .put("url", "https://example.gov.cn/hook"));
    assertThat(unsigned.status()).isEqualTo(400);
    assertThat(unsigned.json().getString("messageZh")).contains("密钥");
    var extra = admin.post("/api/departments/" + department + "/robots", new JsonObject().put("platform", "wecom").put("name", "临时群")
        .put("url", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=temp"));
    assertThat(extra.status()).isEqualTo(201);
    var path = "/api/departments/" + department + "/robots/" + extra.json().getString("id");
    assertThat(admin.delete(path).status()).isEqualTo(204);
    assertThat(admin.delete(path).status()).isEqualTo(404);
  }

  @Test
  @Order(1)
  @DisplayName("new work for a department reaches each of its officers' mailboxes, in their language, with its link and its delivery's id")
  void dispatchByMail() throws Exception {
    moveTo(ZonedDateTime.of(2031, 3, 12, 10, 0, 0, 0, ZHENJIANG));
    var created = coordinator.post("/api/obligations", new JsonObject().put("projectId", projectId).put("departmentId", department)
        .put("title", "外联测试：施工许可证核发").put("track", "permits").put("dueOn", "2031-03-13"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    obligationId = created.json().getString("id");
    // the 督办 sweep tells the department of new work (each minute by default; here by hand, now)
    chase();

    assertThat(mail.waitForIncomingEmail(15_000, 2)).as("two mails within 15 s").isTrue();
    var byAddress = new HashMap<String, MimeMessage>();
    for (var m : mail.getReceivedMessages()) byAddress.put(m.getAllRecipients()[0].toString(), m);
    var zh = byAddress.get("officer@reach-bureau.example");
    var en = byAddress.get("alex@reach-bureau.example");
    assertThat(zh.getSubject()).isEqualTo("【联动】交办给本部门的新事项：外联测试：施工许可证核发");
    assertThat(en.getSubject()).startsWith("[Liandong] ").endsWith(": 外联测试：施工许可证核发");
    assertThat(zh.getFrom()[0].toString()).isEqualTo("liandong@reach.example");
    var zhText = part(zh, "text/plain");
    assertThat(zhText).contains("期限：2031-03-13").contains("发出时间：2031-03-12 10:00（Asia/Shanghai）")
        .contains("https://liandong.example.gov.cn/#/project/" + projectId + "");
    assertThat(part(en, "text/plain")).contains("Due: 2031-03-13").contains("Sent: 2031-03-12 10:00 (Asia/Shanghai)");
    assertThat(part(zh, "text/html")).contains("<a href=\"https://liandong.example.gov.cn/#/project/" + projectId + "\">");

    // the mail is in; its delivery is marked sent in the write after
    var zhDelivery = waitFor(() -> deliveries("sent").stream().filter(d -> "officer@reach-bureau.example".equals(d.getString("to")))
        .findFirst().orElse(null));
    assertThat(zh.getHeader("Message-ID")[0]).isEqualTo("<" + zhDelivery.getString("id") + ".reach.example>");
    assertThat(zhDelivery.getString("kind")).isEqualTo("dispatched");
    assertThat(zhDelivery.getString("channel")).isEqualTo("email");
    assertThat(zhDelivery.getInteger("attempts")).isEqualTo(1);
    assertThat(gateway.received).as("new work goes by e-mail only").isEmpty();

    // and to the bureau's group chats, each in its platform's format, signed as its documentation says
    waitFor(() -> robots.received.size() >= 4 ? true : null);
    var byPath = new HashMap<String, GatewayReceiver.Received>();
    for (var r : robots.received) byPath.put(r.uri().replaceAll("\\?.*", ""), r);
    var title = "【联动】交办给本部门的新事项：外联测试：施工许可证核发";
    var link = "https://liandong.example.gov.cn/#/project/" + projectId;

    var wecom = byPath.get("/wecom").json();
    assertThat(byPath.get("/wecom").uri()).isEqualTo("/wecom?key=wecom-key-1");
    assertThat(wecom.getString("msgtype")).isEqualTo("markdown");
    assertThat(wecom.getJsonObject("markdown").getString("content")).contains(title).contains("(" + link + ")").contains("期限：2031-03-13");

    var ding = byPath.get("/dingtalk");
    var query = new HashMap<String, String>();
    for (var pair : ding.uri().substring(ding.uri().indexOf('?') + 1).split("&")) query.put(pair.split("=", 2)[0], pair.split("=", 2)[1]);
    assertThat(query.get("access_token")).isEqualTo("ding-token-1");
    // 钉钉: sign = urlEncode(base64(HmacSHA256(key: secret, data: timestamp + "\n" + secret))), timestamp in milliseconds
    var millis = query.get("timestamp");
    assertThat(query.get("sign")).isEqualTo(java.net.URLEncoder.encode(java.util.Base64.getEncoder().encodeToString(
        hmac(DING_SECRET, millis + "\n" + DING_SECRET)), StandardCharsets.UTF_8));
    assertThat(ding.json().getJsonObject("markdown").getString("title")).isEqualTo(title);
    assertThat(ding.json().getJsonObject("markdown").getString("text")).contains(link);

    // 飞书: sign = base64(HmacSHA256(key: timestamp + "\n" + secret, data: empty)), timestamp in seconds, both in the body
    var feishu = byPath.get("/feishu/hook/feishu-token-1").json();
    assertThat(feishu.getString("sign")).isEqualTo(java.util.Base64.getEncoder().encodeToString(
        hmacKeyed(feishu.getString("timestamp") + "\n" + FEISHU_SECRET)));
    assertThat(feishu.getString("msg_type")).isEqualTo("interactive");
    assertThat(feishu.getJsonObject("card").getJsonObject("header").getJsonObject("title").getString("content")).isEqualTo(title);

    var generic = byPath.get("/generic");
    assertThat(generic.signature()).isEqualTo(SmsGateway.signature(GENERIC_SECRET, Long.parseLong(generic.timestamp()), generic.body()));
    assertThat(generic.json().getString("kind")).isEqualTo("dispatched");
    assertThat(generic.json().getString("link")).isEqualTo(link);
    var robotDeliveries = deliveries("sent").stream().filter(d -> "robot".equals(d.getString("channel"))).toList();
    assertThat(robotDeliveries).hasSize(4).allSatisfy(d -> assertThat(d.getString("departmentId")).isEqualTo(department));
    assertThat(generic.json().getString("id")).isIn(robotDeliveries.stream().map(d -> d.getString("id")).toList());
  }

  private static byte[] hmac(String key, String data) {
    return mac(key.getBytes(StandardCharsets.UTF_8), data.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] hmacKeyed(String key) {
    return mac(key.getBytes(StandardCharsets.UTF_8), new byte[0]);
  }

  private static byte[] mac(byte[] key, byte[] data) {
    try {
      var mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @Order(2)
  @DisplayName("a 督办 opened at night goes by e-mail at once and by SMS when the officer's own quiet hours end (07:30); the gateway's 500 is retried after its wait and the message sent once accepted")
  void supervisionByNightAndRetry() throws Exception {
    gateway.answer(tryNumber -> tryNumber == 1 ? 500 : 200);
    // Friday: a day overdue (催办); Monday 23:00: two working days overdue, the 督办 opens
    moveTo(ZonedDateTime.of(2031, 3, 14, 9, 0, 0, 0, ZHENJIANG));
    chase();
    mail.reset();
    // the officer keeps her own quiet hours, 21:30 to 07:30 (a time not on the clock is refused)
    var officer = new Api(server.port()).as("reach-zh", "reach-password");
    var wrong = officer.put("/api/notices/settings", new JsonObject().put("muted", List.of()).put("quietFrom", "24:00"));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.json().getJsonObject("fieldsZh").getString("quietFrom")).contains("24:00").contains("时:分");
    var quiet = officer.put("/api/notices/settings", new JsonObject().put("muted", List.of()).put("quietFrom", "21:30").put("quietUntil", "07:30"));
    assertThat(quiet.status()).as(quiet.toString()).isEqualTo(200);
    assertThat(officer.get("/api/notices/settings").json().getString("quietUntil")).isEqualTo("07:30");
    moveTo(ZonedDateTime.of(2031, 3, 17, 23, 0, 0, 0, ZHENJIANG));
    chase();
    // by e-mail at once, to both officers, each in their language
    waitFor(() -> subjects().containsAll(List.of("【联动】督办：外联测试：施工许可证核发", "[Liandong] Supervision notice: 外联测试：施工许可证核发")) ? true : null);
    // held for the morning: the outbox finds it due in her quiet hours and puts it off to their end, no attempt counted
    var sms = waitFor(() -> deliveries("pending").stream().filter(d -> "sms".equals(d.getString("channel"))
        && d.getString("nextAt").startsWith("2031-03-18T07:30")).findFirst().orElse(null));
    assertThat(sms.getString("kind")).isEqualTo("supervision");
    assertThat(sms.getInteger("attempts")).isZero();
    assertThat(gateway.received).as("nothing by SMS in the quiet hours").isEmpty();

    moveTo(ZonedDateTime.of(2031, 3, 18, 7, 30, 1, 0, ZHENJIANG));
    waitFor(() -> tries(sms.getString("id")).size() >= 1 ? true : null);
    var retried = waitFor(() -> one(sms.getString("id")).getInteger("attempts") == 1 ? one(sms.getString("id")) : null);
    assertThat(retried.getString("status")).isEqualTo("pending");
    assertThat(retried.getString("error")).contains("500");
    assertThat(ZonedDateTime.parse(retried.getString("nextAt"))).as("30 s after the first try, at 07:30")
        .isAfter(ZonedDateTime.of(2031, 3, 18, 7, 30, 30, 0, ZHENJIANG)).isBefore(ZonedDateTime.of(2031, 3, 18, 7, 30, 45, 0, ZHENJIANG));

    CLOCK.advance(Duration.ofSeconds(31));
    var sent = waitFor(() -> "sent".equals(one(sms.getString("id")).getString("status")) ? one(sms.getString("id")) : null);
    assertThat(sent.getInteger("attempts")).isEqualTo(2);
    assertThat(tries(sms.getString("id"))).hasSize(2).allSatisfy(r -> {
      assertThat(r.signature()).as("HMAC-SHA256 over timestamp.body").isEqualTo(SmsGateway.signature(SECRET, Long.parseLong(r.timestamp()), r.body()));
      assertThat(r.contentType()).isEqualTo("application/json; charset=utf-8");
      assertThat(r.json().getString("id")).isEqualTo(sms.getString("id"));
      assertThat(r.json().getString("to")).isEqualTo("13800000001");
      assertThat(r.json().getString("text")).startsWith("【联动】督办：").endsWith(" https://liandong.example.gov.cn/#/notices")
          .hasSizeLessThanOrEqualTo(Message.SEGMENT);
    });
  }

  @Test
  @Order(3)
  @DisplayName("an escalation goes by SMS at night too; a gateway that always fails leaves it failed and listed, and an admin sends it again")
  void escalationFailsAndIsSentAgain() throws Exception {
    gateway.received.clear();
    gateway.answer(tryNumber -> 503);
    // Thursday 23:30: the 督办 went unanswered past Wednesday, its day to answer by
    moveTo(ZonedDateTime.of(2031, 3, 20, 23, 30, 0, 0, ZHENJIANG));
    chase();
    var escalation = waitFor(() -> deliveries(null).stream()
        .filter(d -> "sms".equals(d.getString("channel")) && "supervisionEscalated".equals(d.getString("kind"))
            && "李挂钩".equals(d.getString("displayName"))).findFirst().orElse(null));
    var id = escalation.getString("id");
    waitFor(() -> tries(id).size() >= 1 ? true : null);
    assertThat(tries(id).get(0).json().getString("to")).as("urgent: sent in the quiet hours").isEqualTo("+8613900000002");
    for (int attempt = 2; attempt <= 3; attempt++) {
      CLOCK.advance(Duration.ofMinutes(5));
      int expected = attempt;
      waitFor(() -> one(escalation.getString("id")).getInteger("attempts") == expected ? true : null);
    }
    var failed = deliveries("failed");
    var mine = failed.stream().filter(d -> id.equals(d.getString("id"))).findFirst().orElseThrow();
    assertThat(mine.getString("reason")).as("why, for the admins to read in their language").isEqualTo("refused");
    assertThat(mine.getString("error")).as("what the gateway said").contains("503");
    assertThat(mine.getString("failedAt")).startsWith("2031-03-20T23:40");
    assertThat(mine.getInteger("attempts")).isEqualTo(3);
    assertThat(admin.get("/api/deliveries?status=failed").json().getJsonObject("counts").getLong("failed")).isEqualTo(failed.size());

    assertThat(coordinator.get("/api/deliveries").status()).as("the outbox is the admins'").isEqualTo(403);
    var sentOne = deliveries("sent").get(0).getString("id");
    assertThat(admin.post("/api/deliveries/" + sentOne + "/retry", new JsonObject()).status()).as("only a failed one").isEqualTo(409);
    assertThat(admin.post("/api/deliveries/nope/retry", new JsonObject()).status()).isEqualTo(404);

    gateway.answer(tryNumber -> 200);
    var again = admin.post("/api/deliveries/" + escalation.getString("id") + "/retry", new JsonObject());
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(again.json().getString("status")).isEqualTo("pending");
    var sent = waitFor(() -> "sent".equals(one(escalation.getString("id")).getString("status")) ? one(escalation.getString("id")) : null);
    assertThat(sent.getInteger("attempts")).isEqualTo(1);
    assertThat(tries(id)).as("three failed tries and the one accepted, each with the delivery's id").hasSize(4);
  }

  /** The receipt link in the 督办's e-mail to an address: its token. */
  private static String receiptToken(String address) throws Exception {
    for (var m : mail.getReceivedMessages()) {
      if (!m.getAllRecipients()[0].toString().equals(address) || !m.getSubject().contains("督办") && !m.getSubject().contains("Supervision")) continue;
      var link = java.util.regex.Pattern.compile("https://liandong\\.example\\.gov\\.cn/#/receipt/([A-Za-z0-9._-]+)").matcher(part(m, "text/plain"));
      if (link.find()) return link.group(1);
    }
    throw new AssertionError("no receipt link in a 督办 mail to " + address);
  }

  @Test
  @Order(4)
  @DisplayName("签收: the 督办's e-mail links a receipt page that shows that one notice without a session, acknowledges once and expires; in the app the notice is acknowledged too; the office sees who received, opened and acknowledged it")
  void receipts() throws Exception {
    var token = receiptToken("officer@reach-bureau.example");
    var stranger = new Api(server.port());
    var shown = stranger.get("/api/receipts/" + token);
    assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
    assertThat(shown.header("Set-Cookie")).as("no session").isNull();
    assertThat(shown.json().getString("name")).isEqualTo("王外联");
    assertThat(shown.json().getJsonObject("notice").getString("kind")).isEqualTo("supervision");
    assertThat(shown.json().getJsonObject("notice").getString("subject")).isEqualTo("外联测试：施工许可证核发");
    assertThat(shown.json().getJsonObject("notice").fieldNames()).as("that one notice, nothing else")
        .containsExactlyInAnyOrder("kind", "subject", "projectName", "departmentName", "dueOn", "respondBy", "startsAt", "meetingId", "at");
    assertThat(stranger.get("/api/me").status()).as("the link opens no session").isEqualTo(401);
    var forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
    assertThat(stranger.get("/api/receipts/" + forged).status()).isEqualTo(404);
    var otherDelivery = java.util.UUID.randomUUID() + token.substring(36);
    assertThat(stranger.get("/api/receipts/" + otherDelivery).status()).as("the signature covers the delivery").isEqualTo(404);

    var supervision = coordinator.get("/api/supervisions?project=" + projectId).array().getJsonObject(0).getString("id");
    var before = row(supervision, "王外联");
    assertThat(before.getString("receivedAt")).as("the e-mail and the SMS went").isNotNull();
    assertThat(before.getJsonArray("channels")).contains("email", "sms");
    assertThat(before.getString("openedAt")).as("the link was opened").startsWith("2031-03-20T23:");
    assertThat(before.getValue("acknowledgedAt")).isNull();

    var acknowledged = stranger.post("/api/receipts/" + token, new JsonObject());
    assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);
    assertThat(acknowledged.json().getString("acknowledgedAt")).isNotNull();
    var again = stranger.post("/api/receipts/" + token, new JsonObject());
    assertThat(again.status()).as("works once").isEqualTo(410);
    assertThat(again.json().getString("messageZh")).contains("已于 2031-03-20 23:").contains("签收");
    assertThat(stranger.get("/api/receipts/" + token).status()).isEqualTo(410);
    assertThat(row(supervision, "王外联").getString("acknowledgedVia")).isEqualTo("link");

    // in the app: the English-reading officer acknowledges her own notice; a kind that does not ask cannot be
    var alex = new Api(server.port()).as("reach-en", "reach-password");
    var notices = alex.get("/api/notices?limit=100").json().getJsonArray("items").stream().map(JsonObject.class::cast).toList();
    var hers = notices.stream().filter(n -> "supervision".equals(n.getString("kind"))).findFirst().orElseThrow();
    assertThat(hers.getBoolean("asksReceipt")).isTrue();
    assertThat(alex.post("/api/notices/" + hers.getString("id") + "/acknowledge", new JsonObject()).status()).isEqualTo(200);
    var other = notices.stream().filter(n -> !n.getBoolean("asksReceipt")).findFirst().orElseThrow();
    assertThat(alex.post("/api/notices/" + other.getString("id") + "/acknowledge", new JsonObject()).status()).isEqualTo(422);
    assertThat(new Api(server.port()).as("reach-zh", "reach-password").post("/api/notices/" + hers.getString("id") + "/acknowledge",
        new JsonObject()).status()).as("only one's own").isEqualTo(404);
    assertThat(row(supervision, "Alex Reach").getString("acknowledgedVia")).isEqualTo("app");
    assertThat(new Api(server.port()).as("reach-zh", "reach-password").get("/api/supervisions/" + supervision + "/receipts").status())
        .as("the office's and the leaders' view").isEqualTo(403);

    // a week later the link no longer opens its notice
    var late = receiptToken("alex@reach-bureau.example");
    CLOCK.advance(Duration.ofDays(8));
    var expired = stranger.get("/api/receipts/" + late);
    assertThat(expired.status()).isEqualTo(410);
    assertThat(expired.json().getString("message")).contains("expired");
  }

  @Test
  @Order(5)
  @DisplayName("a person chooses which kinds come by e-mail and by SMS (an escalation's SMS always goes): new work then reaches her in the app only")
  void channelChoices() throws Exception {
    var alex = new Api(server.port()).as("reach-en", "reach-password");
    var settings = alex.get("/api/notices/settings").json();
    assertThat(settings.getJsonArray("byEmail")).contains("dispatched", "supervision", "supervisionEscalated", "invited");
    assertThat(settings.getJsonArray("bySms")).contains("supervision").doesNotContain("supervisionEscalated");
    var urgent = alex.put("/api/notices/settings", new JsonObject().put("muted", List.of()).put("notBySms", List.of("supervisionEscalated")));
    assertThat(urgent.status()).isEqualTo(400);
    assertThat(urgent.json().getJsonObject("fields").getString("notBySms")).contains("supervisionEscalated");
    var chosen = alex.put("/api/notices/settings", new JsonObject().put("muted", List.of()).put("notByEmail", List.of("dispatched")));
    assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
    assertThat(chosen.json().getJsonArray("notByEmail")).containsExactly("dispatched");
    assertThat(alex.put("/api/notices/settings", new JsonObject().put("muted", List.of())).json().getJsonArray("notByEmail"))
        .as("a list not sent stays as it was").containsExactly("dispatched");

    mail.reset();
    login();
    var created = coordinator.post("/api/obligations", new JsonObject().put("projectId", projectId).put("departmentId", department)
        .put("title", "外联测试：渠道选择").put("track", "permits").put("dueOn", "2031-04-30"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    chase();
    // the deliveries are written with the notices, in the same transaction: none was written for Alex's e-mail (the group robots still hear of it)
    var forThis = deliveries(null).stream().filter(d -> "外联测试：渠道选择".equals(d.getString("subject")) && !"robot".equals(d.getString("channel")))
        .toList();
    assertThat(forThis).extracting(d -> d.getString("displayName") + "/" + d.getString("channel")).containsExactly("王外联/email");
    assertThat(mail.waitForIncomingEmail(15_000, 1)).isTrue();
    assertThat(mail.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("officer@reach-bureau.example");
    assertThat(alex.get("/api/notices?limit=100").json().getJsonArray("items").stream().map(JsonObject.class::cast)
        .anyMatch(n -> "dispatched".equals(n.getString("kind")) && "外联测试：渠道选择".equals(n.getString("subject"))))
        .as("in the app all the same").isTrue();
  }

  @Test
  @Order(6)
  @DisplayName("a test message from 我的设置 goes now by each channel the person can be reached by, in their language; one a minute")
  void testMessage() throws Exception {
    mail.reset();
    gateway.received.clear();
    gateway.answer(tryNumber -> 200);
    var alex = new Api(server.port()).as("reach-en", "reach-password");
    var sent = alex.post("/api/me/test-message", new JsonObject());
    assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
    assertThat(sent.json().getJsonArray("channels")).containsExactly("email");
    assertThat(alex.post("/api/me/test-message", new JsonObject()).status()).as("one a minute").isEqualTo(429);
    assertThat(mail.waitForIncomingEmail(15_000, 1)).isTrue();
    var message = mail.getReceivedMessages()[0];
    assertThat(message.getAllRecipients()[0].toString()).isEqualTo("alex@reach-bureau.example");
    assertThat(message.getSubject()).isEqualTo("[Liandong] Test message: your address receives Liandong's notices");
    assertThat(part(message, "text/plain")).contains("https://liandong.example.gov.cn/#/me");

    var wang = new Api(server.port()).as("reach-zh", "reach-password");
    assertThat(wang.post("/api/me/test-message", new JsonObject()).json().getJsonArray("channels")).containsExactlyInAnyOrder("email", "sms");
    var text = waitFor(() -> gateway.received.stream().findFirst().orElse(null));
    assertThat(text.json().getString("to")).isEqualTo("13800000001");
    assertThat(text.json().getString("text")).startsWith("【联动】测试消息：").hasSizeLessThanOrEqualTo(Message.SEGMENT);
    assertThat(new Api(server.port()).as("demo-analyst").post("/api/me/test-message", new JsonObject()).json().getJsonArray("channels"))
        .as("no address: nothing to send").isEmpty();
  }

  @Test
  @Order(7)
  @DisplayName("the daily digest: at 08:30 one e-mail to each person who keeps it on, in their language, with the department's overdue work and the day's unread notices; none before 08:30, none to who turned it off, one a day")
  void dailyDigest() throws Exception {
    digest("reach-zh", true);
    mail.reset();
    // Monday 31 March, 08:29: not yet
    moveTo(ZonedDateTime.of(2031, 3, 31, 8, 29, 0, 0, ZHENJIANG));
    Thread.sleep(2_500);
    assertThat(deliveries(null).stream().filter(d -> "digest".equals(d.getString("kind")))).as("not before 08:30").isEmpty();
    moveTo(ZonedDateTime.of(2031, 3, 31, 8, 30, 0, 0, ZHENJIANG));
    assertThat(mail.waitForIncomingEmail(15_000, 1)).isTrue();
    var digests = deliveries(null).stream().filter(d -> "digest".equals(d.getString("kind"))).toList();
    assertThat(digests).extracting(d -> d.getString("displayName")).as("王外联 only: Alex turned hers off, the leader has no e-mail")
        .containsExactly("王外联");
    var message = mail.getReceivedMessages()[0];
    assertThat(message.getAllRecipients()[0].toString()).isEqualTo("officer@reach-bureau.example");
    assertThat(message.getSubject()).startsWith("【联动】每日摘要（2031-03-31）：").contains("项已逾期");
    assertThat(message.getHeader("Message-ID")[0]).isEqualTo("<" + digests.get(0).getString("id") + ".reach.example>");
    var body = part(message, "text/plain");
    assertThat(body).contains("王外联").contains("已逾期").contains("2031-03-13 外联测试：施工许可证核发（外联测试项目）")
        .contains("Asia/Shanghai").contains("https://liandong.example.gov.cn/#/inbox");
    // later rounds that day, on any node, write no second one
    CLOCK.advance(Duration.ofMinutes(3));
    Thread.sleep(2_500);
    assertThat(deliveries(null).stream().filter(d -> "digest".equals(d.getString("kind")))).hasSize(1);
    assertThat(mail.getReceivedMessages()).hasSize(1);
  }

  /** A person keeps the daily digest on or turns it off, as on their 通知 page. */
  private static void digest(String username, boolean on) {
    var chosen = new Api(server.port()).as(username, "reach-password").put("/api/notices/settings", new JsonObject().put("muted", List.of()).put("digest", on));
    assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
    assertThat(chosen.json().getBoolean("digest")).isEqualTo(on);
  }

  private static JsonObject row(String supervision, String name) {
    login();
    var rows = coordinator.get("/api/supervisions/" + supervision + "/receipts");
    assertThat(rows.status()).as(rows.toString()).isEqualTo(200);
    return rows.array().stream().map(JsonObject.class::cast)
        .filter(r -> name.equals(r.getString("displayName")) && "supervision".equals(r.getString("kind"))).findFirst().orElseThrow();
  }

  /** The 督办 sweep as the server's timer runs it, now on the test's clock. */
  private static int chase() {
    var rules = new ChaseRules(new ChaseRules.Settings(3, 2, 2), WorkCalendar.china());
    return new Chaser(server.graph(), rules, CLOCK).sweep().toCompletionStage().toCompletableFuture().join();
  }

  private static void moveTo(ZonedDateTime when) {
    CLOCK.moveTo(when.toInstant());
    login();
  }

  /** What the gateway received for one delivery. */
  private static List<GatewayReceiver.Received> tries(String deliveryId) {
    return gateway.received.stream().filter(r -> deliveryId.equals(r.json().getString("id"))).toList();
  }

  private static List<String> subjects() {
    return java.util.Arrays.stream(mail.getReceivedMessages()).map(m -> {
      try {
        return m.getSubject();
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private static List<JsonObject> deliveries(String status) {
    var answer = admin.get("/api/deliveries?limit=200" + (status == null ? "" : "&status=" + status));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json().getJsonArray("items").stream().map(JsonObject.class::cast).toList();
  }

  private static JsonObject one(String id) {
    return deliveries(null).stream().filter(d -> id.equals(d.getString("id"))).findFirst().orElseThrow();
  }

  /** Polls what the server's timer (ticking each real second) will have done, for up to 15 s. */
  private static <T> T waitFor(Supplier<T> found) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < until) {
      var value = found.get();
      if (value != null) return value;
      Thread.sleep(100);
    }
    throw new AssertionError("not within 15 s");
  }

  /** The text of a mail's part of the given type. */
  private static String part(Part message, String type) throws Exception {
    if (message.isMimeType(type)) return new String(message.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (message.getContent() instanceof Multipart multi) {
      for (int i = 0; i < multi.getCount(); i++) {
        var found = part(multi.getBodyPart(i), type);
        if (found != null) return found;
      }
    }
    return null;
  }
}
