package org.liandong.notices;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.liandong.access.CurrentUser;
import org.liandong.support.Body;
import org.liandong.support.Query;
import org.liandong.support.Responses;
import org.liandong.support.Routes;

/** My notifications (read, mute) and the 督办 (list, answer). */
public final class NoticeRoutes implements Routes {
  private final NoticeService notices;

  public NoticeRoutes(NoticeService notices) {
    this.notices = notices;
  }

  @Override
  public void mount(Operations api) {
    api.on("listNotices", this::mine)
        .on("readNotices", this::read)
        .on("noticeSettings", ctx -> notices.settings(CurrentUser.of(ctx)).onSuccess(ctx::json).onFailure(ctx::fail))
        .on("muteNotices", this::mute)
        .on("listSupervisions", this::supervisions)
        .on("answerSupervision", this::answer);
  }

  private void mine(RoutingContext ctx) {
    var q = Query.of(ctx);
    var page = q.page();
    notices.mine(CurrentUser.of(ctx), Boolean.TRUE.equals(q.bool("unread")), page.offset(), page.limit())
        .onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void read(RoutingContext ctx) {
    var body = Body.of(ctx);
    // {all: true} reads everything; {ids: [...]} those
    var all = Boolean.TRUE.equals(body.json().getBoolean("all"));
    var ids = body.texts("ids");
    notices.read(CurrentUser.of(ctx), all ? null : ids == null ? java.util.List.of() : ids)
        .onSuccess(unread -> ctx.json(new JsonObject().put("unread", unread))).onFailure(ctx::fail);
  }

  private void mute(RoutingContext ctx) {
    var body = Body.of(ctx);
    notices.mute(CurrentUser.of(ctx), new Choices(body.texts("muted"), body.texts("notByEmail"), body.texts("notBySms"),
            body.text("quietFrom"), body.text("quietUntil"), body.json().getBoolean("digest")))
        .onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void supervisions(RoutingContext ctx) {
    var q = Query.of(ctx);
    notices.supervisions(CurrentUser.of(ctx), new NoticeService.Filter(q.text("project"), q.text("department"), q.text("status"),
        q.text("obligation"), q.bool("open")), q.page().limit()).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void answer(RoutingContext ctx) {
    var body = Body.of(ctx);
    notices.answer(CurrentUser.of(ctx), ctx.pathParam("id"), body.text("plan"), body.date("planBy"))
        .onSuccess(s -> Responses.ok(ctx, s)).onFailure(ctx::fail);
  }
}
