package org.liandong.kpis;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import org.liandong.domain.Period;
import org.liandong.support.Query;
import org.liandong.support.Responses;
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
    api.on("kpis", this::overview).on("rebuildKpis", ctx -> kpis.rebuild().onSuccess(ctx::json).onFailure(ctx::fail));
  }

  private void overview(RoutingContext ctx) {
    var query = Query.of(ctx);
    var text = query.text("period");
    var asOf = query.instant("asOf");
    // as of an instant, the period defaults to that instant's year
    var year = (asOf == null ? LocalDate.now(clock) : asOf.withZoneSameInstant(clock.getZone()).toLocalDate()).getYear();
    var period = text != null ? Period.parse("period", text) : Period.year(query.integer("year", year));
    if (asOf == null) {
      kpis.encoded(period).onSuccess(bytes -> Responses.json(ctx, bytes)).onFailure(ctx::fail);
      return;
    }
    kpis.overview(period, asOf).onSuccess(ctx::json).onFailure(ctx::fail);
  }
}
