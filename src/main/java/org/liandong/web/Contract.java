package org.liandong.web;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestUtils;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.ValidatedRequest;
import io.vertx.openapi.validation.ValidatorException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.liandong.access.Action;
import org.liandong.access.CurrentUser;
import org.liandong.access.Policy;
import org.liandong.support.Body;
import org.liandong.support.Failure;
import org.liandong.support.Query;
import org.liandong.support.Routes;
import org.liandong.support.StrictJson;
import org.liandong.support.Text;

/**
 * The API as {@code openapi.yaml} describes it, and nothing else: every operation of the
 * contract is bound to exactly one handler by its operationId (a missing or unknown one stops
 * the start-up), and every request is checked against its operation's schemas before the
 * handler sees it. Authentication runs first, except for operations the contract marks public,
 * then the role check an operation names in {@code x-action}, then validation.
 */
public final class Contract {
  private final OpenAPIContract contract;
  private final Map<String, Handler<RoutingContext>> handlers;
  private final Policy policy;

  private Contract(OpenAPIContract contract, Map<String, Handler<RoutingContext>> handlers, Policy policy) {
    this.contract = contract;
    this.handlers = handlers;
    this.policy = policy;
  }

  /** Reads the contract and binds the features' handlers to it; fails naming every mismatch. */
  public static Future<Contract> load(Vertx vertx, List<? extends Routes> features, Policy policy) {
    return OpenAPIContract.from(vertx, "openapi.yaml").compose(contract -> {
      var handlers = new LinkedHashMap<String, Handler<RoutingContext>>();
      var duplicates = new TreeSet<String>();
      for (var feature : features) {
        feature.mount(new Routes.Operations() {
          @Override
          public Routes.Operations on(String operationId, Handler<RoutingContext> handler) {
            if (handlers.put(operationId, handler) != null) duplicates.add(operationId);
            return this;
          }
        });
      }
      var problems = mismatches(contract, handlers.keySet());
      if (!duplicates.isEmpty()) problems.add("bound twice: " + duplicates);
      contract.operations().forEach(op -> {
        var action = op.getExtensions().get("x-action");
        if (action != null && java.util.Arrays.stream(Action.values()).noneMatch(a -> a.name().equals(action))) {
          problems.add(op.getOperationId() + " names an unknown x-action " + action);
        }
      });
      return problems.isEmpty() ? Future.succeededFuture(new Contract(contract, handlers, policy))
          : Future.failedFuture(new IllegalStateException("openapi.yaml and the routes disagree: " + String.join("; ", problems)));
    });
  }

  /** What the contract has that no handler serves, and what the handlers serve that the contract lacks. */
  static List<String> mismatches(OpenAPIContract contract, java.util.Set<String> bound) {
    var described = new TreeSet<String>();
    contract.operations().forEach(op -> described.add(op.getOperationId()));
    var unserved = new TreeSet<>(described);
    unserved.removeAll(bound);
    var undescribed = new TreeSet<>(bound);
    undescribed.removeAll(described);
    var problems = new java.util.ArrayList<String>();
    if (!unserved.isEmpty()) problems.add("operations without a handler: " + unserved);
    if (!undescribed.isEmpty()) problems.add("handlers for operations the contract does not describe: " + undescribed);
    return problems;
  }

  /** Adds a route per operation: authentication (unless public), validation, then the feature's handler. */
  void mount(Vertx vertx, Router router, Handler<RoutingContext> authenticate) {
    var validator = RequestValidator.create(vertx, ValidatorCache.of(contract));
    for (var path : contract.getPaths()) {
      for (var operation : path.getOperations()) {
        var route = router.route(operation.getHttpMethod(), path.getName().replaceAll("\\{(.*?)}", ":$1"));
        if (!operation.getSecurityRequirements().isEmpty()) route.handler(authenticate);
        // a role that may not call the operation at all hears so before its body is looked at
        if (operation.getExtensions().get("x-action") instanceof String action) {
          var required = Action.valueOf(action);
          route.handler(ctx -> {
            policy.require(CurrentUser.of(ctx), required);
            ctx.next();
          });
        }
        route.handler(ctx -> validate(ctx, validator, operation));
        route.handler(handlers.get(operation.getOperationId()));
      }
    }
  }

  /** The raw contract, for the tests' comparison with the routes. */
  public OpenAPIContract contract() {
    return contract;
  }

  private static void validate(RoutingContext ctx, RequestValidator validator, Operation operation) {
    unknownQuery(ctx, operation);
    var body = ctx.body() == null ? null : ctx.body().buffer();
    if (body != null && body.length() > 0 && isJson(ctx)) StrictJson.check(body.getBytes());
    encodeQueryAgain(ctx);
    RequestUtils.extract(ctx.request(), operation, () -> Future.succeededFuture(body))
        .compose(request -> validator.validate(request, operation.getOperationId()))
        .onSuccess(validated -> {
          keep(ctx, validated);
          ctx.next();
        })
        .onFailure(e -> ctx.fail(e instanceof ValidatorException v ? SchemaErrors.of(v, operation) : e));
  }

  /**
   * A query parameter the operation does not take is refused, naming it and those it takes: a
   * filter misspelt or unknown would otherwise be ignored, and the answer would hold everything.
   */
  private static void unknownQuery(RoutingContext ctx, Operation operation) {
    var taken = new TreeSet<String>();
    operation.getParameters().forEach(p -> {
      if (p.getIn() == io.vertx.openapi.contract.Location.QUERY) taken.add(p.getName());
    });
    for (var name : ctx.queryParams().names()) {
      if (taken.contains(name)) continue;
      if (name.equals("version")) {
        throw Failure.invalid(name, Text.key("server.web.notQueryParameterSend"));
      }
      throw Failure.invalid(name, taken.isEmpty() ? Text.key("server.web.noQueryParameters")
          : Text.key("server.web.notQueryParameterRequest", "known", taken));
    }
  }

  /**
   * vertx-openapi 5.0.7 URL-decodes query values that Vert.x has decoded already
   * (eclipse-vertx/vertx-openapi#117, #124), so {@code asOf=…%2B08:00} reached the check as
   * {@code … 08:00}; each value is encoded once more, so the second decoding gives it back as sent.
   * The handlers read the query the contract hands them ({@link Query}), not the request's.
   */
  private static void encodeQueryAgain(RoutingContext ctx) {
    var params = ctx.request().params();
    for (var name : java.util.Set.copyOf(params.names())) {
      var values = params.getAll(name).stream()
          .map(v -> java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)).toList();
      params.set(name, values);
    }
  }

  private static boolean isJson(RoutingContext ctx) {
    var type = ctx.request().getHeader("Content-Type");
    return type == null || type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
  }

  private static void keep(RoutingContext ctx, ValidatedRequest validated) {
    var body = validated.getBody();
    if (body != null && !body.isNull() && body.get() instanceof JsonObject json) ctx.put(Body.KEY, json);
    var query = new JsonObject();
    validated.getQuery().forEach((name, value) -> {
      if (value != null && !value.isNull()) query.put(name, value.get());
    });
    ctx.put(Query.KEY, query);
  }
}
