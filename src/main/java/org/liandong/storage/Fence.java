package org.liandong.storage;

import io.vertx.core.Future;
import java.util.Map;

/**
 * The fencing token of a claimed lease ({@link Leases}): a sweep passes its writes through
 * {@link #guard}, which locks the lease in the write's own transaction and refuses the write when
 * another node has claimed the lease since (a higher token). A node paused past its lease (a long
 * GC, a stopped VM) thus writes nothing when it wakes, however sure it is that the round is its own.
 */
public record Fence(String name, long token) {
  /** No lease: the work runs as it is (a sweep run by hand, or in a test). */
  public static final Fence NONE = new Fence(null, 0);

  static final String CHECK = """
      MATCH (l:Lease {name: $name})
      SET l._fence = true REMOVE l._fence
      RETURN l.token AS token, l.holder AS holder
      """;

  /** The work, after the check that this lease is still the one claimed; fails with {@link Lost} if it is not. */
  public <T> Work<T> guard(Work<T> work) {
    if (this == NONE) return work;
    return tx -> tx.first(CHECK, Map.of("name", name)).compose(row -> {
      long current = row.map(r -> r.get("token").asLong()).orElse(-1L);
      return current == token ? work.run(tx) : Future.failedFuture(new Lost(name, token, current));
    });
  }

  /** The lease was claimed by another node since this token was handed out: nothing of the write is done. */
  public static final class Lost extends IllegalStateException {
    public Lost(String name, long token, long current) {
      super("lease " + name + " lost: token " + token + " was replaced by " + current + "; the write is not done");
    }
  }
}
