package org.liandong.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The server JVM's collector pauses, as the JVM reports each collection: with ZGC only its
 * "Pauses" collectors stop the application (its "Cycles" run beside it); with G1 every young or
 * mixed collection pauses, a concurrent cycle does not. Sections read the pauses since a mark.
 */
final class GcPauses {
  private record Pause(long at, long millis) {}

  private final ConcurrentLinkedQueue<Pause> pauses = new ConcurrentLinkedQueue<>();

  GcPauses() {
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (!(gc instanceof NotificationEmitter emitter)) continue;
      emitter.addNotificationListener((notification, handback) -> {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) return;
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        var name = info.getGcName();
        boolean pause = name.contains("Pauses") || (!name.contains("Cycles") && !name.contains("Concurrent"));
        if (pause) pauses.add(new Pause(System.nanoTime(), info.getGcInfo().getDuration()));
      }, null, null);
    }
  }

  static String collector() {
    return String.join(", ", ManagementFactory.getGarbageCollectorMXBeans().stream().map(java.lang.management.MemoryManagerMXBean::getName).toList());
  }

  long mark() {
    return System.nanoTime();
  }

  /** Pauses since the mark: how many, their total and the longest (ms; the JVM reports whole milliseconds). */
  JsonObject since(long mark) {
    long n = 0;
    long total = 0;
    long max = 0;
    for (var p : pauses) {
      if (p.at() < mark) continue;
      n++;
      total += p.millis();
      max = Math.max(max, p.millis());
    }
    return new JsonObject().put("pauses", n).put("totalMs", total).put("maxMs", max);
  }
}
