package org.liandong.signon;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real Keycloak, from its own distribution on Maven Central (unpacked by the build into
 * target/keycloak), started once per test JVM in development mode on free ports with the realm
 * in docker/keycloak/liandong-realm.json: its users, groups and the liandong client. Nothing
 * of the protocol is imitated here; the admin API is used only to point the client's
 * back-channel logout at the server under test and to end a person's sessions there.
 */
public final class Keycloak {
  public static final String REALM = "liandong";
  public static final String CLIENT = "liandong";
  public static final String SECRET = "liandong-demo-secret";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static Keycloak shared;

  private final Process process;
  private final int port;

  private Keycloak(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** The one Keycloak of this test JVM, started at the first call (about 20 to 60 seconds on two cores). */
  public static synchronized Keycloak shared() {
    if (shared == null) {
      shared = start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
    }
    return shared;
  }

  public String issuer() {
    return "http://127.0.0.1:" + port + "/realms/" + REALM;
  }

  public static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Keycloak start() {
    var home = Path.of(System.getProperty("liandong.keycloak.home", "target/keycloak/keycloak-26.5.6"));
    if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
      throw new IllegalStateException("no Keycloak at " + home + ": mvn verify unpacks it (org.keycloak:keycloak-quarkus-dist)");
    }
    try {
      deleteTree(home.resolve("data"));
      Files.createDirectories(home.resolve("data/import"));
      Files.copy(Path.of("docker/keycloak/liandong-realm.json"), home.resolve("data/import/liandong-realm.json"));
      int port = freePort();
      var builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev", "--http-port=" + port,
          "--http-management-port=" + freePort(), "--import-realm", "--cache=local")
          .redirectErrorStream(true).redirectOutput(Path.of("target", "keycloak.log").toFile());
      builder.environment().putAll(Map.of("JAVA_HOME", System.getProperty("java.home"),
          "KC_BOOTSTRAP_ADMIN_USERNAME", "admin", "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin",
          "JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx768m"));
      var keycloak = new Keycloak(builder.start(), port);
      keycloak.awaitReady(Duration.ofMinutes(4));
      return keycloak;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void awaitReady(Duration patience) {
    long until = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < until) {
      if (!process.isAlive()) throw new IllegalStateException("Keycloak stopped; see target/keycloak.log");
      try {
        var answer = HTTP.send(HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration")).build(),
            HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 200) return;
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep();
    }
    throw new IllegalStateException("Keycloak did not start within " + patience + "; see target/keycloak.log");
  }

  private static void sleep() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void stop() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The client's back-channel logout goes to the server under test (its port is known only now). */
  public void backChannelTo(String url) {
    var client = admin("GET", "/clients?clientId=" + CLIENT, null);
    var representation = new JsonArray(client).getJsonObject(0);
    representation.getJsonObject("attributes").put("backchannel.logout.url", url);
    admin("PUT", "/clients/" + representation.getString("id"), representation.encode());
  }

  /** The person's id at the provider: their subject. */
  public String subject(String username) {
    return new JsonArray(admin("GET", "/users?exact=true&username=" + username, null)).getJsonObject(0).getString("id");
  }

  /** Logs the person out at the provider, everywhere (an administrator's "sign out"): the clients hear it by back-channel. */
  public void logOut(String username) {
    admin("POST", "/users/" + subject(username) + "/logout", null);
  }

  private String admin(String method, String path, String body) {
    var token = new JsonObject(form("http://127.0.0.1:" + port + "/realms/master/protocol/openid-connect/token",
        Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin")).body())
        .getString("access_token");
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/realms/" + REALM + path))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    var answer = send(request.build());
    if (answer.statusCode() / 100 != 2) throw new IllegalStateException(method + " " + path + ": " + answer.statusCode() + " " + answer.body());
    return answer.body();
  }

  /** A form posted as a browser or a client would, answered as text. */
  public static HttpResponse<String> form(String url, Map<String, String> fields) {
    var body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    try (var paths = Files.walk(root)) {
      for (var path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(path);
    }
  }
}
