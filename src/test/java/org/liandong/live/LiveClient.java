package org.liandong.live;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client (Vert.x WebSocketClient) that queues what the server says. */
public final class LiveClient implements AutoCloseable {
  static final Vertx VERTX = Vertx.vertx();

  final WebSocket ws;
  /** Held while the socket lives: Vert.x closes a client's connections once the client is garbage collected. */
  private io.vertx.core.http.WebSocketClient client;
  final LinkedBlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
  volatile Short closeCode;

  private LiveClient(WebSocket ws) {
    this.ws = ws;
    ws.textMessageHandler(text -> inbox.add(new JsonObject(text)));
    ws.closeHandler(v -> closeCode = ws.closeStatusCode() == null ? -1 : ws.closeStatusCode());
  }

  /** Connects and authenticates with a token in the first message. */
  public static LiveClient connect(int port, String token) {
    var client = open(port, Map.of(), new WebSocketClientOptions());
    client.send(new JsonObject().put("type", "auth").put("token", token));
    client.next(m -> "welcome".equals(m.getString("type")));
    return client;
  }

  static LiveClient open(int port, Map<String, String> headers, WebSocketClientOptions options) {
    var connect = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws");
    headers.forEach(connect::addHeader);
    // handlers go on in the completion callback, on the event loop, before any message is read
    var client = VERTX.createWebSocketClient(options);
    var live = client.connect(connect).map(LiveClient::new).await();
    live.client = client;
    return live;
  }

  public void send(JsonObject message) {
    ws.writeTextMessage(message.encode()).await();
  }

  /** Subscribes and returns the server's answer (subscribed, resync or error). */
  public JsonObject subscribe(String channel, Long lastSeq) {
    var message = new JsonObject().put("type", "subscribe").put("channel", channel);
    if (lastSeq != null) message.put("lastSeq", lastSeq);
    send(message);
    return next(m -> channel.equals(m.getString("channel"))
        && List.of("subscribed", "resync", "error").contains(m.getString("type")));
  }

  /** The next message that matches, skipping others; fails after 10 s. */
  public JsonObject next(Predicate<JsonObject> wanted) {
    return next(wanted, java.time.Duration.ofSeconds(10));
  }

  /** The next message that matches, skipping others; fails after {@code within}. */
  public JsonObject next(Predicate<JsonObject> wanted, java.time.Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    var skipped = new java.util.ArrayDeque<JsonObject>();
    try {
      while (System.nanoTime() < deadline) {
        var m = inbox.poll(100, TimeUnit.MILLISECONDS);
        if (m != null && wanted.test(m)) return m;
        if (m != null) {
          skipped.addLast(m);
          if (skipped.size() > 3) skipped.removeFirst();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new AssertionError("no matching message within " + within.toSeconds() + " s; close code " + closeCode + "; last skipped: " + skipped);
  }

  /** The next message within {@code ms}, or null. */
  JsonObject poll(long ms) throws InterruptedException {
    return inbox.poll(ms, TimeUnit.MILLISECONDS);
  }

  /** Whether the server (or the network) closed the socket. */
  boolean closed() {
    return closeCode != null;
  }

  /** The next n sequenced events of a channel, in the order received. */
  List<JsonObject> events(String channel, int n) {
    var out = new ArrayList<JsonObject>();
    try {
      while (out.size() < n) out.add(next(m -> channel.equals(m.getString("channel")) && m.containsKey("seq") && m.containsKey("data")));
    } catch (AssertionError e) {
      throw new AssertionError("after " + out.size() + " of " + n + " events of " + channel + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** Waits until the server closes the socket and returns its close code. */
  short awaitClose() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (closeCode == null && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (closeCode == null) throw new AssertionError("the server did not close the socket");
    return closeCode;
  }

  @Override
  public void close() {
    if (!ws.isClosed()) ws.close().await();
    client.close();
  }
}
