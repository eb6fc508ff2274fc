package org.liandong.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.config.AppConfig;

/** The login limits as the graph keeps them for every node (the shared test server's Neo4j), on a clock moved by hand. */
@DisplayName("Login limits on a fixed clock")
class LoginLimitsIT {
  /** A clock the test moves by hand. */
  static final class Hand extends Clock {
    Instant now = Instant.parse("2026-12-01T01:00:00Z");

    @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }

  private final Hand clock = new Hand();
  private final LoginLimits limits = new LoginLimits(org.liandong.TestServer.get().graph(),
      new AppConfig.Logins(5, 30, Duration.ofMinutes(15), 1), clock);
  /** Accounts and addresses of their own in the shared graph. */
  private final String run = java.util.UUID.randomUUID().toString().substring(0, 8);

  @Test
  @DisplayName("the sixth try after five failures waits until the first failure leaves the 15-minute window")
  void perAccount() {
    for (int i = 0; i < 5; i++) {
      assertThat(limits.retryAfter("li-" + run, "10.0.0.1-" + run).await()).isEmpty();
      limits.failed("li-" + run, "10.0.0.1-" + run).await();
      clock.now = clock.now.plusSeconds(60);
    }
    assertThat(limits.retryAfter("li-" + run, "10.0.0.1-" + run).await()).hasValue(601);
    assertThat(limits.retryAfter("wang-" + run, "10.0.0.2-" + run).await()).as("another account elsewhere").isEmpty();
    clock.now = clock.now.plusSeconds(601);
    assertThat(limits.retryAfter("li-" + run, "10.0.0.1-" + run).await()).isEmpty();
  }

  @Test
  @DisplayName("thirty failures from one address across accounts lock that address; a success clears only the account")
  void perAddress() {
    for (int i = 0; i < 30; i++) limits.failed("user-" + run + i, "10.9.9.9-" + run).await();
    assertThat(limits.retryAfter("someone-else", "10.9.9.9-" + run).await()).isPresent();
    assertThat(limits.retryAfter("someone-else", "10.9.9.8-" + run).await()).isEmpty();
    for (int i = 0; i < 4; i++) limits.failed("zhao-" + run, "10.0.0.3-" + run).await();
    limits.succeeded("zhao-" + run).await();
    limits.failed("zhao-" + run, "10.0.0.3-" + run).await();
    assertThat(limits.retryAfter("zhao-" + run, "10.0.0.4-" + run).await()).isEmpty();
  }
}
