package org.liandong.storage;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A timer that runs a sweep every so often, one at a time (a slow sweep is never overtaken by
 * the next), once per round however many nodes tick: the round's lease is claimed in the graph
 * ({@link Leases}) and the sweep writes through its fence, so a node that slept through its lease
 * writes nothing. It logs what it did and what failed; the next run tries again.
 */
public final class Every extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(Every.class);
  private final String lease;
  private final String what;
  private final Leases leases;
  private final Function<Fence, Future<Integer>> sweep;
  private final Duration interval;
  private final long firstMs;
  private boolean running;

  /**
   * Runs {@code sweep} every {@code seconds}, the first time after {@code firstMs}, under the
   * lease {@code lease}; {@code what} says in the log what its count is. The lease lasts one
   * interval (a sweep that takes longer may be overtaken by another node's, whose claim then
   * stops this one's writes).
   */
  public Every(String lease, String what, long seconds, long firstMs, Leases leases, Function<Fence, Future<Integer>> sweep) {
    this.lease = lease;
    this.what = what;
    this.leases = leases;
    this.sweep = sweep;
    this.interval = Duration.ofSeconds(Math.max(1, seconds));
    this.firstMs = firstMs;
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(Math.max(1, firstMs), interval.toMillis(), t -> run());
    return Future.succeededFuture();
  }

  private void run() {
    if (running) return;
    running = true;
    leases.claim(lease, interval, interval)
        .compose(fence -> fence.map(f -> sweep.apply(f).compose(n -> leases.release(f).map(n))).orElse(Future.succeededFuture(0)))
        .onSuccess(n -> { if (n > 0) LOG.info("{}: {}", what, n); })
        .onFailure(e -> {
          if (e instanceof Fence.Lost) LOG.warn("{}: {}", what, e.getMessage());
          else LOG.warn("{} failed; the next run tries again", what, e);
        })
        .onComplete(r -> running = false);
  }
}
