package org.liandong.signon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.config.SignOn;

class MappingTest {
  private static SignOn.Oidc oidc(Map<String, List<String>> roles) {
    return new SignOn.Oidc(URI.create("https://sso.example/realms/x"), "liandong", "secret", URI.create("https://l.example/auth/oidc/callback"),
        "groups", "groups", roles, List.of("openid"), 60);
  }

  @Test
  @DisplayName("roles: a value as written, without its leading slash, or by its last path segment; nothing else")
  void roles() {
    var defaults = oidc(Map.of("officer", List.of("liandong-officer"), "leader", List.of("liandong-leader"),
        "analyst", List.of("ops/analysts")));
    assertThat(Mapping.roles(defaults, List.of("/liandong-officer", "/departments/d-zj-housing"))).containsExactly("officer");
    assertThat(Mapping.roles(defaults, List.of("liandong-leader", "/zj/liandong-officer"))).containsExactly("leader", "officer");
    assertThat(Mapping.roles(defaults, List.of("/ops/analysts"))).containsExactly("analyst");
    assertThat(Mapping.roles(defaults, List.of("liandong-officers", "officer", "/liandong-officer/extra"))).isEmpty();
    assertThat(Mapping.roles(defaults, List.of())).isEmpty();
    assertThat(Mapping.givesAdmin(defaults)).isFalse();
    assertThat(Mapping.givesAdmin(oidc(Map.of("admin", List.of("ops"))))).isTrue();
  }

  @Test
  @DisplayName("departments: each value's last path segment, in the claim's order, once")
  void departments() {
    assertThat(Mapping.departments(List.of("/liandong-officer", "/departments/d-zj-housing", "d-zj-housing", "/x/")))
        .containsExactly("liandong-officer", "d-zj-housing");
  }

  @Test
  @DisplayName("claims: a Chinese name as family then given name; other names as the provider writes them; values at a dotted path")
  void claims() {
    assertThat(Claims.name(Map.of("given_name", "明", "family_name", "周", "name", "明 周"))).contains("周明");
    assertThat(Claims.name(Map.of("given_name", "Lei", "family_name", "Wu", "name", "Lei Wu"))).contains("Lei Wu");
    assertThat(Claims.name(Map.of("name", "王强"))).contains("王强");
    assertThat(Claims.name(Map.of())).isEmpty();
    var json = Map.<String, Object>of("realm_access", Map.of("roles", List.of("officer", 7, "leader")), "dept", "d-zj-housing");
    assertThat(Claims.values(json, "realm_access.roles")).containsExactly("officer", "leader");
    assertThat(Claims.values(json, "dept")).containsExactly("d-zj-housing");
    assertThat(Claims.values(json, "realm_access.missing")).isEmpty();
    assertThat(Claims.values(json, "dept.deeper")).isEmpty();
  }
}
