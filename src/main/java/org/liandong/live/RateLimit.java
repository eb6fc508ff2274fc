package org.liandong.live;

/** A token bucket: {@code perSecond} messages a second, in bursts of twice that. One socket's, on its event loop. */
final class RateLimit {
  private final int perSecond;
  private double tokens;
  private long refilledAt = System.nanoTime();

  RateLimit(int perSecond) {
    this.perSecond = perSecond;
    this.tokens = 2.0 * perSecond;
  }

  boolean allow() {
    long now = System.nanoTime();
    tokens = Math.min(2.0 * perSecond, tokens + (now - refilledAt) / 1e9 * perSecond);
    refilledAt = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  }
}
