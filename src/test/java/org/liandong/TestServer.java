package org.liandong;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.liandong.config.AppConfig;

/**
 * One real server (embedded Neo4j, demo data, random port) shared by the integration tests of
 * this JVM, so the suite pays the start-up once. Tests that change data create their own
 * objects or re-read versions first; tests that create projects use years other than 2023 and
 * the district level, so the demo's figures stay those of the article.
 */
public final class TestServer {
  private static Server server;
  private static Path dataDir;

  private TestServer() {}

  public static synchronized Server get() {
    if (server == null) {
      dataDir = tempDir("liandong-it-");
      server = Server.start(config(dataDir));
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }
    return server;
  }

  public static Path dataDir() {
    get();
    return dataDir;
  }

  public static Api api() {
    return new Api(get().port());
  }

  /** Demo on, port 0 (any free), data under the given folder. */
  public static AppConfig config(Path dataDir) {
    return AppConfig.from(Map.ofEntries(
        Map.entry("LIANDONG_HTTP_PORT", "0"),
        Map.entry("LIANDONG_HTTP_HOST", "127.0.0.1"),
        Map.entry("LIANDONG_DATA_DIR", dataDir.toString()),
        Map.entry("LIANDONG_DEMO", "true"),
        // small enough for the live tests to reach them in seconds
        Map.entry("LIANDONG_REPLAY_WINDOW", "100"),
        Map.entry("LIANDONG_WS_WRITE_QUEUE_BYTES", "16384"),
        Map.entry("LIANDONG_WS_MESSAGES_PER_SECOND", "20"),
        Map.entry("LIANDONG_DEFICIENCY_CHECK_SECONDS", "1"),
        // the tests sweep 督办 themselves, on fixed clocks; the server's own timer stays out of their way
        Map.entry("LIANDONG_CHASE_SECONDS", "86400"),
        Map.entry("LIANDONG_CONSOLE_TIMEOUT_SECONDS", "6"),
        // a group robot's delivery that fails is failed at once (投递失败), for the outbox's page
        Map.entry("LIANDONG_DELIVERY_ATTEMPTS", "1"),
        Map.entry("LIANDONG_DELIVERY_SECONDS", "1")));
  }

  public static Path tempDir(String prefix) {
    try {
      var dir = Files.createTempDirectory(prefix);
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
