package org.liandong.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the server reads from its environment, read once at start-up, strictly.
 * Names, defaults and accepted values are documented in README.md.
 */
public record AppConfig(
    String httpHost,
    int httpPort,
    Path dataDir,
    boolean demo,
    Optional<java.time.LocalDate> today,
    Optional<URI> neo4jUri,
    String neo4jUser,
    String neo4jPassword,
    Duration neo4jTimeout,
    Optional<String> adminPassword,
    Duration sessionTtl,
    boolean secureCookies,
    ZoneId zone,
    Live live,
    int yellowFloatDays,
    int deficiencyCheckSeconds,
    Console console,
    Logins logins,
    Retention retention,
    Optional<Path> templatesDir,
    Chase chase,
    org.liandong.storage.Writes.Limits writes,
    Cluster cluster,
    Imports imports,
    Optional<String> metricsToken,
    Reach reach,
    SignOn signOn) {

  /**
   * Excel imports: the largest upload (bytes), the most rows over all its sheets, and the largest
   * part of the workbook once unpacked (bytes; a zip bomb stops there).
   */
  public record Imports(int maxBytes, int maxRows, long maxUnpackedBytes) {
    static Imports from(Env env) {
      return new Imports(
          env.integer("LIANDONG_IMPORT_MAX_BYTES", 10 * 1024 * 1024, 1024, 512 * 1024 * 1024),
          env.integer("LIANDONG_IMPORT_MAX_ROWS", 50_000, 1, 1_000_000),
          env.integer("LIANDONG_IMPORT_MAX_UNPACKED_MB", 200, 1, 4096) * 1024L * 1024L);
    }
  }

  /**
   * Clustered mode (LIANDONG_CLUSTER=true): Vert.x's event bus joins the other nodes through
   * Hazelcast, by TCP-IP to the listed {@code members} (host:port; multicast is off), this node
   * reachable at {@code host} on {@code port} for Hazelcast and {@code busPort} for the event bus
   * (0: any free port).
   */
  public record Cluster(boolean enabled, List<String> members, String host, int port, int busPort) {
    static Cluster from(Env env) {
      return new Cluster(
          env.bool("LIANDONG_CLUSTER", false),
          env.members("LIANDONG_CLUSTER_MEMBERS"),
          env.text("LIANDONG_CLUSTER_HOST", "127.0.0.1"),
          env.integer("LIANDONG_CLUSTER_PORT", 5701, 1, 65535),
          env.integer("LIANDONG_CLUSTER_BUS_PORT", 0, 0, 65535));
    }
  }

  /**
   * The live sessions' limits. Origins besides the server's own may open WebSockets only
   * when listed; a channel replays at most {@code replayWindow} missed events, else resync.
   */
  public record Live(List<String> allowedOrigins, int replayWindow, int pingSeconds, int idleSeconds,
                     int messagesPerSecond, int writeQueueBytes) {
    static Live from(Env env) {
      return new Live(
          env.list("LIANDONG_ALLOWED_ORIGINS"),
          env.integer("LIANDONG_REPLAY_WINDOW", 1000, 1, 1_000_000),
          env.integer("LIANDONG_WS_PING_SECONDS", 20, 1, 3600),
          env.integer("LIANDONG_WS_IDLE_SECONDS", 60, 1, 3600),
          env.integer("LIANDONG_WS_MESSAGES_PER_SECOND", 20, 1, 10_000),
          env.integer("LIANDONG_WS_WRITE_QUEUE_BYTES", 256 * 1024, 1024, 64 * 1024 * 1024));
    }
  }

  /** The analyst console's bounds: time, rows, bytes of an answer, queries at once per person. */
  public record Console(Duration timeout, int rowCap, int maxBytes, int perUser) {
    static Console from(Env env) {
      return new Console(
          Duration.ofSeconds(env.integer("LIANDONG_CONSOLE_TIMEOUT_SECONDS", 10, 1, 600)),
          env.integer("LIANDONG_CONSOLE_ROW_CAP", 1000, 1, 100_000),
          env.integer("LIANDONG_CONSOLE_MAX_BYTES", 4 * 1024 * 1024, 1024, 256 * 1024 * 1024),
          env.integer("LIANDONG_CONSOLE_PER_USER", 2, 1, 100));
    }
  }

  /** Failed logins allowed per account and per address within the window, and the hashing threads. */
  public record Logins(int perAccount, int perAddress, Duration window, int hashWorkers) {
    static Logins from(Env env) {
      return new Logins(
          env.integer("LIANDONG_LOGIN_FAILURES_PER_ACCOUNT", 5, 1, 10_000),
          env.integer("LIANDONG_LOGIN_FAILURES_PER_ADDRESS", 30, 1, 100_000),
          Duration.ofMinutes(env.integer("LIANDONG_LOGIN_WINDOW_MINUTES", 15, 1, 24 * 60)),
          env.integer("LIANDONG_PASSWORD_WORKERS", 2, 1, 64));
    }
  }

  /**
   * 督办: remind this many working days before a due date, open a 督办 this many working days
   * overdue, give the department this many working days to answer it; sweep every {@code everySeconds}.
   */
  public record Chase(int remindDays, int escalateDays, int respondDays, int everySeconds) {
    static Chase from(Env env) {
      return new Chase(
          env.integer("LIANDONG_REMIND_DAYS", 3, 0, 60),
          env.integer("LIANDONG_ESCALATE_DAYS", 2, 1, 60),
          env.integer("LIANDONG_RESPOND_DAYS", 2, 1, 60),
          env.integer("LIANDONG_CHASE_SECONDS", 60, 1, 86_400));
    }
  }

  /** How long records are kept; the timer runs every {@code every}. */
  public record Retention(Duration changes, Duration idempotencyKeys, Duration audit, Duration every) {
    static Retention from(Env env) {
      return new Retention(
          Duration.ofDays(env.integer("LIANDONG_CHANGE_RETENTION_DAYS", 1825, 1, 36_500)),
          Duration.ofHours(env.integer("LIANDONG_IDEMPOTENCY_HOURS", 24, 1, 24 * 365)),
          Duration.ofDays(env.integer("LIANDONG_AUDIT_RETENTION_DAYS", 365, 1, 36_500)),
          Duration.ofMinutes(env.integer("LIANDONG_RETENTION_CHECK_MINUTES", 60, 1, 24 * 60)));
    }
  }

  public static AppConfig fromEnv() {
    return from(System.getenv());
  }

  public static AppConfig from(Map<String, String> variables) {
    var env = new Env(variables);
    return new AppConfig(
        env.text("LIANDONG_HTTP_HOST", "0.0.0.0"),
        env.integer("LIANDONG_HTTP_PORT", 8080, 0, 65535),
        env.path("LIANDONG_DATA_DIR", "./data"),
        env.bool("LIANDONG_DEMO", false),
        env.date("LIANDONG_TODAY"),
        env.neo4jUri("NEO4J_URI"),
        env.text("NEO4J_USER", "neo4j"),
        env.text("NEO4J_PASSWORD", ""),
        Duration.ofMillis(env.integer("LIANDONG_NEO4J_TIMEOUT_MS", 1000, 100, 60_000)),
        env.optional("LIANDONG_ADMIN_PASSWORD"),
        Duration.ofHours(env.integer("LIANDONG_SESSION_HOURS", 12, 1, 24 * 30)),
        env.bool("LIANDONG_SECURE_COOKIES", false),
        env.zone("LIANDONG_TIMEZONE", "Asia/Shanghai"),
        Live.from(env),
        env.integer("LIANDONG_FLOAT_WARNING_DAYS", 3, 0, 365),
        env.integer("LIANDONG_DEFICIENCY_CHECK_SECONDS", 60, 1, 86_400),
        Console.from(env),
        Logins.from(env),
        Retention.from(env),
        env.folder("LIANDONG_TEMPLATES_DIR"),
        Chase.from(env),
        writes(env),
        Cluster.from(env),
        Imports.from(env),
        metricsToken(env),
        Reach.from(env),
        SignOn.from(env));
  }

  /** LIANDONG_METRICS_TOKEN: the bearer token /metrics asks of a scraper; without it only this host may scrape. */
  private static Optional<String> metricsToken(Env env) {
    var token = env.optional("LIANDONG_METRICS_TOKEN");
    token.filter(t -> t.length() < 16 || !t.matches("[\\x21-\\x7e]+")).ifPresent(t -> {
      throw new Env.BadSetting("LIANDONG_METRICS_TOKEN", "…", "at least 16 printable characters, no spaces");
    });
    return token;
  }

  private static org.liandong.storage.Writes.Limits writes(Env env) {
    return new org.liandong.storage.Writes.Limits(
        env.integer("LIANDONG_WRITE_TRANSACTIONS", 16, 1, 90),
        env.integer("LIANDONG_WRITE_BATCH", 64, 1, 1000),
        env.integer("LIANDONG_WRITES_PER_PROJECT", 512, 1, 100_000),
        env.integer("LIANDONG_WRITES_PER_NODE", 4096, 1, 1_000_000));
  }

  /** LIANDONG_TODAY moves only the demo's day: outside demo mode the real clock, always. */
  public AppConfig {
    if (today.isPresent() && !demo) {
      throw new Env.BadSetting("LIANDONG_TODAY", today.get().toString(),
          "only with LIANDONG_DEMO=true (outside the demo Liandong runs on the real clock)");
    }
    if (cluster.enabled() && neo4jUri.isEmpty()) {
      throw new IllegalArgumentException("LIANDONG_CLUSTER=true needs NEO4J_URI: the nodes of a cluster share one Neo4j server,"
          + " the embedded one serves a single node only");
    }
  }

  public boolean embedded() {
    return neo4jUri.isEmpty();
  }
}
