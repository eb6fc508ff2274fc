package org.liandong.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.OptionalLong;
import org.liandong.AppConfig;

/**
 * Failed logins per account and per address within a sliding window (README: 5 per account and
 * 30 per address in 15 minutes by default). Past the limit a login is refused before any
 * password is hashed, with the seconds until the oldest failure leaves the window. A success
 * clears the account's failures. Kept per node.
 */
final class LoginLimits {
  private final AppConfig.Logins limits;
  private final Clock clock;
  private final Cache<String, ArrayDeque<Long>> failures;

  LoginLimits(AppConfig.Logins limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
    this.failures = Caffeine.newBuilder().expireAfterWrite(limits.window()).maximumSize(100_000).build();
  }

  /** Seconds to wait when either the account or the address is over its limit. */
  OptionalLong retryAfter(String username, String address) {
    long account = wait("u:" + username, limits.perAccount());
    long from = wait("a:" + address, limits.perAddress());
    long seconds = Math.max(account, from);
    return seconds > 0 ? OptionalLong.of(seconds) : OptionalLong.empty();
  }

  void failed(String username, String address) {
    add("u:" + username);
    add("a:" + address);
  }

  void succeeded(String username) {
    failures.invalidate("u:" + username);
  }

  private long wait(String key, int limit) {
    var now = clock.millis();
    var seen = failures.asMap().computeIfPresent(key, (k, times) -> prune(times, now));
    if (seen == null || seen.size() < limit) return 0;
    return Math.max(1, Duration.ofMillis(seen.peekFirst() + limits.window().toMillis() - now).toSeconds() + 1);
  }

  private void add(String key) {
    var now = clock.millis();
    failures.asMap().compute(key, (k, times) -> {
      var list = times == null ? new ArrayDeque<Long>() : prune(times, now);
      list.addLast(now);
      return list;
    });
  }

  private ArrayDeque<Long> prune(ArrayDeque<Long> times, long now) {
    while (!times.isEmpty() && times.peekFirst() <= now - limits.window().toMillis()) times.pollFirst();
    return times;
  }
}
