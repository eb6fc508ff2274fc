package org.liandong.departments;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.liandong.accounts.CurrentUser;
import org.liandong.accounts.Role;
import org.liandong.storage.Idempotency;
import org.liandong.support.Failure;
import org.liandong.support.Fields;
import org.liandong.support.Versions;
import org.liandong.web.Responses;
import org.liandong.web.Routes;

/** Everyone reads departments; only admins change them. */
public final class DepartmentRoutes implements Routes {
  private final DepartmentService departments;

  public DepartmentRoutes(DepartmentService departments) {
    this.departments = departments;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/departments").handler(this::list);
    router.post("/api/departments").handler(this::create);
    router.get("/api/departments/:id").handler(this::one);
    router.patch("/api/departments/:id").handler(this::update);
    router.delete("/api/departments/:id").handler(this::delete);
  }

  private void list(RoutingContext ctx) {
    var level = ctx.queryParams().get("level");
    if (level != null && !DepartmentService.LEVELS.contains(level)) {
      throw Failure.invalid("level", "must be one of " + String.join(", ", DepartmentService.LEVELS));
    }
    departments.list(level).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void one(RoutingContext ctx) {
    departments.one(ctx.pathParam("id")).onSuccess(d -> Responses.ok(ctx, d)).onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    var me = CurrentUser.of(ctx).require("create departments", Role.ADMIN);
    var f = fields(Fields.of(ctx).require("name", "level")).check();
    var key = Idempotency.Key.of(ctx.request().getHeader("Idempotency-Key"), me.id(), ctx.body().asString());
    departments.create(me, f.values(), key)
        .compose(created -> departments.one(created.id()))
        .onSuccess(d -> Responses.created(ctx, "/api/departments/" + d.getString("id"), d))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    var me = CurrentUser.of(ctx).require("change departments", Role.ADMIN);
    var f = Fields.of(ctx);
    var version = Versions.expected(ctx, f);
    fields(f.allow("version")).check();
    if (f.values().isEmpty()) throw Failure.invalid("body", "send at least one field to change");
    var id = ctx.pathParam("id");
    departments.update(me, id, version, f.values())
        .compose(v -> departments.one(id))
        .onSuccess(d -> Responses.ok(ctx, d))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    var me = CurrentUser.of(ctx).require("delete departments", Role.ADMIN);
    var f = Fields.of(ctx);
    var version = Versions.expected(ctx, f.allow("version"));
    departments.delete(me, ctx.pathParam("id"), version)
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private static Fields fields(Fields f) {
    f.text("name", 100);
    f.text("shortName", 40);
    f.choice("level", DepartmentService.LEVELS);
    f.text("parentId", 100);
    return f;
  }
}
