package org.liandong.projects;

import io.vertx.ext.web.RoutingContext;
import org.liandong.access.CurrentUser;
import org.liandong.domain.Plausible;
import org.liandong.support.Body;
import org.liandong.support.IdempotencyKey;
import org.liandong.support.Query;
import org.liandong.support.Responses;
import org.liandong.support.Routes;
import org.liandong.support.Versions;

/** Everyone signed in reads projects; coordinators and admins register and change them. */
public final class ProjectRoutes implements Routes {
  static final Body.Shape PROJECT = Body.Shape.of()
      .with(Body.Kind.TEXT, "code", "name", "company", "description", "stage", "level", "liaisonId")
      .with(Body.Kind.DECIMAL, "investmentYi", "landMu")
      .with(Body.Kind.BOOL, "new", Plausible.CONFIRMED)
      .with(Body.Kind.DATE, "signedOn", "targetStartOn", "targetCompleteOn", "startedOn")
      .with(Body.Kind.TEXTS, "championIds");

  private final ProjectService projects;

  public ProjectRoutes(ProjectService projects) {
    this.projects = projects;
  }

  @Override
  public void mount(Operations api) {
    api.on("listProjects", this::list)
        .on("createProject", this::create)
        .on("getProject", this::one)
        .on("updateProject", this::update)
        .on("deleteProject", this::delete)
        .on("projectChanges", this::changes)
        .on("projectPermits", this::permits)
        .on("battleMap", this::battleMap)
        .on("archiveProject", ctx -> archive(ctx, true))
        .on("restoreProject", ctx -> archive(ctx, false));
  }

  private void list(RoutingContext ctx) {
    var q = Query.of(ctx);
    var liaison = q.text("liaison");
    // "me": the projects the person asking is the liaison of (我对接的项目)
    var filter = new ProjectFilter(q.text("stage"), q.text("level"), q.text("champion"),
        "me".equals(liaison) ? CurrentUser.of(ctx).id() : liaison, Boolean.TRUE.equals(q.bool("archived")));
    var asOf = q.instant("asOf");
    if (filter.everything() && asOf == null) {
      projects.battleMap().onSuccess(list -> Responses.json(ctx, list)).onFailure(ctx::fail);
      return;
    }
    projects.list(filter, asOf).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void battleMap(RoutingContext ctx) {
    var q = Query.of(ctx);
    projects.battleMap(q.integer("limit", BattleMap.DEFAULT_LIMIT), q.instant("asOf"))
        .onSuccess(page -> Responses.json(ctx, page)).onFailure(ctx::fail);
  }

  private void one(RoutingContext ctx) {
    projects.one(ctx.pathParam("id"), Query.of(ctx).instant("asOf")).onSuccess(p -> Responses.ok(ctx, p)).onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    var me = CurrentUser.of(ctx);
    var key = IdempotencyKey.of(ctx, me.id());
    projects.create(me, Body.of(ctx).read(PROJECT), key)
        .onSuccess(p -> Responses.created(ctx, "/api/projects/" + p.getString("id"), p))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    var version = Versions.expected(ctx);
    projects.update(CurrentUser.of(ctx), ctx.pathParam("id"), version, Body.of(ctx).changes(PROJECT))
        .onSuccess(p -> Responses.ok(ctx, p))
        .onFailure(ctx::fail);
  }

  private void archive(RoutingContext ctx, boolean archive) {
    projects.archive(CurrentUser.of(ctx), ctx.pathParam("id"), Versions.expected(ctx), archive, archive ? Body.of(ctx).text("reason") : null)
        .onSuccess(p -> Responses.ok(ctx, p)).onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    projects.delete(CurrentUser.of(ctx), ctx.pathParam("id"), Versions.expected(ctx))
        .onSuccess(v -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private void changes(RoutingContext ctx) {
    var page = Query.of(ctx).page();
    projects.changes(ctx.pathParam("id"), page.offset(), page.limit()).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void permits(RoutingContext ctx) {
    projects.permits(ctx.pathParam("id")).onSuccess(ctx::json).onFailure(ctx::fail);
  }
}
