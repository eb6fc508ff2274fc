package org.liandong.storage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.async.AsyncSession;

/**
 * The one door to Neo4j: managed transactions (so transient failures are retried) on the
 * driver's async API, handed back as Vert.x futures on the caller's context.
 */
public final class Graph implements AutoCloseable {
  private final Vertx vertx;
  private final Driver driver;

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
    return transaction(AccessMode.READ, work);
  }

  public <T> Future<T> write(Function<Tx, Future<T>> work) {
    return transaction(AccessMode.WRITE, work);
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

  private <T> Future<T> transaction(AccessMode mode, Function<Tx, Future<T>> work) {
    var context = vertx.getOrCreateContext();
    var session = session(mode);
    var stage = mode == AccessMode.READ
        ? session.executeReadAsync(tx -> work.apply(new Tx(tx, context)).toCompletionStage())
        : session.executeWriteAsync(tx -> work.apply(new Tx(tx, context)).toCompletionStage());
    // close the session whatever happened, then hand back the transaction's own outcome
    var closed = stage.handle((value, error) -> new Outcome<T>(value, error))
        .thenCompose(outcome -> session.closeAsync().thenApply(ignored -> outcome));
    return Future.fromCompletionStage(closed, context).compose(outcome ->
        outcome.error() == null
            ? Future.succeededFuture(outcome.value())
            : Future.failedFuture(unwrap(outcome.error())));
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
