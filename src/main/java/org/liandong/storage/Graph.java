package org.liandong.storage;

import io.vertx.core.Context;
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
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.liandong.support.Failure;
import org.liandong.support.Text;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.BookmarkManagerConfig;
import org.neo4j.driver.BookmarkManagers;
import org.neo4j.driver.async.ResultCursor;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.async.AsyncTransactionContext;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;

/**
 * The one door to Neo4j: transactions on the driver's async API, handed back as Vert.x futures
 * on the caller's context. A write's change entries are recorded as its last step and published
 * after the commit. Transient failures (deadlocks) are retried here, briefly; the database being
 * out of reach is a 503 at once, never a long retry behind a user's request.
 */
public final class Graph implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Graph.class);
  private static final int ATTEMPTS = 6;
  private static final Text UNAVAILABLE = Text.of(
      "the database is not reachable right now; nothing was changed; try again in a moment",
      "数据库暂时无法连接，本次操作未生效，请稍后再试");

  private final Vertx vertx;
  private final Driver driver;
  private final List<Listener> onCommit;
  private final Clock clock;
  /** Set on the door of {@link #asOf}: every read runs in this one transaction. */
  private final Pinned pinned;
  /** Every door of one driver shares its writes' lanes and bounds. */
  private final Writes writes;

  /**
   * Every session of this node reads after the node's own last commits, and after those a client
   * brought from another node ({@link #catchUp}): causal consistency under {@code neo4j://}
   * routing to a cluster (docs/scale-out.md).
   */
  private final BookmarkManager bookmarks;

  private Graph(Vertx vertx, Driver driver, List<Listener> onCommit, Clock clock, Writes writes, BookmarkManager bookmarks) {
    this(vertx, driver, onCommit, clock, null, writes, bookmarks);
  }

  private Graph(Vertx vertx, Driver driver, List<Listener> onCommit, Clock clock, Pinned pinned, Writes writes,
                BookmarkManager bookmarks) {
    this.bookmarks = bookmarks;
    this.vertx = vertx;
    this.driver = driver;
    this.onCommit = onCommit;
    this.clock = clock;
    this.pinned = pinned;
    this.writes = writes;
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
    AuthToken auth = password.isEmpty() ? AuthTokens.none() : AuthTokens.basic(user, password);
    var config = Config.builder()
        .withLogging(org.neo4j.driver.Logging.slf4j())
        .withMaxConnectionPoolSize(100)
        .withConnectionAcquisitionTimeout(connectTimeout.toMillis() * 2, TimeUnit.MILLISECONDS)
        .withConnectionTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
        // retries are ours (see transaction): the driver's would hold a request for 30 s in an outage
        .withMaxTransactionRetryTime(0, TimeUnit.MILLISECONDS)
        .build();
    return new Graph(vertx, GraphDatabase.driver(uri, auth, config), new CopyOnWriteArrayList<>(), Clock.systemUTC(), new Writes(limits),
        BookmarkManagers.defaultManager(BookmarkManagerConfig.builder().build()));
  }

  /**
   * The same door on the server's clock: every statement may say {@code $now}, the clock's
   * instant when its transaction began (the demo's day is read from the graph, so the clock
   * is known only once the graph is reachable).
   */
  public Graph on(Clock serverClock) {
    return new Graph(vertx, driver, onCommit, serverClock, writes, bookmarks);
  }

  /** The server's clock, as {@code $now} reads it. */
  /** The Vert.x this graph answers on: CPU-heavy work over what it read goes to its worker threads. */
  public Vertx vertx() {
    return vertx;
  }

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
  public <T> Future<T> asOf(ZonedDateTime asOf, String projectId, java.util.function.Function<Graph, Future<T>> reads) {
    if (pinned != null) return Future.failedFuture(new IllegalStateException("already as of an instant"));
    if (asOf.toInstant().isAfter(clock.instant())) {
      return Future.failedFuture(Failure.invalid("asOf", Text.of("a time that has come: the graph is not known ahead of now",
          "请选择已经过去的时间：尚未发生的状态无从查看")));
    }
    var context = vertx.getOrCreateContext();
    var at = asOf.withZoneSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    var session = session(AccessMode.WRITE);
    var stage = session.beginTransactionAsync().thenCompose(raw -> {
      var door = new Graph(vertx, driver, List.of(), Clock.fixed(at.toInstant(), clock.getZone()), new Pinned(new Tx(raw, context, at)), writes, bookmarks);
      var answer = door.pinned.run(Undo.to(at, projectId)).compose(v -> reads.apply(door))
          .transform(Future::succeededFuture);
      return answer.toCompletionStage()
          .thenCompose(done -> raw.rollbackAsync().handle((ignored, rollback) -> new Outcome<T>(
              done.succeeded() ? done.result() : null, done.succeeded() ? null : done.cause())));
    }).handle((outcome, error) -> error != null ? new Outcome<T>(null, error) : outcome)
        .thenCompose(outcome -> session.closeAsync().handle((ignored, closing) -> outcome));
    return Future.fromCompletionStage(stage, context).compose(outcome -> outcome.error() != null
        ? Future.failedFuture(translate(unwrap(outcome.error()))) : Future.succeededFuture(outcome.value()));
  }

  /** Fails when the server cannot be reached or refuses our credentials. */
  public Future<Void> verify() {
    return Future.fromCompletionStage(driver.verifyConnectivityAsync(), vertx.getOrCreateContext());
  }

  public <T> Future<T> read(Work<T> work) {
    return transaction(TransactionConfig.empty(), work);
  }

  /** A read transaction the server stops after {@code timeout} (the analyst console's). */
  public <T> Future<T> read(Duration timeout, Work<T> work) {
    return read(timeout, Map.of(), work);
  }

  /** A read the database stops at the timeout, tagged with metadata that SHOW TRANSACTIONS reports (to find it again and stop it). */
  public <T> Future<T> read(Duration timeout, Map<String, Object> metadata, Work<T> work) {
    return transaction(TransactionConfig.builder().withTimeout(timeout).withMetadata(metadata).build(), work);
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
    return closing(session(mode), session -> session.runAsync(cypher, Tx.withNow(params, now())).thenCompose(ResultCursor::listAsync),
        Graph::translate);
  }

  /**
   * Runs {@code work} on {@code session} outside the lanes, closes the session whatever happened,
   * and hands back the work's own outcome on the caller's context: its value, or its error as
   * {@code failure} makes it (unwrapped from the driver's completion exceptions).
   */
  private <T> Future<T> closing(AsyncSession session, Function<AsyncSession, CompletionStage<T>> work,
                                Function<Throwable, Throwable> failure) {
    var context = vertx.getOrCreateContext();
    var stage = work.apply(session)
        .handle((value, error) -> new Outcome<T>(value, error))
        .thenCompose(outcome -> session.closeAsync().handle((ignored, closed) -> outcome));
    return Future.fromCompletionStage(stage, context).compose(outcome -> outcome.error() != null
        ? Future.failedFuture(failure.apply(unwrap(outcome.error()))) : Future.succeededFuture(outcome.value()));
  }

  /** Whether the database answers a trivial read: readiness and the live sockets' stale notice ask the same. */
  public Future<Void> ping() {
    return query("RETURN 1 AS ok", Map.of()).mapEmpty();
  }

  public Future<List<Record>> query(String cypher, Map<String, Object> params) {
    return read(tx -> tx.list(cypher, params));
  }

  /** A commit listener, and whether it hears the commits of the cluster's other nodes too. */
  private record Listener(Consumer<List<Change>> accept, boolean anywhere) {}

  /** Adds a listener called with the changes of each write transaction this node commits, after the commit (none as of an instant). */
  public void onCommit(Consumer<List<Change>> listener) {
    if (pinned == null) onCommit.add(new Listener(listener, false));
  }

  /**
   * Adds a listener called after every commit of this node and, in a cluster, of the other nodes
   * as their {@link CommitRelay} tells: what keeps a cache of the graph fresh.
   */
  public void onCommitAnywhere(Consumer<List<Change>> listener) {
    if (pinned == null) onCommit.add(new Listener(listener, true));
  }

  /** Changes another node of the cluster committed: the {@link #onCommitAnywhere} listeners hear them. */
  void committedElsewhere(List<Change> changes) {
    for (var listener : onCommit) {
      if (listener.anywhere()) tell(listener, changes);
    }
  }

  /** A read: on the pinned transaction of an {@link #asOf} door, else in a transaction of its own, retried briefly when transient. */
  private <T> Future<T> transaction(TransactionConfig config, Work<T> work) {
    if (pinned != null) return pinned.run(work);
    var context = vertx.getOrCreateContext();
    var promise = Promise.<T>promise();
    attempt(config, work, context, 1, promise);
    return promise.future();
  }

  private record Committed<T>(T value, List<Change> changes) {}

  private <T> void attempt(TransactionConfig config, Work<T> work, Context context, int n, Promise<T> promise) {
    once(AccessMode.READ, config, work, context).onComplete(result -> {
      if (result.succeeded()) {
        promise.complete(result.result().value());
      } else if (retryable(result.cause()) && n < ATTEMPTS) {
        long delay = ThreadLocalRandom.current().nextLong(5, 20L << n);
        vertx.setTimer(delay, t -> attempt(config, work, context, n + 1, promise));
      } else {
        promise.fail(translate(result.cause()));
      }
    });
  }

  /**
   * One batch of a lane in one transaction: each write's work in turn, then the change log of all,
   * then the commit; every member is answered, then {@code settled} runs. A member whose own work
   * fails (a stale version, a rule) is answered with its failure and the others go again without
   * it (the transaction it shared is rolled back, so nothing of it stays); two writers that locked
   * each other go again, a little later, together; an outage fails them all.
   */
  void runBatch(List<Writes.Pending<?>> members, Runnable settled) {
    runBatch(members, 1, settled);
  }

  private void runBatch(List<Writes.Pending<?>> members, int n, Runnable settled) {
    var failedAt = new int[] {-1};
    Work<List<Object>> all = tx -> {
      var values = new java.util.ArrayList<Object>(members.size());
      Future<Void> chain = Future.succeededFuture();
      for (int i = 0; i < members.size(); i++) {
        int at = i;
        chain = chain.compose(v -> start(members.get(at).work(), tx)
            .<Void>map(value -> {
              values.add(value);
              return null;
            })
            .recover(error -> {
              failedAt[0] = at;
              return Future.failedFuture(error);
            }));
      }
      return chain.map(v -> values);
    };
    once(AccessMode.WRITE, TransactionConfig.empty(), all, members.get(0).context()).onComplete(result -> {
      if (result.succeeded()) {
        publish(result.result().changes());
        var values = result.result().value();
        for (int i = 0; i < members.size(); i++) members.get(i).succeed(values.get(i));
        settled.run();
        return;
      }
      if (retryable(result.cause()) && n < ATTEMPTS) {
        // two writers locked each other: this batch waits a little, at random, and goes again
        long delay = ThreadLocalRandom.current().nextLong(5, 20L << n);
        vertx.setTimer(delay, t -> runBatch(members, n + 1, settled));
        return;
      }
      var failure = translate(result.cause());
      if (failedAt[0] >= 0 && !(failure instanceof Failure.Unavailable)) {
        members.get(failedAt[0]).fail(failure);
        var rest = new java.util.ArrayList<>(members);
        rest.remove(failedAt[0]);
        if (rest.isEmpty()) settled.run(); else runBatch(rest, n, settled);
      } else {
        members.forEach(m -> m.fail(failure));
        settled.run();
      }
    });
  }

  /** The work's future; a work that throws instead of failing its future fails it all the same (it is that member's failure). */
  private static Future<?> start(Work<?> work, Tx tx) {
    try {
      return work.run(tx);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private <T> Future<Committed<T>> once(AccessMode mode, TransactionConfig config, Work<T> work, Context context) {
    var session = session(mode);
    var changes = new AtomicReference<List<Change>>(List.of());
    java.util.function.Function<AsyncTransactionContext, java.util.concurrent.CompletionStage<T>> run =
        raw -> workThenLog(new Tx(raw, context, now()), work, changes).toCompletionStage();
    var stage = mode == AccessMode.READ
        ? session.executeReadAsync(run::apply, config) : session.executeWriteAsync(run::apply, config);
    // close the session whatever happened, then hand back the transaction's own outcome
    var closed = stage.handle((value, error) -> new Outcome<T>(value, error))
        .thenCompose(outcome -> session.closeAsync().handle((ignored, closing) -> outcome));
    return Future.fromCompletionStage(closed, context).compose(outcome -> outcome.error() != null
        ? Future.failedFuture(unwrap(outcome.error()))
        : Future.succeededFuture(new Committed<>(outcome.value(), changes.get())));
  }

  /** The work, then its change entries written as the transaction's last step (kept for publishing after the commit). */
  private static <T> Future<T> workThenLog(Tx tx, Work<T> work, AtomicReference<List<Change>> changes) {
    return work.run(tx).compose(value -> ChangeLog.write(tx, tx.entries()).map(written -> {
      changes.set(written);
      return value;
    }));
  }

  private void publish(List<Change> changes) {
    if (changes.isEmpty()) return;
    for (var listener : onCommit) tell(listener, changes);
  }

  private static void tell(Listener listener, List<Change> changes) {
    try {
      listener.accept().accept(changes);
    } catch (RuntimeException e) {
      // the write is committed; a failed notification must not turn it into an error
      LOG.error("could not publish {} committed change(s)", changes.size(), e);
    }
  }

  private static boolean retryable(Throwable error) {
    return error instanceof TransientException && !(error instanceof org.neo4j.driver.exceptions.TransactionTerminatedException)
        && !String.valueOf(((TransientException) error).code()).contains("Terminated");
  }

  /** An outage of the database is a 503 the user can act on (wait); everything else goes on as it is. */
  static Throwable translate(Throwable error) {
    if (error instanceof ServiceUnavailableException || error instanceof SessionExpiredException
        || (error instanceof ClientException ce && String.valueOf(ce.getMessage()).contains("acquire a connection"))
        || (error instanceof TransientException te && String.valueOf(te.code()).contains("DatabaseUnavailable"))) {
      LOG.warn("Neo4j unavailable: {}", error.toString());
      return new Failure.Unavailable(UNAVAILABLE, 5);
    }
    return error;
  }

  /** What {@code $now} means: the clock's instant, in UTC to the millisecond as Neo4j keeps it. */
  private ZonedDateTime now() {
    return ZonedDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MILLIS);
  }

  private AsyncSession session(AccessMode mode) {
    return driver.session(AsyncSession.class, SessionConfig.builder().withDefaultAccessMode(mode).withBookmarkManager(bookmarks).build());
  }

  private static final int MOST_BOOKMARKS = 16;
  private static final int LONGEST_BOOKMARK = 512;
  private static final Duration CATCH_UP = Duration.ofSeconds(2);

  /** Where this node's last commits stand, as a client carries it to another node ({@code Liandong-Bookmark}). */
  public String bookmark() {
    return bookmarks.getBookmarks().stream().map(Bookmark::value).sorted().collect(java.util.stream.Collectors.joining(","));
  }

  /**
   * Waits (up to 2 s) until the database has what the given bookmark names, then makes every
   * later session of this node read after it. The client's text is checked first and reaches the
   * node's own bookmarks only as the database answered it, so a forged one harms nobody else.
   */
  public Future<Void> catchUp(String header) {
    var values = List.of(header.split(",")).stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    if (values.isEmpty() || values.size() > MOST_BOOKMARKS
        || values.stream().anyMatch(v -> v.length() > LONGEST_BOOKMARK || !v.matches("[A-Za-z0-9+/=:._-]+"))) {
      return Future.failedFuture(badBookmark());
    }
    var given = values.stream().map(Bookmark::from).collect(java.util.stream.Collectors.toSet());
    var session = driver.session(AsyncSession.class, SessionConfig.builder().withDefaultAccessMode(AccessMode.READ)
        .withBookmarks(given).build());
    return closing(session, s -> s.executeReadAsync(tx -> tx.runAsync("RETURN 1").thenCompose(ResultCursor::consumeAsync),
            TransactionConfig.builder().withTimeout(CATCH_UP).build())
        .thenApply(summary -> {
          // only what the database answered joins the node's bookmarks
          bookmarks.updateBookmarks(Set.of(), s.lastBookmarks());
          return (Void) null;
        }), error -> error instanceof ClientException ? badBookmark() : translate(error));
  }

  private static Failure badBookmark() {
    return new Failure.Invalid(400, Map.of("Liandong-Bookmark", org.liandong.support.Text.of(
        "not a bookmark this server gave; send back the Liandong-Bookmark header of an earlier answer as it was, or none",
        "不是本服务给出的书签；请原样回传先前响应的 Liandong-Bookmark 头，或不传")));
  }

  /** For the benchmark's raw-driver baseline and the tests' fixtures. */
  public Driver driver() {
    return driver;
  }

  @Override
  public void close() {
    driver.close();
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private record Outcome<T>(T value, Throwable error) {}
}
