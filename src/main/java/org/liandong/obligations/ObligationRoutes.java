package org.liandong.obligations;

import io.vertx.ext.web.RoutingContext;
import org.liandong.access.CurrentUser;
import org.liandong.domain.Plausible;
import org.liandong.support.Body;
import org.liandong.support.IdempotencyKey;
import org.liandong.support.Query;
import org.liandong.support.Responses;
import org.liandong.support.Routes;
import org.liandong.support.Versions;

/** The department inbox's API: list, create, move through the workflow, depend. */
public final class ObligationRoutes implements Routes {
  static final Body.Shape CHANGE = Body.Shape.of()
      .with(Body.Kind.TEXT, "departmentId", "title", "kind", "track", "note", "status", "blockedReason", "feedback",
          "evaluationNote")
      .with(Body.Kind.DATE, "dueOn", "deficiencyDueOn")
      .with(Body.Kind.INTEGER, "durationDays", "evaluation")
      .with(Body.Kind.BOOL, "assisted", Plausible.CONFIRMED)
      .with(Body.Kind.TEXTS, "missingDocuments", "documentsReceived");
  /** An odd value sent again on purpose (domain.Plausible). */
  static final Body.Shape CONFIRMED = Body.Shape.of().with(Body.Kind.BOOL, Plausible.CONFIRMED);

  private final ObligationService obligations;
  private final TrackTemplates templates;
  private final Requests requests;
  private final Replan replan;

  private static final Body.Shape DONE_AT = Body.Shape.of().with(Body.Kind.DATE_TIME, "doneAt");

  public ObligationRoutes(ObligationService obligations, TrackTemplates templates, Requests requests, Replan replan) {
    this.obligations = obligations;
    this.templates = templates;
    this.requests = requests;
    this.replan = replan;
  }

  @Override
  public void mount(Operations api) {
    api.on("listObligations", this::list)
        .on("createObligation", this::create)
        .on("getObligation", this::one)
        .on("updateObligation", this::update)
        .on("deleteObligation", this::delete)
        .on("addDependency", this::link)
        .on("removeDependency", this::unlink)
        .on("applyTemplate", this::applyTemplate)
        .on("replanProject", this::replan)
        .on("requestExtension", this::requestExtension)
        .on("listExtensions", this::extensions)
        .on("decideExtension", this::decideExtension)
        .on("sendBack", this::sendBack)
        .on("correctDoneAt", this::correctDoneAt);
  }

  /** 倒排序时: a preview, or with {@code apply: true} the write at the project's version. */
  private void replan(RoutingContext ctx) {
    var body = Body.of(ctx);
    var me = CurrentUser.of(ctx);
    var id = ctx.pathParam("id");
    var target = body.date("targetStartOn");
    var answer = Boolean.TRUE.equals(body.json().getBoolean("apply"))
        ? replan.apply(me, id, Versions.expected(ctx), target) : replan.preview(me, id, target);
    answer.onSuccess(r -> Responses.ok(ctx, r)).onFailure(ctx::fail);
  }

  private void requestExtension(RoutingContext ctx) {
    var body = Body.of(ctx);
    requests.requestExtension(CurrentUser.of(ctx), ctx.pathParam("id"), body.date("dueOn"), body.text("reason"))
        .onSuccess(x -> Responses.created(ctx, null, x)).onFailure(ctx::fail);
  }

  private void extensions(RoutingContext ctx) {
    var q = Query.of(ctx);
    requests.extensions(q.text("status"), q.text("obligation"), q.text("project"), q.page().limit())
        .onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void decideExtension(RoutingContext ctx) {
    var body = Body.of(ctx);
    requests.decide(CurrentUser.of(ctx), ctx.pathParam("id"), Boolean.TRUE.equals(body.json().getBoolean("approve")), body.text("reason"))
        .onSuccess(x -> Responses.ok(ctx, x)).onFailure(ctx::fail);
  }

  private void sendBack(RoutingContext ctx) {
    var body = Body.of(ctx);
    requests.sendBack(CurrentUser.of(ctx), ctx.pathParam("id"), Versions.expected(ctx), body.text("reason"))
        .onSuccess(o -> Responses.ok(ctx, o)).onFailure(ctx::fail);
  }

  private void correctDoneAt(RoutingContext ctx) {
    var body = Body.of(ctx);
    var doneAt = body.read(DONE_AT).dateTime("doneAt");
    requests.correctDoneAt(CurrentUser.of(ctx), ctx.pathParam("id"), Versions.expected(ctx), doneAt, body.text("reason").strip())
        .onSuccess(o -> Responses.ok(ctx, o)).onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    var q = Query.of(ctx);
    var filter = new ObligationFilter(q.text("department"), q.text("project"), q.texts("status"),
        q.text("track"), q.text("kind"), q.bool("overdue"), q.text("q"));
    var page = q.page();
    obligations.list(CurrentUser.of(ctx), filter, page.offset(), page.limit(), q.instant("asOf")).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void one(RoutingContext ctx) {
    obligations.one(CurrentUser.of(ctx), ctx.pathParam("id")).onSuccess(o -> Responses.ok(ctx, o)).onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    var me = CurrentUser.of(ctx);
    var key = IdempotencyKey.of(ctx, me.id());
    var body = Body.of(ctx);
    obligations.create(me, NewObligation.from(body), Boolean.TRUE.equals(body.read(CONFIRMED).bool(Plausible.CONFIRMED)), key)
        .onSuccess(o -> Responses.created(ctx, "/api/obligations/" + o.getString("id"), o))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    var version = Versions.expected(ctx);
    obligations.update(CurrentUser.of(ctx), ctx.pathParam("id"), version, Body.of(ctx).changes(CHANGE))
        .onSuccess(o -> Responses.ok(ctx, o))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    obligations.delete(CurrentUser.of(ctx), ctx.pathParam("id"), Versions.expected(ctx))
        .onSuccess(v -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private void link(RoutingContext ctx) {
    var version = Versions.expected(ctx);
    obligations.link(CurrentUser.of(ctx), ctx.pathParam("id"), version, Body.of(ctx).text("dependsOn"))
        .onSuccess(o -> Responses.ok(ctx, o))
        .onFailure(ctx::fail);
  }

  private void applyTemplate(RoutingContext ctx) {
    var me = CurrentUser.of(ctx);
    var body = Body.of(ctx);
    templates.apply(me, ctx.pathParam("id"), body.text("template"), Boolean.TRUE.equals(body.json().getBoolean("onlyMissing")),
            IdempotencyKey.of(ctx, me.id()))
        .onSuccess(created -> Responses.created(ctx, "/api/projects/" + ctx.pathParam("id") + "/schedule", created))
        .onFailure(ctx::fail);
  }

  private void unlink(RoutingContext ctx) {
    obligations.unlink(CurrentUser.of(ctx), ctx.pathParam("id"), Versions.expected(ctx), ctx.pathParam("dependsOn"))
        .onSuccess(o -> Responses.ok(ctx, o))
        .onFailure(ctx::fail);
  }
}
