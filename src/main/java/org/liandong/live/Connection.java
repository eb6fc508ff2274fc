package org.liandong.live;

import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.liandong.AppConfig;
import org.liandong.accounts.AccountService;
import org.liandong.accounts.CurrentUser;

/**
 * One WebSocket, on its own event loop: authentication, the client's messages, rate limit,
 * heartbeat. What it is subscribed to lives in the hub.
 */
final class Connection {
  static final int MAX_CHANNELS = 200;
  private static final long AUTH_DEADLINE_MS = 10_000;

  private final Vertx vertx;
  private final ServerWebSocket ws;
  private final Hub hub;
  private final Access access;
  private final AccountService accounts;
  private final AppConfig.Live limits;
  private Peer peer;
  private int subscriptions;
  private double tokens;
  private long refilledAt = System.nanoTime();
  private long heardAt = System.nanoTime();
  private long heartbeat = -1;

  Connection(Vertx vertx, ServerWebSocket ws, Hub hub, Access access, AccountService accounts, AppConfig.Live limits) {
    this.vertx = vertx;
    this.ws = ws;
    this.hub = hub;
    this.access = access;
    this.accounts = accounts;
    this.limits = limits;
    this.tokens = burst();
  }

  void start(CurrentUser fromCookie) {
    ws.textMessageHandler(this::onText);
    ws.binaryMessageHandler(b -> {
      heardAt = System.nanoTime();
      refuse("invalid", null, "send JSON text messages");
    });
    ws.pongHandler(b -> heardAt = System.nanoTime());
    ws.closeHandler(v -> stop());
    // Vert.x reports a message over the size limit here rather than closing: close with 1009
    ws.exceptionHandler(e -> close(tooBig(e) ? (short) 1009 : (short) 1011,
        tooBig(e) ? "message over 64 KiB" : "connection error"));
    heartbeat = vertx.setPeriodic(limits.pingSeconds() * 1000L, t -> beat());
    if (fromCookie != null) {
      welcome(fromCookie);
    } else {
      vertx.setTimer(AUTH_DEADLINE_MS, t -> {
        if (peer == null && !ws.isClosed()) close((short) 1008, "authenticate first");
      });
    }
  }

  private void beat() {
    long silentFor = System.nanoTime() - heardAt;
    if (silentFor > limits.idleSeconds() * 1_000_000_000L) {
      close((short) 1001, "no answer to pings");
    } else {
      ws.writePing(io.vertx.core.buffer.Buffer.buffer("hb"));
      if (peer != null) hub.closeIfLagging(peer, limits.idleSeconds() * 1_000_000_000L);
    }
  }

  private void onText(String text) {
    heardAt = System.nanoTime();
    if (!withinRate()) {
      refuse("rate_limited", null, "more than " + limits.messagesPerSecond() + " messages a second; closing");
      close((short) 1008, "rate limit exceeded");
      return;
    }
    JsonObject message;
    try {
      message = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      refuse("invalid", null, "messages are JSON objects like {\"type\":\"subscribe\",\"channel\":\"project:p-1\"}");
      return;
    }
    var type = message.getValue("type");
    if (!(type instanceof String t)) {
      refuse("invalid", null, "every message needs a string \"type\"");
      return;
    }
    if (peer == null && !"auth".equals(t)) {
      refuse("unauthenticated", null, "send {\"type\":\"auth\",\"token\":\"…\"} first, or connect with the session cookie");
      return;
    }
    switch (t) {
      case "auth" -> auth(message);
      case "subscribe" -> subscribe(message);
      case "unsubscribe" -> unsubscribe(message);
      case "ping" -> peer.send(new JsonObject().put("type", "pong").put("id", message.getValue("id")));
      default -> refuse("invalid", null, "unknown message type '" + t + "'; use subscribe, unsubscribe or ping");
    }
  }

  private void auth(JsonObject message) {
    if (peer != null) {
      refuse("invalid", null, "already authenticated");
      return;
    }
    if (!(message.getValue("token") instanceof String token) || token.isBlank() || token.length() > 200) {
      refuse("invalid", null, "auth needs a \"token\" from POST /api/session");
      return;
    }
    accounts.sessionUser(token).onComplete(found -> {
      if (found.succeeded() && found.result().isPresent()) {
        welcome(found.result().get());
      } else {
        refuse("unauthenticated", null, "the token is not a live session; log in again");
        close((short) 1008, "not authenticated");
      }
    });
  }

  private void welcome(CurrentUser user) {
    peer = new Peer(ws, user);
    peer.send(new JsonObject().put("type", "welcome").put("user", user.toJson()));
  }

  /** One channel ({@code channel}, {@code lastSeq}) or several ({@code channels}) in one message. */
  private void subscribe(JsonObject message) {
    if (!message.containsKey("channels")) {
      subscribe(message.getValue("channel"), message.getValue("lastSeq"));
      return;
    }
    if (!(message.getValue("channels") instanceof JsonArray list) || list.size() > MAX_CHANNELS) {
      refuse("invalid", null, "\"channels\" must be an array of at most " + MAX_CHANNELS + " channel names or {channel, lastSeq}");
      return;
    }
    for (var item : list) {
      if (item instanceof JsonObject o) subscribe(o.getValue("channel"), o.getValue("lastSeq"));
      else subscribe(item, null);
    }
  }

  private void subscribe(Object name, Object last) {
    var channel = Channel.parse(name instanceof String s ? s : null);
    if (channel == null) {
      refuse("invalid", null, "\"channel\" must be project:<id>, meeting:<id>, department:<id> or user:<id>");
      return;
    }
    if (last != null && !(last instanceof Number n && n.longValue() >= 0 && n.doubleValue() == Math.rint(n.doubleValue()))) {
      refuse("invalid", channel.name(), "\"lastSeq\" must be a whole number ≥ 0, the last seq you saw");
      return;
    }
    if (subscriptions >= MAX_CHANNELS) {
      refuse("too_many", channel.name(), "at most " + MAX_CHANNELS + " channels per connection");
      return;
    }
    subscriptions++;
    access.check(peer.user, channel)
        .onSuccess(v -> hub.subscribe(peer, channel, last == null ? null : ((Number) last).longValue()))
        .onFailure(e -> {
          subscriptions--;
          if (e instanceof Refusal r) refuse(r.code, channel.name(), r.getMessage());
          else refuse("unavailable", channel.name(), "could not check access; retry");
        });
  }

  private void unsubscribe(JsonObject message) {
    var names = message.getValue("channels") instanceof JsonArray list ? list.getList() : java.util.List.of(message.getValue("channel"));
    for (var name : names) {
      var channel = Channel.parse(name instanceof String s ? s : null);
      if (channel == null) {
        refuse("invalid", null, "\"channel\" must be a channel name");
        continue;
      }
      subscriptions = Math.max(0, subscriptions - 1);
      hub.unsubscribe(peer, channel.name());
    }
  }

  private boolean withinRate() {
    long now = System.nanoTime();
    tokens = Math.min(burst(), tokens + (now - refilledAt) / 1e9 * limits.messagesPerSecond());
    refilledAt = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  }

  private double burst() {
    return 2.0 * limits.messagesPerSecond();
  }

  private void refuse(String code, String channel, String message) {
    if (!ws.isClosed()) ws.writeFinalTextFrame(Hub.error(code, channel, message).encode());
  }

  /** Closes from our side: the peer stops receiving before our close frame goes out. */
  private void close(short code, String reason) {
    if (peer != null) peer.closing = true;
    ws.close(code, reason);
  }

  private static boolean tooBig(Throwable e) {
    return e instanceof IllegalStateException && String.valueOf(e.getMessage()).contains("max message size");
  }

  private void stop() {
    if (heartbeat >= 0) vertx.cancelTimer(heartbeat);
    if (peer != null) hub.drop(peer);
  }
}
