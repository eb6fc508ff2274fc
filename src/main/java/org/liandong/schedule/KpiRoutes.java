package org.liandong.schedule;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import org.liandong.support.Query;
import org.liandong.support.Routes;

/** Figures for the battle map; anyone signed in may read them. */
public final class KpiRoutes implements Routes {
  private final KpiService kpis;
  private final Clock clock;

  public KpiRoutes(KpiService kpis, Clock clock) {
    this.kpis = kpis;
    this.clock = clock;
  }

  @Override
  public void mount(Operations api) {
    api.on("kpis", this::overview);
  }

  private void overview(RoutingContext ctx) {
    var year = Query.of(ctx).integer("year", LocalDate.now(clock).getYear());
    kpis.overview(year).onSuccess(ctx::json).onFailure(ctx::fail);
  }
}
