package org.liandong.signon;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.liandong.accounts.AccountService;
import org.liandong.accounts.ProviderLogout;
import org.liandong.accounts.UserService;
import org.liandong.config.SignOn;
import org.liandong.storage.Graph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in through the district's identity provider by OpenID Connect (docs/sso.md): the
 * authorization code flow with PKCE, state and nonce; the ID token checked against the
 * provider's keys; the person found by their subject (or created, just in time) with the roles
 * and department the claims give; the same session a password gives. The provider's logouts
 * end it: RP-initiated from here, back-channel from there.
 */
public final class SignOnService implements ProviderLogout {
  private static final Logger LOG = LoggerFactory.getLogger(SignOnService.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder URL64 = Base64.getUrlEncoder().withoutPadding();

  private final Provider provider;
  private final SignOnRepository repository;
  private final AccountService accounts;
  private final SignOn.Oidc oidc;
  /**
   * The provider's tokens are judged on the machine's clock, which the provider shares (a demo
   * server's day is another: its sessions still run on that).
   */
  private final Clock clock;

  public SignOnService(Vertx vertx, Graph graph, AccountService accounts, SignOn.Oidc oidc, Clock clock) {
    this.provider = new Provider(vertx, oidc, clock);
    this.repository = new SignOnRepository(graph);
    this.accounts = accounts;
    this.oidc = oidc;
    this.clock = clock;
  }

  /** Where the browser goes to sign in, and the state its cookie keeps until it comes back. */
  record Started(String location, String state) {}

  Future<Started> start(String address, Optional<String> language) {
    var state = random();
    var nonce = random();
    var verifier = random();
    return accounts.signOnAllowed(address).recover(e -> Future.failedFuture(new Refusal(Refusal.Reason.LIMITED, e.getMessage())))
        .compose(v -> provider.endpoints().recover(e -> Future.failedFuture(new Refusal(Refusal.Reason.UNAVAILABLE, e.getMessage()))))
        .compose(endpoints -> repository.begin(hash(state), verifier, nonce).map(v -> {
          var query = new StringBuilder("response_type=code")
              .append("&client_id=").append(Provider.encode(oidc.clientId()))
              .append("&redirect_uri=").append(Provider.encode(oidc.redirectUrl().toString()))
              .append("&scope=").append(Provider.encode(String.join(" ", oidc.scopes())))
              .append("&state=").append(state).append("&nonce=").append(nonce)
              .append("&code_challenge=").append(URL64.encodeToString(sha256(verifier))).append("&code_challenge_method=S256");
          language.ifPresent(l -> query.append("&ui_locales=").append(Provider.encode(l)));
          var authorization = endpoints.authorization();
          return new Started(authorization + (authorization.contains("?") ? "&" : "?") + query, state);
        }));
  }

  /** The provider sent the person back with a code: the session a password would give, or why not. */
  Future<AccountService.Login> finish(String address, String state, Optional<String> cookieState, String code) {
    // the state must be the one this browser was given: another browser's answer is not this sign-in
    if (cookieState.isEmpty() || !MessageDigest.isEqual(cookieState.get().getBytes(StandardCharsets.UTF_8), state.getBytes(StandardCharsets.UTF_8))) {
      return refused(address, new Refusal(Refusal.Reason.FAILED, "the state is not the one this browser was given"));
    }
    return accounts.signOnAllowed(address).recover(e -> Future.failedFuture(new Refusal(Refusal.Reason.LIMITED, e.getMessage())))
        .compose(v -> repository.take(hash(state)))
        .compose(pending -> pending.isEmpty() ? Future.failedFuture(new Refusal(Refusal.Reason.FAILED, "no sign-in under way has this state (used already?)"))
            : !pending.get().live() ? Future.failedFuture(new Refusal(Refusal.Reason.EXPIRED, "the sign-in took more than ten minutes"))
            : provider.exchange(code, pending.get().verifier())
                .recover(e -> Future.failedFuture(new Refusal(Refusal.Reason.FAILED, "code exchange: " + e.getMessage())))
                .compose(idToken -> verify(idToken, pending.get().nonce()).compose(claims -> admit(claims, idToken))))
        .recover(e -> refused(address, e));
  }

  private Future<AccountService.Login> admit(Claims claims, String idToken) {
    var key = UserService.ssoKey(oidc.issuer().toString(), claims.subject());
    var admission = new SignOnRepository.Admission(oidc.issuer().toString(), key, claims, Mapping.roles(oidc, claims.roleValues()),
        Mapping.departments(claims.departmentValues()), Mapping.givesAdmin(oidc));
    return repository.admit(admission)
        .compose(user -> accounts.providerSession(user, new AccountService.ProviderSession(key, claims.sid(), idToken)))
        .onSuccess(login -> LOG.info("{} signed in through the provider as {}", key, login.user().username()));
  }

  private Future<Claims> verify(String idToken, String nonce) {
    return provider.keys(false).compose(keys -> checked(() -> Tokens.idToken(idToken, keys, oidc, nonce, clock.instant())))
        .recover(e -> e instanceof Tokens.UnknownKey
            ? provider.keys(true).compose(keys -> checked(() -> Tokens.idToken(idToken, keys, oidc, nonce, clock.instant())))
            : Future.failedFuture(e))
        .recover(e -> Future.failedFuture(e instanceof Tokens.Refused ? new Refusal(Refusal.Reason.FAILED, "ID token: " + e.getMessage()) : e));
  }

  private interface Check<T> {
    T run() throws Tokens.Refused;
  }

  private static <T> Future<T> checked(Check<T> check) {
    try {
      return Future.succeededFuture(check.run());
    } catch (Tokens.Refused e) {
      return Future.failedFuture(e);
    }
  }

  /** A refusal is logged with its detail and counted against the address (as a wrong password is), unless the person cancelled. */
  private <T> Future<T> refused(String address, Throwable error) {
    var refusal = error instanceof Refusal r ? r : new Refusal(Refusal.Reason.FAILED, String.valueOf(error.getMessage()));
    LOG.warn("sign-in through the provider from {} refused: {}", address, refusal.getMessage());
    var counted = switch (refusal.reason) {
      case DENIED, EXPIRED, UNAVAILABLE, LIMITED -> Future.<Void>succeededFuture();
      default -> accounts.signOnRefused(address);
    };
    return counted.transform(v -> Future.failedFuture(refusal));
  }

  /** The person cancelled or the provider refused them: nothing to exchange. */
  Refusal denied(String error) {
    return new Refusal(Refusal.Reason.DENIED, "the provider answered " + error);
  }

  @Override
  public Future<Optional<String>> url(String idToken) {
    return provider.endpoints().map(e -> e.endSession().map(end -> end + (end.contains("?") ? "&" : "?")
            + "id_token_hint=" + Provider.encode(idToken) + "&post_logout_redirect_uri=" + Provider.encode(oidc.afterLogout().toString())
            + "&client_id=" + Provider.encode(oidc.clientId())))
        .otherwise(Optional.empty());
  }

  /** A back-channel logout: the sessions it names end on every node; false when the token does not verify. */
  Future<Integer> backChannel(String logoutToken) {
    return provider.keys(false).compose(keys -> checked(() -> Tokens.logoutToken(logoutToken, keys, oidc, clock.instant())))
        .recover(e -> e instanceof Tokens.UnknownKey
            ? provider.keys(true).compose(keys -> checked(() -> Tokens.logoutToken(logoutToken, keys, oidc, clock.instant())))
            : Future.failedFuture(e))
        .compose(logout -> accounts.endProviderSessions(logout.subject().map(s -> UserService.ssoKey(oidc.issuer().toString(), s)), logout.sid()))
        .onSuccess(ended -> LOG.info("the provider logged a person out: {} session(s) ended", ended));
  }

  /** Sign-ins never finished, past their ten minutes (the retention timer). */
  public static org.liandong.storage.Retention.Rule retention() {
    return SignOnRepository.retention();
  }

  private static String random() {
    var bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return URL64.encodeToString(bytes);
  }

  private static String hash(String state) {
    return HexFormat.of().formatHex(sha256(state));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
