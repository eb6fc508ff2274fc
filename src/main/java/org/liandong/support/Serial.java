package org.liandong.support;

import io.vertx.core.Future;
import java.util.function.Supplier;

/** Steps run one at a time, in the order they were asked for, whatever the thread that asks: each starts when the one before it ended, failed or not. */
public final class Serial {
  private Future<?> tail = Future.succeededFuture();

  public synchronized <T> Future<T> next(Supplier<Future<T>> step) {
    Future<T> next = tail.transform(ignored -> step.get());
    tail = next;
    return next;
  }
}
