package org.liandong.bench;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The benchmark's own requests (set-up and the timed reads), one at a time from its main thread,
 * through the JDK's HTTP client. Vert.x 5.0.7's client, driven from this thread with await, now
 * and then never completed a request (no line in the server's access log for it; 1 in 1,000 to
 * 7,000 sequential GETs, with or without query parameters), which failed a run after a minute;
 * a Python client doing the same against the same server saw none in 80,000.
 */
final class Rest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(30)).build();
  private final int port;

  Rest(int port) {
    this.port = port;
  }

  /** The answer as JSON (an array under {@code array}); a 4xx or 5xx, or no answer within a minute, fails the run. */
  JsonObject call(HttpMethod method, String uri, String token, JsonObject body) {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + uri)).timeout(WAIT)
        .header("Content-Type", "application/json")
        .method(method.name(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()));
    if (token != null) request.header("Authorization", "Bearer " + token);
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + uri + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + uri + " interrupted", e);
    }
    var text = response.body().strip();
    if (response.statusCode() >= 400) throw new IllegalStateException(uri + " → " + response.statusCode() + " " + text);
    if (text.isEmpty()) return new JsonObject();
    return text.startsWith("[") ? new JsonObject().put("array", new JsonArray(text)) : new JsonObject(text);
  }
}
