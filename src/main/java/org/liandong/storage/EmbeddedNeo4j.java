package org.liandong.storage;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Neo4j in our own JVM, reachable only on loopback Bolt. The application talks to it through
 * the driver exactly as it would to an external server, so the same code runs against both.
 * Authentication is on: every start gives the {@code neo4j} user a new random password that only
 * this process knows, so another local process cannot use the port.
 */
public final class EmbeddedNeo4j implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4j.class);

  public static final String USER = "neo4j";

  private final DatabaseManagementService service;
  private final URI boltUri;
  private final String password;

  private EmbeddedNeo4j(DatabaseManagementService service, URI boltUri, String password) {
    this.service = service;
    this.boltUri = boltUri;
    this.password = password;
  }

  /** Blocking: call from the main thread before Vert.x serves anything. */
  public static EmbeddedNeo4j start(Path dataDir) {
    long t0 = System.nanoTime();
    var service = new DatabaseManagementServiceBuilder(dataDir.resolve("neo4j"))
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        .setConfig(GraphDatabaseSettings.pagecache_memory, 256L * 1024 * 1024)
        // a query over its transaction timeout is stopped promptly, not at the next 2 s tick
        .setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(100))
        .setConfig(GraphDatabaseSettings.memory_transaction_max_size, 512L * 1024 * 1024)
        // without this, Bolt's Netty waits ~10 s of quiet period on every shutdown
        .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ZERO)
        .build();
    try {
      var db = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
      var port = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
          .getLocalAddress(ConnectorType.BOLT).getPort();
      var uri = URI.create("bolt://127.0.0.1:" + port);
      var password = randomPassword();
      // the embedded API runs with full rights, without a login: the one door to set the password
      service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
          "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED", java.util.Map.of("password", password));
      LOG.info("embedded Neo4j ready at {} (store {}) in {} ms", uri, dataDir.resolve("neo4j"),
          (System.nanoTime() - t0) / 1_000_000);
      return new EmbeddedNeo4j(service, uri, password);
    } catch (RuntimeException e) {
      service.shutdown();
      throw e;
    }
  }

  public URI boltUri() {
    return boltUri;
  }

  /** This start's password of the {@link #USER} user. */
  public String password() {
    return password;
  }

  private static String randomPassword() {
    var bytes = new byte[24];
    new java.security.SecureRandom().nextBytes(bytes);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public void close() {
    service.shutdown();
  }
}
