package org.liandong;

import io.vertx.core.Future;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.liandong.config.AppConfig;

/** The start-up's steps as a person sees them: each awaited with a deadline, and what went wrong said in one line they can act on. */
final class Startup {
  static final long STEP_TIMEOUT_SECONDS = 60;

  private Startup() {}

  /** A start-up failure a person can fix, said in one line. */
  public static final class Failed extends RuntimeException {
    Failed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The configured port must be free before anything slow starts. */
  static void checkPort(AppConfig config) {
    if (config.httpPort() == 0) return;
    try (var socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(config.httpHost(), config.httpPort()));
    } catch (IOException e) {
      throw new Failed("cannot listen on " + config.httpHost() + ":" + config.httpPort()
          + " (" + e.getMessage() + "); port " + config.httpPort() + " is probably in use: stop the other program or set LIANDONG_HTTP_PORT", e);
    }
  }

  static <T> T await(Future<T> future, String whatFailed) {
    try {
      return future.await(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new Failed(whatFailed + " (no answer in " + STEP_TIMEOUT_SECONDS + " s)", e);
    } catch (Exception e) {
      // await() rethrows the failure as it is, checked exceptions such as BindException included
      throw new Failed(whatFailed + ": " + rootMessage(e), e);
    }
  }

  static String describe(Throwable e, AppConfig config) {
    for (var t = e; t != null; t = t.getCause()) {
      var name = t.getClass().getSimpleName();
      if (name.contains("FileLock") || String.valueOf(t.getMessage()).contains("locked by another")) {
        return "the data directory " + config.dataDir() + " is in use by another running Liandong or Neo4j;"
            + " stop that one or set LIANDONG_DATA_DIR to another folder";
      }
      if (t instanceof BindException) {
        return "a port Neo4j needs is in use: " + t.getMessage();
      }
    }
    return "start-up failed: " + rootMessage(e);
  }

  private static String rootMessage(Throwable e) {
    var t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
