package org.liandong.departments;

import io.vertx.ext.web.RoutingContext;
import org.liandong.access.CurrentUser;
import org.liandong.support.Body;
import org.liandong.support.IdempotencyKey;
import org.liandong.support.Query;
import org.liandong.support.Responses;
import org.liandong.support.Routes;
import org.liandong.support.Versions;

/** Everyone reads departments; only admins change them. */
public final class DepartmentRoutes implements Routes {
  static final Body.Shape DEPARTMENT = Body.Shape.of().with(Body.Kind.TEXT, "name", "shortName", "level", "parentId");

  private final DepartmentService departments;

  public DepartmentRoutes(DepartmentService departments) {
    this.departments = departments;
  }

  @Override
  public void mount(Operations api) {
    api.on("listDepartments", this::list)
        .on("createDepartment", this::create)
        .on("getDepartment", this::one)
        .on("updateDepartment", this::update)
        .on("deleteDepartment", this::delete);
  }

  private void list(RoutingContext ctx) {
    departments.list(Query.of(ctx).text("level")).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void one(RoutingContext ctx) {
    departments.one(ctx.pathParam("id")).onSuccess(d -> Responses.ok(ctx, d)).onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    var me = CurrentUser.of(ctx);
    var key = IdempotencyKey.of(ctx, me.id());
    departments.create(me, Body.of(ctx).read(DEPARTMENT), key)
        .onSuccess(d -> Responses.created(ctx, "/api/departments/" + d.getString("id"), d))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    var version = Versions.expected(ctx);
    departments.update(CurrentUser.of(ctx), ctx.pathParam("id"), version, Body.of(ctx).changes(DEPARTMENT))
        .onSuccess(d -> Responses.ok(ctx, d))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    departments.delete(CurrentUser.of(ctx), ctx.pathParam("id"), Versions.expected(ctx))
        .onSuccess(v -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }
}
