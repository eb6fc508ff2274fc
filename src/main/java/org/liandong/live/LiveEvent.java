package org.liandong.live;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.liandong.storage.Change;

/**
 * One sequenced event of one channel, {@code {channel, seq, epoch, type, data, at, actor, actorName}},
 * encoded to UTF-8 once however many sockets it goes to.
 */
final class LiveEvent {
  final String channel;
  final long seq;
  final String epoch;
  final JsonObject json;
  private byte[] bytes;

  LiveEvent(JsonObject json) {
    this.json = json;
    this.channel = json.getString("channel");
    this.seq = json.getLong("seq");
    this.epoch = json.getString("epoch");
  }

  static JsonObject of(Change change, String channel, long seq) {
    return json(channel, seq, change.epochs().get(channel), change.type(), change.at(), change.actor(), change.actorName(), change.entity(), change.entityId(),
        change.projectId(), change.before(), change.after());
  }

  /** The wire shape of an event, whether it comes from a fresh commit or from the change log. */
  static JsonObject json(String channel, long seq, String epoch, String type, String at, String actor, String actorName, String entity,
                         String entityId, String projectId, JsonObject before, JsonObject after) {
    return new JsonObject()
        .put("channel", channel).put("seq", seq).put("epoch", epoch).put("type", type).put("at", at).put("actor", actor).put("actorName", actorName)
        .put("data", new JsonObject().put("entity", entity).put("entityId", entityId).put("projectId", projectId)
            .put("before", before).put("after", after));
  }

  byte[] bytes() {
    if (bytes == null) bytes = json.encode().getBytes(StandardCharsets.UTF_8);
    return bytes;
  }
}
