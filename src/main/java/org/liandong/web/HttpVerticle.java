package org.liandong.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.function.Supplier;

/**
 * The HTTP face: health and metrics, the API exactly as the contract describes it (each
 * operation authenticated unless public, then validated), the WebSocket, the pages.
 */
public final class HttpVerticle extends VerticleBase {
  private static final int BODY_LIMIT = 1024 * 1024;
  /** A larger WebSocket message closes the socket with 1009. */
  public static final int MAX_MESSAGE = 64 * 1024;

  /** What the verticle needs from the rest of the server. */
  public record Parts(String host, int port, java.time.Clock clock, Contract contract, PrometheusMeterRegistry registry,
                      Handler<RoutingContext> authenticate, Handler<RoutingContext> webSocket,
                      Supplier<Future<Void>> databaseReady, Bookmarks bookmarks, int importMaxBytes,
                      java.util.Optional<String> metricsToken, java.util.function.Consumer<Router> signOn) {}

  /** Workbooks come in here, with a body limit of their own (LIANDONG_IMPORT_MAX_BYTES). */
  public static final String IMPORTS = "/api/imports";

  /** Read-your-writes across nodes (docs/scale-out.md): where this node's commits stand, and catching up with another's. */
  public interface Bookmarks {
    String current();

    Future<Void> catchUp(String given);
  }

  /** A write's answer carries this; a request that sends it back reads after that write, on any node. */
  public static final String BOOKMARK_HEADER = "Liandong-Bookmark";

  /** Every API answer says the server's "now" in this header (README). */
  public static final String NOW_HEADER = "Liandong-Now";

  private final Parts parts;
  private HttpServer server;

  public HttpVerticle(Parts parts) {
    this.parts = parts;
  }

  /** A write's answer says where the node's commits stand; a bookmark sent back is caught up with first. */
  private void bookmarks(RoutingContext ctx) {
    var method = ctx.request().method();
    if (method != io.vertx.core.http.HttpMethod.GET && method != io.vertx.core.http.HttpMethod.HEAD) {
      ctx.addHeadersEndHandler(v -> {
        if (ctx.response().getStatusCode() < 400) ctx.response().putHeader(BOOKMARK_HEADER, parts.bookmarks().current());
      });
    }
    var given = ctx.request().getHeader(BOOKMARK_HEADER);
    if (given == null || given.isBlank()) {
      ctx.next();
      return;
    }
    parts.bookmarks().catchUp(given).onSuccess(v -> ctx.next()).onFailure(ctx::fail);
  }

  @Override
  public Future<?> start() {
    var router = Router.router(vertx);
    router.route().handler(new RequestLog()).handler(Headers::secure);
    operations(router);
    router.get("/ws").handler(parts.webSocket());
    router.get("/api/openapi.yaml").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/yaml; charset=utf-8").sendFile("openapi.yaml"));
    // the server's clock (the demo's day in demo mode): the pages count days and show "now" by it
    router.route("/api/*").handler(ctx -> {
      ctx.response().putHeader(NOW_HEADER, parts.clock().instant().toString());
      ctx.next();
    });
    router.post(IMPORTS + "*").handler(BodyHandler.create(false).setBodyLimit(parts.importMaxBytes()));
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    router.route("/api/*").handler(this::bookmarks);
    parts.contract().mount(vertx, router, parts.authenticate());
    // an address outside the contract: 401 for a stranger (nothing to learn), 404 for a user
    router.route("/api/*").handler(parts.authenticate()).handler(ctx -> ctx.fail(404));
    // single sign-on's redirects and the provider's back-channel logout (docs/sso.md), where configured
    parts.signOn().accept(router);
    router.get("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars").setMaxAgeSeconds(86_400));
    router.route().handler(StaticHandler.create("webroot").setDefaultContentEncoding("UTF-8").setCachingEnabled(false));
    router.route().failureHandler(new FailureHandler(parts.importMaxBytes()));
    var options = new HttpServerOptions()
        .setCompressionSupported(true)
        .setMaxWebSocketFrameSize(MAX_MESSAGE)
        .setMaxWebSocketMessageSize(MAX_MESSAGE)
        // no WebSocket extension is offered, so a frame with a reserved bit set is a protocol error (1002)
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false);
    return vertx.createHttpServer(options)
        .requestHandler(router)
        .listen(parts.port(), parts.host())
        .onSuccess(s -> server = s);
  }

  /** What operators and their tools ask: whether the node lives, whether it is ready, its metrics. */
  private void operations(Router router) {
    router.get("/health/live").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
    router.get("/health/ready").handler(HealthCheckHandler.create(vertx).register("neo4j", 1000,
        promise -> parts.databaseReady().get()
            // anonymous callers learn that the database is down, not why (no exception text)
            .onSuccess(v -> promise.complete(Status.OK()))
            .onFailure(e -> promise.complete(Status.KO()))));
    router.get("/metrics").handler(new MetricsAccess(parts.metricsToken())).handler(PrometheusScrapingHandler.create(parts.registry()));
  }

  public int actualPort() {
    return server.actualPort();
  }
}
