package org.liandong.console;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.liandong.accounts.CurrentUser;
import org.liandong.accounts.Role;
import org.liandong.support.Failure;
import org.liandong.support.Fields;
import org.liandong.support.Paging;
import org.liandong.support.Versions;
import org.liandong.web.Responses;
import org.liandong.web.Routes;

/** Analysts (and admins) query; everyone sees the tiles published on the battle map. */
public final class ConsoleRoutes implements Routes {
  private final ConsoleService console;

  public ConsoleRoutes(ConsoleService console) {
    this.console = console;
  }

  @Override
  public void mount(Router router) {
    router.post("/api/console/query").handler(this::query);
    router.get("/api/console/history").handler(this::history);
    router.get("/api/console/audit").handler(this::audit);
    router.get("/api/console/saved").handler(this::saved);
    router.post("/api/console/saved").handler(this::save);
    router.get("/api/console/saved/:id").handler(this::savedOne);
    router.patch("/api/console/saved/:id").handler(this::update);
    router.delete("/api/console/saved/:id").handler(this::delete);
    router.get("/api/console/tiles").handler(this::tiles);
  }

  private static CurrentUser analyst(RoutingContext ctx) {
    return CurrentUser.of(ctx).require("use the Cypher console", Role.ANALYST, Role.ADMIN);
  }

  private void query(RoutingContext ctx) {
    var me = analyst(ctx);
    var f = Fields.of(ctx).require("cypher");
    var cypher = f.text("cypher", 20_000);
    var params = f.object("params");
    var plan = f.choice("plan", List.of("explain", "profile"));
    f.check();
    console.run(me, cypher, params == null ? java.util.Map.of() : params.getMap(), plan)
        .onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void history(RoutingContext ctx) {
    var me = analyst(ctx);
    var page = Paging.of(ctx, 50, 200);
    console.audit(me.id(), page.offset(), page.limit()).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void audit(RoutingContext ctx) {
    CurrentUser.of(ctx).require("read the console audit", Role.ADMIN);
    var page = Paging.of(ctx, 100, 500);
    console.audit(ctx.queryParams().get("user"), page.offset(), page.limit()).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void saved(RoutingContext ctx) {
    console.saved(CurrentUser.of(ctx)).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void savedOne(RoutingContext ctx) {
    CurrentUser.of(ctx);
    console.savedOne(ctx.pathParam("id")).onSuccess(q -> Responses.ok(ctx, q)).onFailure(ctx::fail);
  }

  private void save(RoutingContext ctx) {
    var me = analyst(ctx);
    var f = fields(Fields.of(ctx).require("name", "cypher")).check();
    console.save(me, f.values())
        .compose(console::savedOne)
        .onSuccess(q -> Responses.created(ctx, "/api/console/saved/" + q.getString("id"), q))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    var me = analyst(ctx);
    var f = Fields.of(ctx);
    var version = Versions.expected(ctx, f);
    fields(f.allow("version")).check();
    if (f.values().isEmpty()) throw Failure.invalid("body", "send at least one field to change");
    var id = ctx.pathParam("id");
    console.update(me, id, version, f.values()).compose(v -> console.savedOne(id))
        .onSuccess(q -> Responses.ok(ctx, q)).onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    var me = analyst(ctx);
    console.delete(me, ctx.pathParam("id")).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }

  private void tiles(RoutingContext ctx) {
    console.tiles(CurrentUser.of(ctx)).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private static Fields fields(Fields f) {
    f.text("name", 120);
    f.text("description", 1000);
    f.text("cypher", 20_000);
    var params = f.object("params");
    if (params != null) f.values().put("params", params);
    var roles = f.textList("sharedWith", 5, 20);
    if (roles != null && !Role.keys().containsAll(roles)) f.fail("sharedWith", "must name roles among " + String.join(", ", Role.keys()));
    f.bool("onBattleMap");
    return f;
  }
}
