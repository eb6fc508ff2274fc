package org.liandong.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How people sign in (docs/sso.md): through the district's identity provider by OpenID Connect
 * when the four LIANDONG_OIDC_* settings are given, and by password unless LIANDONG_LOCAL_LOGIN
 * is false (then only admins may).
 */
public record SignOn(Optional<Oidc> oidc, boolean localLogin) {

  /** The roles a provider's claims may give; a wall screen signs in by its kiosk link only. */
  static final List<String> ROLES = List.of("admin", "coordinator", "officer", "leader", "analyst");

  /**
   * The provider and how its claims become roles and a department: {@code roles} maps each role
   * to the claim values that give it (a value is compared with a leading path and "/" taken off,
   * as Keycloak writes groups, "/liandong-officer").
   */
  public record Oidc(URI issuer, String clientId, String clientSecret, URI redirectUrl, String roleClaim,
                     String departmentClaim, Map<String, List<String>> roles, List<String> scopes, int skewSeconds) {
    @Override
    public String toString() {
      return issuer + " (client " + clientId + ")";
    }

    /** Where the provider sends a person back after logging out there: the page's root, on the redirect's origin. */
    public URI afterLogout() {
      return redirectUrl.resolve("/");
    }
  }

  static final String DEFAULT_ROLES =
      "coordinator=liandong-coordinator,officer=liandong-officer,leader=liandong-leader,analyst=liandong-analyst";

  static SignOn from(Env env) {
    return new SignOn(oidc(env), env.bool("LIANDONG_LOCAL_LOGIN", true));
  }

  private static Optional<Oidc> oidc(Env env) {
    var names = List.of("LIANDONG_OIDC_ISSUER", "LIANDONG_OIDC_CLIENT_ID", "LIANDONG_OIDC_CLIENT_SECRET", "LIANDONG_OIDC_REDIRECT_URL");
    var given = names.stream().filter(n -> env.optional(n).isPresent()).toList();
    if (given.isEmpty()) return Optional.empty();
    if (given.size() < names.size()) {
      var missing = names.stream().filter(n -> !given.contains(n)).toList();
      throw new Env.BadSetting(missing.get(0), "", "a value: single sign-on needs all of " + String.join(", ", names));
    }
    var issuer = web(env, "LIANDONG_OIDC_ISSUER", "the provider's issuer, e.g. https://sso.example.gov.cn/realms/liandong");
    var redirect = web(env, "LIANDONG_OIDC_REDIRECT_URL", "this server's callback, e.g. https://liandong.example.gov.cn/auth/oidc/callback");
    if (!redirect.getPath().endsWith("/auth/oidc/callback")) {
      throw new Env.BadSetting("LIANDONG_OIDC_REDIRECT_URL", redirect.toString(), "an address ending in /auth/oidc/callback");
    }
    var scopes = env.list("LIANDONG_OIDC_SCOPES");
    return Optional.of(new Oidc(issuer, env.optional("LIANDONG_OIDC_CLIENT_ID").orElseThrow(),
        env.optional("LIANDONG_OIDC_CLIENT_SECRET").orElseThrow(), redirect,
        env.text("LIANDONG_OIDC_ROLE_CLAIM", "groups"), env.text("LIANDONG_OIDC_DEPARTMENT_CLAIM", "groups"),
        roles(env.text("LIANDONG_OIDC_ROLES", DEFAULT_ROLES)),
        scopes.isEmpty() ? List.of("openid", "profile", "email") : withOpenid(scopes),
        env.integer("LIANDONG_OIDC_CLOCK_SKEW_SECONDS", 60, 0, 600)));
  }

  private static List<String> withOpenid(List<String> scopes) {
    return scopes.contains("openid") ? scopes : java.util.stream.Stream.concat(java.util.stream.Stream.of("openid"), scopes.stream()).toList();
  }

  /** {@code role=value[|value...],...}: each role named once, from the roles a provider may give. */
  static Map<String, List<String>> roles(String text) {
    var accepted = "role=claim value[|claim value],... with roles from " + String.join(", ", ROLES)
        + ", e.g. " + DEFAULT_ROLES;
    var roles = new LinkedHashMap<String, List<String>>();
    for (var pair : text.split(",")) {
      var parts = pair.split("=", 2);
      var role = parts[0].strip();
      if (parts.length < 2 || !ROLES.contains(role) || roles.containsKey(role)) {
        throw new Env.BadSetting("LIANDONG_OIDC_ROLES", text, accepted);
      }
      var values = List.of(parts[1].split("\\|")).stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
      if (values.isEmpty()) throw new Env.BadSetting("LIANDONG_OIDC_ROLES", text, accepted);
      roles.put(role, values);
    }
    return Map.copyOf(roles);
  }

  private static URI web(Env env, String name, String accepted) {
    var text = env.optional(name).orElseThrow();
    try {
      var uri = new URI(text.replaceAll("/+$", ""));
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) return uri;
    } catch (URISyntaxException e) {
      // refused below
    }
    throw new Env.BadSetting(name, text, accepted);
  }
}
