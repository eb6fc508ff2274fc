package org.liandong.meetings;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import org.liandong.access.CurrentUser;
import org.liandong.obligations.NewObligation;
import org.liandong.support.Body;
import org.liandong.support.IdempotencyKey;
import org.liandong.support.Query;
import org.liandong.support.Responses;
import org.liandong.support.Routes;
import org.liandong.support.Versions;

/** Meetings are run by the service office; the projects' leaders may also decide and chair in them. */
public final class MeetingRoutes implements Routes {
  static final Body.Shape MEETING = Body.Shape.of()
      .with(Body.Kind.TEXT, "title", "location", "status")
      .with(Body.Kind.DATE_TIME, "startsAt")
      .with(Body.Kind.TEXTS, "projectIds", "agenda");

  private final MeetingService meetings;
  private final AgendaDraft drafts;
  private final SincePrevious since;

  public MeetingRoutes(MeetingService meetings, AgendaDraft drafts, SincePrevious since) {
    this.meetings = meetings;
    this.drafts = drafts;
    this.since = since;
  }

  @Override
  public void mount(Operations api) {
    api.on("listMeetings", this::list)
        .on("createMeeting", this::create)
        .on("getMeeting", this::one)
        .on("updateMeeting", this::update)
        .on("addAgendaItem", this::addAgendaItem)
        .on("sincePrevious", ctx -> since.of(CurrentUser.of(ctx), ctx.pathParam("id")).onSuccess(ctx::json).onFailure(ctx::fail))
        .on("agendaDraft", ctx -> drafts.draft(CurrentUser.of(ctx), ctx.pathParam("id")).onSuccess(ctx::json).onFailure(ctx::fail))
        .on("recordDecision", this::decide)
        .on("focusMeeting", this::focus)
        .on("meetingMinutes", this::minutes)
        .on("inviteToMeeting", this::invite)
        .on("uninviteFromMeeting", ctx -> meetings.uninvite(CurrentUser.of(ctx), ctx.pathParam("id"), ctx.pathParam("invitedId"))
            .onSuccess(m -> Responses.ok(ctx, m)).onFailure(ctx::fail))
        .on("orderAgenda", ctx -> meetings.orderAgenda(CurrentUser.of(ctx), ctx.pathParam("id"), Body.of(ctx).texts("itemIds"))
            .onSuccess(m -> Responses.ok(ctx, m)).onFailure(ctx::fail))
        .on("removeAgendaItem", ctx -> meetings.removeAgendaItem(CurrentUser.of(ctx), ctx.pathParam("id"), ctx.pathParam("itemId"))
            .onSuccess(m -> Responses.ok(ctx, m)).onFailure(ctx::fail));
  }

  private void list(RoutingContext ctx) {
    var q = Query.of(ctx);
    meetings.list(q.text("status"), q.text("project")).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void one(RoutingContext ctx) {
    meetings.one(CurrentUser.of(ctx), ctx.pathParam("id")).onSuccess(m -> Responses.ok(ctx, m)).onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    var me = CurrentUser.of(ctx);
    var key = IdempotencyKey.of(ctx, me.id());
    meetings.create(me, Body.of(ctx).read(MEETING), key)
        .onSuccess(m -> Responses.created(ctx, "/api/meetings/" + m.getString("id"), m))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    var version = Versions.expected(ctx);
    meetings.update(CurrentUser.of(ctx), ctx.pathParam("id"), version, Body.of(ctx).changes(MEETING))
        .onSuccess(m -> Responses.ok(ctx, m))
        .onFailure(ctx::fail);
  }

  private void addAgendaItem(RoutingContext ctx) {
    var body = Body.of(ctx);
    var id = ctx.pathParam("id");
    var invite = body.texts("inviteDepartmentIds");
    meetings.addAgendaItem(CurrentUser.of(ctx), id, body.text("title"), body.text("projectId"), invite == null ? java.util.List.of() : invite)
        .onSuccess(m -> Responses.created(ctx, "/api/meetings/" + id, m))
        .onFailure(ctx::fail);
  }

  private void decide(RoutingContext ctx) {
    var body = Body.of(ctx);
    var created = new ArrayList<NewObligation>();
    if (body.array("obligations") != null) {
      body.array("obligations").forEach(item -> created.add(NewObligation.from(new Body((JsonObject) item))));
    }
    var id = ctx.pathParam("id");
    meetings.decide(CurrentUser.of(ctx), id, body.text("text"), body.text("agendaItemId"), created)
        .onSuccess(m -> Responses.created(ctx, "/api/meetings/" + id, m))
        .onFailure(ctx::fail);
  }

  private void invite(RoutingContext ctx) {
    var body = Body.of(ctx);
    var departments = body.texts("departmentIds");
    var people = body.texts("userIds");
    meetings.invite(CurrentUser.of(ctx), ctx.pathParam("id"), departments == null ? List.of() : departments,
            people == null ? List.of() : people)
        .onSuccess(m -> Responses.ok(ctx, m)).onFailure(ctx::fail);
  }

  private void focus(RoutingContext ctx) {
    meetings.focus(CurrentUser.of(ctx), ctx.pathParam("id"), Body.of(ctx).text("agendaItemId"))
        .onSuccess(m -> Responses.ok(ctx, m))
        .onFailure(ctx::fail);
  }

  /** JSON by default; printable HTML with ?format=html or for a browser asking for text/html. */
  private void minutes(RoutingContext ctx) {
    var format = Query.of(ctx).text("format");
    var accept = String.valueOf(ctx.request().getHeader("Accept"));
    boolean html = "html".equals(format) || (format == null && accept.startsWith("text/html"));
    meetings.minutes(ctx.pathParam("id")).onSuccess(minutes -> {
      if (html) {
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").end(MinutesPage.render(minutes, meetings.zone()));
      } else {
        ctx.json(minutes);
      }
    }).onFailure(ctx::fail);
  }
}
