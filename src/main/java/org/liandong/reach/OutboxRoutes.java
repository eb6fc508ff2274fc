package org.liandong.reach;

import io.vertx.ext.web.RoutingContext;
import org.liandong.access.CurrentUser;
import org.liandong.support.Body;
import org.liandong.support.Query;
import org.liandong.support.Routes;

/** The outbox as the admins see it: the deliveries by status, and a failed one sent again. */
public final class OutboxRoutes implements Routes {
  private final Outbox outbox;

  public OutboxRoutes(Outbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void mount(Operations api) {
    api.on("listDeliveries", this::list)
        .on("retryDelivery", this::retry)
        .on("testMessage", ctx -> outbox.test(CurrentUser.of(ctx))
            .onSuccess(sent -> ctx.response().setStatusCode(202).putHeader("Content-Type", "application/json").end(sent.encode()))
            .onFailure(ctx::fail))
        .on("listRobots", ctx -> outbox.robots(CurrentUser.of(ctx), ctx.pathParam("id")).onSuccess(ctx::json).onFailure(ctx::fail))
        .on("addRobot", this::addRobot)
        .on("removeRobot", ctx -> outbox.removeRobot(CurrentUser.of(ctx), ctx.pathParam("id"), ctx.pathParam("robot"))
            .onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail));
  }

  private void list(RoutingContext ctx) {
    var q = Query.of(ctx);
    outbox.list(CurrentUser.of(ctx), q.text("status"), q.page().limit()).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void addRobot(RoutingContext ctx) {
    var body = Body.of(ctx);
    outbox.addRobot(CurrentUser.of(ctx), ctx.pathParam("id"), body.text("platform"), body.text("name"), body.text("url"), body.text("secret"))
        .onSuccess(robot -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json").end(robot.encode()))
        .onFailure(ctx::fail);
  }

  private void retry(RoutingContext ctx) {
    outbox.retry(CurrentUser.of(ctx), ctx.pathParam("id")).onSuccess(ctx::json).onFailure(ctx::fail);
  }
}
