package org.liandong.chase;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 督办 timer of one node: a sweep every LIANDONG_CHASE_SECONDS, one at a time. Another node's
 * timer may sweep at the same moment; each fact is still announced once (the keys decide).
 */
public final class ChaseWatch extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ChaseWatch.class);
  private final Chaser chaser;
  private final long intervalMs;
  private boolean running;

  public ChaseWatch(Chaser chaser, long intervalSeconds) {
    this.chaser = chaser;
    this.intervalMs = intervalSeconds * 1000;
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(intervalMs / 2 + 1, intervalMs, t -> sweep());
    return Future.succeededFuture();
  }

  private void sweep() {
    if (running) return;
    running = true;
    chaser.sweep()
        .onSuccess(n -> { if (n > 0) LOG.info("督办: {} notification(s) sent", n); })
        .onFailure(e -> LOG.warn("the 督办 sweep failed; the next one tries again", e))
        .onComplete(r -> running = false);
  }
}
