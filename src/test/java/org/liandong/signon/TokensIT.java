package org.liandong.signon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.config.SignOn;

/**
 * The checks on the provider's tokens, on tokens a real Keycloak issued: an ID token from the
 * authorization code flow (with PKCE and a nonce, as the server asks for them) and a logout token
 * Keycloak posted to a receiver here. Each check is made to fail by changing one thing.
 */
class TokensIT {
  private static final Base64.Encoder URL64 = Base64.getUrlEncoder().withoutPadding();
  private static final String NONCE = "nonce-of-this-sign-in-0123456789";
  static Keycloak keycloak;
  static SignOn.Oidc oidc;
  static JWKSet keys;
  static String idToken;

  @BeforeAll
  static void signIn() throws Exception {
    keycloak = Keycloak.shared();
    oidc = settings(Keycloak.CLIENT);
    keys = JWKSet.load(URI.create(keycloak.issuer() + "/protocol/openid-connect/certs").toURL());
    idToken = idTokenFor("sso-officer");
  }

  static SignOn.Oidc settings(String client) {
    return new SignOn.Oidc(URI.create(keycloak.issuer()), client, Keycloak.SECRET, URI.create("http://127.0.0.1:9/auth/oidc/callback"),
        "groups", "groups", Map.of("officer", List.of("liandong-officer")), List.of("openid"), 60);
  }

  /** The code flow as the server runs it, by a browser at Keycloak's login page; the code exchanged with the verifier. */
  static String idTokenFor(String username) throws Exception {
    var verifier = "verifier-" + "x".repeat(50);
    var challenge = URL64.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    var redirect = "http://127.0.0.1:9/auth/oidc/callback";
    var authorization = keycloak.issuer() + "/protocol/openid-connect/auth?response_type=code&client_id=" + Keycloak.CLIENT
        + "&redirect_uri=" + Keycloak.encode(redirect) + "&scope=openid&state=s1&nonce=" + NONCE
        + "&code_challenge=" + challenge + "&code_challenge_method=S256";
    var back = new SignInAgent().logInAtProvider(authorization, username, "demo");
    var code = query(back).get("code");
    var token = Keycloak.form(keycloak.issuer() + "/protocol/openid-connect/token", Map.of("grant_type", "authorization_code",
        "code", code, "redirect_uri", redirect, "code_verifier", verifier, "client_id", Keycloak.CLIENT, "client_secret", Keycloak.SECRET));
    return new JsonObject(token.body()).getString("id_token");
  }

  static Map<String, String> query(String url) {
    var map = new java.util.HashMap<String, String>();
    for (var pair : URI.create(url).getRawQuery().split("&")) {
      var kv = pair.split("=", 2);
      map.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return map;
  }

  private static Instant issued() throws Exception {
    return SignedJWT.parse(idToken).getJWTClaimsSet().getIssueTime().toInstant();
  }

  @Test
  @DisplayName("a real ID token verifies: the subject, the Chinese name in its order, the groups the roles and department come from")
  void realTokenVerifies() throws Exception {
    var claims = Tokens.idToken(idToken, keys, oidc, NONCE, issued().plusSeconds(5));
    assertThat(claims.subject()).isEqualTo(keycloak.subject("sso-officer"));
    assertThat(claims.username()).isEqualTo("sso-officer");
    assertThat(claims.displayName()).isEqualTo("周明");
    assertThat(claims.email()).contains("zhou.ming@zj.example.gov.cn");
    assertThat(claims.roleValues()).contains("/liandong-officer", "/departments/d-zj-housing");
    assertThat(Mapping.roles(oidc, claims.roleValues())).containsExactly("officer");
    assertThat(Mapping.departments(claims.departmentValues())).contains("d-zj-housing");
  }

  @Test
  @DisplayName("a tampered ID token is refused: its claims changed (a coordinator's group added) under the provider's signature")
  void tamperedRefused() throws Exception {
    var parts = idToken.split("\\.");
    var payload = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    payload.getJsonArray("groups").add("/liandong-coordinator");
    var forged = parts[0] + "." + URL64.encodeToString(payload.encode().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    assertThatThrownBy(() -> Tokens.idToken(forged, keys, oidc, NONCE, issued())).isInstanceOf(Tokens.Refused.class)
        .hasMessageContaining("signature");
    var signatureBytes = Base64.getUrlDecoder().decode(parts[2]);
    signatureBytes[10] ^= 1;
    var flipped = parts[0] + "." + parts[1] + "." + URL64.encodeToString(signatureBytes);
    assertThatThrownBy(() -> Tokens.idToken(flipped, keys, oidc, NONCE, issued())).hasMessageContaining("signature");
  }

  @Test
  @DisplayName("another sign-in's nonce, another client, an expired token (past the skew) and a token from the future are refused")
  void claimsChecked() throws Exception {
    assertThatThrownBy(() -> Tokens.idToken(idToken, keys, oidc, "another-nonce", issued())).hasMessageContaining("nonce");
    assertThatThrownBy(() -> Tokens.idToken(idToken, keys, settings("another-client"), NONCE, issued())).hasMessageContaining("client");
    var expires = SignedJWT.parse(idToken).getJWTClaimsSet().getExpirationTime().toInstant();
    assertThat(Tokens.idToken(idToken, keys, oidc, NONCE, expires.plusSeconds(59)).username()).isEqualTo("sso-officer");
    assertThatThrownBy(() -> Tokens.idToken(idToken, keys, oidc, NONCE, expires.plusSeconds(61))).hasMessageContaining("expired");
    assertThatThrownBy(() -> Tokens.idToken(idToken, keys, oidc, NONCE, issued().minusSeconds(120))).hasMessageContaining("future");
  }

  @Test
  @DisplayName("a token signed by a key the provider never published, or by the client's secret, or unsigned, is refused")
  void foreignKeysRefused() throws Exception {
    var claims = SignedJWT.parse(idToken).getJWTClaimsSet();
    var rogue = new RSAKeyGenerator(2048).keyID("rogue").generate();
    var unknown = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rogue").build(), claims);
    unknown.sign(new RSASSASigner(rogue));
    assertThatThrownBy(() -> Tokens.idToken(unknown.serialize(), keys, oidc, NONCE, issued())).isInstanceOf(Tokens.UnknownKey.class);
    var kid = SignedJWT.parse(idToken).getHeader().getKeyID();
    var impostor = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
    impostor.sign(new RSASSASigner(new RSAKeyGenerator(2048).keyID(kid).generate()));
    assertThatThrownBy(() -> Tokens.idToken(impostor.serialize(), keys, oidc, NONCE, issued())).hasMessageContaining("signature");
    var hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    hmac.sign(new MACSigner((Keycloak.SECRET + Keycloak.SECRET).getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(() -> Tokens.idToken(hmac.serialize(), keys, oidc, NONCE, issued())).hasMessageContaining("HS256");
    var none = new com.nimbusds.jwt.PlainJWT(claims).serialize();
    assertThatThrownBy(() -> Tokens.idToken(none, keys, oidc, NONCE, issued())).isInstanceOf(Tokens.Refused.class);
  }

  @Test
  @DisplayName("the logout token Keycloak posts when a person is signed out there verifies and names them; an ID token is no logout token")
  void logoutToken() throws Exception {
    var received = new ArrayBlockingQueue<String>(4);
    var receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/logout", exchange -> {
      var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(URLDecoder.decode(body.replaceFirst("^logout_token=", ""), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    receiver.start();
    try {
      keycloak.backChannelTo("http://127.0.0.1:" + receiver.getAddress().getPort() + "/logout");
      idTokenFor("sso-coordinator");
      keycloak.logOut("sso-coordinator");
      var token = received.poll(20, TimeUnit.SECONDS);
      assertThat(token).as("Keycloak's back-channel logout").isNotNull();
      var at = SignedJWT.parse(token).getJWTClaimsSet().getIssueTime().toInstant();
      var logout = Tokens.logoutToken(token, keys, oidc, at);
      assertThat(logout.subject()).contains(keycloak.subject("sso-coordinator"));
      assertThat(logout.sid()).isPresent();
      assertThatThrownBy(() -> Tokens.logoutToken(idToken, keys, oidc, issued())).hasMessageContaining("logout event");
    } finally {
      receiver.stop(0);
    }
  }
}
