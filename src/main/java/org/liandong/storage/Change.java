package org.liandong.storage;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * One committed change as the audit trail and the live channels see it. {@code seqs} holds the
 * per-channel sequence numbers assigned in the same transaction as the change itself, and
 * {@code epochs} each channel's epoch (a new history starts a new epoch).
 */
public record Change(
    String id,
    String at,
    String actor,
    String actorName,
    String type,
    String entity,
    String entityId,
    String projectId,
    JsonObject before,
    JsonObject after,
    Map<String, Long> seqs,
    Map<String, String> epochs) {
}
