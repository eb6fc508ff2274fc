package org.liandong.live;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.liandong.accounts.AccountService;
import org.liandong.config.AppConfig;
import org.liandong.support.Failure;
import org.liandong.support.Text;

/**
 * One WebSocket, on its own event loop: authentication, the client's messages (plain UTF-8 JSON
 * text, at most 64 KiB), rate limit, heartbeat, and the end of its session. What it is
 * subscribed to lives in the hub.
 */
final class Connection {
  static final int MAX_CHANNELS = 200;
  private static final long AUTH_DEADLINE_MS = 10_000;

  private final Vertx vertx;
  private final Context context;
  private final ServerWebSocket ws;
  private final Hub hub;
  private final Access access;
  private final AccountService accounts;
  private final Sessions sessions;
  private final AppConfig.Live limits;
  private Peer peer;
  private AccountService.Session session;
  private int subscriptions;
  private final RateLimit rate;
  private final Frames frames = new Frames();
  private long heardAt = System.nanoTime();
  private long heartbeat = -1;

  Connection(Vertx vertx, ServerWebSocket ws, LiveVerticle live, AccountService accounts, AppConfig.Live limits) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.ws = ws;
    this.hub = live.hub();
    this.access = live.access();
    this.sessions = live.sessions();
    this.accounts = accounts;
    this.limits = limits;
    this.rate = new RateLimit(limits.messagesPerSecond());
  }

  void start(AccountService.Session fromCookie) {
    ws.frameHandler(this::onFrame);
    ws.pongHandler(b -> heardAt = System.nanoTime());
    ws.closeHandler(v -> stop());
    // Vert.x reports a message over the size limit here rather than closing: close with 1009
    ws.exceptionHandler(e -> close(Ask.tooBig(e) ? (short) 1009 : (short) 1002,
        Ask.tooBig(e) ? "message over 64 KiB" : "protocol error"));
    heartbeat = vertx.setPeriodic(limits.pingSeconds() * 1000L, t -> beat());
    if (fromCookie != null) {
      welcome(fromCookie);
    } else {
      vertx.setTimer(AUTH_DEADLINE_MS, t -> {
        if (peer == null && !ws.isClosed()) close((short) 1008, "authenticate first");
      });
    }
  }

  /** Frames make one message; a text message must be valid UTF-8 (RFC 6455 §8.1) or the socket closes with 1007. */
  private void onFrame(WebSocketFrame frame) {
    heardAt = System.nanoTime();
    switch (frames.add(frame)) {
      case Frames.Outcome.Text t -> onText(t.text());
      case Frames.Outcome.Binary b -> refuse("invalid", null, Text.key("server.live.sendJsonTextMessages"));
      case Frames.Outcome.Close c -> close(c.code(), c.reason());
      case Frames.Outcome.Partial p -> { }
    }
  }

  boolean userIs(String userId) {
    return userId != null && session != null && session.user().id().equals(userId);
  }

  /** Tells this socket, once it is authenticated, something outside any channel (the database's state, an import's progress). */
  void tell(JsonObject message) {
    context.runOnContext(v -> {
      if (peer != null) peer.send(message);
    });
  }

  /** The session ended somewhere (logout, deactivation, a new password): this socket goes with it. */
  void sessionEnded() {
    context.runOnContext(v -> close((short) 4401, "session ended; log in again"));
  }

  private void beat() {
    long silentFor = System.nanoTime() - heardAt;
    if (silentFor > limits.idleSeconds() * 1_000_000_000L) {
      close((short) 1001, "no answer to pings");
    } else if (session != null && accounts.expired(session)) {
      close((short) 4401, "session expired; log in again");
    } else {
      ws.writePing(io.vertx.core.buffer.Buffer.buffer("hb"));
      if (peer != null) hub.closeIfLagging(peer, limits.idleSeconds() * 1_000_000_000L);
    }
  }

  private void onText(String text) {
    if (!rate.allow()) {
      refuse("rate_limited", null, Text.key("server.live.moreThanMessagesSecond", "messagesPerSecond", limits.messagesPerSecond()));
      close((short) 1008, "rate limit exceeded");
      return;
    }
    var read = Ask.message(text);
    if (read instanceof Ask.Refused r) {
      refuse(r.code(), r.channel(), r.message());
      return;
    }
    var message = ((Ask.Message) read).json();
    var type = ((Ask.Message) read).type();
    if (peer == null && !"auth".equals(type)) {
      refuse("unauthenticated", null, Text.key("server.live.sendFirstConnectSession"));
      return;
    }
    switch (type) {
      case "auth" -> auth(message);
      case "subscribe" -> subscribe(message);
      case "unsubscribe" -> unsubscribe(message);
      case "ping" -> peer.send(new JsonObject().put("type", "pong").put("id", Ask.echo(message.getValue("id"))));
      default -> refuse("invalid", null, Text.key("server.live.unknownMessageTypeUse"));
    }
  }

  private void auth(JsonObject message) {
    if (peer != null) {
      refuse("invalid", null, Text.key("server.live.alreadyAuthenticated"));
      return;
    }
    if (!(message.getValue("token") instanceof String token) || token.isBlank() || token.length() > 200) {
      refuse("invalid", null, Text.key("server.live.authNeedsTokenFrom"));
      return;
    }
    accounts.session(token).onComplete(found -> {
      if (found.failed()) {
        unavailable();
      } else if (found.result().isPresent()) {
        welcome(found.result().get());
      } else {
        refuse("unauthenticated", null, Text.key("server.live.tokenNotLiveSession"));
        close((short) 1008, "not authenticated");
      }
    });
  }

  private void welcome(AccountService.Session session) {
    this.session = session;
    sessions.opened(session.tokenHash(), this);
    peer = new Peer(ws, session.user());
    peer.send(new JsonObject().put("type", "welcome").put("user", session.user().toJson()));
    if (!sessions.databaseUp()) peer.send(Messages.database(false));
  }

  /**
   * The session could not be looked up because the database does not answer: not a reason to
   * log in again. The socket is told why and closed with 1013 (try again later); the page keeps
   * what it shows, marked stale, and tries again.
   */
  void unavailable() {
    ws.writeTextMessage(Messages.database(false).encode());
    close((short) 1013, "database unavailable; try again shortly");
  }

  /** One channel ({@code channel}, {@code lastSeq}, {@code epoch}) or several ({@code channels}) in one message. */
  private void subscribe(JsonObject message) {
    if (!message.containsKey("channels")) {
      subscribe(message.getValue("channel"), message.getValue("lastSeq"), message.getValue("epoch"));
      return;
    }
    if (!(message.getValue("channels") instanceof JsonArray list) || list.size() > MAX_CHANNELS) {
      refuse("invalid", null, Text.key("server.live.channelsMustListMost", "maxChannels", MAX_CHANNELS));
      return;
    }
    for (var item : list) {
      if (item instanceof JsonObject o) subscribe(o.getValue("channel"), o.getValue("lastSeq"), o.getValue("epoch"));
      else subscribe(item, null, null);
    }
  }

  private void subscribe(Object name, Object last, Object epoch) {
    var ask = Ask.channel(name, last, epoch);
    if (ask instanceof Ask.Refused r) refuse(r.code(), r.channel(), r.message());
    if (ask instanceof Ask.Wanted w) subscribe(w);
  }

  private void subscribe(Ask.Wanted wanted) {
    var channel = wanted.channel();
    if (subscriptions >= MAX_CHANNELS) {
      refuse("too_many", channel.name(), Text.key("server.live.mostChannelsPerConnection", "maxChannels", MAX_CHANNELS));
      return;
    }
    subscriptions++;
    access.check(peer.user, channel)
        .onSuccess(v -> hub.subscribe(peer, channel, wanted.resume()))
        .onFailure(e -> {
          subscriptions--;
          if (e instanceof Failure f) refuse(f.code(), channel.name(), f.text());
          else refuse("unavailable", channel.name(), Text.key("server.live.couldNotCheckAccess"));
        });
  }

  private void unsubscribe(JsonObject message) {
    var names = message.getValue("channels") instanceof JsonArray list ? list.getList() : java.util.List.of(message.getValue("channel"));
    for (var name : names) {
      var channel = Channel.parse(name instanceof String s ? s : null);
      if (channel == null) {
        refuse("invalid", null, Text.key("server.live.channelMustChannelName"));
        continue;
      }
      subscriptions = Math.max(0, subscriptions - 1);
      hub.unsubscribe(peer, channel.name());
    }
  }

  private void refuse(String code, String channel, Text message) {
    if (!ws.isClosed()) ws.writeFinalTextFrame(Messages.error(code, channel, message).encode());
  }

  /** Closes from our side: the peer stops receiving before our close frame goes out. */
  private void close(short code, String reason) {
    if (peer != null) peer.closing = true;
    ws.close(code, reason);
  }

  private void stop() {
    if (heartbeat >= 0) vertx.cancelTimer(heartbeat);
    if (session != null) sessions.closed(session.tokenHash(), this);
    if (peer != null) hub.drop(peer);
  }
}
