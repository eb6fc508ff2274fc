package org.liandong.accounts;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.liandong.config.AppConfig;
import org.liandong.storage.Graph;

/**
 * Failed logins per account and per address within a sliding window (README: 5 per account and
 * 30 per address in 15 minutes by default). Past the limit a login is refused before any
 * password is hashed, with the seconds until the oldest of the failures that fill it leaves the
 * window. A success clears the account's failures. Kept in the graph, so every node of a
 * cluster counts the same failures: behind a balancer an attacker gets no more tries than on one
 * node.
 */
final class LoginLimits {
  private final Graph graph;
  private final AppConfig.Logins limits;
  private final Clock clock;

  LoginLimits(Graph graph, AppConfig.Logins limits, Clock clock) {
    this.graph = graph;
    this.limits = limits;
    this.clock = clock;
  }

  /** A failure counted against: the account or the address, with its limit. */
  record Key(String key, int limit) {
    static List<Map<String, Object>> params(List<Key> keys) {
      return keys.stream().map(k -> Map.<String, Object>of("key", k.key(), "limit", k.limit())).toList();
    }
  }

  private List<Key> keys(String username, String address) {
    return List.of(new Key("u:" + username, limits.perAccount()), new Key("a:" + address, limits.perAddress()));
  }

  /** Seconds to wait when either the account or the address is over its limit. */
  Future<OptionalLong> retryAfter(String username, String address) {
    long now = clock.millis();
    long window = limits.window().toMillis();
    return AccountRepository.oldestFailures(graph, keys(username, address), now - window).map(oldest -> {
      long seconds = 0;
      for (long first : oldest) seconds = Math.max(seconds, Math.max(1, (first + window - now) / 1000 + 1));
      return seconds > 0 ? OptionalLong.of(seconds) : OptionalLong.empty();
    });
  }

  Future<Void> failed(String username, String address) {
    long now = clock.millis();
    long window = limits.window().toMillis();
    return graph.write(tx -> tx.run(AccountCypher.LOGIN_FAILED, Map.of("keys", Key.params(keys(username, address)),
        "at", now, "since", now - window, "until", now + window))).mapEmpty();
  }

  Future<Void> succeeded(String username) {
    return graph.write(tx -> tx.run(AccountCypher.LOGIN_SUCCEEDED, Map.of("key", "u:" + username))).mapEmpty();
  }
}
