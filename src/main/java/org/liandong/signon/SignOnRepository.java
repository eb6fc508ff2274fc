package org.liandong.signon;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.liandong.access.CurrentUser;
import org.liandong.access.Role;
import org.liandong.storage.Entry;
import org.liandong.storage.Graph;
import org.liandong.storage.Tx;
import org.liandong.storage.Work;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** Sign-ins under way, and the accounts of the people the provider vouches for. */
final class SignOnRepository {
  private final Graph graph;

  SignOnRepository(Graph graph) {
    this.graph = graph;
  }

  /** A sign-in under way: the PKCE verifier and the nonce it sent, and whether its ten minutes still run. */
  record Pending(String verifier, String nonce, boolean live) {}

  Future<Void> begin(String stateHash, String verifier, String nonce) {
    return graph.write(tx -> tx.run(SignOnCypher.BEGIN, Map.of("stateHash", stateHash, "verifier", verifier, "nonce", nonce))).mapEmpty();
  }

  Future<Optional<Pending>> take(String stateHash) {
    return graph.write(tx -> tx.first(SignOnCypher.TAKE, Map.of("stateHash", stateHash)).map(row -> row.map(r ->
        new Pending(r.get("verifier").asString(), r.get("nonce").asString(), r.get("live").asBoolean(false)))));
  }

  /**
   * Who signs in: the key of their subject, what the provider says of them, the roles its
   * claims give, the departments they name, and whether the claims may give the admin role.
   */
  record Admission(String issuer, String key, Claims claims, Set<String> roles, List<String> departments, boolean adminMapped) {}

  /** The account the person opens: theirs when linked (its rights refreshed), else a new one (just in time); or a refusal. */
  Future<CurrentUser> admit(Admission a) {
    return graph.write(tx -> tx.first(SignOnCypher.LINKED, Map.of("key", a.key()))
        .compose(linked -> department(tx, a.departments())
            .compose(department -> linked.isPresent() ? refresh(tx, a, linked.get(), department) : create(tx, a, department)))
        .compose(id -> tx.first(SignOnCypher.READ, Map.of("id", id)))
        .map(row -> person(row.orElseThrow().get("person"))));
  }

  private static Future<Optional<String>> department(Tx tx, List<String> candidates) {
    return tx.first(SignOnCypher.DEPARTMENT, Map.of("candidates", candidates)).map(row -> row.map(r -> r.get("id").asString()));
  }

  private static Future<String> refresh(Tx tx, Admission a, Record linked, Optional<String> department) {
    var id = linked.get("id").asString();
    if (!linked.get("active").asBoolean(false)) throw new Refusal(Refusal.Reason.INACTIVE, "account " + id + " is deactivated");
    var before = new TreeSet<>(linked.get("roles").asList(Value::asString));
    var roles = new TreeSet<>(a.roles());
    // the admin role is granted here, by another admin, unless the mapping gives it
    if (!a.adminMapped() && before.contains(Role.ADMIN.key())) roles.add(Role.ADMIN.key());
    if (roles.isEmpty()) throw new Refusal(Refusal.Reason.NO_ROLE, "the claims give account " + id + " no role");
    var oldDepartment = linked.get("departmentId").asString(null);
    if (roles.equals(before) && department.map(d -> d.equals(oldDepartment)).orElse(true)) return Future.succeededFuture(id);
    var params = new HashMap<String, Object>(Map.of("id", id, "roles", List.copyOf(roles)));
    params.put("departmentId", department.orElse(null));
    var was = new HashMap<String, Object>(Map.of("roles", List.copyOf(before)));
    was.put("departmentId", oldDepartment);
    var now = new HashMap<String, Object>(Map.of("roles", List.copyOf(roles)));
    now.put("departmentId", department.orElse(oldDepartment));
    return tx.run(SignOnCypher.REFRESH, params).map(v -> {
      tx.record(new Entry(a.claims().username(), "user.updated", "User", id, null, was, now, List.of("user:" + id)));
      return id;
    });
  }

  private static Future<String> create(Tx tx, Admission a, Optional<String> department) {
    if (a.roles().isEmpty()) throw new Refusal(Refusal.Reason.NO_ROLE, "the claims of " + a.key() + " give no role");
    var claims = a.claims();
    return tx.first(SignOnCypher.USERNAME_TAKEN, Map.of("username", claims.username())).compose(taken -> {
      if (taken.isPresent()) throw new Refusal(Refusal.Reason.TAKEN, "username " + claims.username() + " is a local account's");
      var id = UUID.randomUUID().toString();
      var params = new HashMap<String, Object>(Map.of("id", id, "username", claims.username(), "displayName", claims.displayName(),
          "roles", List.copyOf(new TreeSet<>(a.roles())), "issuer", a.issuer(), "subject", claims.subject(), "key", a.key()));
      params.put("email", claims.email().orElse(null));
      params.put("departmentId", department.orElse(null));
      return tx.first(SignOnCypher.CREATE, params).map(row -> {
        tx.record(new Entry(claims.username(), "user.created", "User", id, null, null, row.orElseThrow().get("user").asMap(),
            List.of("user:" + id)));
        return id;
      });
    });
  }

  private static CurrentUser person(Value v) {
    var roles = v.get("roles").asList(Value::asString).stream().map(Role::of).collect(Collectors.toUnmodifiableSet());
    return new CurrentUser(v.get("id").asString(), v.get("username").asString(), v.get("displayName").asString(""), roles,
        v.get("departmentId").asString(null), v.get("departmentName").asString(null));
  }

  /** Sign-ins never finished, past their ten minutes. */
  static org.liandong.storage.Retention.Rule retention() {
    return new org.liandong.storage.Retention.Rule("abandoned sign-ins", SignOnCypher.EXPIRED, java.time.Duration.ZERO);
  }
}
