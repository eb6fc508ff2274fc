package org.liandong;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The parts of docker/compose.yaml on loopback, for the cluster tests and the benchmark's
 * two-node row: a Neo4j server in a JVM of its own, the environment of a node against it
 * (clustered or not), and Debian's nginx running docker/nginx.conf with only its addresses
 * rewritten.
 */
public final class Deployment {
  private Deployment() {}

  /**
   * A Neo4j server process ({@link StandaloneNeo4j}) on {@code bolt}, its output beside the store,
   * returned once it says it is ready: Bolt listens before the password is set, so a node that
   * connected on the first answer of the port could be refused.
   */
  public static Process neo4j(Path store, int bolt, String password) throws Exception {
    var java = ProcessHandle.current().info().command().orElse("java");
    var log = store.resolveSibling(store.getFileName() + ".log");
    Files.deleteIfExists(log);
    var process = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"), StandaloneNeo4j.class.getName(),
        store.toString(), String.valueOf(bolt), password).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains("neo4j ready on " + bolt)) return process;
      if (!process.isAlive()) throw new IllegalStateException("the Neo4j server ended:\n" + Files.readString(log));
      Thread.sleep(100);
    }
    throw new IllegalStateException("the Neo4j server never said it was ready:\n" + Files.readString(log));
  }

  /** A node against that server with the routing scheme, demo data on, the timers quiet. */
  public static Map<String, String> node(int bolt, String password) {
    var env = new HashMap<String, String>();
    env.put("LIANDONG_HTTP_PORT", "0");
    env.put("LIANDONG_HTTP_HOST", "127.0.0.1");
    env.put("LIANDONG_DATA_DIR", TestServer.tempDir("liandong-node-").toString());
    env.put("NEO4J_URI", "neo4j://127.0.0.1:" + bolt);
    env.put("NEO4J_USER", "neo4j");
    env.put("NEO4J_PASSWORD", password);
    env.put("LIANDONG_DEMO", "true");
    env.put("LIANDONG_CHASE_SECONDS", "86400");
    env.put("LIANDONG_REPLAY_WINDOW", "5000");
    return env;
  }

  /** The same node as a cluster member on {@code hazelcast}, joining {@code members}. */
  public static Map<String, String> clustered(int bolt, String password, int hazelcast, String members) {
    var env = node(bolt, password);
    env.put("LIANDONG_CLUSTER", "true");
    env.put("LIANDONG_CLUSTER_HOST", "127.0.0.1");
    env.put("LIANDONG_CLUSTER_PORT", String.valueOf(hazelcast));
    env.put("LIANDONG_CLUSTER_MEMBERS", members);
    return env;
  }

  /** docker/nginx.conf as it is, but for the nodes' and its own loopback ports; returned once it listens. */
  public static Process nginx(int portA, int portB, int port) throws Exception {
    var conf = Files.readString(Path.of("docker/nginx.conf"));
    for (var expected : new String[] {"server app1:8080 ", "server app2:8080 ", "listen 8080;"}) {
      if (!conf.contains(expected)) throw new IllegalStateException("docker/nginx.conf no longer has \"" + expected + "\"");
    }
    conf = conf.replace("server app1:8080 ", "server 127.0.0.1:" + portA + " ")
        .replace("server app2:8080 ", "server 127.0.0.1:" + portB + " ")
        .replace("listen 8080;", "listen 127.0.0.1:" + port + ";");
    var dir = TestServer.tempDir("liandong-nginx-");
    Files.writeString(dir.resolve("nginx.conf"), conf);
    var process = new ProcessBuilder("nginx", "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString(),
        "-g", "daemon off; pid " + dir.resolve("nginx.pid") + "; error_log " + dir.resolve("error.log") + ";")
        .redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile()).start();
    awaitPort(port, process);
    return process;
  }

  /** Ports handed out in this JVM: the OS may offer a port just closed again, and two nodes must not be given the same one. */
  private static final java.util.Set<Integer> GIVEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** A port nothing listens on now, never one this JVM was given before. */
  public static int freePort() throws Exception {
    while (true) {
      try (var socket = new ServerSocket(0)) {
        if (GIVEN.add(socket.getLocalPort())) return socket.getLocalPort();
      }
    }
  }

  /** Returns once something listens on the port; fails if the process ends first or after two minutes. */
  /** Kills a process and whatever it started (nginx's workers outlive a killed master otherwise). */
  public static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  public static void awaitPort(int port, Process process) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) throw new IllegalStateException("the process ended before listening on " + port);
      try (var socket = new Socket("127.0.0.1", port)) {
        return;
      } catch (java.io.IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("nothing listened on " + port);
  }
}
