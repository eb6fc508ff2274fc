package org.liandong.live;

import io.vertx.core.json.JsonObject;
import org.liandong.support.Text;

/** The shapes of the hub's control and error messages (docs/live-protocol.md). */
final class Messages {
  private Messages() {}

  static JsonObject control(String type, ChannelState state) {
    return new JsonObject().put("type", type).put("channel", state.name).put("seq", state.seq).put("epoch", state.epoch);
  }

  static JsonObject error(String code, String channel, Text message) {
    return new JsonObject().put("type", "error").put("code", code).put("channel", channel)
        .put("message", message.en()).put("messageZh", message.zh());
  }

  /** Whether the database answers: while it does not, what the sockets show may be stale (no changes can be written either). */
  static JsonObject database(boolean up) {
    var text = up ? Text.key("server.live.databaseBackDataCurrent")
        : Text.key("server.live.databaseNotReachableWhat");
    return new JsonObject().put("type", "status").put("database", up ? "up" : "down").put("stale", !up)
        .put("message", text.en()).put("messageZh", text.zh());
  }
}
