package org.liandong.web;

import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import org.liandong.support.Failure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error leaves as JSON {error, message, messageZh, ...}: a user's mistake as its 4xx with
 * words they can act on, our own bug as a 500 logged once with its stack trace.
 */
final class FailureHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

  private static final Map<String, String> ZH = Map.of(
      "not_found", "找不到该对象或地址",
      "invalid", "请求内容有误，请按字段提示修改",
      "unprocessable", "请求不符合业务规则，请按提示修改",
      "conflict", "该对象已被他人修改或状态不允许此操作，请查看最新版本",
      "unauthorized", "请先登录",
      "forbidden", "您的角色无权执行此操作",
      "version_required", "请提交您所读取的版本号",
      "method_not_allowed", "不支持该请求方法",
      "too_large", "请求内容过大",
      "internal", "服务器内部错误，请稍后再试");

  @Override
  public void handle(RoutingContext ctx) {
    var error = ctx.failure();
    if (ctx.response().headWritten()) {
      LOG.warn("failure after the response started: {} {}", ctx.request().method(), ctx.request().path(), error);
      ctx.response().reset();
      return;
    }
    if (error instanceof Failure f) {
      send(ctx, f.status(), f.code(), f.getMessage(), f.details());
    } else if (error instanceof DecodeException) {
      send(ctx, 400, "invalid", "the body is not valid JSON", new JsonObject());
    } else if (error == null && ctx.statusCode() == 404) {
      send(ctx, 404, "not_found", "no such address: " + ctx.request().path(), new JsonObject());
    } else if (error == null && ctx.statusCode() == 405) {
      send(ctx, 405, "method_not_allowed", ctx.request().method() + " is not supported here", new JsonObject());
    } else if (error == null && ctx.statusCode() == 413) {
      send(ctx, 413, "too_large", "the body is too large", new JsonObject());
    } else if (error == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      send(ctx, ctx.statusCode(), "invalid", "the request was refused", new JsonObject());
    } else {
      LOG.error("unexpected failure on {} {}", ctx.request().method(), ctx.request().path(), error);
      send(ctx, 500, "internal", "something went wrong on our side; it has been logged", new JsonObject());
    }
  }

  private static void send(RoutingContext ctx, int status, String code, String message, JsonObject details) {
    var body = new JsonObject().put("error", code).put("message", message).put("messageZh", ZH.get(code));
    body.mergeIn(details);
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .end(body.encode());
  }
}
