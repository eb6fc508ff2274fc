package org.liandong.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.liandong.Child;
import org.liandong.Deployment;
import org.liandong.TestServer;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;

/**
 * The two-node row (issue 17): the deployment of docker/compose.yaml on loopback (a Neo4j server
 * in a JVM of its own, Liandong nodes in JVMs of their own, Debian's nginx running
 * docker/nginx.conf) and the fan-out of the one-node row, measured three ways in one run:
 * <ol>
 *   <li>one node, not clustered, against that server (the reference);</li>
 *   <li>two clustered nodes through nginx, sockets and writes balanced over both;</li>
 *   <li>sockets split directly over both nodes and every write through node A: what node B's
 *       sockets wait beyond node A's is the hop over the clustered event bus.</li>
 * </ol>
 * Then the offered rate doubles three times through nginx, with each process's share of the CPU, to
 * see what gives first. Everything shares this machine's two cores: the row shows what a second
 * node and the hop cost, not the capacity a second machine would add.
 */
final class TwoNodes {
  private static final String PASSWORD = "bench-two-nodes";
  private static final Pattern READY = Pattern.compile("Liandong ready at http://localhost:(\\d+)/");

  private TwoNodes() {}

  static JsonObject run(int clients, int rate, int seconds, int warmup, int channels) throws Exception {
    var running = new ArrayList<Process>();
    var vertx = Vertx.vertx();
    try {
      int bolt = Deployment.freePort();
      var neo4j = Deployment.neo4j(TestServer.tempDir("liandong-bench-neo4j-"), bolt, PASSWORD);
      running.add(neo4j);
      var out = new JsonObject().put("clients", clients).put("rate", rate).put("seconds", seconds);
      try (var driver = GraphDatabase.driver("neo4j://127.0.0.1:" + bolt, AuthTokens.basic("neo4j", PASSWORD))) {
        // one node alone; it also loads the demo data the fixtures stand on
        var single = Child.start(Deployment.node(bolt, PASSWORD));
        running.add(single.process());
        int port = Integer.parseInt(single.await(READY));
        var fixtures = Fixtures.create(driver, channels);
        var token = login(port);
        Benchmark.log("two nodes: one node alone against a Neo4j server, %d clients, %d writes/s", clients, rate);
        fanout(port, null, token, fixtures, clients / 4, rate, warmup);
        out.put("oneNode", fanout(port, null, token, fixtures, clients, rate, seconds));
        stop(single.process());

        int hzA = Deployment.freePort();
        int hzB = Deployment.freePort();
        var members = "127.0.0.1:" + hzA + ",127.0.0.1:" + hzB;
        var a = Child.start(Deployment.clustered(bolt, PASSWORD, hzA, members));
        var b = Child.start(Deployment.clustered(bolt, PASSWORD, hzB, members));
        running.add(a.process());
        running.add(b.process());
        int portA = Integer.parseInt(a.await(READY));
        int portB = Integer.parseInt(b.await(READY));
        int balancer = Deployment.freePort();
        var nginx = Deployment.nginx(portA, portB, balancer);
        running.add(nginx);
        token = login(balancer);
        Benchmark.log("two nodes: clustered, through nginx, same clients and rate");
        fanout(balancer, null, token, fixtures, clients / 4, rate, warmup);
        out.put("twoNodes", fanout(balancer, null, token, fixtures, clients, rate, seconds));
        Benchmark.log("two nodes: sockets half on each node, every write through node A (the hop)");
        out.put("hop", fanout(portA, new JsonArray().add(portA).add(portB), token, fixtures, clients, rate, seconds)
            .put("portA", portA).put("portB", portB));

        var processes = new LinkedHashMap<String, Process>();
        processes.put("neo4j", neo4j);
        processes.put("nodeA", a.process());
        processes.put("nodeB", b.process());
        processes.put("nginx", nginx);
        var steps = new JsonArray();
        for (int r : new int[] {rate, 2 * rate, 4 * rate, 8 * rate}) {
          Benchmark.log("two nodes: %d writes/s through nginx", r);
          var before = cpu(processes);
          long[] machineBefore = Machine.ticks();
          long t0 = System.nanoTime();
          var step = fanout(balancer, null, token, fixtures, clients, r, seconds);
          double wall = (System.nanoTime() - t0) / 1e9;
          var after = cpu(processes);
          var share = new JsonObject();
          after.forEach((name, cpu) -> share.put(name, 100.0 * (cpu - before.get(name)) / wall));
          steps.add(step.put("cpuPercentOfOneCore", share).put("machineBusyPercent", Machine.busy(machineBefore, Machine.ticks())));
        }
        out.put("steps", steps);
      }
      return out;
    } finally {
      for (var p : running.reversed()) stop(p);
      vertx.close();
    }
  }

  private static JsonObject fanout(int port, JsonArray socketPorts, String token, Fixtures fixtures, int clients, int rate, int seconds)
      throws Exception {
    var fan = fixtures.fan();
    var channels = new JsonArray(fan.stream().map(o -> ((JsonObject) o).getString("channel")).distinct().toList());
    var spec = new JsonObject().put("mode", "fanout").put("target", "liandong").put("port", port).put("token", token)
        .put("clients", clients).put("channels", channels).put("rate", rate).put("seconds", seconds).put("obligations", fan);
    if (socketPorts != null) spec.put("socketPorts", socketPorts);
    return Generator.start(spec).finish();
  }

  private static String login(int port) {
    return new Rest(port).call(HttpMethod.POST, "/api/session", null,
        new JsonObject().put("username", "demo-coordinator").put("password", "demo")).getString("token");
  }

  /** CPU seconds each process (with its children: nginx's workers) has used so far. */
  private static Map<String, Double> cpu(Map<String, Process> processes) {
    var out = new LinkedHashMap<String, Double>();
    processes.forEach((name, p) -> out.put(name, Stream.concat(Stream.of(p.toHandle()), p.toHandle().descendants())
        .mapToDouble(h -> h.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0)).sum()));
    return out;
  }

  private static void stop(Process process) throws InterruptedException {
    Deployment.kill(process);
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** The whole machine's CPU time from /proc/stat: how busy both cores were over a step. */
  static final class Machine {
    private Machine() {}

    /** {busy, total} jiffies since boot, or {0, 0} where /proc/stat is not there. */
    static long[] ticks() {
      try {
        var fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < fields.length; i++) total += Long.parseLong(fields[i]);
        long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
        return new long[] {total - idle, total};
      } catch (java.io.IOException | RuntimeException e) {
        return new long[] {0, 0};
      }
    }

    static double busy(long[] before, long[] after) {
      long total = after[1] - before[1];
      return total <= 0 ? 0 : 100.0 * (after[0] - before[0]) / total;
    }
  }
}
