package org.liandong.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The page's one inline script, its import map")
class HeadersTest {
  private static String page() throws IOException {
    try (var in = HeadersTest.class.getClassLoader().getResourceAsStream("webroot/index.html")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  @DisplayName("every module the import map names is served from a WebJar on the class path (a bumped version in pom.xml fails here, not in a browser)")
  void everyModuleIsThere() throws IOException {
    var m = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL).matcher(page());
    assertThat(m.find()).isTrue();
    var imports = new JsonObject(m.group(1)).getJsonObject("imports");
    assertThat(imports.fieldNames()).contains("lit", "lit-html", "@lit/reactive-element", "lit-element/");
    for (var name : imports.fieldNames()) {
      var target = imports.getString(name);
      assertThat(target).startsWith("/webjars/");
      var resource = "META-INF/resources" + target + (target.endsWith("/") ? "package.json" : "");
      assertThat(getClass().getClassLoader().getResource(resource)).as(name + " → " + target).isNotNull();
    }
  }

  @Test
  @DisplayName("the policy allows exactly that script, by the hash of its text, and no other inline script")
  void policyAllowsTheMapByItsHash() throws Exception {
    var m = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL).matcher(page());
    assertThat(m.find()).isTrue();
    var hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(m.group(1).getBytes(StandardCharsets.UTF_8)));
    assertThat(Headers.importMapHash("webroot/index.html")).isEqualTo("'sha256-" + hash + "'");
    assertThat(page().split("<script").length - 1).as("the map and main.js").isEqualTo(2);
  }
}
