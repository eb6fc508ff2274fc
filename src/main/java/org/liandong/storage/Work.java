package org.liandong.storage;

import io.vertx.core.Future;
import java.util.function.Function;

/**
 * A piece of work inside one transaction. Features hand each other work, not transaction
 * handles: a meeting decision composes the obligations' own creating work with its own, and
 * {@link Graph#write} runs the whole as one transaction.
 */
@FunctionalInterface
public interface Work<T> {
  Future<T> run(Tx tx);

  /** This work, then the work its result leads to, in the same transaction. */
  default <U> Work<U> then(Function<T, Work<U>> next) {
    return tx -> run(tx).compose(value -> next.apply(value).run(tx));
  }

  /** This work, its result mapped. */
  default <U> Work<U> map(Function<T, U> f) {
    return tx -> run(tx).map(f);
  }

  static <T> Work<T> of(T value) {
    return tx -> Future.succeededFuture(value);
  }
}
