package org.liandong.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.Api;
import org.liandong.TestServer;

@DisplayName("Live sessions end with their session, speak only plain WebSocket text, and know their history")
class LiveSecurityIT {
  static int port;
  static Api admin;

  @BeforeAll
  static void start() {
    port = TestServer.get().port();
    admin = TestServer.api().as("demo-admin");
  }

  private static Api newOfficer() {
    var username = "live-" + UUID.randomUUID().toString().substring(0, 8);
    var created = admin.post("/api/users", new JsonObject().put("username", username).put("displayName", "实时测试")
        .put("password", "long-enough-1").put("roles", new JsonArray().add("officer")).put("departmentId", "d-zj-housing"));
    assertThat(created.status()).isEqualTo(201);
    return TestServer.api().as(username, "long-enough-1");
  }

  @Test
  @DisplayName("logging out closes the session's open socket (4401)")
  void logoutClosesTheSocket() {
    var officer = newOfficer();
    try (var client = LiveClient.connect(port, officer.token())) {
      assertThat(client.subscribe("department:d-zj-housing", null).getString("type")).isEqualTo("subscribed");
      assertThat(officer.delete("/api/session").status()).isEqualTo(204);
      assertThat(client.awaitClose()).isEqualTo((short) 4401);
    }
  }

  @Test
  @DisplayName("an admin deactivating the account closes its sockets at once (4401); a new socket is refused")
  void deactivationClosesTheSocket() {
    var officer = newOfficer();
    var id = officer.get("/api/me").json().getJsonObject("user").getString("id");
    try (var client = LiveClient.connect(port, officer.token())) {
      var user = admin.get("/api/users/" + id).json();
      assertThat(admin.patch("/api/users/" + id, new JsonObject().put("version", user.getLong("version")).put("active", false)).status())
          .isEqualTo(200);
      assertThat(client.awaitClose()).isEqualTo((short) 4401);
    }
    var again = LiveClient.open(port, java.util.Map.of(), new io.vertx.core.http.WebSocketClientOptions());
    again.send(new JsonObject().put("type", "auth").put("token", officer.token()));
    assertThat(again.next(m -> "error".equals(m.getString("type"))).getString("code")).isEqualTo("unauthenticated");
    again.close();
  }

  @Test
  @DisplayName("a lastSeq from another history (another epoch) gets resync; a lastSeq past 2^53 is refused, not wrapped")
  void epochs() {
    try (var client = LiveClient.connect(port, admin.token())) {
      var subscribed = client.subscribe("project:p-n7", null);
      var epoch = subscribed.getString("epoch");
      assertThat(epoch).isNotBlank();
      client.send(new JsonObject().put("type", "unsubscribe").put("channel", "project:p-n7"));
      client.next(m -> "unsubscribed".equals(m.getString("type")));
      client.send(new JsonObject().put("type", "subscribe").put("channel", "project:p-n7")
          .put("lastSeq", subscribed.getLong("seq")).put("epoch", "another-history"));
      var resync = client.next(m -> "project:p-n7".equals(m.getString("channel")) && m.containsKey("type") && !"presence".equals(m.getString("type")));
      assertThat(resync.getString("type")).isEqualTo("resync");
      assertThat(resync.getString("reason")).isEqualTo("epoch");
      assertThat(resync.getString("epoch")).isEqualTo(epoch);
      client.ws.writeTextMessage("{\"type\":\"subscribe\",\"channel\":\"project:p-n8\",\"lastSeq\":18446744073709551617}");
      assertThat(client.next(m -> "error".equals(m.getString("type"))).getString("code")).isEqualTo("invalid");
    }
  }

  @Test
  @DisplayName("a frame over 64 KiB closes with 1009, invalid UTF-8 with 1007, a reserved bit with 1002")
  void frames() throws IOException {
    var big = ("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    assertThat(closeCodeAfter(0x81, big)).isEqualTo(1009);
    assertThat(closeCodeAfter(0x81, new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'})).isEqualTo(1007);
    assertThat(closeCodeAfter(0x81 | 0x40, "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(1002);
  }

  /** Opens /ws over a plain socket, sends one hand-made frame, and reads the close code the server answers with. */
  private static int closeCodeAfter(int firstByte, byte[] payload) throws IOException {
    try (var socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      var out = socket.getOutputStream();
      out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      var in = socket.getInputStream();
      assertThat(headers(in)).startsWith("HTTP/1.1 101");
      var frame = new ByteArrayOutputStream();
      frame.write(firstByte);
      if (payload.length < 126) {
        frame.write(0x80 | payload.length);
      } else if (payload.length < 65536) {
        frame.write(0x80 | 126);
        frame.write(payload.length >> 8);
        frame.write(payload.length & 0xFF);
      } else {
        frame.write(0x80 | 127);
        for (int i = 7; i >= 0; i--) frame.write((int) ((long) payload.length >> (8 * i)) & 0xFF);
      }
      var mask = new byte[] {1, 2, 3, 4};
      frame.write(mask);
      for (int i = 0; i < payload.length; i++) frame.write(payload[i] ^ mask[i % 4]);
      out.write(frame.toByteArray());
      out.flush();
      while (true) {
        int b0 = in.read();
        if (b0 < 0) throw new AssertionError("closed without a close frame");
        int len = in.read() & 0x7F;
        if (len == 126) len = (in.read() << 8) | in.read();
        var body = in.readNBytes(len);
        if ((b0 & 0x0F) == 0x8) return body.length >= 2 ? ((body[0] & 0xFF) << 8) | (body[1] & 0xFF) : 1005;
      }
    }
  }

  private static String headers(InputStream in) throws IOException {
    var sb = new StringBuilder();
    while (!sb.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) break;
      sb.append((char) c);
    }
    return sb.toString();
  }
}
