package org.liandong.live;

import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.liandong.Api;
import org.liandong.TestServer;

/** A socket for tests outside the live package: subscribe and hear whether it was let in. */
public final class LiveProbe implements AutoCloseable {
  private final LiveClient client;

  private LiveProbe(LiveClient client) {
    this.client = client;
  }

  public static LiveProbe connect(Api as) {
    var client = LiveClient.open(TestServer.get().port(), Map.of(), new WebSocketClientOptions());
    client.send(new JsonObject().put("type", "auth").put("token", as.token()));
    client.next(m -> "welcome".equals(m.getString("type")));
    return new LiveProbe(client);
  }

  /** "subscribed", "resync", or the error code. */
  public String subscribe(String channel) {
    var answer = client.subscribe(channel, null);
    return "error".equals(answer.getString("type")) ? answer.getString("code") : answer.getString("type");
  }

  @Override
  public void close() {
    client.close();
  }
}
