package org.liandong;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.liandong.accounts.AccountRoutes;
import org.liandong.accounts.AccountService;
import org.liandong.accounts.AuthHandler;
import org.liandong.console.ConsoleRoutes;
import org.liandong.console.ConsoleService;
import org.liandong.demo.DemoLoader;
import org.liandong.departments.DepartmentRoutes;
import org.liandong.departments.DepartmentService;
import org.liandong.live.LiveEndpoint;
import org.liandong.live.LivePublisher;
import org.liandong.live.LiveVerticle;
import org.liandong.meetings.MeetingRoutes;
import org.liandong.meetings.MeetingService;
import org.liandong.obligations.DeficiencyWatch;
import org.liandong.obligations.ObligationRoutes;
import org.liandong.obligations.ObligationService;
import org.liandong.projects.ProjectRoutes;
import org.liandong.projects.ProjectService;
import org.liandong.schedule.KpiRoutes;
import org.liandong.schedule.KpiService;
import org.liandong.schedule.ScheduleRoutes;
import org.liandong.schedule.ScheduleService;
import org.liandong.schedule.WorkCalendar;
import org.liandong.storage.EmbeddedNeo4j;
import org.liandong.storage.Graph;
import org.liandong.storage.Migrations;
import org.liandong.web.HttpVerticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Liandong: storage, schema, accounts, demo data and the HTTP verticles, wired in
 * that order. {@link Main} runs one; tests start and stop as many as they need.
 */
public final class Server implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Server.class);
  private static final long STEP_TIMEOUT_SECONDS = 60;

  /** A start-up failure a person can fix, said in one line. */
  public static final class StartupException extends RuntimeException {
    StartupException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final EmbeddedNeo4j embedded;
  private final Vertx vertx;
  private final Graph graph;
  private final int port;

  private Server(EmbeddedNeo4j embedded, Vertx vertx, Graph graph, int port) {
    this.embedded = embedded;
    this.vertx = vertx;
    this.graph = graph;
    this.port = port;
  }

  public static Server start(AppConfig config) {
    return start(config, Clock.system(config.zone()));
  }

  /** Blocking: returns once the server answers HTTP, or throws a {@link StartupException}. */
  public static Server start(AppConfig config, Clock clock) {
    EmbeddedNeo4j embedded = null;
    Vertx vertx = null;
    Graph graph = null;
    try {
      embedded = config.embedded() ? startEmbedded(config) : null;
      var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      vertx = Vertx.builder()
          .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
          .withMetrics(new MicrometerMetricsFactory(registry))
          .build();
      var uri = embedded != null ? embedded.boltUri() : config.neo4jUri().orElseThrow();
      graph = Graph.connect(vertx, uri, config.neo4jUser(), config.neo4jPassword());
      await(graph.verify(), "cannot reach Neo4j at " + uri + "; check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD");
      int applied = await(new Migrations(graph).apply(), "could not apply the schema in cypher/");
      LOG.info("schema: {} migration(s) applied", applied);

      graph.onCommit(new LivePublisher(vertx.eventBus())::publish);
      var accounts = new AccountService(vertx, graph, config.sessionTtl());
      if (config.demo()) {
        var loaded = await(new DemoLoader(vertx, graph, clock).loadIfEmpty(), "could not load the demo data");
        if (loaded) LOG.info("demo accounts: demo-admin, demo-coordinator, demo-officer, demo-leader, demo-analyst (password '{}')", DemoLoader.PASSWORD);
      }
      await(accounts.ensureAdmin(config.adminPassword()), "could not create the first admin")
          .ifPresent(password -> LOG.warn("first start: created user 'admin' with one-time password {} ; change it after logging in", password));

      var projects = new ProjectService(graph, clock);
      var obligations = new ObligationService(graph, clock);
      var meetings = new MeetingService(graph, obligations);
      var live = new LiveVerticle(graph, config.live().replayWindow(), meetings::recordAttendance);
      await(vertx.deployVerticle(live), "could not start the live hub");
      var webSocket = new LiveEndpoint(live, accounts, config.live());
      await(vertx.deployVerticle(new DeficiencyWatch(obligations, config.deficiencyCheckSeconds())), "could not start the 容缺 watch");
      List<org.liandong.web.Routes> features = List.of(
          new DepartmentRoutes(new DepartmentService(graph)),
          new ProjectRoutes(projects),
          new ObligationRoutes(obligations),
          new MeetingRoutes(meetings),
          new KpiRoutes(new KpiService(graph, clock), clock),
          new ConsoleRoutes(new ConsoleService(graph, config.consoleTimeout(), config.consoleRowCap())),
          new ScheduleRoutes(new ScheduleService(graph, clock, WorkCalendar.china(), config.yellowFloatDays())));
      var accountRoutes = new AccountRoutes(accounts, config.secureCookies());
      var auth = new AuthHandler(accounts);
      var verticles = new java.util.concurrent.CopyOnWriteArrayList<HttpVerticle>();
      var finalGraph = graph;
      int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
      await(vertx.deployVerticle(() -> {
            var v = new HttpVerticle(config.httpHost(), config.httpPort(), finalGraph, registry, accountRoutes, auth, features,
                webSocket::handle);
            verticles.add(v);
            return v;
          }, new DeploymentOptions().setInstances(instances).setThreadingModel(ThreadingModel.EVENT_LOOP)),
          "could not listen on HTTP port " + config.httpPort()
              + "; it is probably in use: stop the other program or set LIANDONG_HTTP_PORT");
      var server = new Server(embedded, vertx, graph, verticles.get(0).actualPort());
      LOG.info("Liandong ready at http://localhost:{}/", server.port);
      return server;
    } catch (RuntimeException e) {
      closeQuietly(vertx, graph, embedded);
      throw e instanceof StartupException ? e : new StartupException(describe(e, config), e);
    }
  }

  public int port() {
    return port;
  }

  public Vertx vertx() {
    return vertx;
  }

  /** The same door to Neo4j the server uses; for tests and the benchmark. */
  public Graph graph() {
    return graph;
  }

  @Override
  public void close() {
    closeQuietly(vertx, graph, embedded);
  }

  private static EmbeddedNeo4j startEmbedded(AppConfig config) {
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new StartupException("cannot create the data directory " + config.dataDir()
          + "; set LIANDONG_DATA_DIR to a writable folder", e);
    }
    return EmbeddedNeo4j.start(config.dataDir());
  }

  private static <T> T await(Future<T> future, String whatFailed) {
    try {
      return future.await(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new StartupException(whatFailed + " (no answer in " + STEP_TIMEOUT_SECONDS + " s)", e);
    } catch (Exception e) {
      // await() rethrows the failure as it is, checked exceptions such as BindException included
      throw new StartupException(whatFailed + ": " + rootMessage(e), e);
    }
  }

  private static String describe(Throwable e, AppConfig config) {
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

  private static void closeQuietly(Vertx vertx, Graph graph, EmbeddedNeo4j embedded) {
    try {
      if (vertx != null) vertx.close().await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("Vert.x did not close cleanly: {}", e.toString());
    }
    try {
      if (graph != null) graph.close();
    } catch (RuntimeException e) {
      LOG.warn("the Neo4j driver did not close cleanly: {}", e.toString());
    }
    try {
      if (embedded != null) embedded.close();
    } catch (RuntimeException e) {
      LOG.warn("the embedded Neo4j did not stop cleanly: {}", e.toString());
    }
  }
}
