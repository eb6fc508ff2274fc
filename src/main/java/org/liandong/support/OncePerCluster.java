package org.liandong.support;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Lets one node of the cluster, the first to ask, run a timer's round: each round of each
 * timer is a key of a cluster-wide map (Hazelcast's, through Vert.x shared data; a local map on
 * a single node), claimed with put-if-absent, so however many nodes tick, a sweep runs once per
 * interval. A node that dies mid-round only loses that round; the next one is claimed afresh.
 */
public final class OncePerCluster {
  private static final String MAP = "liandong.timers";

  private OncePerCluster() {}

  /** Whether this node runs the round of {@code timer} now falls in. */
  public static Future<Boolean> claim(Vertx vertx, String timer, long intervalMs) {
    long round = System.currentTimeMillis() / Math.max(1, intervalMs);
    return vertx.sharedData().<String, Long>getAsyncMap(MAP)
        .compose(map -> map.putIfAbsent(timer + "@" + round, round, Math.max(1000, 2 * intervalMs)))
        .map(previous -> previous == null);
  }
}
