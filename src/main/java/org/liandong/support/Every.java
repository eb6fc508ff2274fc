package org.liandong.support;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A timer that runs a sweep every so often, one at a time (a slow sweep is never overtaken by
 * the next), once per round however many nodes tick ({@link OncePerCluster}), logging what it did
 * and what failed; the next run tries again.
 */
public final class Every extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(Every.class);
  private final String what;
  private final Supplier<Future<Integer>> sweep;
  private final long intervalMs;
  private final long firstMs;
  private boolean running;

  /** Runs {@code sweep} every {@code seconds}, the first time after {@code firstMs}; {@code what} names it in the log. */
  public Every(String what, long seconds, long firstMs, Supplier<Future<Integer>> sweep) {
    this.what = what;
    this.sweep = sweep;
    this.intervalMs = seconds * 1000;
    this.firstMs = firstMs;
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(firstMs, intervalMs, t -> run());
    return Future.succeededFuture();
  }

  private void run() {
    if (running) return;
    running = true;
    OncePerCluster.claim(vertx, what, intervalMs)
        .compose(mine -> mine ? sweep.get() : Future.succeededFuture(0))
        .onSuccess(n -> { if (n > 0) LOG.info("{}: {}", what, n); })
        .onFailure(e -> LOG.warn("{} failed; the next run tries again", what, e))
        .onComplete(r -> running = false);
  }
}
