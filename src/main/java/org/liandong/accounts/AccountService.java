package org.liandong.accounts;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.liandong.storage.ChangeLog;
import org.liandong.storage.Graph;
import org.liandong.storage.Idempotency;
import org.liandong.storage.Exists;
import org.liandong.storage.Locks;
import org.liandong.storage.Node;
import org.liandong.support.Failure;
import org.liandong.support.SingleFlight;
import org.liandong.support.Json;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** Users, their passwords and sessions. Password hashing runs on worker threads. */
public final class AccountService {
  /** How long this node trusts a session it has looked up before asking Neo4j again. */
  private static final long CACHE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(15);

  private final Vertx vertx;
  private final Graph graph;
  private final Duration sessionTtl;
  /**
   * Sessions this node has seen recently, by token hash: a burst of requests or sockets on one
   * session costs one query, not one each. Logging out or changing a user clears it here at once;
   * other nodes notice within CACHE_NANOS.
   */
  private final java.util.concurrent.ConcurrentHashMap<String, Cached> recent = new java.util.concurrent.ConcurrentHashMap<>();

  private record Cached(Authenticated session, long until) {}

  /** Lookups under way: a thousand sockets opening on one session wait for one query. */
  private final SingleFlight<String, Optional<Authenticated>> looking = new SingleFlight<>();

  public AccountService(Vertx vertx, Graph graph, Duration sessionTtl) {
    this.vertx = vertx;
    this.graph = graph;
    this.sessionTtl = sessionTtl;
  }

  /** A fresh session: the bearer token (also the cookie value) and its CSRF token. */
  public record Login(String token, String csrf, CurrentUser user) {}

  record Authenticated(CurrentUser user, String csrf) {}

  public Future<Login> login(String username, String password) {
    return graph.query(AccountCypher.BY_USERNAME, Map.of("username", username))
        .compose(rows -> {
          var row = rows.stream().findFirst();
          var hash = row.map(r -> r.get("passwordHash").asString(null)).orElse(Passwords.DECOY);
          return vertx.executeBlocking(() -> Passwords.verify(password, hash))
              .compose(ok -> ok && row.isPresent() && row.get().get("active").asBoolean(false)
                  ? Future.succeededFuture(user(row.get().get("user")))
                  : Future.failedFuture(new Failure.Unauthorized("wrong username or password")));
        })
        .compose(this::openSession);
  }

  private Future<Login> openSession(CurrentUser user) {
    var token = Passwords.randomToken();
    var csrf = Passwords.randomToken();
    return graph.write(tx -> tx.run(AccountCypher.CREATE_SESSION, Map.of(
            "userId", user.id(), "tokenHash", Passwords.tokenHash(token), "csrf", csrf,
            "ttlSeconds", sessionTtl.toSeconds())))
        .map(summary -> new Login(token, csrf, user));
  }

  /** The person behind a session token, if the session is live (the WebSocket handshake uses it). */
  public Future<Optional<CurrentUser>> sessionUser(String token) {
    return authenticate(token).map(found -> found.map(Authenticated::user));
  }

  Future<Optional<Authenticated>> authenticate(String token) {
    var hash = Passwords.tokenHash(token);
    var cached = recent.get(hash);
    if (cached != null && cached.until() - System.nanoTime() > 0) return Future.succeededFuture(Optional.of(cached.session()));
    return looking.get(hash,
        () -> graph.query(AccountCypher.SESSION, Map.of("tokenHash", hash))
            .map(rows -> rows.stream().findFirst()
                .map(r -> new Authenticated(user(r.get("user")), r.get("csrf").asString()))),
        found -> {
          if (recent.size() > 10_000) recent.clear();
          found.ifPresent(a -> recent.put(hash, new Cached(a, System.nanoTime() + CACHE_NANOS)));
        });
  }

  public Future<Void> logout(String token) {
    var hash = Passwords.tokenHash(token);
    recent.remove(hash);
    return graph.write(tx -> tx.run(AccountCypher.DELETE_SESSION, Map.of("tokenHash", hash)))
        .onSuccess(v -> forget(hash)).mapEmpty();
  }

  /** After the session is gone: a lookup that read it before must not put it back. */
  private void forget(String hash) {
    looking.forget(hash);
    recent.remove(hash);
  }

  Future<JsonArray> list() {
    return graph.query(AccountCypher.LIST, Map.of())
        .map(rows -> new JsonArray(rows.stream().map(AccountService::userJson).toList()));
  }

  Future<JsonObject> one(String id) {
    return graph.query(AccountCypher.ONE, Map.of("id", id)).compose(rows -> rows.isEmpty()
        ? Future.failedFuture(Failure.notFound("user", id))
        : Future.succeededFuture(userJson(rows.get(0))));
  }

  /** New account; the password is hashed off the event loop before the transaction starts. */
  Future<Idempotency.Created> create(CurrentUser actor, Map<String, Object> fields,
                                     Optional<Idempotency.Key> key) {
    var password = (String) fields.get("password");
    return vertx.executeBlocking(() -> Passwords.hash(password)).compose(hash ->
        Idempotency.create(graph, key, "User", tx -> {
          var id = UUID.randomUUID().toString();
          var params = new HashMap<String, Object>(fields);
          params.remove("password");
          params.put("id", id);
          params.put("passwordHash", hash);
          params.putIfAbsent("departmentId", null);
          return Exists.require(tx, Node.Department, (String) fields.get("departmentId"), "departmentId")
              .compose(v -> tx.first(AccountCypher.CREATE, params))
              .compose(row -> ChangeLog.record(tx, new ChangeLog.Entry(actor.username(), "user.created",
                  "User", id, null, null, row.orElseThrow().get("user").asMap(), List.of("user:" + id))))
              .map(change -> id);
        }).recover(AccountService::usernameTaken));
  }

  Future<Void> update(CurrentUser actor, String id, long version, Map<String, Object> fields) {
    var changes = new HashMap<>(fields);
    var password = (String) changes.remove("password");
    var departmentId = (String) changes.remove("departmentId");
    Future<Optional<String>> hashed = password == null
        ? Future.succeededFuture(Optional.empty())
        : vertx.executeBlocking(() -> Optional.of(Passwords.hash(password)));
    return hashed.compose(hash -> graph.write(tx -> Locks.lock(tx, Node.User, id, version)
        .compose(before -> {
          hash.ifPresent(h -> changes.put("passwordHash", h));
          return Exists.require(tx, Node.Department, departmentId, "departmentId")
              .compose(v -> departmentId == null ? Future.succeededFuture()
                  : tx.run(AccountCypher.MOVE, Map.of("id", id, "departmentId", departmentId)))
              .compose(v -> tx.first(AccountCypher.UPDATE, Map.of("id", id, "changes", changes)))
              // a new password or a deactivation ends the user's open sessions
              .compose(row -> (hash.isPresent() || Boolean.FALSE.equals(changes.get("active"))
                  ? tx.run(AccountCypher.END_SESSIONS, Map.of("id", id)) : Future.succeededFuture())
                  .map(v -> row.orElseThrow().get("user").asMap()))
              .compose(after -> ChangeLog.record(tx, new ChangeLog.Entry(actor.username(), "user.updated",
                  "User", id, null, before, after, List.of("user:" + id))));
        }))).onSuccess(v -> {
          looking.forgetAll();
          recent.clear();
        }).mapEmpty();
  }

  /** Creates the first admin when there is none: from the configured password, or a printed one. */
  public Future<Optional<String>> ensureAdmin(Optional<String> configuredPassword) {
    return graph.query(AccountCypher.ANY_ADMIN, Map.of()).compose(rows -> {
      if (rows.get(0).get("admins").asLong() > 0) return Future.succeededFuture(Optional.empty());
      var password = configuredPassword.orElseGet(Passwords::randomToken);
      var system = new CurrentUser("system", "system", "system", java.util.Set.of(Role.ADMIN), null, null);
      var fields = Map.<String, Object>of("username", "admin", "displayName", "管理员 Administrator",
          "roles", List.of("admin"), "password", password);
      return create(system, fields, Optional.empty())
          .map(created -> configuredPassword.isPresent() ? Optional.<String>empty() : Optional.of(password));
    });
  }

  /** Stores users given with ready hashes (the demo loader) without hashing again. */
  public static String hash(String password) {
    return Passwords.hash(password);
  }

  private static <T> Future<T> usernameTaken(Throwable error) {
    if (Exists.violates(error, "User", "username")) {
      return Future.failedFuture(new Failure.Conflict("that username is taken; choose another", null));
    }
    return Future.failedFuture(error);
  }

  private static JsonObject userJson(Record row) {
    return Json.object(row.get("user").asMap());
  }

  static CurrentUser user(Value v) {
    var roles = v.get("roles").asList(Value::asString).stream().map(Role::of).collect(Collectors.toUnmodifiableSet());
    return new CurrentUser(v.get("id").asString(), v.get("username").asString(),
        v.get("displayName").asString(""), roles, v.get("departmentId").asString(null),
        v.get("departmentName").asString(null));
  }
}
