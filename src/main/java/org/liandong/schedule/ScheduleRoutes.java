package org.liandong.schedule;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.liandong.support.Fields;
import org.liandong.web.Routes;

/** Scheduling reads: everyone signed in may ask; nothing here writes. */
public final class ScheduleRoutes implements Routes {
  private final ScheduleService schedules;

  public ScheduleRoutes(ScheduleService schedules) {
    this.schedules = schedules;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/projects/:id/schedule").handler(this::schedule);
    router.post("/api/impact").handler(this::impact);
    router.get("/api/bottlenecks").handler(this::bottlenecks);
  }

  private void schedule(RoutingContext ctx) {
    schedules.schedule(ctx.pathParam("id")).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void impact(RoutingContext ctx) {
    var f = Fields.of(ctx).require("obligationId", "days");
    var id = f.text("obligationId", 100);
    var days = f.integer("days", 1, 3650);
    f.check();
    schedules.impact(id, days.intValue()).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void bottlenecks(RoutingContext ctx) {
    schedules.bottlenecks().onSuccess(ctx::json).onFailure(ctx::fail);
  }
}
