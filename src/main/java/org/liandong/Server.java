package org.liandong;

import static org.liandong.Startup.await;

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
import java.nio.file.Files;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.liandong.config.AppConfig;
import org.liandong.config.Clustering;
import org.liandong.demo.DemoDay;
import org.liandong.storage.EmbeddedNeo4j;
import org.liandong.storage.Graph;
import org.liandong.storage.Migrations;
import org.liandong.web.Contract;
import org.liandong.web.HttpVerticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Liandong, started in named steps: the HTTP port is checked first (a taken port is
 * said at once, not after Neo4j and the demo), then storage, schema, the features and the
 * verticles. {@link Main} runs one; tests start and stop as many as they need.
 */
public final class Server implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Server.class);
  

  private final AppConfig config;
  /** The clock a test gave; else the real one, or the demo's day in demo mode. */
  private final Optional<Clock> given;
  private Clock clock;
  private EmbeddedNeo4j embedded;
  private Vertx vertx;
  private Graph graph;
  private AutoCloseable jvmMeters;
  private Features features;
  private int port;

  private Server(AppConfig config, Optional<Clock> given) {
    this.config = config;
    this.given = given;
  }

  /** On the real clock, or in demo mode on the demo's day ({@link DemoDay}). */
  public static Server start(AppConfig config) {
    return start(config, Optional.empty());
  }

  /** On the given clock, demo or not (tests on fixed dates). */
  public static Server start(AppConfig config, Clock clock) {
    return start(config, Optional.of(clock));
  }

  /** Blocking: returns once the server answers HTTP, or throws a {@link Startup.Failed}. */
  private static Server start(AppConfig config, Optional<Clock> clock) {
    var server = new Server(config, clock);
    try {
      Startup.checkPort(config);
      server.startStorage();
      server.startFeatures();
      server.startHttp();
      LOG.info("Liandong ready at http://localhost:{}/", server.port);
      server.warm();
      return server;
    } catch (RuntimeException e) {
      server.close();
      throw e instanceof Startup.Failed ? e : new Startup.Failed(Startup.describe(e, config), e);
    }
  }

  private void startStorage() {
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    jvmMeters = org.liandong.support.JvmMeters.bind(registry);
    embedded = config.embedded() ? startEmbedded() : null;
    var options = new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true));
    var builder = Vertx.builder().withMetrics(new MicrometerMetricsFactory(registry));
    if (config.cluster().enabled()) {
      long t0 = System.nanoTime();
      vertx = await(builder.with(Clustering.options(options, config.cluster()))
              .withClusterManager(Clustering.manager(config.cluster())).buildClustered(),
          "could not join the cluster at " + config.cluster().members() + "; check LIANDONG_CLUSTER_MEMBERS and LIANDONG_CLUSTER_HOST");
      LOG.info("cluster: joined as {}:{} in {} ms", config.cluster().host(), config.cluster().port(), (System.nanoTime() - t0) / 1_000_000);
    } else {
      vertx = builder.with(options).build();
    }
    var uri = embedded != null ? embedded.boltUri() : config.neo4jUri().orElseThrow();
    var user = embedded != null ? EmbeddedNeo4j.USER : config.neo4jUser();
    var password = embedded != null ? embedded.password() : config.neo4jPassword();
    graph = Graph.connect(vertx, uri, user, password, config.neo4jTimeout(), config.writes());
    await(graph.verify(), "cannot reach Neo4j at " + uri + "; check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD");
    // nodes starting together take turns: the first applies each file, the others find it applied
    int applied = await(locked("liandong.migrations", () -> new Migrations(graph).apply()), "could not apply the schema in cypher/");
    LOG.info("schema: {} migration(s) applied", applied);
    clock = await(serverClock(), "could not read the demo's day from the graph");
    if (config.demo()) LOG.info("demo: the server's clock says {}", java.time.ZonedDateTime.now(clock).withNano(0));
    graph = graph.on(clock);
    features = new Features(vertx, graph, config, clock, registry);
  }

  private Future<Clock> serverClock() {
    var real = Clock.system(config.zone());
    if (given.isPresent()) return Future.succeededFuture(given.get().withZone(config.zone()));
    return config.demo() ? DemoDay.clock(graph, real, config.today()) : Future.succeededFuture(real);
  }

  private EmbeddedNeo4j startEmbedded() {
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new Startup.Failed("cannot create the data directory " + config.dataDir()
          + "; set LIANDONG_DATA_DIR to a writable folder", e);
    }
    return EmbeddedNeo4j.start(config.dataDir());
  }

  private void startFeatures() {
    await(features.accounts().start(), "could not prepare password hashing");
    if (config.demo()) {
      // in a cluster the first node to find the graph empty loads it; the others wait and find it loaded
      var loaded = await(locked("liandong.demo", () -> features.demo().loadIfEmpty()), "could not load the demo data");
      if (loaded) LOG.info("demo accounts: demo-admin, demo-coordinator, demo-officer, demo-leader, demo-analyst, demo-wall (password 'demo'); the wall's kiosk link is /#/kiosk/demo-wall-kiosk");
    }
    var templates = await(locked("liandong.templates", () -> features.templates().seed()), "could not store the track templates");
    if (templates > 0) LOG.info("track templates: {} stored or brought up to their shipped version", templates);
    await(features.accounts().users().ensureAdmin(config.adminPassword()), "could not create the first admin")
        .ifPresent(password -> LOG.warn("first start: created user 'admin' with one-time password {} ; change it after logging in", password));
    await(features.outbox().start(), "could not record the channels notices are sent by");
    await(features.outbox().receipts().start(), "could not read the key receipt links are signed with");
    for (var verticle : features.background()) await(vertx.deployVerticle(verticle), "could not start " + verticle.getClass().getSimpleName());
  }

  private void startHttp() {
    var contract = await(Contract.load(vertx, features.routes(), features.policy()), "the API contract (openapi.yaml) and the routes disagree");
    var verticles = new CopyOnWriteArrayList<HttpVerticle>();
    var parts = features.http(config, contract);
    int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
    await(vertx.deployVerticle(() -> {
          var v = new HttpVerticle(parts);
          verticles.add(v);
          return v;
        }, new DeploymentOptions().setInstances(instances).setThreadingModel(ThreadingModel.EVENT_LOOP)),
        "could not listen on HTTP port " + config.httpPort()
            + "; it is probably in use: stop the other program or set LIANDONG_HTTP_PORT");
    port = verticles.get(0).actualPort();
  }

  /** The read models are built in the background after the start: the server answers meanwhile (the first requests join them). */
  private void warm() {
    long t0 = System.nanoTime();
    features.warm().onComplete(done -> {
      long ms = (System.nanoTime() - t0) / 1_000_000;
      if (done.succeeded()) LOG.info("read models built in {} ms", ms);
      else LOG.warn("read models not built at start-up ({} ms): {}; the first requests build them", ms, done.cause().toString());
    });
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

  /** The server's clock: what "now" and "today" are for every feature (the demo's day in demo mode). */
  public Clock clock() {
    return clock;
  }

  /** The embedded Neo4j, when there is one (tests stop it to see the server through an outage). */
  public EmbeddedNeo4j embedded() {
    return embedded;
  }

  /** One pass of the retention timer, now (tests). */
  public Future<Integer> sweep() {
    return features.retention().sweep();
  }

  @Override
  public void close() {
    try {
      if (vertx != null) vertx.close().await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("Vert.x did not close cleanly: {}", e.toString());
    }
    try {
      if (jvmMeters != null) jvmMeters.close();
    } catch (Exception e) {
      LOG.warn("the JVM's meters did not close cleanly: {}", e.toString());
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

  /** Runs a start-up step under a cluster-wide lock (a local one on a single node), released whatever it gives. */
  private <T> Future<T> locked(String name, java.util.function.Supplier<Future<T>> step) {
    return vertx.sharedData().getLockWithTimeout(name, Startup.STEP_TIMEOUT_SECONDS * 1000)
        .compose(lock -> step.get().onComplete(r -> lock.release()));
  }
}
