package org.liandong.storage;

import java.util.HashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The ids committed changes touched since a read model last took them, or everything (at first,
 * after a rebuild or a failed refresh). Touching is thread-safe (commit listeners run anywhere);
 * draining is for the model's refresh, one at a time.
 */
public final class Touched {
  private final Queue<String> ids = new ConcurrentLinkedQueue<>();
  private volatile boolean everything = true;

  public void touch(String id) {
    if (id != null) ids.add(id);
  }

  /** Everything is taken again at the next drain. */
  public void everything() {
    everything = true;
  }

  /** What was touched since the last drain: null for everything. Each touch is handed out once. */
  public Set<String> drain() {
    boolean every = everything;
    everything = false;
    var out = new HashSet<String>();
    for (String id; (id = ids.poll()) != null; ) out.add(id);
    return every ? null : out;
  }
}
