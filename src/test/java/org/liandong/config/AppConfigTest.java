package org.liandong.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

@DisplayName("Settings are read strictly")
class AppConfigTest {

  @Test
  @DisplayName("nothing set gives README's defaults")
  void defaults() {
    var config = AppConfig.from(Map.of());
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.demo()).isFalse();
    assertThat(config.zone().getId()).isEqualTo("Asia/Shanghai");
    assertThat(config.console().perUser()).isEqualTo(2);
    assertThat(config.logins().perAccount()).isEqualTo(5);
    assertThat(config.retention().changes().toDays()).isEqualTo(1825);
    assertThat(config.embedded()).isTrue();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
      "LIANDONG_DEMO, ture, true or false",
      "LIANDONG_SECURE_COOKIES, yes, true or false",
      "LIANDONG_SESSION_HOURS, twelve, whole number",
      "LIANDONG_SESSION_HOURS, 0, whole number",
      "LIANDONG_HTTP_PORT, 70000, whole number",
      "LIANDONG_TIMEZONE, Mars/Olympus, time-zone",
      "LIANDONG_REPLAY_WINDOW, -1, whole number",
      "LIANDONG_CONSOLE_TIMEOUT_SECONDS, 1e3, whole number",
      "NEO4J_URI, http://db:7474, bolt://",
      "LIANDONG_LOGIN_FAILURES_PER_ACCOUNT, many, whole number",
      "LIANDONG_TEMPLATES_DIR, /no/such/folder, an existing folder"})
  @DisplayName("a bad value stops the start-up with one line naming the variable and what it accepts")
  void refused(String name, String value, String accepted) {
    assertThatThrownBy(() -> AppConfig.from(Map.of(name, value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(name).hasMessageContaining(value).hasMessageContaining(accepted)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  @DisplayName("clustered mode: needs NEO4J_URI (the embedded Neo4j is refused in one line), members as host:port")
  void clusterSettings() {
    assertThatThrownBy(() -> AppConfig.from(Map.of("LIANDONG_CLUSTER", "true")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs NEO4J_URI");
    assertThatThrownBy(() -> AppConfig.from(Map.of("LIANDONG_CLUSTER", "true", "NEO4J_URI", "neo4j://db:7687",
        "LIANDONG_CLUSTER_MEMBERS", "node1:5701,node2")))
        .hasMessageContaining("LIANDONG_CLUSTER_MEMBERS").hasMessageContaining("host:port");
    var config = AppConfig.from(Map.of("LIANDONG_CLUSTER", "true", "NEO4J_URI", "neo4j://db:7687",
        "LIANDONG_CLUSTER_MEMBERS", "10.0.0.1:5701, 10.0.0.2:5701", "LIANDONG_CLUSTER_HOST", "10.0.0.1"));
    assertThat(config.cluster().members()).containsExactly("10.0.0.1:5701", "10.0.0.2:5701");
    assertThat(config.cluster().host()).isEqualTo("10.0.0.1");
    assertThat(config.cluster().port()).isEqualTo(5701);
    assertThat(AppConfig.from(Map.of()).cluster().enabled()).isFalse();
  }

  @Test
  @DisplayName("the metrics token: at least 16 printable characters, never echoed when refused; none by default")
  void metricsToken() {
    assertThat(AppConfig.from(Map.of()).metricsToken()).isEmpty();
    assertThat(AppConfig.from(Map.of("LIANDONG_METRICS_TOKEN", "prometheus-scrape-2026")).metricsToken()).contains("prometheus-scrape-2026");
    for (var bad : new String[] {"short-secret", "has a space in it ok"}) {
      assertThatThrownBy(() -> AppConfig.from(Map.of("LIANDONG_METRICS_TOKEN", bad)))
          .hasMessageContaining("LIANDONG_METRICS_TOKEN").hasMessageContaining("at least 16").hasMessageNotContaining(bad);
    }
  }

  @Test
  @DisplayName("reach: nothing is sent by default; the SMTP login comes from the URL or its own settings and is never echoed when refused")
  void reach() {
    var none = AppConfig.from(Map.of()).reach();
    assertThat(none.any()).isFalse();
    assertThat(none.publicUrl()).hasToString("http://localhost:8080");
    var mail = AppConfig.from(Map.of("LIANDONG_SMTP_URL", "smtps://liandong:s3cret@mail.zhenjiang.gov.cn",
        "LIANDONG_MAIL_FROM", "liandong@zhenjiang.gov.cn", "LIANDONG_PUBLIC_URL", "https://liandong.zhenjiang.gov.cn/")).reach();
    var smtp = mail.smtp().orElseThrow();
    assertThat(smtp.ssl()).isTrue();
    assertThat(smtp.port()).isEqualTo(465);
    assertThat(smtp.user()).contains("liandong");
    assertThat(smtp.password()).contains("s3cret");
    assertThat(smtp.toString()).doesNotContain("s3cret");
    assertThat(mail.publicUrl()).hasToString("https://liandong.zhenjiang.gov.cn");
    var own = AppConfig.from(Map.of("LIANDONG_SMTP_URL", "smtp://mail:2525", "LIANDONG_SMTP_USER", "u", "LIANDONG_SMTP_PASSWORD", "p@ss/word",
        "LIANDONG_MAIL_FROM", "a@b.cn")).reach().smtp().orElseThrow();
    assertThat(own.port()).isEqualTo(2525);
    assertThat(own.password()).contains("p@ss/word");
    assertThatThrownBy(() -> AppConfig.from(Map.of("LIANDONG_SMTP_URL", "smtp://mail:25"))).hasMessageContaining("LIANDONG_MAIL_FROM");
    assertThatThrownBy(() -> AppConfig.from(Map.of("LIANDONG_SMTP_URL", "imap://u:hunter22@mail", "LIANDONG_MAIL_FROM", "a@b.cn")))
        .hasMessageContaining("LIANDONG_SMTP_URL").hasMessageNotContaining("hunter22");
    assertThatThrownBy(() -> AppConfig.from(Map.of("LIANDONG_SMS_URL", "http://gateway/sms", "LIANDONG_SMS_SECRET", "short")))
        .hasMessageContaining("LIANDONG_SMS_SECRET").hasMessageNotContaining("short");
    assertThat(AppConfig.from(Map.of("LIANDONG_SMS_URL", "http://gateway/sms", "LIANDONG_SMS_SECRET", "a-long-enough-secret")).reach().sms())
        .isPresent();
  }

  @Test
  @DisplayName("single sign-on: off by default; all four settings or none; roles mapped only to roles a provider may give; the secret never echoed")
  void signOn() {
    var none = AppConfig.from(Map.of()).signOn();
    assertThat(none.oidc()).isEmpty();
    assertThat(none.localLogin()).isTrue();
    var four = Map.of("LIANDONG_OIDC_ISSUER", "https://sso.zj.gov.cn/realms/liandong/", "LIANDONG_OIDC_CLIENT_ID", "liandong",
        "LIANDONG_OIDC_CLIENT_SECRET", "s3cret-value", "LIANDONG_OIDC_REDIRECT_URL", "https://liandong.zj.gov.cn/auth/oidc/callback");
    var oidc = AppConfig.from(four).signOn().oidc().orElseThrow();
    assertThat(oidc.issuer()).hasToString("https://sso.zj.gov.cn/realms/liandong");
    assertThat(oidc.roles()).containsEntry("officer", java.util.List.of("liandong-officer")).doesNotContainKey("admin");
    assertThat(oidc.scopes()).containsExactly("openid", "profile", "email");
    assertThat(oidc.skewSeconds()).isEqualTo(60);
    assertThat(oidc.afterLogout()).hasToString("https://liandong.zj.gov.cn/");
    assertThat(oidc.toString()).doesNotContain("s3cret-value");
    var mapped = new java.util.HashMap<>(four);
    mapped.putAll(Map.of("LIANDONG_OIDC_ROLES", "admin=/ops/admins, officer = staff|clerks", "LIANDONG_OIDC_SCOPES", "profile,groups",
        "LIANDONG_LOCAL_LOGIN", "false"));
    var custom = AppConfig.from(mapped).signOn();
    assertThat(custom.localLogin()).isFalse();
    assertThat(custom.oidc().orElseThrow().roles()).containsEntry("officer", java.util.List.of("staff", "clerks")).containsKey("admin");
    assertThat(custom.oidc().orElseThrow().scopes()).containsExactly("openid", "profile", "groups");
    var partial = new java.util.HashMap<>(four);
    partial.remove("LIANDONG_OIDC_CLIENT_ID");
    assertThatThrownBy(() -> AppConfig.from(partial)).hasMessageContaining("LIANDONG_OIDC_CLIENT_ID").hasMessageNotContaining("s3cret-value");
    for (var bad : new String[] {"wall=screens", "officer", "chief=bosses", "officer=a,officer=b", "officer="}) {
      var roles = new java.util.HashMap<>(four);
      roles.put("LIANDONG_OIDC_ROLES", bad);
      assertThatThrownBy(() -> AppConfig.from(roles)).hasMessageContaining("LIANDONG_OIDC_ROLES");
    }
    var wrongCallback = new java.util.HashMap<>(four);
    wrongCallback.put("LIANDONG_OIDC_REDIRECT_URL", "https://liandong.zj.gov.cn/");
    assertThatThrownBy(() -> AppConfig.from(wrongCallback)).hasMessageContaining("/auth/oidc/callback");
  }

  @Test
  @DisplayName("accepted spellings: TRUE and False, spaces around numbers")
  void lenientWhereHarmless() {
    var config = AppConfig.from(Map.of("LIANDONG_DEMO", "TRUE", "LIANDONG_SESSION_HOURS", " 8 ", "NEO4J_URI", "neo4j://db:7687"));
    assertThat(config.demo()).isTrue();
    assertThat(config.sessionTtl().toHours()).isEqualTo(8);
    assertThat(config.embedded()).isFalse();
  }
}
