package org.liandong.console;

import io.vertx.ext.web.RoutingContext;
import org.liandong.access.CurrentUser;
import org.liandong.support.Body;
import org.liandong.support.Query;
import org.liandong.support.Responses;
import org.liandong.support.Routes;
import org.liandong.support.Versions;

/** Analysts (and admins) query; every role sees the battle-map tiles shared with it. */
public final class ConsoleRoutes implements Routes {
  static final Body.Shape SAVED = Body.Shape.of()
      .with(Body.Kind.TEXT, "name", "description", "cypher", "display")
      .with(Body.Kind.OBJECT, "params")
      .with(Body.Kind.TEXTS, "sharedWith")
      .with(Body.Kind.BOOL, "onBattleMap");

  private final ConsoleService console;

  public ConsoleRoutes(ConsoleService console) {
    this.console = console;
  }

  @Override
  public void mount(Operations api) {
    api.on("consoleQuery", this::query)
        .on("consoleHistory", this::history)
        .on("consoleAudit", this::audit)
        .on("listSavedQueries", this::saved)
        .on("saveQuery", this::save)
        .on("getSavedQuery", this::savedOne)
        .on("updateSavedQuery", this::update)
        .on("deleteSavedQuery", this::delete)
        .on("consoleTiles", this::tiles)
        .on("cancelConsoleQuery", this::cancel)
        .on("consoleSchema", this::schema);
  }

  private void query(RoutingContext ctx) {
    var body = Body.of(ctx);
    var params = body.object("params");
    // the query is taken as typed: a trailing comment or space is part of what is audited
    console.run(CurrentUser.of(ctx), body.json().getString("cypher"), params == null ? new io.vertx.core.json.JsonObject() : params, body.text("plan"),
            body.text("runId"))
        .onSuccess(answer -> ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(answer))
        .onFailure(ctx::fail);
  }

  private void cancel(RoutingContext ctx) {
    console.cancel(CurrentUser.of(ctx), ctx.pathParam("runId")).onSuccess(v -> Responses.noContent(ctx)).onFailure(ctx::fail);
  }

  private void schema(RoutingContext ctx) {
    console.schema(CurrentUser.of(ctx)).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void history(RoutingContext ctx) {
    var page = Query.of(ctx).page();
    console.history(CurrentUser.of(ctx), page.offset(), page.limit()).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void audit(RoutingContext ctx) {
    var q = Query.of(ctx);
    var page = q.page();
    console.audit(CurrentUser.of(ctx), q.text("user"), page.offset(), page.limit()).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void saved(RoutingContext ctx) {
    console.queries().saved(CurrentUser.of(ctx)).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void savedOne(RoutingContext ctx) {
    console.queries().savedOne(CurrentUser.of(ctx), ctx.pathParam("id")).onSuccess(q -> Responses.ok(ctx, q)).onFailure(ctx::fail);
  }

  private void save(RoutingContext ctx) {
    console.queries().save(CurrentUser.of(ctx), Body.of(ctx).read(SAVED))
        .onSuccess(q -> Responses.created(ctx, "/api/console/saved/" + q.getString("id"), q))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    var version = Versions.expected(ctx);
    console.queries().update(CurrentUser.of(ctx), ctx.pathParam("id"), version, Body.of(ctx).changes(SAVED))
        .onSuccess(q -> Responses.ok(ctx, q)).onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    console.queries().delete(CurrentUser.of(ctx), ctx.pathParam("id")).onSuccess(v -> Responses.noContent(ctx)).onFailure(ctx::fail);
  }

  private void tiles(RoutingContext ctx) {
    console.queries().tiles(CurrentUser.of(ctx)).onSuccess(ctx::json).onFailure(ctx::fail);
  }
}
