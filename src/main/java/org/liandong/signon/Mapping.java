package org.liandong.signon;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.liandong.config.SignOn;

/**
 * The documented mapping from the provider's claims to Liandong's roles and department
 * (docs/sso.md). A claim value matches a configured value as written, without a leading "/",
 * or by its last path segment (Keycloak writes a group as its path, "/departments/d-zj-housing").
 */
final class Mapping {
  private Mapping() {}

  static Set<String> roles(SignOn.Oidc oidc, List<String> values) {
    var roles = new TreeSet<String>();
    oidc.roles().forEach((role, wanted) -> {
      if (values.stream().anyMatch(v -> wanted.stream().anyMatch(w -> matches(v, w)))) roles.add(role);
    });
    return roles;
  }

  /** The department ids the values may name, in their order: each value's last path segment. */
  static List<String> departments(List<String> values) {
    return values.stream().map(Mapping::last).filter(v -> !v.isEmpty()).distinct().toList();
  }

  static boolean matches(String value, String wanted) {
    return value.equals(wanted) || strip(value).equals(strip(wanted)) || last(value).equals(strip(wanted));
  }

  private static String strip(String value) {
    return value.startsWith("/") ? value.substring(1) : value;
  }

  private static String last(String value) {
    return value.substring(value.lastIndexOf('/') + 1);
  }

  /** Whether the mapping may give the admin role (else an admin keeps it, granted here). */
  static boolean givesAdmin(SignOn.Oidc oidc) {
    return oidc.roles().containsKey("admin");
  }
}
