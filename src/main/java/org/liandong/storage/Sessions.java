package org.liandong.storage;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.liandong.support.Failure;
import org.liandong.support.Text;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.BookmarkManagerConfig;
import org.neo4j.driver.BookmarkManagers;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.async.ResultCursor;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;

/**
 * The driver's sessions as Vert.x futures: opened with the node's bookmarks (every session reads
 * after the node's own last commits and those a client brought from another node, so a person
 * reads their own writes through any node: docs/scale-out.md), closed whatever happened, the
 * database out of reach turned into a 503.
 */
final class Sessions {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Sessions.class);
  private static final Text UNAVAILABLE = Text.key("server.storage.databaseNotReachableRight");
  private static final int MOST_BOOKMARKS = 16;
  private static final int LONGEST_BOOKMARK = 512;
  private static final Duration CATCH_UP = Duration.ofSeconds(2);

  /** What a stage ended with: its value, or its error. */
  record Outcome<T>(T value, Throwable error) {}

  private final Vertx vertx;
  private final Driver driver;
  private final BookmarkManager bookmarks;

  Sessions(Vertx vertx, Driver driver, BookmarkManager bookmarks) {
    this.vertx = vertx;
    this.driver = driver;
    this.bookmarks = bookmarks;
  }

  /** A driver of at most 100 connections whose retries are ours ({@link Transactions}): the driver's would hold a request for 30 s in an outage. */
  static Sessions connect(Vertx vertx, URI uri, String user, String password, Duration connectTimeout) {
    AuthToken auth = password.isEmpty() ? AuthTokens.none() : AuthTokens.basic(user, password);
    var config = Config.builder()
        .withLogging(org.neo4j.driver.Logging.slf4j())
        .withMaxConnectionPoolSize(100)
        .withConnectionAcquisitionTimeout(connectTimeout.toMillis() * 2, TimeUnit.MILLISECONDS)
        .withConnectionTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .withMaxTransactionRetryTime(0, TimeUnit.MILLISECONDS)
        .build();
    return new Sessions(vertx, GraphDatabase.driver(uri, auth, config), BookmarkManagers.defaultManager(BookmarkManagerConfig.builder().build()));
  }

  Driver driver() {
    return driver;
  }

  AsyncSession open(AccessMode mode) {
    return driver.session(AsyncSession.class, SessionConfig.builder().withDefaultAccessMode(mode).withBookmarkManager(bookmarks).build());
  }

  /**
   * Runs {@code work} on {@code session} outside the lanes, closes the session whatever happened,
   * and hands back the work's own outcome on the caller's context: its value, or its error as
   * {@code failure} makes it (unwrapped from the driver's completion exceptions).
   */
  <T> Future<T> closing(AsyncSession session, Function<AsyncSession, CompletionStage<T>> work, Function<Throwable, Throwable> failure) {
    var context = vertx.getOrCreateContext();
    var stage = work.apply(session)
        .handle((value, error) -> new Outcome<T>(value, error))
        .thenCompose(outcome -> session.closeAsync().handle((ignored, closed) -> outcome));
    return Future.fromCompletionStage(stage, context).compose(outcome -> outcome.error() != null
        ? Future.failedFuture(failure.apply(unwrap(outcome.error()))) : Future.succeededFuture(outcome.value()));
  }

  /** Where this node's last commits stand, as a client carries it to another node ({@code Liandong-Bookmark}). */
  String bookmark() {
    return bookmarks.getBookmarks().stream().map(Bookmark::value).sorted().collect(Collectors.joining(","));
  }

  /**
   * Waits (up to 2 s) until the database has what the given bookmark names, then makes every
   * later session of this node read after it. The client's text is checked first and reaches the
   * node's own bookmarks only as the database answered it, so a forged one harms nobody else.
   */
  Future<Void> catchUp(String header) {
    var values = List.of(header.split(",")).stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    if (values.isEmpty() || values.size() > MOST_BOOKMARKS
        || values.stream().anyMatch(v -> v.length() > LONGEST_BOOKMARK || !v.matches("[A-Za-z0-9+/=:._-]+"))) {
      return Future.failedFuture(badBookmark());
    }
    var given = values.stream().map(Bookmark::from).collect(Collectors.toSet());
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
    return new Failure.Invalid(400, Map.of("Liandong-Bookmark", Text.key("server.storage.notBookmarkServerGave")));
  }

  /** Two writers that locked each other may go again; a transaction stopped on purpose may not. */
  static boolean retryable(Throwable error) {
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

  static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
