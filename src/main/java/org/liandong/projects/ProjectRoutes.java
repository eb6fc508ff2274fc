package org.liandong.projects;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.liandong.accounts.CurrentUser;
import org.liandong.accounts.Role;
import org.liandong.storage.Idempotency;
import org.liandong.support.Failure;
import org.liandong.support.Fields;
import org.liandong.support.Paging;
import org.liandong.support.Versions;
import org.liandong.web.Responses;
import org.liandong.web.Routes;

/** Everyone signed in reads projects; coordinators and admins register and change them. */
public final class ProjectRoutes implements Routes {
  private final ProjectService projects;

  public ProjectRoutes(ProjectService projects) {
    this.projects = projects;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/projects").handler(this::list);
    router.post("/api/projects").handler(this::create);
    router.get("/api/projects/:id").handler(this::one);
    router.patch("/api/projects/:id").handler(this::update);
    router.delete("/api/projects/:id").handler(this::delete);
    router.get("/api/projects/:id/changes").handler(this::changes);
    router.get("/api/projects/:id/permits").handler(this::permits);
  }

  private void list(RoutingContext ctx) {
    var q = ctx.queryParams();
    var stage = q.get("stage");
    var level = q.get("level");
    if (stage != null && !ProjectService.STAGES.contains(stage)) {
      throw Failure.invalid("stage", "must be one of " + String.join(", ", ProjectService.STAGES));
    }
    if (level != null && !ProjectService.LEVELS.contains(level)) {
      throw Failure.invalid("level", "must be one of " + String.join(", ", ProjectService.LEVELS));
    }
    projects.list(stage, level, q.get("champion")).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void one(RoutingContext ctx) {
    projects.one(ctx.pathParam("id")).onSuccess(p -> Responses.ok(ctx, p)).onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    var me = CurrentUser.of(ctx).require("register projects", Role.ADMIN, Role.COORDINATOR);
    var f = fields(Fields.of(ctx).require("code", "name", "company", "investmentYi", "stage", "level", "signedOn")).check();
    var key = Idempotency.Key.of(ctx.request().getHeader("Idempotency-Key"), me.id(), ctx.body().asString());
    projects.create(me, f.values(), key)
        .compose(created -> projects.one(created.id()))
        .onSuccess(p -> Responses.created(ctx, "/api/projects/" + p.getString("id"), p))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    var me = CurrentUser.of(ctx).require("change projects", Role.ADMIN, Role.COORDINATOR);
    var f = Fields.of(ctx);
    var version = Versions.expected(ctx, f);
    fields(f.allow("version")).check();
    if (f.values().isEmpty()) throw Failure.invalid("body", "send at least one field to change");
    var id = ctx.pathParam("id");
    projects.update(me, id, version, f.values())
        .compose(v -> projects.one(id))
        .onSuccess(p -> Responses.ok(ctx, p))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    var me = CurrentUser.of(ctx).require("delete projects", Role.ADMIN, Role.COORDINATOR);
    var version = Versions.expected(ctx, Fields.of(ctx).allow("version"));
    projects.delete(me, ctx.pathParam("id"), version)
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void changes(RoutingContext ctx) {
    var page = Paging.of(ctx, 50, 500);
    projects.changes(ctx.pathParam("id"), page.offset(), page.limit())
        .onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void permits(RoutingContext ctx) {
    projects.permits(ctx.pathParam("id")).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private static Fields fields(Fields f) {
    var code = f.text("code", 40);
    if (code != null && !code.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      f.fail("code", "use letters, digits, '.', '_' or '-', e.g. ZJ-2023-001");
    }
    f.text("name", 200);
    f.text("company", 200);
    f.text("description", 2000);
    f.decimal("investmentYi", 0, 100_000);
    f.decimal("landMu", 0, 1_000_000);
    f.choice("stage", ProjectService.STAGES);
    f.choice("level", ProjectService.LEVELS);
    f.bool("new");
    f.date("signedOn");
    f.date("targetStartOn");
    f.date("targetCompleteOn");
    f.date("startedOn");
    f.textList("championIds", 20, 100);
    f.text("liaisonId", 100);
    ProjectService.checkDates(f.values());
    return f;
  }
}
