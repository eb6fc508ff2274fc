package org.liandong.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.AppConfig;

@DisplayName("Login limits on a fixed clock")
class LoginLimitsTest {
  /** A clock the test moves by hand. */
  static final class Hand extends Clock {
    Instant now = Instant.parse("2026-12-01T01:00:00Z");

    @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }

  private final Hand clock = new Hand();
  private final LoginLimits limits = new LoginLimits(new AppConfig.Logins(5, 30, Duration.ofMinutes(15), 1), clock);

  @Test
  @DisplayName("the sixth try after five failures waits until the first failure leaves the 15-minute window")
  void perAccount() {
    for (int i = 0; i < 5; i++) {
      assertThat(limits.retryAfter("li", "10.0.0.1")).isEmpty();
      limits.failed("li", "10.0.0.1");
      clock.now = clock.now.plusSeconds(60);
    }
    assertThat(limits.retryAfter("li", "10.0.0.1")).hasValue(601);
    assertThat(limits.retryAfter("wang", "10.0.0.2")).as("another account elsewhere").isEmpty();
    clock.now = clock.now.plusSeconds(601);
    assertThat(limits.retryAfter("li", "10.0.0.1")).isEmpty();
  }

  @Test
  @DisplayName("thirty failures from one address across accounts lock that address; a success clears only the account")
  void perAddress() {
    for (int i = 0; i < 30; i++) limits.failed("user" + i, "10.9.9.9");
    assertThat(limits.retryAfter("someone-else", "10.9.9.9")).isPresent();
    assertThat(limits.retryAfter("someone-else", "10.9.9.8")).isEmpty();
    for (int i = 0; i < 4; i++) limits.failed("zhao", "10.0.0.3");
    limits.succeeded("zhao");
    limits.failed("zhao", "10.0.0.3");
    assertThat(limits.retryAfter("zhao", "10.0.0.4")).isEmpty();
  }
}
