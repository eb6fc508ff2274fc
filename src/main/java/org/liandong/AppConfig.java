package org.liandong;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the server reads from its environment, read once at start-up.
 * Names and defaults are documented in README.md.
 */
public record AppConfig(
    String httpHost,
    int httpPort,
    Path dataDir,
    boolean demo,
    Optional<URI> neo4jUri,
    String neo4jUser,
    String neo4jPassword,
    Optional<String> adminPassword,
    Duration sessionTtl,
    boolean secureCookies,
    ZoneId zone,
    Live live,
    int yellowFloatDays,
    int deficiencyCheckSeconds,
    Duration consoleTimeout,
    int consoleRowCap) {

  /**
   * The live sessions' limits. Origins besides the server's own may open WebSockets only
   * when listed; a channel replays at most {@code replayWindow} missed events, else resync.
   */
  public record Live(List<String> allowedOrigins, int replayWindow, int pingSeconds, int idleSeconds,
                     int messagesPerSecond, int writeQueueBytes) {}

  public static AppConfig fromEnv() {
    return from(System.getenv());
  }

  public static AppConfig from(Map<String, String> env) {
    var uri = Optional.ofNullable(blankToNull(env.get("NEO4J_URI"))).map(AppConfig::neo4jUri);
    return new AppConfig(
        env.getOrDefault("LIANDONG_HTTP_HOST", "0.0.0.0"),
        port(env.getOrDefault("LIANDONG_HTTP_PORT", "8080")),
        Path.of(env.getOrDefault("LIANDONG_DATA_DIR", "./data")).toAbsolutePath().normalize(),
        Boolean.parseBoolean(env.getOrDefault("LIANDONG_DEMO", "false")),
        uri,
        env.getOrDefault("NEO4J_USER", "neo4j"),
        env.getOrDefault("NEO4J_PASSWORD", ""),
        Optional.ofNullable(blankToNull(env.get("LIANDONG_ADMIN_PASSWORD"))),
        Duration.ofHours(Long.parseLong(env.getOrDefault("LIANDONG_SESSION_HOURS", "12"))),
        Boolean.parseBoolean(env.getOrDefault("LIANDONG_SECURE_COOKIES", "false")),
        ZoneId.of(env.getOrDefault("LIANDONG_TIMEZONE", "Asia/Shanghai")),
        new Live(
            List.of(env.getOrDefault("LIANDONG_ALLOWED_ORIGINS", "").split(",")).stream()
                .map(String::strip).filter(o -> !o.isEmpty()).toList(),
            positive(env, "LIANDONG_REPLAY_WINDOW", 1000),
            positive(env, "LIANDONG_WS_PING_SECONDS", 20),
            positive(env, "LIANDONG_WS_IDLE_SECONDS", 60),
            positive(env, "LIANDONG_WS_MESSAGES_PER_SECOND", 20),
            positive(env, "LIANDONG_WS_WRITE_QUEUE_BYTES", 256 * 1024)),
        positive(env, "LIANDONG_FLOAT_WARNING_DAYS", 3),
        positive(env, "LIANDONG_DEFICIENCY_CHECK_SECONDS", 60),
        Duration.ofSeconds(positive(env, "LIANDONG_CONSOLE_TIMEOUT_SECONDS", 10)),
        positive(env, "LIANDONG_CONSOLE_ROW_CAP", 1000));
  }

  private static int positive(Map<String, String> env, String name, int fallback) {
    var raw = env.get(name);
    if (raw == null || raw.isBlank()) return fallback;
    try {
      int value = Integer.parseInt(raw.strip());
      if (value <= 0) throw new NumberFormatException();
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a positive whole number, got '" + raw + "'", e);
    }
  }

  public boolean embedded() {
    return neo4jUri.isEmpty();
  }

  private static int port(String value) {
    try {
      int port = Integer.parseInt(value.trim());
      if (port < 0 || port > 65535) throw new NumberFormatException();
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "LIANDONG_HTTP_PORT must be a port number 0-65535, got '" + value + "'", e);
    }
  }

  private static URI neo4jUri(String value) {
    var uri = URI.create(value.trim());
    var scheme = String.valueOf(uri.getScheme());
    if (!scheme.matches("bolt(\\+s|\\+ssc)?|neo4j(\\+s|\\+ssc)?")) {
      throw new IllegalArgumentException(
          "NEO4J_URI must start with bolt:// or neo4j:// (or their +s / +ssc forms), got '" + value + "'");
    }
    return uri;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
