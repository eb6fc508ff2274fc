package org.liandong.signon;

import com.nimbusds.jose.jwk.JWKSet;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.liandong.config.SignOn;

/**
 * The identity provider as the server talks to it: its endpoints from the discovery document
 * (fetched at the first sign-in and again after a failure), its published keys (fetched again
 * when a token names a key not among them, at most every 30 seconds), and the code exchange.
 */
final class Provider {
  private static final long KEYS_AGAIN_MS = 30_000;

  /** The endpoints the discovery document gives; the end-session endpoint only where the provider has one. */
  record Endpoints(String authorization, String token, String jwks, Optional<String> endSession) {}

  private final HttpClient http;
  private final SignOn.Oidc oidc;
  private final Clock clock;
  // read and reset from whichever event loop serves a sign-in: a race costs at most one fetch more
  private volatile Future<Endpoints> endpoints;
  private volatile Future<JWKSet> keys;
  private volatile long keysAt;

  Provider(Vertx vertx, SignOn.Oidc oidc, Clock clock) {
    this.oidc = oidc;
    this.clock = clock;
    this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(10_000));
  }

  SignOn.Oidc settings() {
    return oidc;
  }

  Future<Endpoints> endpoints() {
    if (endpoints == null) {
      endpoints = get(oidc.issuer() + "/.well-known/openid-configuration").map(this::endpoints)
          .onFailure(e -> endpoints = null);
    }
    return endpoints;
  }

  private Endpoints endpoints(Buffer body) {
    var doc = body.toJsonObject();
    var issuer = doc.getString("issuer", "");
    if (!issuer.replaceAll("/+$", "").equals(oidc.issuer().toString())) {
      throw new IllegalStateException("the discovery document names issuer " + issuer + ", not " + oidc.issuer());
    }
    return new Endpoints(required(doc, "authorization_endpoint"), required(doc, "token_endpoint"), required(doc, "jwks_uri"),
        Optional.ofNullable(doc.getString("end_session_endpoint")));
  }

  private static String required(JsonObject doc, String name) {
    var value = doc.getString(name);
    if (value == null || value.isBlank()) throw new IllegalStateException("the discovery document has no " + name);
    return value;
  }

  /** The published keys; {@code again}: a token named a key not among them, so ask once more (not too often). */
  Future<JWKSet> keys(boolean again) {
    if (keys == null || again && clock.millis() - keysAt > KEYS_AGAIN_MS) {
      keysAt = clock.millis();
      keys = endpoints().compose(e -> get(e.jwks())).map(body -> {
        try {
          return JWKSet.parse(body.toString(StandardCharsets.UTF_8));
        } catch (ParseException e) {
          throw new IllegalStateException("the provider's keys cannot be read: " + e.getMessage());
        }
      }).onFailure(e -> keys = null);
    }
    return keys;
  }

  /** The ID token for an authorization code, proving this sign-in started it (PKCE) and this client asks (its secret). */
  Future<String> exchange(String code, String verifier) {
    var form = MultiMap.caseInsensitiveMultiMap().add("grant_type", "authorization_code").add("code", code)
        .add("redirect_uri", oidc.redirectUrl().toString()).add("code_verifier", verifier);
    return endpoints().compose(e -> post(e.token(), form)).map(body -> {
      var answer = body.toJsonObject();
      var idToken = answer.getString("id_token");
      if (idToken == null) throw new IllegalStateException("the token endpoint gave no id_token");
      return idToken;
    });
  }

  private Future<Buffer> get(String url) {
    return send(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url).putHeader("Accept", "application/json"), Buffer.buffer());
  }

  private Future<Buffer> post(String url, MultiMap form) {
    var body = new StringBuilder();
    form.forEach(e -> body.append(body.isEmpty() ? "" : "&").append(encode(e.getKey())).append('=').append(encode(e.getValue())));
    var basic = Base64.getEncoder().encodeToString((encode(oidc.clientId()) + ":" + encode(oidc.clientSecret())).getBytes(StandardCharsets.UTF_8));
    return send(new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url)
        .putHeader("Content-Type", "application/x-www-form-urlencoded").putHeader("Accept", "application/json")
        .putHeader("Authorization", "Basic " + basic), Buffer.buffer(body.toString()));
  }

  private Future<Buffer> send(RequestOptions options, Buffer body) {
    return http.request(options.setTimeout(15_000)).compose(request -> request.send(body))
        .compose(response -> response.body().compose(answer -> response.statusCode() / 100 == 2 ? Future.succeededFuture(answer)
            : Future.failedFuture(new IllegalStateException("the provider answered " + response.statusCode() + " at "
                + options.getURI() + ": " + clip(answer)))));
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String clip(Buffer answer) {
    var text = answer.toString(StandardCharsets.UTF_8);
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
