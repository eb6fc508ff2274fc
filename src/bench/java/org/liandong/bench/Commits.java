package org.liandong.bench;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;
import org.liandong.Server;

/**
 * When each obligation update committed, on this machine's clock, as the server's commit
 * listener hears it (right after the commit, beside the live publisher): with the load
 * generator's receipt times (same machine, same clock), commit-to-screen from the commit's own
 * time, not from when the write was meant to be sent.
 */
final class Commits {
  private final Map<String, Long> committed = new ConcurrentHashMap<>();

  Commits(Server server) {
    server.graph().onCommit(changes -> {
      long now = LoadGenerator.micros(Instant.now());
      for (var c : changes) {
        if ("Obligation".equals(c.entity()) && c.after() != null && c.after().getValue("version") != null) {
          committed.put(c.entityId() + "#" + c.after().getLong("version"), now);
        }
      }
    });
  }

  /** Commit-to-screen over the receipts the generator wrote ("key micros" per line). */
  JsonObject toScreen(Path receipts) throws java.io.IOException {
    var h = new Histogram(3);
    long unmatched = 0;
    try (var lines = Files.lines(receipts)) {
      for (var line : (Iterable<String>) lines::iterator) {
        int space = line.lastIndexOf(' ');
        var at = committed.get(line.substring(0, space));
        if (at == null) {
          unmatched++;
          continue;
        }
        h.recordValue(Math.max(0, Long.parseLong(line.substring(space + 1)) - at));
      }
    }
    return new JsonObject().put("commitToScreenP50ms", h.getTotalCount() == 0 ? null : h.getValueAtPercentile(50) / 1e3)
        .put("commitToScreenP99ms", h.getTotalCount() == 0 ? null : h.getValueAtPercentile(99) / 1e3)
        .put("commitToScreenMaxMs", h.getTotalCount() == 0 ? null : h.getMaxValue() / 1e3)
        .put("commitToScreenDeliveries", h.getTotalCount()).put("commitToScreenUnmatched", unmatched);
  }
}
