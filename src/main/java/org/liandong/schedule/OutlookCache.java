package org.liandong.schedule;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.liandong.projects.Light;
import org.liandong.storage.Change;

/**
 * The projects' outlooks ({@link Light}: projected start, slip, red steps), kept per project
 * until a committed change touches the project (on any node of a cluster: {@code
 * Graph#onCommitAnywhere}), the day turns, or {@link #FRESH_NANOS} pass. The battle map, the project list and the KPIs ask
 * for every project after every change; only the changed one is planned again.
 */
final class OutlookCache {
  static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(10);

  private record Kept(Light.Outlook outlook, LocalDate day, long until) {}

  private final Map<String, Kept> kept = new ConcurrentHashMap<>();
  /** When a commit last touched each project: an outlook read before that is not kept. */
  private final Map<String, Long> touched = new ConcurrentHashMap<>();

  void forget(List<Change> changes) {
    long now = System.nanoTime();
    for (var c : changes) {
      if (c.projectId() == null) continue;
      touched.put(c.projectId(), now);
      kept.remove(c.projectId());
    }
  }

  /** Those of the projects whose outlook for {@code day} is kept and fresh. */
  Map<String, Light.Outlook> known(Collection<String> projectIds, LocalDate day) {
    long now = System.nanoTime();
    var out = new HashMap<String, Light.Outlook>();
    for (var id : projectIds) {
      var k = kept.get(id);
      if (k != null && k.day().equals(day) && k.until() - now > 0) out.put(id, k.outlook());
    }
    return out;
  }

  /** Keeps an outlook read at {@code readAt} (System.nanoTime), unless a commit touched its project since. */
  void keep(String projectId, Light.Outlook outlook, LocalDate day, long readAt) {
    var last = touched.get(projectId);
    if (last != null && last - readAt >= 0) return;
    kept.put(projectId, new Kept(outlook, day, readAt + FRESH_NANOS));
  }
}
