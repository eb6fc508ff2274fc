package org.liandong;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A real HTTP client for the tests, speaking JSON, logged in as somebody or nobody. */
public final class Api {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final int port;
  private final Map<String, String> headers = new LinkedHashMap<>();

  public Api(int port) {
    this.port = port;
  }

  /** Logs in with the demo password and sends the bearer token from then on. */
  public Api as(String username) {
    return as(username, "demo");
  }

  public Api as(String username, String password) {
    var login = post("/api/session", new JsonObject().put("username", username).put("password", password));
    if (login.status() != 201) throw new AssertionError("login as " + username + " failed: " + login);
    var api = new Api(port);
    api.headers.put("Authorization", "Bearer " + login.json().getString("token"));
    return api;
  }

  /** The bearer token this client sends, for a WebSocket to authenticate with. */
  public String token() {
    return headers.get("Authorization").substring("Bearer ".length());
  }

  public int port() {
    return port;
  }

  public Api with(String header, String value) {
    var api = new Api(port);
    api.headers.putAll(headers);
    api.headers.put(header, value);
    return api;
  }

  public Response get(String path) {
    return send("GET", path, null);
  }

  public Response post(String path, Object body) {
    return send("POST", path, body);
  }

  public Response patch(String path, Object body) {
    return send("PATCH", path, body);
  }

  public Response put(String path, Object body) {
    return send("PUT", path, body);
  }

  public Response delete(String path) {
    return send("DELETE", path, null);
  }

  /** Sends a file as the body (application/octet-stream: a workbook to import). */
  public Response upload(String path, byte[] file) {
    var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(120))
        .POST(HttpRequest.BodyPublishers.ofByteArray(file)).header("Content-Type", "application/octet-stream");
    return new Response(exchange(builder, HttpResponse.BodyHandlers.ofString()));
  }

  /** A download: its status, headers and bytes (an exported workbook). */
  public HttpResponse<byte[]> download(String path) {
    var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60)).GET();
    return exchange(builder, HttpResponse.BodyHandlers.ofByteArray());
  }

  public Response send(String method, String path, Object body) {
    var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString()));
    if (body != null) builder.header("Content-Type", "application/json");
    return new Response(exchange(builder, HttpResponse.BodyHandlers.ofString()));
  }

  /** Sends the request with this client's headers (its token); the answer must be one the contract documents ({@link ContractCheck}). */
  private <T> HttpResponse<T> exchange(HttpRequest.Builder builder, HttpResponse.BodyHandler<T> body) {
    headers.forEach(builder::header);
    try {
      var response = HTTP.send(builder.build(), body);
      ContractCheck.check(response, response.body() instanceof byte[] bytes ? bytes
          : String.valueOf(response.body()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return response;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public record Response(HttpResponse<String> raw) {
    public int status() {
      return raw.statusCode();
    }

    public String body() {
      return raw.body();
    }

    public JsonObject json() {
      return new JsonObject(raw.body());
    }

    public JsonArray array() {
      return new JsonArray(raw.body());
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return raw.request().method() + " " + raw.request().uri().getPath() + " → " + raw.statusCode() + " " + raw.body();
    }
  }
}
