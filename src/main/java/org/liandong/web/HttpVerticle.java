package org.liandong.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.List;
import java.util.Map;
import org.liandong.accounts.AccountRoutes;
import org.liandong.storage.Graph;

/** The HTTP face: health and metrics, the public API, then everything behind authentication. */
public final class HttpVerticle extends VerticleBase {
  private static final int BODY_LIMIT = 1024 * 1024;
  /** A larger WebSocket message closes the socket with 1009. */
  private static final int MAX_MESSAGE = 64 * 1024;

  private final String host;
  private final int port;
  private final Graph graph;
  private final PrometheusMeterRegistry registry;
  private final AccountRoutes accounts;
  private final Handler<RoutingContext> authenticate;
  private final List<Routes> features;
  private final Handler<RoutingContext> webSocket;
  private HttpServer server;

  public HttpVerticle(String host, int port, Graph graph, PrometheusMeterRegistry registry,
                      AccountRoutes accounts, Handler<RoutingContext> authenticate, List<Routes> features,
                      Handler<RoutingContext> webSocket) {
    this.host = host;
    this.port = port;
    this.graph = graph;
    this.registry = registry;
    this.accounts = accounts;
    this.authenticate = authenticate;
    this.features = features;
    this.webSocket = webSocket;
  }

  @Override
  public Future<?> start() {
    var router = Router.router(vertx);
    router.route().handler(new RequestLog()).handler(HttpVerticle::securityHeaders);
    router.get("/health/live").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
    router.get("/health/ready").handler(this::ready);
    router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
    router.get("/ws").handler(webSocket);
    router.get("/api/openapi.yaml").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/yaml; charset=utf-8").sendFile("openapi.yaml"));
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    accounts.mountPublic(router);
    router.route("/api/*").handler(authenticate);
    accounts.mount(router);
    features.forEach(f -> f.mount(router));
    router.route("/api/*").handler(ctx -> ctx.fail(404));
    router.get("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars").setMaxAgeSeconds(86_400));
    router.route().handler(StaticHandler.create("webroot").setDefaultContentEncoding("UTF-8").setCachingEnabled(false));
    router.route().failureHandler(new FailureHandler());
    var options = new HttpServerOptions()
        .setMaxWebSocketFrameSize(MAX_MESSAGE)
        .setMaxWebSocketMessageSize(MAX_MESSAGE);
    return vertx.createHttpServer(options)
        .requestHandler(router)
        .listen(port, host)
        .onSuccess(s -> server = s);
  }

  public int actualPort() {
    return server.actualPort();
  }

  private void ready(RoutingContext ctx) {
    graph.query("RETURN 1 AS ok", Map.of())
        .onSuccess(rows -> ctx.json(new JsonObject().put("status", "UP").put("neo4j", "UP")))
        .onFailure(e -> ctx.response().setStatusCode(503).putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("status", "DOWN").put("neo4j", String.valueOf(e.getMessage())).encode()));
  }

  private static void securityHeaders(RoutingContext ctx) {
    ctx.response()
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Referrer-Policy", "same-origin")
        .putHeader("Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self' ws: wss:");
    ctx.next();
  }
}
