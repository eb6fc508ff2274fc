package org.liandong.storage;

import java.util.List;
import java.util.Map;

/**
 * What one write did, for the change log: who, the kind of change, the node before and after,
 * and the channels it concerns (a project's champions and liaison are added by the log); and
 * when, if not now (the demo's history, told as it happened).
 */
public record Entry(String actor, String type, String entity, String entityId, String projectId,
                    Map<String, Object> before, Map<String, Object> after, List<String> channels,
                    java.time.ZonedDateTime at) {
  public Entry {
    channels = List.copyOf(new java.util.LinkedHashSet<>(channels));
    // the change log places a change by its channels: one told nowhere would not be kept
    if (channels.isEmpty()) throw new IllegalArgumentException("a change is told on at least one channel: " + type);
  }

  /** A change made now (the transaction's {@code $now}). */
  public Entry(String actor, String type, String entity, String entityId, String projectId,
               Map<String, Object> before, Map<String, Object> after, List<String> channels) {
    this(actor, type, entity, entityId, projectId, before, after, channels, null);
  }
}
