package org.liandong.schedule;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.liandong.storage.Change;

/**
 * Each project's plan as the battle map reads it ({@link ProjectPlan.Planned}: its light's
 * outlook and what it adds to the bottleneck ranking), kept per project until a committed change
 * touches the project (on any node of a cluster: {@code Graph#onCommitAnywhere}) or the day
 * turns. The battle map, the project list, the KPIs and the bottlenecks ask for every project
 * after every change; only the changed one is planned again.
 */
final class PlanCache {
  private record Kept(ProjectPlan.Planned planned, LocalDate day) {}

  private static final String PROJECT_CHANNEL = "project:";

  private final Map<String, Kept> kept = new ConcurrentHashMap<>();
  /** Every project's id, once read: commits add new projects and take deleted ones away. */
  private volatile Set<String> all;
  /** When a commit last touched each project (System.nanoTime): a plan read before that is not kept. */
  private final Map<String, Long> touched = new ConcurrentHashMap<>();

  /**
   * Forgets the plans of the projects the changes touch: the project each change is of, those it
   * is told to (a dependency across projects concerns both), and the projects a touched project's
   * steps depend on (its investment and its dependents weigh on their work). Answers their ids.
   */
  Set<String> forget(List<Change> changes) {
    long now = System.nanoTime();
    var ids = all;
    var out = new HashSet<String>();
    for (var c : changes) {
      if (c.projectId() != null) out.add(c.projectId());
      if (c.seqs() != null) {
        for (var channel : c.seqs().keySet()) if (channel.startsWith(PROJECT_CHANNEL)) out.add(channel.substring(PROJECT_CHANNEL.length()));
      }
      if (ids == null || c.projectId() == null) continue;
      if ("project.deleted".equals(c.type())) ids.remove(c.projectId()); else ids.add(c.projectId());
    }
    for (var id : List.copyOf(out)) {
      var before = kept.get(id);
      if (before != null) out.addAll(before.planned().upstream());
    }
    for (var id : out) {
      touched.put(id, now);
      kept.remove(id);
    }
    return out;
  }

  /** Every project's id, or null before they were read (then {@link #all(Collection)}). */
  Set<String> all() {
    return all;
  }

  void all(Collection<String> ids) {
    var set = ConcurrentHashMap.<String>newKeySet();
    set.addAll(ids);
    all = set;
  }

  /** Forgets every plan and id: the next request reads and plans everything again. */
  void reset() {
    long now = System.nanoTime();
    kept.keySet().forEach(id -> touched.put(id, now));
    kept.clear();
    all = null;
  }

  /** Those of the projects whose plan for {@code day} is kept. */
  Map<String, ProjectPlan.Planned> known(Collection<String> projectIds, LocalDate day) {
    var out = new HashMap<String, ProjectPlan.Planned>();
    for (var id : projectIds) {
      var k = kept.get(id);
      if (k != null && k.day().equals(day)) out.put(id, k.planned());
    }
    return out;
  }

  /** Keeps a plan read at {@code readAt} (System.nanoTime), unless a commit touched its project since. */
  void keep(String projectId, ProjectPlan.Planned planned, LocalDate day, long readAt) {
    var last = touched.get(projectId);
    if (last != null && last - readAt >= 0) return;
    kept.put(projectId, new Kept(planned, day));
  }
}
