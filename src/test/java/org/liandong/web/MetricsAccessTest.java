package org.liandong.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Who may read /metrics")
class MetricsAccessTest {

  @Test
  @DisplayName("with a token: whoever sends it as a bearer token, from anywhere; anyone else 401, this host too")
  void withToken() {
    var access = new MetricsAccess(Optional.of("prometheus-scrape-2026"));
    assertThat(access.decide("10.1.2.3", "Bearer prometheus-scrape-2026")).isEqualTo(200);
    assertThat(access.decide("127.0.0.1", null)).isEqualTo(401);
    assertThat(access.decide("127.0.0.1", "Bearer prometheus-scrape-2025")).isEqualTo(401);
    assertThat(access.decide("10.1.2.3", "Basic cHJvbWV0aGV1cw==")).isEqualTo(401);
  }

  @Test
  @DisplayName("without a token: this host only (IPv4 and IPv6 loopback); another host 403")
  void withoutToken() {
    var access = new MetricsAccess(Optional.empty());
    assertThat(access.decide("127.0.0.1", null)).isEqualTo(200);
    assertThat(access.decide("0:0:0:0:0:0:0:1", null)).isEqualTo(200);
    assertThat(access.decide("10.1.2.3", null)).isEqualTo(403);
    assertThat(access.decide("10.1.2.3", "Bearer anything-at-all-here")).isEqualTo(403);
  }
}
