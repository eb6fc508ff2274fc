package org.liandong.templates;

import io.vertx.ext.web.RoutingContext;
import org.liandong.access.CurrentUser;
import org.liandong.support.Body;
import org.liandong.support.Query;
import org.liandong.support.Responses;
import org.liandong.support.Routes;
import org.liandong.support.Versions;

/** Everyone signed in reads the track templates; administrators create, copy and edit them. */
public final class TemplateRoutes implements Routes {
  private final TemplateService templates;

  public TemplateRoutes(TemplateService templates) {
    this.templates = templates;
  }

  @Override
  public void mount(Operations api) {
    api.on("listTemplates", ctx -> templates.list().onSuccess(ctx::json).onFailure(ctx::fail))
        .on("getTemplate", this::one)
        .on("createTemplate", this::create)
        .on("updateTemplate", this::update);
  }

  private void one(RoutingContext ctx) {
    int version = Query.of(ctx).integer("version", 0);
    templates.one(ctx.pathParam("key"), version == 0 ? null : version).onSuccess(t -> Responses.ok(ctx, t)).onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    templates.create(CurrentUser.of(ctx), Body.of(ctx).json())
        .onSuccess(t -> Responses.created(ctx, "/api/templates/" + t.getString("key"), t)).onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    var body = Body.of(ctx).json().copy();
    body.remove("version");
    templates.update(CurrentUser.of(ctx), ctx.pathParam("key"), Versions.expected(ctx), body)
        .onSuccess(t -> Responses.ok(ctx, t)).onFailure(ctx::fail);
  }
}
