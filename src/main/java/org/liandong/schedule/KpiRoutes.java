package org.liandong.schedule;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import org.liandong.support.Failure;
import org.liandong.web.Routes;

/** Figures for the battle map; anyone signed in may read them. */
public final class KpiRoutes implements Routes {
  private final KpiService kpis;
  private final Clock clock;

  public KpiRoutes(KpiService kpis, Clock clock) {
    this.kpis = kpis;
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/kpis").handler(this::overview);
  }

  private void overview(RoutingContext ctx) {
    var raw = ctx.queryParams().get("year");
    int year;
    try {
      year = raw == null ? LocalDate.now(clock).getYear() : Integer.parseInt(raw);
      if (year < 1990 || year > 2100) throw new NumberFormatException();
    } catch (NumberFormatException e) {
      throw Failure.invalid("year", "must be a year such as 2023");
    }
    kpis.overview(year).onSuccess(ctx::json).onFailure(ctx::fail);
  }
}
