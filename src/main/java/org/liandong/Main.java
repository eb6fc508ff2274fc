package org.liandong;

import org.liandong.config.AppConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the environment, starts one server, stops it cleanly on SIGTERM or Ctrl-C. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // route Neo4j's and the JDK's java.util.logging through log4j2 like everything else
    System.setProperty("java.util.logging.manager", "org.apache.logging.log4j.jul.LogManager");
    Logger log = LoggerFactory.getLogger(Main.class);
    final Server server;
    try {
      server = Server.start(AppConfig.fromEnv());
    } catch (Startup.Failed | IllegalArgumentException e) {
      log.debug("start-up failure", e);
      System.err.println("liandong: " + e.getMessage());
      org.apache.logging.log4j.LogManager.shutdown();
      System.exit(1);
      return;
    } catch (RuntimeException | Error e) {
      // never leave a half-started JVM running: Neo4j's and Vert.x's threads would keep it alive
      log.error("start-up failed unexpectedly", e);
      System.err.println("liandong: start-up failed: " + e);
      org.apache.logging.log4j.LogManager.shutdown();
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      long t0 = System.nanoTime();
      server.close();
      log.info("stopped in {} ms", (System.nanoTime() - t0) / 1_000_000);
      // log4j's own shutdown hook is off (log4j2.xml) so this last line is not lost
      org.apache.logging.log4j.LogManager.shutdown();
    }, "liandong-shutdown"));
  }
}
