package org.liandong.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.liandong.access.Action;
import org.liandong.access.CurrentUser;
import org.liandong.access.Policy;
import org.liandong.access.Role;
import org.liandong.config.AppConfig;
import org.liandong.storage.Graph;
import org.liandong.support.Addresses;
import org.liandong.support.Failure;
import org.liandong.support.SingleFlight;
import org.liandong.support.Text;

/** Logging in and out, and sessions; the administration of accounts is {@link UserService}. */
public final class AccountService {
  private static final Text WRONG = Text.key("server.accounts.wrongUsernamePassword");

  private final Vertx vertx;
  private final AccountRepository repository;
  private final Policy policy;
  private final Passwords passwords;
  private final LoginLimits limits;
  private final java.time.Duration sessionTtl;
  private final UserService users;
  /**
   * Sessions this node has looked up in the last seconds, by token hash: a burst of requests or
   * sockets on one session costs one query. An ended session is forgotten on every node at once
   * (the SESSIONS_ENDED message).
   */
  private final Cache<String, AccountRepository.Session> recent =
      Caffeine.newBuilder().expireAfterWrite(java.time.Duration.ofSeconds(15)).maximumSize(10_000).build();
  private final SingleFlight<String, Optional<AccountRepository.Session>> looking = new SingleFlight<>();

  /** The server's clock: a session's expiry is on it (the demo's day in demo mode), not on the machine's. */
  private final Clock clock;
  /** LIANDONG_LOCAL_LOGIN: false leaves password login to admins (everyone else signs in through the provider). */
  private final boolean localLogin;

  public AccountService(Vertx vertx, Graph graph, Policy policy, AppConfig config, Clock clock) {
    this.vertx = vertx;
    this.repository = new AccountRepository(graph);
    this.policy = policy;
    this.passwords = new Passwords(vertx.createSharedWorkerExecutor("liandong-passwords", config.logins().hashWorkers()));
    this.limits = new LoginLimits(graph, config.logins(), clock);
    this.clock = clock;
    this.sessionTtl = config.sessionTtl();
    this.localLogin = config.signOn().localLogin();
    this.users = new UserService(repository, policy, passwords, this::announce,
        config.signOn().oidc().map(o -> o.issuer().toString()));
  }

  /** The administration of accounts (its sessions ended here when a password changes or an account is deactivated). */
  public UserService users() {
    return users;
  }

  /** Makes the decoy hash and starts listening for sessions ended on any node. */
  public Future<Void> start() {
    vertx.eventBus().<JsonObject>consumer(Addresses.SESSIONS_ENDED, msg -> forget(msg.body()));
    return passwords.start();
  }

  /** A fresh session: the bearer token (also the cookie value) and its CSRF token. */
  public record Login(String token, String csrf, CurrentUser user) {}

  /** A live session as the WebSocket sees it: whose, its token's hash and when it expires. */
  public record Session(CurrentUser user, String tokenHash, long expiresAt) {}

  Future<Login> login(String username, String password, String address) {
    return limits.retryAfter(username, address).compose(wait -> wait.isPresent()
        ? Future.failedFuture(new Failure.TooMany(Text.key("server.accounts.tooManyFailedLogins", "asLong", wait.getAsLong()), wait.getAsLong()))
        : checkPassword(username, password, address));
  }

  private Future<Login> checkPassword(String username, String password, String address) {
    return repository.byUsername(username)
        .compose(found -> passwords.verify(password, found.map(AccountRepository.Credentials::passwordHash).orElse(null))
            .compose(ok -> ok && found.get().active() ? Future.succeededFuture(found.get().user())
                : failedLogin(username, address)))
        .compose(user -> localLogin || user.is(Role.ADMIN) ? Future.succeededFuture(user)
            : Future.failedFuture(new Failure.Forbidden(Text.key("server.accounts.passwordLoginOff"))))
        .compose(user -> openSession(user, Optional.empty()))
        .onSuccess(login -> limits.succeeded(username));
  }

  /** The pseudo-account the login limits count failed kiosk keys under (with the address). */
  private static final String KIOSK = "(kiosk)";

  /** A wall screen logs in with its kiosk key (its link); wrong keys count against the address like wrong passwords. */
  Future<Login> kioskLogin(String key, String address) {
    return limits.retryAfter(KIOSK, address).compose(wait -> wait.isPresent()
        ? Future.failedFuture(new Failure.TooMany(Text.key("server.accounts.tooManyWrongKiosk", "asLong", wait.getAsLong()), wait.getAsLong()))
        : repository.byKioskKey(Passwords.tokenHash(key))
            .compose(found -> found.isPresent() ? Future.succeededFuture(found.get()) : failedKiosk(address))
            .compose(user -> openSession(user, Optional.empty())));
  }

  private Future<CurrentUser> failedKiosk(String address) {
    return limits.failed(KIOSK, address).transform(counted -> Future.failedFuture(new Failure.Unauthorized(Text.key("server.accounts.kioskLinkNotValid"))));
  }

  /** A new kiosk key for a wall account, shown once; the old link stops working and its screens are logged out. */
  Future<String> issueKioskKey(CurrentUser me, String id) {
    policy.require(me, Action.MANAGE_USERS);
    var key = Passwords.randomToken();
    return repository.graph().write(repository.issueKioskKey(me.username(), id, Passwords.tokenHash(key)))
        .onSuccess(v -> announce(new JsonObject().put("userId", id)))
        .map(key);
  }

  /** The demo's wall account's kiosk key: its link is /#/kiosk/demo-wall-kiosk, on a demo server only. */
  public static final String DEMO_KIOSK_KEY = "demo-wall-kiosk";

  /** The kiosk key's hash as stored, for the demo's wall account. */
  public static String kioskHashForDemo() {
    return Passwords.tokenHash(DEMO_KIOSK_KEY);
  }

  /** The failure is counted before the answer goes: a burst of wrong passwords cannot outrun its count. */
  private Future<CurrentUser> failedLogin(String username, String address) {
    return limits.failed(username, address).transform(counted -> Future.failedFuture(new Failure.Unauthorized(WRONG)));
  }

  private Future<Login> openSession(CurrentUser user, Optional<ProviderSession> origin) {
    var token = Passwords.randomToken();
    return repository.openSession(user.id(), Passwords.tokenHash(token), sessionTtl, origin)
        .map(v -> new Login(token, Passwords.csrf(token), user));
  }

  /**
   * A session opened by signing in through the identity provider (docs/sso.md): the same token,
   * cookie and CSRF token as a password's, and what the provider's logouts need: whose subject,
   * the provider's session, the ID token its logout is asked with.
   */
  public record ProviderSession(String ssoKey, Optional<String> sid, String idToken) {}

  public Future<Login> providerSession(CurrentUser user, ProviderSession origin) {
    return openSession(user, Optional.of(origin));
  }

  /** The provider ended a person's session there (or all of them; or the session {@code sid} names): theirs here end on every node. */
  public Future<Integer> endProviderSessions(Optional<String> ssoKey, Optional<String> sid) {
    return repository.endProviderSessions(ssoKey, sid).onSuccess(hashes -> hashes.forEach(h -> announce(new JsonObject().put("tokenHash", h))))
        .map(List::size);
  }

  /** The pseudo-account the login limits count refused sign-ins through the provider under (with the address). */
  private static final String PROVIDER = "(sso)";

  /** Fails with 429 while the address has had too many refused sign-ins (the password's limits, README). */
  public Future<Void> signOnAllowed(String address) {
    return limits.retryAfter(PROVIDER, address).compose(wait -> wait.isPresent()
        ? Future.failedFuture(new Failure.TooMany(Text.key("server.accounts.tooManyFailedLogins", "asLong", wait.getAsLong()), wait.getAsLong()))
        : Future.succeededFuture());
  }

  public Future<Void> signOnRefused(String address) {
    return limits.failed(PROVIDER, address);
  }

  /** Whether the session has run out, on the server's clock. */
  public boolean expired(Session session) {
    return session.expiresAt() <= clock.millis();
  }

  /** The person behind a session token, if the session is live. */
  public Future<Optional<Session>> session(String token) {
    var hash = Passwords.tokenHash(token);
    var cached = recent.getIfPresent(hash);
    if (cached != null && cached.expiresAt() > clock.millis()) {
      return Future.succeededFuture(Optional.of(new Session(cached.user(), hash, cached.expiresAt())));
    }
    return looking.get(hash, () -> repository.session(hash), found -> found.ifPresent(s -> recent.put(hash, s)))
        .map(found -> found.map(s -> new Session(s.user(), hash, s.expiresAt())));
  }

  /** The person as the pages see them: who, and what they may do (decided by the policy). */
  JsonObject describe(CurrentUser user) {
    return user.toJson().put("may", policy.abilities(user));
  }

  static String csrfOf(String token) {
    return Passwords.csrf(token);
  }

  /** Ends the session; the provider's ID token when it was opened there (its logout is asked with it). */
  Future<Optional<String>> logout(String token) {
    var hash = Passwords.tokenHash(token);
    return repository.endSession(hash).onSuccess(v -> announce(new JsonObject().put("tokenHash", hash)));
  }

  /** Every node forgets the ended sessions and closes their sockets. */
  private void announce(JsonObject ended) {
    // this node at once, before the request that ended them is answered; the others by the bus
    forget(ended);
    vertx.eventBus().publish(Addresses.SESSIONS_ENDED, ended);
  }

  private void forget(JsonObject ended) {
    var hash = ended.getString("tokenHash");
    var userId = ended.getString("userId");
    if (hash != null) {
      looking.forget(hash);
      recent.invalidate(hash);
    }
    if (userId != null) {
      looking.forgetAll();
      recent.asMap().values().removeIf(s -> s.user().id().equals(userId));
    }
  }

  /** Expired sessions go at once (kept for no extra time). */
  public static org.liandong.storage.Retention.Rule retention() {
    return new org.liandong.storage.Retention.Rule("expired sessions", AccountCypher.EXPIRED_SESSIONS, java.time.Duration.ZERO);
  }

  /** Failed-login counts whose window has passed. */
  public static org.liandong.storage.Retention.Rule loginFailures() {
    return new org.liandong.storage.Retention.Rule("expired login failures", AccountCypher.EXPIRED_LOGIN_FAILURES, java.time.Duration.ZERO);
  }

  /** Hashes a password now, for the demo loader which runs before the server serves anyone. */
  public static String hashForDemo(String password) {
    return Passwords.hashNow(password);
  }
}
