package org.liandong.signon;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.liandong.config.SignOn;

/**
 * Checks the tokens the provider signs, on the server's clock with the configured skew: an ID
 * token (OpenID Connect Core 3.1.3.7: signature by a published key, issuer, audience, authorised
 * party, expiry, issue time, nonce) and a back-channel logout token (Back-Channel Logout 1.0,
 * 2.6: the same, its event, no nonce, a subject or a session).
 */
final class Tokens {
  static final String LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

  private Tokens() {}

  /** Why a token was refused; the server's log says which check, the person sees that sign-in failed. */
  static class Refused extends Exception {
    Refused(String why) {
      super(why);
    }
  }

  /** The token names a key the provider has not published, or not yet: the keys are fetched again, once. */
  static final class UnknownKey extends Refused {
    UnknownKey(String kid) {
      super("no published key " + kid);
    }
  }

  /** A logout from the provider: its subject, and its session there when it names one. */
  record Logout(Optional<String> subject, Optional<String> sid) {}

  static Claims idToken(String jwt, JWKSet keys, SignOn.Oidc oidc, String nonce, Instant now) throws Refused {
    var claims = verified(jwt, keys, oidc);
    var skew = oidc.skewSeconds() * 1000L;
    require(claims.getExpirationTime() != null && now.toEpochMilli() < claims.getExpirationTime().getTime() + skew, "expired");
    require(notFuture(claims.getIssueTime(), now, skew), "issued in the future or without an issue time");
    require(nonce.equals(text(claims, "nonce")), "the nonce is not the one this sign-in sent");
    var azp = text(claims, "azp");
    require(azp == null || azp.equals(oidc.clientId()), "issued to another party");
    require(claims.getSubject() != null && !claims.getSubject().isBlank(), "no subject");
    return Claims.of(claims, oidc);
  }

  static Logout logoutToken(String jwt, JWKSet keys, SignOn.Oidc oidc, Instant now) throws Refused {
    var claims = verified(jwt, keys, oidc);
    var skew = oidc.skewSeconds() * 1000L;
    require(notFuture(claims.getIssueTime(), now, skew), "issued in the future or without an issue time");
    require(claims.getExpirationTime() == null || now.toEpochMilli() < claims.getExpirationTime().getTime() + skew, "expired");
    require(claims.getClaim("events") instanceof Map<?, ?> events && events.containsKey(LOGOUT_EVENT), "not a logout event");
    require(claims.getClaim("nonce") == null, "a logout token carries no nonce");
    var logout = new Logout(Optional.ofNullable(claims.getSubject()), Optional.ofNullable(text(claims, "sid")));
    require(logout.subject().isPresent() || logout.sid().isPresent(), "names neither a subject nor a session");
    return logout;
  }

  /** The claims of a token signed by one of the provider's keys, issued by it, for this client. */
  private static JWTClaimsSet verified(String jwt, JWKSet keys, SignOn.Oidc oidc) throws Refused {
    try {
      var signed = SignedJWT.parse(jwt);
      var algorithm = signed.getHeader().getAlgorithm();
      require(JWSAlgorithm.Family.RSA.contains(algorithm) || JWSAlgorithm.Family.EC.contains(algorithm),
          "signed with " + algorithm + ", not a published key's algorithm");
      var kid = signed.getHeader().getKeyID();
      var key = keys.getKeys().stream()
          .filter(k -> kid == null || kid.equals(k.getKeyID()))
          .filter(k -> k.getKeyUse() == null || KeyUse.SIGNATURE.equals(k.getKeyUse()))
          .filter(k -> k.getAlgorithm() == null || k.getAlgorithm().equals(algorithm))
          .filter(k -> k instanceof RSAKey ? JWSAlgorithm.Family.RSA.contains(algorithm) : k instanceof ECKey)
          .findFirst().orElseThrow(() -> new UnknownKey(String.valueOf(kid)));
      require(signed.verify(verifier(key)), "the signature does not verify");
      var claims = signed.getJWTClaimsSet();
      require(same(oidc.issuer().toString(), claims.getIssuer()), "issued by " + claims.getIssuer());
      require(claims.getAudience() != null && claims.getAudience().contains(oidc.clientId()), "not issued for this client");
      return claims;
    } catch (ParseException e) {
      throw new Refused("not a signed token: " + e.getMessage());
    } catch (JOSEException e) {
      throw new Refused("cannot check its signature: " + e.getMessage());
    }
  }

  private static JWSVerifier verifier(JWK key) throws JOSEException {
    return key instanceof RSAKey rsa ? new RSASSAVerifier(rsa) : new ECDSAVerifier((ECKey) key);
  }

  private static boolean same(String configured, String issuer) {
    return issuer != null && configured.replaceAll("/+$", "").equals(issuer.replaceAll("/+$", ""));
  }

  private static boolean notFuture(Date issued, Instant now, long skew) {
    return issued != null && issued.getTime() <= now.toEpochMilli() + skew;
  }

  private static String text(JWTClaimsSet claims, String name) {
    return claims.getClaim(name) instanceof String s ? s : null;
  }

  private static void require(boolean holds, String why) throws Refused {
    if (!holds) throw new Refused(why);
  }
}
