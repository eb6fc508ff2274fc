package org.liandong.reach;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP server standing in for the SMS gateway: it keeps every request as it came (headers
 * and the body's bytes) and answers as it is told, by how many times the delivery was tried.
 */
public final class GatewayReceiver implements AutoCloseable {
  public record Received(String uri, String timestamp, String signature, String contentType, byte[] body) {
    public JsonObject json() {
      return new JsonObject(new String(body, StandardCharsets.UTF_8));
    }
  }

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  public final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicReference<java.util.function.IntUnaryOperator> answers = new AtomicReference<>(n -> 200);

  public GatewayReceiver() throws Exception {
    server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      var got = new Received(request.uri(), request.getHeader("X-Liandong-Timestamp"), request.getHeader("X-Liandong-Signature"),
          request.getHeader("Content-Type"), body.getBytes());
      var id = String.valueOf(got.json().getValue("id", request.uri()));
      int tries = (int) received.stream().filter(r -> id.equals(String.valueOf(r.json().getValue("id", r.uri())))).count() + 1;
      received.add(got);
      int status = answers.get().applyAsInt(tries);
      request.response().setStatusCode(status).end(status == 200 ? "{\"errcode\":0,\"errmsg\":\"ok\",\"code\":0,\"msg\":\"success\"}" : "{\"error\":\"busy\"}");
    })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** The status each request gets, by how many times its delivery has been tried (1 for the first). */
  public void answer(java.util.function.IntUnaryOperator byTry) {
    answers.set(byTry);
  }

  public String url() {
    return url("/sms");
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  @Override
  public void close() {
    vertx.close();
  }
}
