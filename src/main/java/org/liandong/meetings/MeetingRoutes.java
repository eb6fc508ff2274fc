package org.liandong.meetings;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.liandong.accounts.CurrentUser;
import org.liandong.accounts.Role;
import org.liandong.obligations.ObligationFields;
import org.liandong.storage.Idempotency;
import org.liandong.support.Failure;
import org.liandong.support.Fields;
import org.liandong.support.Versions;
import org.liandong.web.Responses;
import org.liandong.web.Routes;

/** Meetings are run by the service office; leaders may also record decisions in them. */
public final class MeetingRoutes implements Routes {
  private final MeetingService meetings;

  public MeetingRoutes(MeetingService meetings) {
    this.meetings = meetings;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/meetings").handler(this::list);
    router.post("/api/meetings").handler(this::create);
    router.get("/api/meetings/:id").handler(this::one);
    router.patch("/api/meetings/:id").handler(this::update);
    router.post("/api/meetings/:id/agenda").handler(this::addAgendaItem);
    router.post("/api/meetings/:id/decisions").handler(this::decide);
    router.post("/api/meetings/:id/focus").handler(this::focus);
    router.get("/api/meetings/:id/minutes").handler(this::minutes);
  }

  private void list(RoutingContext ctx) {
    var status = ctx.queryParams().get("status");
    if (status != null && !MeetingService.STATUSES.contains(status)) {
      throw Failure.invalid("status", "must be one of " + String.join(", ", MeetingService.STATUSES));
    }
    meetings.list(status, ctx.queryParams().get("project")).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void one(RoutingContext ctx) {
    meetings.one(ctx.pathParam("id")).onSuccess(m -> Responses.ok(ctx, m)).onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    var me = CurrentUser.of(ctx).require("schedule meetings", Role.ADMIN, Role.COORDINATOR);
    var f = Fields.of(ctx).require("title", "startsAt");
    fields(f);
    f.textList("agenda", 50, 200);
    f.check();
    var key = Idempotency.Key.of(ctx.request().getHeader("Idempotency-Key"), me.id(), ctx.body().asString());
    meetings.create(me, f.values(), key)
        .compose(created -> meetings.one(created.id()))
        .onSuccess(m -> Responses.created(ctx, "/api/meetings/" + m.getString("id"), m))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    var me = CurrentUser.of(ctx).require("change meetings", Role.ADMIN, Role.COORDINATOR);
    var f = Fields.of(ctx);
    var version = Versions.expected(ctx, f);
    fields(f.allow("version"));
    f.choice("status", MeetingService.STATUSES);
    f.check();
    if (f.values().isEmpty()) throw Failure.invalid("body", "send at least one field to change");
    var id = ctx.pathParam("id");
    meetings.update(me, id, version, f.values())
        .compose(v -> meetings.one(id))
        .onSuccess(m -> Responses.ok(ctx, m))
        .onFailure(ctx::fail);
  }

  private void addAgendaItem(RoutingContext ctx) {
    var me = CurrentUser.of(ctx).require("change the agenda", Role.ADMIN, Role.COORDINATOR);
    var f = Fields.of(ctx).require("title");
    var title = f.text("title", 200);
    var projectId = f.text("projectId", 100);
    f.check();
    var id = ctx.pathParam("id");
    meetings.addAgendaItem(me, id, title, projectId)
        .compose(v -> meetings.one(id))
        .onSuccess(m -> Responses.created(ctx, "/api/meetings/" + id, m))
        .onFailure(ctx::fail);
  }

  private void decide(RoutingContext ctx) {
    var me = CurrentUser.of(ctx).require("record decisions", Role.ADMIN, Role.COORDINATOR, Role.LEADER);
    var f = Fields.of(ctx).require("text");
    var text = f.text("text", 2000);
    var agendaItemId = f.text("agendaItemId", 100);
    var array = f.array("obligations", 50);
    var created = new ArrayList<Map<String, Object>>();
    if (array != null) {
      for (int i = 0; i < array.size(); i++) {
        if (!(array.getValue(i) instanceof JsonObject item)) {
          f.fail("obligations[" + i + "]", "must be an object");
          continue;
        }
        var nested = ObligationFields.forCreate(new Fields(item));
        f.absorb("obligations[" + i + "]", nested);
        created.add(new HashMap<>(nested.values()));
      }
    }
    f.check();
    var id = ctx.pathParam("id");
    meetings.decide(me, id, text, agendaItemId, List.copyOf(created))
        .compose(decisionId -> meetings.one(id))
        .onSuccess(m -> Responses.created(ctx, "/api/meetings/" + id, m))
        .onFailure(ctx::fail);
  }

  private void focus(RoutingContext ctx) {
    var me = CurrentUser.of(ctx).require("chair the meeting", Role.ADMIN, Role.COORDINATOR, Role.LEADER);
    var f = Fields.of(ctx).require("agendaItemId");
    var item = f.text("agendaItemId", 100);
    f.check();
    var id = ctx.pathParam("id");
    meetings.focus(me, id, item)
        .onSuccess(m -> Responses.ok(ctx, m))
        .onFailure(ctx::fail);
  }

  /** JSON by default; printable HTML with ?format=html or for a browser asking for text/html. */
  private void minutes(RoutingContext ctx) {
    var format = ctx.queryParams().get("format");
    if (format != null && !format.equals("json") && !format.equals("html")) {
      throw Failure.invalid("format", "must be json or html");
    }
    var accept = String.valueOf(ctx.request().getHeader("Accept"));
    boolean html = "html".equals(format) || (format == null && accept.startsWith("text/html"));
    meetings.minutes(ctx.pathParam("id")).onSuccess(minutes -> {
      if (html) {
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").end(MinutesPage.render(minutes));
      } else {
        ctx.json(minutes);
      }
    }).onFailure(ctx::fail);
  }

  private static void fields(Fields f) {
    f.text("title", 200);
    f.dateTime("startsAt");
    f.text("location", 200);
    f.textList("projectIds", 20, 100);
  }
}
