package org.liandong.live;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.liandong.support.Failure;
import org.liandong.support.StrictJson;
import org.liandong.support.Text;

/** What a client asks, checked: a message, or one channel to subscribe to and where to resume it; or why not. */
sealed interface Ask {
  /** A channel to subscribe to, from where the client left it. */
  record Wanted(Channel channel, Resume resume) implements Ask {}

  /** What is wrong with the request, as the client is told it ({@code channel} when one was named). */
  record Refused(String code, String channel, Text message) implements Ask {}

  /** A client's message, read: plain JSON with a string {@code type}. */
  record Message(JsonObject json, String type) implements Ask {}

  /** A text message as a {@link Message}, or why it is not one. */
  static Ask message(String text) {
    JsonObject message;
    try {
      StrictJson.check(text.getBytes(StandardCharsets.UTF_8));
      message = new JsonObject(text);
    } catch (DecodeException | ClassCastException | Failure e) {
      return new Refused("invalid", null, Text.key("server.live.messagesPlainJsonObjects"));
    }
    if (!(message.getValue("type") instanceof String type)) {
      return new Refused("invalid", null, Text.key("server.live.everyMessageNeedsString"));
    }
    return new Message(message, type);
  }

  /** A ping's id comes back as it was sent, a number or a short text (the page pairs its pings and pongs by it). */
  static Object echo(Object id) {
    if (id instanceof Number n) return n;
    return id instanceof String s && s.length() <= 100 ? s : null;
  }

  /** Vert.x's words for a message over the size limit. */
  static boolean tooBig(Throwable e) {
    var text = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    return text.contains("max message size") || text.contains("max frame length") || text.contains("too big");
  }

  /** A {@code channel} with its optional {@code lastSeq} and {@code epoch}, as the client sent them. */
  static Ask channel(Object name, Object last, Object epoch) {
    var channel = Channel.parse(name instanceof String s ? s : null);
    if (channel == null) {
      return new Refused("invalid", null, Text.key("server.live.channelMustProjectId"));
    }
    // a seq past 2^53 is not one we ever gave; 2^64+1 must not wrap to 1
    if (last != null && !(last instanceof Integer || last instanceof Long) || last instanceof Number n && n.longValue() < 0
        || last instanceof Long l && l > (1L << 53)) {
      return new Refused("invalid", channel.name(), Text.key("server.live.lastseqMustWholeNumber"));
    }
    if (epoch != null && !(epoch instanceof String e && e.length() <= 64)) {
      return new Refused("invalid", channel.name(), Text.key("server.live.epochMustEpochServer"));
    }
    return new Wanted(channel, new Resume(last == null ? null : ((Number) last).longValue(), (String) epoch));
  }
}
