package org.liandong.live;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.liandong.storage.Change;

/**
 * One sequenced event of one channel, {@code {channel, seq, type, data, at, actor}}, encoded to
 * UTF-8 once however many sockets it goes to.
 */
final class LiveEvent {
  final String channel;
  final long seq;
  final JsonObject json;
  private byte[] bytes;

  LiveEvent(JsonObject json) {
    this.json = json;
    this.channel = json.getString("channel");
    this.seq = json.getLong("seq");
  }

  static JsonObject of(Change change, String channel, long seq) {
    return new JsonObject()
        .put("channel", channel)
        .put("seq", seq)
        .put("type", change.type())
        .put("at", change.at())
        .put("actor", change.actor())
        .put("data", new JsonObject()
            .put("entity", change.entity())
            .put("entityId", change.entityId())
            .put("projectId", change.projectId())
            .put("before", change.before())
            .put("after", change.after()));
  }

  byte[] bytes() {
    if (bytes == null) bytes = json.encode().getBytes(StandardCharsets.UTF_8);
    return bytes;
  }
}
