package org.liandong.storage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.async.AsyncSession;

/**
 * The one door to Neo4j: managed transactions (so transient failures are retried) on the
 * driver's async API, handed back as Vert.x futures on the caller's context.
 */
public final class Graph implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Graph.class);
  private final Vertx vertx;
  private final Driver driver;
  private final List<Consumer<List<Change>>> onCommit = new java.util.concurrent.CopyOnWriteArrayList<>();

  private Graph(Vertx vertx, Driver driver) {
    this.vertx = vertx;
    this.driver = driver;
  }

  public static Graph connect(Vertx vertx, URI uri, String user, String password) {
    AuthToken auth = password.isEmpty() ? AuthTokens.none() : AuthTokens.basic(user, password);
    var config = Config.builder()
        .withLogging(org.neo4j.driver.Logging.slf4j())
        .withMaxConnectionPoolSize(100)
        .withConnectionAcquisitionTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
        .build();
    return new Graph(vertx, GraphDatabase.driver(uri, auth, config));
  }

  /** Fails when the server cannot be reached or refuses our credentials. */
  public Future<Void> verify() {
    return Future.fromCompletionStage(driver.verifyConnectivityAsync(), vertx.getOrCreateContext());
  }

  public <T> Future<T> read(Function<Tx, Future<T>> work) {
    return transaction(AccessMode.READ, TransactionConfig.empty(), work);
  }

  /** A read transaction the server stops after {@code timeout} (the analyst console's). */
  public <T> Future<T> read(java.time.Duration timeout, Function<Tx, Future<T>> work) {
    return transaction(AccessMode.READ, TransactionConfig.builder().withTimeout(timeout).build(), work);
  }

  public <T> Future<T> write(Function<Tx, Future<T>> work) {
    return transaction(AccessMode.WRITE, TransactionConfig.empty(), work);
  }

  /** One auto-commit statement, for schema changes which cannot share a transaction. */
  public Future<Void> autoCommit(String cypher) {
    var context = vertx.getOrCreateContext();
    var session = session(AccessMode.WRITE);
    var stage = session.runAsync(cypher)
        .thenCompose(cursor -> cursor.consumeAsync())
        .handle((summary, error) -> error)
        .thenCompose(error -> session.closeAsync().thenApply(ignored -> error));
    return Future.fromCompletionStage(stage, context).compose(error ->
        error == null ? Future.<Void>succeededFuture() : Future.failedFuture(unwrap(error)));
  }

  public Future<List<Record>> query(String cypher, Map<String, Object> params) {
    return read(tx -> tx.list(cypher, params));
  }

  /** Adds a listener called with the changes of each committed write transaction, after the commit. */
  public void onCommit(Consumer<List<Change>> listener) {
    onCommit.add(listener);
  }

  private <T> Future<T> transaction(AccessMode mode, TransactionConfig config, Function<Tx, Future<T>> work) {
    var context = vertx.getOrCreateContext();
    var session = session(mode);
    // a managed transaction may run its work several times; only the last attempt commits
    var attempt = new AtomicReference<Tx>();
    Function<org.neo4j.driver.async.AsyncTransactionContext, java.util.concurrent.CompletionStage<T>> run = tx -> {
      var wrapped = new Tx(tx, context);
      attempt.set(wrapped);
      return work.apply(wrapped).toCompletionStage();
    };
    var stage = mode == AccessMode.READ
        ? session.executeReadAsync(run::apply, config) : session.executeWriteAsync(run::apply, config);
    // close the session whatever happened, then hand back the transaction's own outcome
    var closed = stage.handle((value, error) -> new Outcome<T>(value, error))
        .thenCompose(outcome -> session.closeAsync().thenApply(ignored -> outcome));
    return Future.fromCompletionStage(closed, context).compose(outcome -> {
      if (outcome.error() != null) return Future.failedFuture(unwrap(outcome.error()));
      var committed = attempt.get();
      if (committed != null && !committed.recorded.isEmpty()) {
        var changes = List.copyOf(committed.recorded);
        for (var listener : onCommit) {
          try {
            listener.accept(changes);
          } catch (RuntimeException e) {
            // the write is committed; a failed notification must not turn it into an error
            LOG.error("could not publish {} committed change(s)", changes.size(), e);
          }
        }
      }
      return Future.succeededFuture(outcome.value());
    });
  }

  private AsyncSession session(AccessMode mode) {
    return driver.session(AsyncSession.class,
        SessionConfig.builder().withDefaultAccessMode(mode).build());
  }

  public Driver driver() {
    return driver;
  }

  @Override
  public void close() {
    driver.close();
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof java.util.concurrent.CompletionException
        || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private record Outcome<T>(T value, Throwable error) {}
}
