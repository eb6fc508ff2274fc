package org.liandong.accounts;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.liandong.access.Action;
import org.liandong.access.CurrentUser;
import org.liandong.access.Policy;
import org.liandong.access.Subject;
import org.liandong.storage.Exists;
import org.liandong.storage.Idempotency;
import org.liandong.support.Catalogue;
import org.liandong.support.Failure;
import org.liandong.support.IdempotencyKey;
import org.liandong.support.Patch;
import org.liandong.support.Text;

/**
 * The administration of accounts: the people directory, creating and changing people; a new
 * password or a deactivation ends the person's sessions on every node ({@code sessionsEnded}).
 */
public final class UserService {
  private final AccountRepository repository;
  private final Policy policy;
  private final Passwords passwords;
  private final Consumer<JsonObject> sessionsEnded;
  /** The identity provider's issuer, when people may sign in through one: an account is linked to a subject there. */
  private final Optional<String> issuer;

  UserService(AccountRepository repository, Policy policy, Passwords passwords, Consumer<JsonObject> sessionsEnded,
              Optional<String> issuer) {
    this.repository = repository;
    this.policy = policy;
    this.passwords = passwords;
    this.sessionsEnded = sessionsEnded;
    this.issuer = issuer;
  }

  Future<JsonArray> list(CurrentUser me) {
    policy.require(me, Action.MANAGE_USERS);
    return repository.list();
  }

  /** The people directory every signed-in person may read (to pick champions, a liaison, invitees). */
  Future<JsonArray> people(CurrentUser me) {
    policy.require(me, Action.READ);
    return repository.people();
  }

  Future<JsonObject> one(CurrentUser me, String id) {
    policy.require(me, Action.READ_USER, new Subject.Person(id));
    return repository.one(id);
  }

  /** New account; the password is hashed on the pool before the transaction starts. */
  Future<JsonObject> create(CurrentUser me, Patch fields, Optional<IdempotencyKey> key) {
    policy.require(me, Action.MANAGE_USERS);
    return passwords.hash(fields.text("password"))
        .compose(hash -> Idempotency.create(repository.graph(), key, "User",
            repository.create(me.username(), UUID.randomUUID().toString(), fields, hash)))
        .recover(UserService::usernameTaken)
        .compose(created -> repository.one(created.id()));
  }

  Future<JsonObject> update(CurrentUser me, String id, long version, Patch fields) {
    policy.require(me, Action.MANAGE_USERS);
    var changes = fields.copy();
    var password = (String) changes.remove("password");
    var departmentId = (String) changes.remove("departmentId");
    if (changes.has("ssoSubject")) link(changes);
    Future<Optional<String>> hashed = password == null ? Future.succeededFuture(Optional.empty())
        : passwords.hash(password).map(Optional::of);
    return hashed.compose(hash -> {
      hash.ifPresent(h -> changes.set("passwordHash", h));
      boolean end = hash.isPresent() || Boolean.FALSE.equals(changes.bool("active"));
      return repository.graph().write(repository.update(me.username(), id, version, changes, departmentId, end))
          .onSuccess(v -> {
            if (end) sessionsEnded.accept(new JsonObject().put("userId", id));
          });
    }).recover(UserService::subjectTaken).compose(v -> repository.one(id));
  }

  /**
   * Links the account to the person's subject at the provider (docs/sso.md), or unlinks it
   * (null): signing in there then opens this account, with its history and its rights.
   */
  private void link(Patch changes) {
    var subject = changes.text("ssoSubject");
    if (subject != null && issuer.isEmpty()) {
      throw Failure.unprocessable("ssoSubject", Text.key("server.accounts.noProviderConfigured"));
    }
    changes.set("ssoIssuer", subject == null ? null : issuer.get());
    changes.set("ssoKey", subject == null ? null : ssoKey(issuer.get(), subject));
  }

  /** How a person at the provider is found here: the issuer and the subject, which together never change. */
  public static String ssoKey(String issuer, String subject) {
    return issuer + " " + subject;
  }

  private static <T> Future<T> subjectTaken(Throwable error) {
    if (Exists.violates(error, "User", "ssoKey")) {
      return Future.failedFuture(Failure.conflict(Text.key("server.accounts.subjectLinkedElsewhere"), null));
    }
    return Future.failedFuture(error);
  }

  /** A person's own contact details and language (docs/reach.md): only those, on their own account. */
  Future<JsonObject> updateOwn(CurrentUser me, long version, Patch fields) {
    policy.require(me, Action.READ_USER, new Subject.Person(me.id()));
    return repository.graph().write(repository.update(me.username(), me.id(), version, fields.copy(), null, false))
        .compose(v -> repository.one(me.id()));
  }

  /** Creates the first admin when there is none: from the configured password, or a printed one. */
  public Future<Optional<String>> ensureAdmin(Optional<String> configuredPassword) {
    return repository.anyAdmin().compose(any -> {
      if (any) return Future.succeededFuture(Optional.empty());
      var password = configuredPassword.orElseGet(Passwords::randomToken);
      var fields = Patch.of(Map.of("username", "admin", "displayName", Catalogue.zh("server.accounts.adminName") + " " + Catalogue.en("server.accounts.adminName"), "roles", List.of("admin")));
      return passwords.hash(password)
          .compose(hash -> repository.createNow("system", UUID.randomUUID().toString(), fields, hash))
          .map(created -> configuredPassword.isPresent() ? Optional.<String>empty() : Optional.of(password));
    });
  }

  private static <T> Future<T> usernameTaken(Throwable error) {
    if (Exists.violates(error, "User", "username")) {
      return Future.failedFuture(Failure.conflict(Text.key("server.accounts.usernameTakenChooseAnother"), null));
    }
    return Future.failedFuture(error);
  }
}
