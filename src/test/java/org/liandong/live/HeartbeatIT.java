package org.liandong.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.Server;
import org.liandong.TestServer;
import org.liandong.config.AppConfig;

@DisplayName("WebSocket liveness")
class HeartbeatIT {
  static Server server;

  @org.junit.jupiter.api.BeforeAll
  static void start() {
    var env = new HashMap<String, String>();
    env.put("LIANDONG_HTTP_PORT", "0");
    env.put("LIANDONG_HTTP_HOST", "127.0.0.1");
    env.put("LIANDONG_DATA_DIR", TestServer.tempDir("liandong-heartbeat-").toString());
    env.put("LIANDONG_WS_PING_SECONDS", "1");
    env.put("LIANDONG_WS_IDLE_SECONDS", "2");
    env.put("LIANDONG_ADMIN_PASSWORD", "heartbeat-admin-1");
    server = Server.start(AppConfig.from(env));
  }

  @org.junit.jupiter.api.AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("a socket whose session expires is closed at its next heartbeat (4401)")
  void expiredSessionIsClosed() {
    var admin = new org.liandong.Api(server.port()).as("admin", "heartbeat-admin-1");
    // the session's clock runs out a second from now
    server.graph().write(tx -> tx.run("MATCH (s:Session)-[:OF]->(:User {username: 'admin'}) SET s.expiresAt = datetime() + duration('PT1S')",
        java.util.Map.of())).await();
    try (var client = LiveClient.connect(server.port(), admin.token())) {
      assertThat(client.awaitClose()).isEqualTo((short) 4401);
    }
  }

  @Test
  @DisplayName("a peer that never answers the server's pings is dropped with 1001 after the idle time")
  void deadPeerIsDropped() throws IOException {
    try (var socket = new Socket("127.0.0.1", server.port())) {
      // a bare handshake, then silence: no pong, nothing
      socket.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n"
          + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
          + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      socket.setSoTimeout(10_000);
      var in = socket.getInputStream();
      assertThat(headers(in)).startsWith("HTTP/1.1 101");

      int pings = 0;
      Integer closeCode = null;
      while (closeCode == null) {
        int opcode = in.read() & 0x0f;
        int length = in.read() & 0x7f;
        var payload = in.readNBytes(length);
        if (opcode == 0x9) pings++;
        if (opcode == 0x8) closeCode = ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
      }
      assertThat(pings).isGreaterThanOrEqualTo(1);
      assertThat(closeCode).isEqualTo(1001);
    }
  }

  private static String headers(InputStream in) throws IOException {
    var out = new ByteArrayOutputStream();
    try {
      while (!out.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) out.write(in.read());
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no handshake answer: " + out, e);
    }
    return out.toString(StandardCharsets.US_ASCII);
  }
}
