package org.liandong.obligations;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Looks for lapsed 容缺 deadlines now and then; one check at a time. */
public final class DeficiencyWatch extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(DeficiencyWatch.class);
  private final ObligationService obligations;
  private final long intervalMs;
  private boolean running;

  public DeficiencyWatch(ObligationService obligations, long intervalSeconds) {
    this.obligations = obligations;
    this.intervalMs = intervalSeconds * 1000;
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(0, intervalMs, t -> check());
    return Future.succeededFuture();
  }

  private void check() {
    if (running) return;
    running = true;
    obligations.expireDeficiencies()
        .onSuccess(n -> { if (n > 0) LOG.info("容缺: {} deficiency deadline(s) passed; departments and champions told", n); })
        .onFailure(e -> LOG.warn("could not check 容缺 deadlines", e))
        .onComplete(r -> running = false);
  }
}
