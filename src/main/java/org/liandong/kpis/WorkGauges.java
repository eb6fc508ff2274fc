package org.liandong.kpis;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.liandong.storage.Graph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work in /metrics: each department's open obligations and how many of them are late (the
 * light's meaning of late, on the server's day), counted in one read every {@link #EVERY_MS} ms
 * off the event loop (the driver's async API), so a scrape never waits on the graph.
 */
public final class WorkGauges extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(WorkGauges.class);
  static final long EVERY_MS = 30_000;

  private final Graph graph;
  private final Clock clock;
  private final MultiGauge open;
  private final MultiGauge late;

  public WorkGauges(Graph graph, Clock clock, MeterRegistry registry) {
    this.graph = graph;
    this.clock = clock;
    this.open = MultiGauge.builder("liandong.obligations.open").description("open obligations a department owes").register(registry);
    this.late = MultiGauge.builder("liandong.obligations.late")
        .description("open obligations a department owes that are past their due date").register(registry);
  }

  /** Counts now and every {@link #EVERY_MS} ms, for as long as the verticle is deployed. */
  @Override
  public Future<?> start() {
    count();
    vertx.setPeriodic(EVERY_MS, id -> count());
    return Future.succeededFuture();
  }

  void count() {
    graph.read(KpiRepository.openAndLate(LocalDate.now(clock))).onSuccess(this::show)
        .onFailure(e -> LOG.debug("work gauges not counted this round: {}", e.getMessage()));
  }

  private void show(List<KpiRepository.DepartmentWork> rows) {
    open.register(rows.stream().map(r -> MultiGauge.Row.of(tags(r), r.open())).toList(), true);
    late.register(rows.stream().map(r -> MultiGauge.Row.of(tags(r), r.late())).toList(), true);
  }

  private static Tags tags(KpiRepository.DepartmentWork r) {
    return Tags.of("department", r.id(), "name", r.name() == null ? r.id() : r.name());
  }
}
