package org.liandong.history;

import io.vertx.ext.web.RoutingContext;
import org.liandong.access.CurrentUser;
import org.liandong.support.Query;
import org.liandong.support.Routes;

/** What changed between two instants, for a project, a department's work or a leader's projects. */
public final class HistoryRoutes implements Routes {
  private final HistoryService history;

  public HistoryRoutes(HistoryService history) {
    this.history = history;
  }

  @Override
  public void mount(Operations api) {
    api.on("historyDiff", this::diff);
  }

  private void diff(RoutingContext ctx) {
    var q = Query.of(ctx);
    history.diff(CurrentUser.of(ctx), q.text("project"), q.text("department"), q.text("leader"), q.instant("from"), q.instant("to"))
        .onSuccess(ctx::json).onFailure(ctx::fail);
  }
}
