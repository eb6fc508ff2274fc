package org.liandong;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * A Neo4j server in a JVM of its own, as a cluster's nodes meet one in production: Bolt on the
 * given loopback port (advertised as such, so {@code neo4j://} routing answers with it),
 * authentication on with the given password. Runs until killed. Args: store folder, port, password.
 */
public final class StandaloneNeo4j {
  private StandaloneNeo4j() {}

  public static void main(String[] args) {
    var store = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    var service = new DatabaseManagementServiceBuilder(store)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        .setConfig(GraphDatabaseSettings.pagecache_memory, 128L * 1024 * 1024)
        .setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(100))
        .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ZERO)
        .build();
    try {
      service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", args[2]));
    } catch (RuntimeException e) {
      // a restart on the same store: the password is already this one
      if (!String.valueOf(e.getMessage()).contains("same")) throw e;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(service::shutdown));
    System.out.println("neo4j ready on " + port);
  }
}
