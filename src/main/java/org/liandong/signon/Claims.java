package org.liandong.signon;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.liandong.config.SignOn;

/**
 * What Liandong takes from a verified ID token: who (the provider's stable subject), their
 * session there, how to name them, and the claim values the roles and the department come from.
 */
record Claims(String subject, Optional<String> sid, String username, String displayName, Optional<String> email,
              List<String> roleValues, List<String> departmentValues) {

  static Claims of(JWTClaimsSet set, SignOn.Oidc oidc) {
    var json = set.toJSONObject();
    var subject = set.getSubject();
    var username = text(json, "preferred_username").orElse(subject);
    var verified = Boolean.TRUE.equals(json.get("email_verified"));
    return new Claims(subject, text(json, "sid"), username, name(json).orElse(username),
        verified ? text(json, "email") : Optional.empty(), values(json, oidc.roleClaim()), values(json, oidc.departmentClaim()));
  }

  /**
   * The person's name as they write it: a Chinese name is family name then given name with no
   * space (周明), which a provider's "given family" full name gets wrong (明 周).
   */
  static Optional<String> name(Map<String, Object> json) {
    var given = text(json, "given_name");
    var family = text(json, "family_name");
    if (given.isPresent() && family.isPresent() && (cjk(given.get()) || cjk(family.get()))) {
      return Optional.of(family.get() + given.get());
    }
    return text(json, "name");
  }

  private static boolean cjk(String text) {
    return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  private static Optional<String> text(Map<String, Object> json, String name) {
    return json.get(name) instanceof String s && !s.isBlank() ? Optional.of(s.strip()) : Optional.empty();
  }

  /** The text values at a claim path ({@code groups}, {@code realm_access.roles}): one string or a list of them. */
  static List<String> values(Map<String, Object> json, String path) {
    Object at = json;
    for (var step : path.split("\\.")) {
      at = at instanceof Map<?, ?> map ? map.get(step) : null;
    }
    var found = new ArrayList<String>();
    if (at instanceof String s) found.add(s);
    if (at instanceof Collection<?> list) for (var v : list) if (v instanceof String s) found.add(s);
    return List.copyOf(found);
  }
}
