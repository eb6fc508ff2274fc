package org.liandong.accounts;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.liandong.access.CurrentUser;
import org.liandong.access.Role;
import org.liandong.storage.Entry;
import org.liandong.storage.Exists;
import org.liandong.storage.Graph;
import org.liandong.storage.Locks;
import org.liandong.storage.Node;
import org.liandong.storage.Tx;
import org.liandong.storage.Work;
import org.liandong.support.Failure;
import org.liandong.support.Fields.Props;
import org.liandong.support.Json;
import org.liandong.support.Patch;
import org.liandong.support.Text;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** Users and sessions in the graph, read as {@link CurrentUser} records and JSON views. */
final class AccountRepository {
  private final Graph graph;

  AccountRepository(Graph graph) {
    this.graph = graph;
  }

  Graph graph() {
    return graph;
  }

  /** A user found by username, with the stored hash (null when the person cannot log in). */
  record Credentials(CurrentUser user, String passwordHash, boolean active) {}

  /** A live session: whose, and until when (epoch millis). */
  record Session(CurrentUser user, long expiresAt) {}

  Future<Optional<Credentials>> byUsername(String username) {
    return graph.query(AccountCypher.BY_USERNAME, Map.of("username", username)).map(rows -> rows.stream().findFirst()
        .map(r -> new Credentials(user(r.get("user")), r.get("passwordHash").asString(null), r.get("active").asBoolean(false))));
  }

  /** The wall account behind a kiosk key's hash, if it still holds the wall role and is active. */
  Future<Optional<CurrentUser>> byKioskKey(String hash) {
    return graph.query(AccountCypher.BY_KIOSK_KEY, Map.of("hash", hash)).map(rows -> rows.stream().findFirst().map(r -> user(r.get("user"))));
  }

  /**
   * Gives a wall account a new kiosk key (only its hash is kept) and ends the account's sessions,
   * so a screen on the old link goes dark. The change log names the event, never the hash.
   */
  Work<Void> issueKioskKey(String actor, String id, String hash) {
    return tx -> tx.first(AccountCypher.SET_KIOSK_KEY, Map.of("id", id, "hash", hash))
        .compose(row -> row.isEmpty() ? Future.failedFuture(Node.User.notFound(id))
            : row.get().get("roles").asList(Value::asString).contains(Role.WALL.key())
            ? endSessions(tx, id, true)
            : Future.failedFuture(Failure.unprocessable("roles", Text.key("server.accounts.onlyAccountWallRole"))))
        .map(v -> {
          tx.record(new Entry(actor, "user.kioskKeyIssued", "User", id, null, null, Map.of("id", id), List.of("user:" + id)));
          return null;
        });
  }

  /** A new session; one opened through the identity provider also keeps what its logouts need. */
  Future<Void> openSession(String userId, String tokenHash, Duration ttl, Optional<AccountService.ProviderSession> provider) {
    var origin = new HashMap<String, Object>();
    provider.ifPresent(p -> {
      origin.put("ssoKey", p.ssoKey());
      origin.put("ssoSid", p.sid().orElse(null));
      origin.put("idToken", p.idToken());
    });
    return graph.write(tx -> tx.run(AccountCypher.CREATE_SESSION,
        Map.of("userId", userId, "tokenHash", tokenHash, "ttlSeconds", ttl.toSeconds(), "origin", origin))).mapEmpty();
  }

  Future<Optional<Session>> session(String tokenHash) {
    return graph.query(AccountCypher.SESSION, Map.of("tokenHash", tokenHash)).map(rows -> rows.stream().findFirst()
        .map(r -> new Session(user(r.get("user")), r.get("expiresAt").asLong())));
  }

  /** Ends a session; the provider's ID token when it was opened by signing in there. */
  Future<Optional<String>> endSession(String tokenHash) {
    return graph.write(tx -> tx.first(AccountCypher.DELETE_SESSION, Map.of("tokenHash", tokenHash))
        .map(row -> row.map(r -> r.get("idToken").asString(null))));
  }

  /** Ends the sessions opened through the provider for a person (all, or the one {@code sid} names); their token hashes. */
  Future<List<String>> endProviderSessions(Optional<String> ssoKey, Optional<String> sid) {
    var params = new HashMap<String, Object>();
    params.put("key", ssoKey.orElse(null));
    params.put("sid", sid.orElse(null));
    return graph.write(tx -> tx.list(AccountCypher.END_PROVIDER_SESSIONS, params)
        .map(rows -> rows.stream().map(r -> r.get("hash").asString()).toList()));
  }

  Future<JsonArray> list() {
    return graph.query(AccountCypher.LIST, Map.of())
        .map(rows -> new JsonArray(rows.stream().map(AccountRepository::json).toList()));
  }

  Future<JsonArray> people() {
    return graph.query(AccountCypher.PEOPLE, Map.of())
        .map(rows -> new JsonArray(rows.stream().map(row -> Json.object(row.get("person").asMap())).toList()));
  }

  Future<JsonObject> one(String id) {
    return graph.query(AccountCypher.ONE, Map.of("id", id)).compose(rows -> rows.isEmpty()
        ? Future.failedFuture(Node.User.notFound(id))
        : Future.succeededFuture(json(rows.get(0))));
  }

  Future<Boolean> anyAdmin() {
    return graph.query(AccountCypher.ANY_ADMIN, Map.of()).map(rows -> rows.get(0).get("admins").asLong() > 0);
  }

  /** A new account, recorded on its own channel. */
  Work<String> create(String actor, String id, Patch fields, String passwordHash) {
    var params = new HashMap<String, Object>(fields.asMap());
    params.remove("password");
    params.put("id", id);
    params.put("passwordHash", passwordHash);
    params.putIfAbsent("departmentId", null);
    for (var field : List.of("email", "mobile", "language")) params.putIfAbsent(field, null);
    return tx -> Exists.require(tx, Node.Department, fields.text("departmentId"), "departmentId")
        .compose(v -> tx.first(AccountCypher.CREATE, params))
        .map(row -> {
          tx.record(new Entry(actor, "user.created", "User", id, null, null, row.orElseThrow().get("user").asMap(),
              List.of("user:" + id)));
          return id;
        });
  }

  /** Changes an account; a new password or a deactivation also ends its sessions. */
  Work<Void> update(String actor, String id, long version, Patch changes, String departmentId,
                    boolean endSessions) {
    return tx -> Locks.lock(tx, Node.User, id, version).compose(before -> changed(tx, actor, id, before, changes, departmentId, endSessions));
  }

  private static Future<Void> changed(Tx tx, String actor, String id, Props before, Patch changes,
                                      String departmentId, boolean endSessions) {
    return move(tx, id, departmentId)
        .compose(v -> tx.first(AccountCypher.UPDATE, Map.of("id", id, "changes", changes.asMap())))
        .compose(row -> endSessions(tx, id, endSessions).map(row.orElseThrow().get("user").asMap()))
        .map(after -> {
          tx.record(new Entry(actor, "user.updated", "User", id, null, before.asMap(), after, List.of("user:" + id)));
          return null;
        });
  }

  private static Future<Void> move(Tx tx, String id, String departmentId) {
    if (departmentId == null) return Future.succeededFuture();
    return Exists.require(tx, Node.Department, departmentId, "departmentId")
        .compose(v -> tx.run(AccountCypher.MOVE, Map.of("id", id, "departmentId", departmentId))).mapEmpty();
  }

  private static Future<Void> endSessions(Tx tx, String id, boolean end) {
    return end ? tx.run(AccountCypher.END_SESSIONS, Map.of("id", id)).mapEmpty() : Future.succeededFuture();
  }

  Future<String> createNow(String actor, String id, Patch fields, String passwordHash) {
    return graph.write(create(actor, id, fields, passwordHash));
  }

  private static JsonObject json(Record row) {
    return Json.object(row.get("user").asMap());
  }

  static CurrentUser user(Value v) {
    var roles = v.get("roles").asList(Value::asString).stream().map(Role::of).collect(Collectors.toUnmodifiableSet());
    return new CurrentUser(v.get("id").asString(), v.get("username").asString(),
        v.get("displayName").asString(""), roles, v.get("departmentId").asString(null),
        v.get("departmentName").asString(null));
  }

  /** For each key over a window since {@code since} (ms), the time (ms) of its oldest failure still in it. */
  static Future<List<Long>> oldestFailures(Graph graph, List<LoginLimits.Key> keys, long since) {
    return graph.query(AccountCypher.LOGIN_FAILURES, Map.of("keys", LoginLimits.Key.params(keys), "since", since))
        .map(rows -> rows.stream().filter(r -> !r.get("oldest").isNull()).map(r -> r.get("oldest").asLong()).toList());
  }
}
