package org.liandong.schedule;

import io.vertx.ext.web.RoutingContext;
import org.liandong.support.Body;
import org.liandong.support.Query;
import org.liandong.support.Responses;
import org.liandong.support.Routes;

/** Scheduling reads: everyone signed in may ask; nothing here writes. */
public final class ScheduleRoutes implements Routes {
  private final ScheduleService schedules;

  public ScheduleRoutes(ScheduleService schedules) {
    this.schedules = schedules;
  }

  @Override
  public void mount(Operations api) {
    api.on("projectSchedule", this::schedule)
        .on("previewSchedule", this::preview)
        .on("impact", this::impact)
        .on("bottlenecks", this::bottlenecks);
  }

  private void schedule(RoutingContext ctx) {
    schedules.schedule(ctx.pathParam("id")).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void preview(RoutingContext ctx) {
    var body = Body.of(ctx);
    var durations = new java.util.HashMap<String, Integer>();
    var given = body.object("durations");
    if (given != null) given.forEach(e -> durations.put(e.getKey(), ((Number) e.getValue()).intValue()));
    schedules.preview(ctx.pathParam("id"), body.date("targetStartOn"), durations).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  private void impact(RoutingContext ctx) {
    var body = Body.of(ctx);
    schedules.impact(body.text("obligationId"), body.integer("days").intValue()).onSuccess(ctx::json).onFailure(ctx::fail);
  }

  /** How many departments of the ranking are answered when the asker does not say (at most 1,000 when it does). */
  static final int BOTTLENECKS_LIMIT = 100;

  private void bottlenecks(RoutingContext ctx) {
    schedules.bottlenecks(Query.of(ctx).integer("limit", BOTTLENECKS_LIMIT)).onSuccess(ranking -> Responses.json(ctx, ranking)).onFailure(ctx::fail);
  }
}
