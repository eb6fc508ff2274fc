package org.liandong;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The server's own figures on the metrics page, registered once. */
final class Meters {
  private Meters() {}

  /** The writes' lanes as the metrics show them: refusals by bound, transactions and the writes they carried, in flight. */
  static PrometheusMeterRegistry writes(PrometheusMeterRegistry registry, org.liandong.storage.Writes writes) {
    io.micrometer.core.instrument.FunctionCounter.builder("liandong.writes.refused", writes, w -> w.refusedByLane())
        .tag("bound", "project").description("writes refused with 503 because their project's lane was full").register(registry);
    io.micrometer.core.instrument.FunctionCounter.builder("liandong.writes.refused", writes, w -> w.refusedByNode())
        .tag("bound", "node").description("writes refused with 503 because the node's bound was reached").register(registry);
    io.micrometer.core.instrument.FunctionCounter.builder("liandong.write.transactions", writes, w -> w.transactions())
        .description("write transactions run (a busy lane's writes share one)").register(registry);
    io.micrometer.core.instrument.FunctionCounter.builder("liandong.writes", writes, w -> w.writesRun())
        .description("writes run in those transactions").register(registry);
    io.micrometer.core.instrument.Gauge.builder("liandong.writes.in.flight", writes, w -> w.inFlight())
        .description("writes waiting or running").register(registry);
    return registry;
  }
}
