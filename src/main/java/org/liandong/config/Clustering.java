package org.liandong.config;

import com.hazelcast.config.Config;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.liandong.config.AppConfig;

/**
 * How a node of a cluster finds the others: Hazelcast with Vert.x's own map settings
 * (default-cluster.xml of vertx-hazelcast), joined by TCP-IP to LIANDONG_CLUSTER_MEMBERS with
 * multicast off, bound to LIANDONG_CLUSTER_HOST only. The join waits are shortened from
 * Hazelcast's 5 s-to-20 s defaults (docs/scale-out.md, "Joining": the join times measured here), and nothing
 * phones home.
 */
public final class Clustering {
  private Clustering() {}

  public static HazelcastClusterManager manager(AppConfig.Cluster cluster) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName("liandong");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.wait.seconds.before.join", "1");
    config.setProperty("hazelcast.max.wait.seconds.before.join", "3");
    // a member that stops answering is taken out after this, and its event-bus handlers with it
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
    // a member taken out while it was paused (a long GC, a stopped VM) merges back within seconds, not Hazelcast's 2 to 5 minutes
    config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
    config.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    var network = config.getNetworkConfig();
    network.setPort(cluster.port()).setPortAutoIncrement(false);
    network.setPublicAddress(cluster.host() + ":" + cluster.port());
    network.getInterfaces().setEnabled(false);
    config.setProperty("hazelcast.local.localAddress", cluster.host());
    var join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    var tcp = join.getTcpIpConfig().setEnabled(true);
    tcp.getMembers().clear();
    cluster.members().forEach(tcp::addMember);
    if (cluster.members().isEmpty()) tcp.addMember(cluster.host() + ":" + cluster.port());
    return new HazelcastClusterManager(config);
  }

  /** The event bus listens on the node's cluster host, on the given port or any free one. */
  public static VertxOptions options(VertxOptions options, AppConfig.Cluster cluster) {
    options.getEventBusOptions().setHost(cluster.host()).setPort(cluster.busPort()).setClusterPublicHost(cluster.host());
    return options;
  }
}
