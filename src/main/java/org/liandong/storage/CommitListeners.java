package org.liandong.storage;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Who hears of each commit: the live fan-out (this node's commits) and the read models (every
 * node's, through {@link CommitRelay} in a cluster). A listener that fails is logged; the write it
 * heard of stays committed.
 */
final class CommitListeners {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CommitListeners.class);

  /** A commit listener, and whether it hears the commits of the cluster's other nodes too. */
  private record Listener(Consumer<List<Change>> accept, boolean anywhere) {}

  private final List<Listener> listeners = new CopyOnWriteArrayList<>();

  void add(Consumer<List<Change>> listener, boolean anywhere) {
    listeners.add(new Listener(listener, anywhere));
  }

  /** This node committed {@code changes}: every listener hears them. */
  void committed(List<Change> changes) {
    if (changes.isEmpty()) return;
    for (var listener : listeners) tell(listener, changes);
  }

  /** Another node committed {@code changes}: the listeners that hear every node do. */
  void committedElsewhere(List<Change> changes) {
    for (var listener : listeners) {
      if (listener.anywhere()) tell(listener, changes);
    }
  }

  private static void tell(Listener listener, List<Change> changes) {
    try {
      listener.accept().accept(changes);
    } catch (RuntimeException e) {
      // the write is committed; a failed notification must not turn it into an error
      LOG.error("could not publish {} committed change(s)", changes.size(), e);
    }
  }
}
