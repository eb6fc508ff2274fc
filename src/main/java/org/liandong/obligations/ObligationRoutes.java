package org.liandong.obligations;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import org.liandong.accounts.CurrentUser;
import org.liandong.accounts.Role;
import org.liandong.storage.Idempotency;
import org.liandong.support.Failure;
import org.liandong.support.Fields;
import org.liandong.support.Paging;
import org.liandong.support.Versions;
import org.liandong.web.Responses;
import org.liandong.web.Routes;

/** The department inbox's API: list, create, move through the workflow, depend. */
public final class ObligationRoutes implements Routes {
  private final ObligationService obligations;

  public ObligationRoutes(ObligationService obligations) {
    this.obligations = obligations;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/obligations").handler(this::list);
    router.post("/api/obligations").handler(this::create);
    router.get("/api/obligations/:id").handler(this::one);
    router.patch("/api/obligations/:id").handler(this::update);
    router.delete("/api/obligations/:id").handler(this::delete);
    router.post("/api/obligations/:id/dependencies").handler(this::link);
    router.delete("/api/obligations/:id/dependencies/:dependsOn").handler(this::unlink);
  }

  private void list(RoutingContext ctx) {
    var q = ctx.queryParams();
    var statuses = q.get("status") == null ? null : Arrays.stream(q.get("status").split(",")).map(String::strip).toList();
    if (statuses != null && !Status.names().containsAll(statuses)) {
      throw Failure.invalid("status", "must be one or more (comma-separated) of " + String.join(", ", Status.names()));
    }
    var track = oneOf(q.get("track"), "track", ObligationFields.TRACKS);
    var kind = oneOf(q.get("kind"), "kind", ObligationFields.KINDS);
    var overdue = q.get("overdue") == null ? null : switch (q.get("overdue")) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw Failure.invalid("overdue", "must be true or false");
    };
    var filter = new ObligationService.Filter(q.get("department"), q.get("project"), statuses, track, kind, overdue);
    obligations.list(filter, Paging.of(ctx, 50, 500)).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void one(RoutingContext ctx) {
    obligations.one(ctx.pathParam("id")).onSuccess(o -> Responses.ok(ctx, o)).onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    var me = CurrentUser.of(ctx).require("dispatch obligations", Role.ADMIN, Role.COORDINATOR);
    var f = ObligationFields.forCreate(Fields.of(ctx).require("projectId")).check();
    var key = Idempotency.Key.of(ctx.request().getHeader("Idempotency-Key"), me.id(), ctx.body().asString());
    obligations.create(me, f.values(), key)
        .compose(created -> obligations.one(created.id()))
        .onSuccess(o -> Responses.created(ctx, "/api/obligations/" + o.getString("id"), o))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    var me = CurrentUser.of(ctx).require("change obligations", Role.ADMIN, Role.COORDINATOR, Role.OFFICER);
    var f = Fields.of(ctx);
    var version = Versions.expected(ctx, f);
    ObligationFields.forUpdate(f.allow("version")).check();
    if (f.values().isEmpty()) throw Failure.invalid("body", "send at least one field to change");
    var id = ctx.pathParam("id");
    obligations.update(me, id, version, f.values())
        .onSuccess(o -> Responses.ok(ctx, o))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    var me = CurrentUser.of(ctx).require("delete obligations", Role.ADMIN, Role.COORDINATOR);
    var version = Versions.expected(ctx, Fields.of(ctx).allow("version"));
    obligations.delete(me, ctx.pathParam("id"), version)
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void link(RoutingContext ctx) {
    var me = CurrentUser.of(ctx).require("change dependencies", Role.ADMIN, Role.COORDINATOR);
    var f = Fields.of(ctx);
    var version = Versions.expected(ctx, f);
    var dependsOn = f.allow("version").require("dependsOn").text("dependsOn", 100);
    f.check();
    var id = ctx.pathParam("id");
    obligations.link(me, id, version, dependsOn)
        .compose(v -> obligations.one(id))
        .onSuccess(o -> Responses.ok(ctx, o))
        .onFailure(ctx::fail);
  }

  private void unlink(RoutingContext ctx) {
    var me = CurrentUser.of(ctx).require("change dependencies", Role.ADMIN, Role.COORDINATOR);
    var version = Versions.expected(ctx, Fields.of(ctx).allow("version"));
    var id = ctx.pathParam("id");
    obligations.unlink(me, id, version, ctx.pathParam("dependsOn"))
        .compose(v -> obligations.one(id))
        .onSuccess(o -> Responses.ok(ctx, o))
        .onFailure(ctx::fail);
  }

  private static String oneOf(String value, String name, List<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      throw Failure.invalid(name, "must be one of " + String.join(", ", allowed));
    }
    return value;
  }
}
