package org.liandong.storage;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.liandong.support.Failure;
import org.liandong.support.Text;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.async.ResultCursor;

/**
 * The one door to Neo4j: transactions on the driver's async API ({@link Transactions}), handed
 * back as Vert.x futures on the caller's context. A write's change entries are recorded as its
 * last step and published after the commit ({@link CommitListeners}). Writes go on lanes
 * ({@link Writes}); a door as of an instant reads the graph as it stood ({@link #asOf}).
 */
public final class Graph implements AutoCloseable {
  private final Vertx vertx;
  private final Sessions sessions;
  private final CommitListeners listeners;
  private final Clock clock;
  /** Set on the door of {@link #asOf}: every read runs in this one transaction. */
  private final Pinned pinned;
  /** Every door of one driver shares its writes' lanes and bounds. */
  private final Writes writes;
  private final Transactions transactions;

  private Graph(Vertx vertx, Sessions sessions, CommitListeners listeners, Clock clock, Pinned pinned, Writes writes) {
    this.vertx = vertx;
    this.sessions = sessions;
    this.listeners = listeners;
    this.clock = clock;
    this.pinned = pinned;
    this.writes = writes;
    this.transactions = new Transactions(vertx, sessions, this::now, listeners);
  }

  /**
   * The transaction an {@link #asOf} door reads through. Its reads may nest (a service's read
   * that asks another service), so they run on it as they come: the driver runs one statement of
   * a transaction after another and buffers what an earlier one had not yet handed over.
   */
  private record Pinned(Tx tx) {
    <T> Future<T> run(Work<T> work) {
      return work.run(tx);
    }
  }

  public static Graph connect(Vertx vertx, URI uri, String user, String password, Duration connectTimeout) {
    return connect(vertx, uri, user, password, connectTimeout, Writes.Limits.DEFAULT);
  }

  public static Graph connect(Vertx vertx, URI uri, String user, String password, Duration connectTimeout, Writes.Limits limits) {
    return new Graph(vertx, Sessions.connect(vertx, uri, user, password, connectTimeout), new CommitListeners(), Clock.systemUTC(), null,
        new Writes(limits));
  }

  /**
   * The same door on the server's clock: every statement may say {@code $now}, the clock's
   * instant when its transaction began (the demo's day is read from the graph, so the clock
   * is known only once the graph is reachable).
   */
  public Graph on(Clock serverClock) {
    return new Graph(vertx, sessions, listeners, serverClock, null, writes);
  }

  /** The Vert.x this graph answers on: CPU-heavy work over what it read goes to its worker threads. */
  public Vertx vertx() {
    return vertx;
  }

  /** The server's clock, as {@code $now} reads it. */
  public Clock clock() {
    return clock;
  }

  /**
   * The graph as it stood at {@code asOf}, for {@code reads} to ask with the same queries as
   * ever: in one write transaction, {@link Undo} puts back each project and obligation changed
   * since (from the change log's before), then {@code reads} runs through a door whose reads
   * share that transaction and whose clock stands at {@code asOf}; then the transaction is rolled
   * back, whatever happened. Nothing is kept, nothing published; writers of the same nodes wait
   * for it (it holds their locks while it runs).
   */
  public <T> Future<T> asOf(ZonedDateTime asOf, String projectId, Function<Graph, Future<T>> reads) {
    if (pinned != null) return Future.failedFuture(new IllegalStateException("already as of an instant"));
    if (asOf.toInstant().isAfter(clock.instant())) {
      return Future.failedFuture(Failure.invalid("asOf", Text.key("server.storage.timeHasComeGraph")));
    }
    var context = vertx.getOrCreateContext();
    var at = asOf.withZoneSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    var session = sessions.open(AccessMode.WRITE);
    var stage = session.beginTransactionAsync().thenCompose(raw -> {
      var door = new Graph(vertx, sessions, new CommitListeners(), Clock.fixed(at.toInstant(), clock.getZone()),
          new Pinned(new Tx(raw, context, at)), writes);
      var answer = door.pinned.run(Undo.to(at, projectId)).compose(v -> reads.apply(door)).transform(Future::succeededFuture);
      return answer.toCompletionStage()
          .thenCompose(done -> raw.rollbackAsync().handle((ignored, rollback) -> new Sessions.Outcome<T>(
              done.succeeded() ? done.result() : null, done.succeeded() ? null : done.cause())));
    }).handle((outcome, error) -> error != null ? new Sessions.Outcome<T>(null, error) : outcome)
        .thenCompose(outcome -> session.closeAsync().handle((ignored, closing) -> outcome));
    return Future.fromCompletionStage(stage, context).compose(outcome -> outcome.error() != null
        ? Future.failedFuture(Sessions.translate(Sessions.unwrap(outcome.error()))) : Future.succeededFuture(outcome.value()));
  }

  /** Fails when the server cannot be reached or refuses our credentials. */
  public Future<Void> verify() {
    return Future.fromCompletionStage(sessions.driver().verifyConnectivityAsync(), vertx.getOrCreateContext());
  }

  /** A read: on the pinned transaction of an {@link #asOf} door, else in a transaction of its own, retried briefly when transient. */
  public <T> Future<T> read(Work<T> work) {
    return read(TransactionConfig.empty(), work);
  }

  /** A read transaction the server stops after {@code timeout} (the analyst console's). */
  public <T> Future<T> read(Duration timeout, Work<T> work) {
    return read(timeout, Map.of(), work);
  }

  /** A read the database stops at the timeout, tagged with metadata that SHOW TRANSACTIONS reports (to find it again and stop it). */
  public <T> Future<T> read(Duration timeout, Map<String, Object> metadata, Work<T> work) {
    return read(TransactionConfig.builder().withTimeout(timeout).withMetadata(metadata).build(), work);
  }

  private <T> Future<T> read(TransactionConfig config, Work<T> work) {
    return pinned != null ? pinned.run(work) : transactions.read(config, work);
  }

  /** A write on a lane of its own: alone in a transaction, or beside other lanes' writes when every transaction is busy ({@link Writes}). */
  public <T> Future<T> write(Work<T> work) {
    return write(null, work);
  }

  /**
   * A write on a lane, named after the channel it changes ({@code "project:p-1"}): writes queued
   * on one lane are committed together, in the order they came ({@link Writes}). A write refused
   * by the bounds fails at once with a 503 and Retry-After; nothing of it is done.
   */
  public <T> Future<T> write(String lane, Work<T> work) {
    if (pinned != null) return Future.failedFuture(new IllegalStateException("the graph as of an instant is read only"));
    var promise = Promise.<T>promise();
    writes.submit(lane, new Writes.Pending<>(work, this, vertx.getOrCreateContext(), promise));
    return promise.future();
  }

  /** One batch of a lane in one transaction ({@link Transactions#runBatch}), on this door's clock. */
  void runBatch(List<Writes.Pending<?>> members, Runnable settled) {
    transactions.runBatch(members, 1, settled);
  }

  /** This node's writes: their bounds and what they did (for the metrics). */
  public Writes writes() {
    return writes;
  }

  /** One auto-commit statement, for schema changes which cannot share a transaction. */
  public Future<Void> autoCommit(String cypher) {
    return autoCommit(AccessMode.WRITE, cypher, Map.of()).mapEmpty();
  }

  /** One auto-commit command with its records, for the administration commands that run outside a transaction. */
  public Future<List<Record>> command(String cypher, Map<String, Object> params) {
    return autoCommit(AccessMode.READ, cypher, params);
  }

  /** Runs outside an explicit transaction, closes its session whatever happened, and hands back the statement's own outcome. */
  private Future<List<Record>> autoCommit(AccessMode mode, String cypher, Map<String, Object> params) {
    return sessions.closing(sessions.open(mode),
        session -> session.runAsync(cypher, Tx.withNow(params, now())).thenCompose(ResultCursor::listAsync), Sessions::translate);
  }

  /** Whether the database answers a trivial read: readiness and the live sockets' stale notice ask the same. */
  public Future<Void> ping() {
    return query("RETURN 1 AS ok", Map.of()).mapEmpty();
  }

  public Future<List<Record>> query(String cypher, Map<String, Object> params) {
    return read(tx -> tx.list(cypher, params));
  }

  /** Adds a listener called with the changes of each write transaction this node commits, after the commit (none as of an instant). */
  public void onCommit(Consumer<List<Change>> listener) {
    if (pinned == null) listeners.add(listener, false);
  }

  /**
   * Adds a listener called after every commit of this node and, in a cluster, of the other nodes
   * as their {@link CommitRelay} tells: what keeps a cache of the graph fresh.
   */
  public void onCommitAnywhere(Consumer<List<Change>> listener) {
    if (pinned == null) listeners.add(listener, true);
  }

  /** Changes another node of the cluster committed: the {@link #onCommitAnywhere} listeners hear them. */
  void committedElsewhere(List<Change> changes) {
    listeners.committedElsewhere(changes);
  }

  /** What {@code $now} means: the clock's instant, in UTC to the millisecond as Neo4j keeps it. */
  private ZonedDateTime now() {
    return ZonedDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MILLIS);
  }

  /** Where this node's last commits stand, as a client carries it to another node ({@code Liandong-Bookmark}). */
  public String bookmark() {
    return sessions.bookmark();
  }

  /** Waits (up to 2 s) until the database has what the client's bookmark names ({@link Sessions#catchUp}). */
  public Future<Void> catchUp(String header) {
    return sessions.catchUp(header);
  }

  /** For the benchmark's raw-driver baseline and the tests' fixtures. */
  public Driver driver() {
    return sessions.driver();
  }

  @Override
  public void close() {
    sessions.driver().close();
  }
}
