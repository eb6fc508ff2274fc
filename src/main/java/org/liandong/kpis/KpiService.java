package org.liandong.kpis;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.liandong.domain.Light;
import org.liandong.domain.Period;
import org.liandong.kpis.KpiTotals.Counted;
import org.liandong.storage.Graph;
import org.liandong.support.Serial;
import org.liandong.support.SingleFlight;

/** The coordination KPIs: projects by stage, newly signed investment, 开工率. */
public final class KpiService {

  /** Figures are kept until the next change committed on any node, and never longer than this. */
  private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final Graph graph;
  private final Clock clock;
  /**
   * The last figures per year and day: every wall screen asks after every change, and the answer
   * is the same for all of them until the next change.
   */
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(KpiModel.Answer answer, long until) {}

  /** Figures being computed: the requests that arrive meanwhile share one computation. */
  private final SingleFlight<String, KpiModel.Answer> computing = new SingleFlight<>();

  /**
   * The periods screens asked for lately, by text, with when (System.nanoTime): after a commit
   * their figures are counted again at once, before the screens ask ({@link #ahead}).
   */
  private final Map<String, Asked> asked = new ConcurrentHashMap<>();

  private record Asked(Period period, long at) {}

  /** A period not asked for this long is no longer counted ahead. */
  private static final long ASKED_NANOS = TimeUnit.MINUTES.toNanos(10);
  /** At most this many periods are counted ahead (the model keeps 8). */
  private static final int AHEAD = 4;
  /** One pass of counting ahead waits at a time: it takes every change committed before it starts. */
  private final AtomicBoolean aheadWaiting = new AtomicBoolean();
  private final Serial aheads = new Serial();

  private final Light.Outlooks outlooks;
  /** Null through another door (as of an instant): that graph is read once, all of it. */
  private final KpiModel model;
  /** The other read models the admin's rebuild reads again (the battle-map list). */
  private final Runnable rebuildOthers;

  public KpiService(Graph graph, Clock clock, Light.Outlooks outlooks, Runnable rebuildOthers) {
    this(graph, clock, outlooks, new KpiModel(graph, clock, outlooks), rebuildOthers);
    graph.onCommitAnywhere(changes -> {
      cache.clear();
      // a computation under way may have read before this change: later requests start afresh
      // and what it finds is not kept
      computing.forgetAll();
      ahead();
    });
  }

  private KpiService(Graph graph, Clock clock, Light.Outlooks outlooks, KpiModel model, Runnable rebuildOthers) {
    this.graph = graph;
    this.clock = clock;
    this.outlooks = outlooks;
    this.model = model;
    this.rebuildOthers = rebuildOthers;
  }

  /** Builds this year's figures now (at start-up), so the first battle map does not wait for every project's rows. */
  public Future<Void> warm() {
    return counted(Period.year(LocalDate.now(clock).getYear())).mapEmpty();
  }

  /** The figures as they stood at {@code asOf} (none kept: each instant is asked once). */
  Future<JsonObject> overview(Period period, java.time.ZonedDateTime asOf) {
    if (asOf == null) return overview(period);
    return graph.asOf(asOf, null, door -> new KpiService(door, door.clock(), outlooks.on(door), null, () -> {}).recompute(period)
        .map(figures -> figures.put("asOf", asOf.withZoneSameInstant(clock.getZone()).toOffsetDateTime().toString())));
  }

  public Future<JsonObject> overview(Period period) {
    return answer(period).map(KpiModel.Answer::figures);
  }

  /** The figures as {@link #overview} has them, encoded: the same bytes for every screen until the next change. */
  Future<Buffer> encoded(Period period) {
    return answer(period).map(KpiModel.Answer::bytes);
  }

  private Future<KpiModel.Answer> answer(Period period) {
    long now = System.nanoTime();
    asked.put(period.text(), new Asked(period, now));
    // an analyst trying many ranges: only the latest few are remembered
    if (asked.size() > 4 * AHEAD) asked.values().removeIf(a -> now - a.at() > TimeUnit.SECONDS.toNanos(10));
    return counted(period);
  }

  private Future<KpiModel.Answer> counted(Period period) {
    var key = period.text() + "@" + LocalDate.now(clock);
    var cached = cache.get(key);
    if (cached != null && cached.until() - System.nanoTime() > 0) return Future.succeededFuture(cached.answer());
    return computing.get(key, () -> model.figures(period, clock.instant()),
        answer -> cache.put(key, new Cached(answer, System.nanoTime() + FRESH_NANOS)));
  }

  /**
   * After a commit, the periods asked for lately (the battle maps' and walls' open now) are
   * counted again at once, off the request: the screens that ask right after the change find
   * the figures kept, or join the counting under way. One pass waits at a time and takes every
   * change before it, so a burst of writes costs a pass, not one per write.
   */
  private void ahead() {
    if (asked.isEmpty() || !aheadWaiting.compareAndSet(false, true)) return;
    // after the other commit listeners (the plans forgotten, the rows touched): on the next turn of an event loop
    graph.vertx().runOnContext(v -> aheads.next(() -> {
      aheadWaiting.set(false);
      long now = System.nanoTime();
      asked.values().removeIf(a -> now - a.at() > ASKED_NANOS);
      var periods = asked.values().stream().sorted(Comparator.comparingLong(Asked::at).reversed()).limit(AHEAD)
          .map(Asked::period).toList();
      var passes = periods.stream().map(p -> counted(p).<Void>mapEmpty().recover(e -> Future.succeededFuture())).toList();
      return Future.join(passes).<Void>mapEmpty().recover(e -> Future.succeededFuture());
    }));
  }

  /**
   * The admin's rebuild: the figures the model keeps now for this year and for every other period
   * it keeps, against a recomputation from the whole graph at the same instant; then the model,
   * the plans and the other read models (the battle-map list) are read again from the graph.
   * Resolves to whether they were equal (and, if not, which figures of which period differed)
   * and what the model held. Writes arriving meanwhile can make them differ: ask again at rest.
   */
  Future<JsonObject> rebuild() {
    outlooks.reset();
    var year = Period.year(LocalDate.now(clock).getYear());
    var now = clock.instant();
    return model.everyPeriod(year, now).compose(kept -> recompute(List.copyOf(kept.keySet()), now).map(full -> {
      var differing = differences(kept, full);
      readAgain();
      var thisYear = kept.get(year);
      return new JsonObject().put("equal", differing.isEmpty()).put("differing", differing)
          .put("projects", thisYear.getLong("projects")).put("departments", thisYear.getJsonArray("departments").size())
          .put("period", year.json()).put("periods", new JsonArray(kept.keySet().stream().map(Period::text).toList()));
    }));
  }

  /** Each figure of each period that the model kept otherwise than the recomputation found it. */
  private static JsonArray differences(Map<Period, JsonObject> kept, Map<Period, JsonObject> recomputed) {
    var differing = new JsonArray();
    kept.forEach((period, figures) -> {
      var afresh = recomputed.get(period);
      afresh.fieldNames().stream().sorted().forEach(name -> {
        if (!Objects.equals(afresh.getValue(name), figures.getValue(name))) {
          differing.add(differing(name, afresh.getValue(name), figures.getValue(name)).put("period", period.text()));
        }
      });
    });
    return differing;
  }

  /** Every kept read model reads the graph again at its next request. */
  private void readAgain() {
    model.reset();
    rebuildOthers.run();
    cache.clear();
    computing.forgetAll();
  }

  /** A figure that differed: its name and, in a list of rows with ids (departments, leaders), those rows as both sides have them. */
  private static JsonObject differing(String name, Object full, Object kept) {
    var out = new JsonObject().put("figure", name);
    if (full instanceof JsonArray a && kept instanceof JsonArray b) {
      var rows = new JsonArray();
      for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
        var x = i < a.size() ? a.getValue(i) : null;
        var y = i < b.size() ? b.getValue(i) : null;
        if (!Objects.equals(x, y)) rows.add(new JsonObject().put("recomputed", x).put("kept", y));
        if (rows.size() == 5) break;
      }
      out.put("rows", rows);
    }
    return out;
  }

  /** The figures from the whole graph, read in one transaction, as the model would give them. */
  Future<JsonObject> recompute(Period period) {
    return recompute(List.of(period), clock.instant()).map(figures -> figures.get(period));
  }

  /** Each period's figures from the whole graph read in one transaction: every project counted into fresh totals. */
  private Future<Map<Period, JsonObject>> recompute(List<Period> periods, Instant now) {
    var today = LocalDate.now(clock);
    return graph.read(KpiRepository.readAll(periods, today, clock))
        .compose(read -> outlooks.of(read.projects().stream().map(KpiRows.Project::id).toList())
            .compose(lights -> graph.vertx().executeBlocking(() -> count(read, lights, today, now), false)));
  }

  /** Every project counted into each period's fresh totals, with its departments' rows (on a worker thread: the whole graph). */
  private static Map<Period, JsonObject> count(KpiRepository.Read read, Map<String, Light.Outlook> lights, LocalDate today, Instant now) {
    var counted = read.projects().stream().map(p -> Counted.of(p, lights.get(p.id()), today)).toList();
    var out = new LinkedHashMap<Period, JsonObject>();
    read.departments().forEach((period, rows) -> {
      var totals = new KpiTotals(period, today);
      counted.forEach(totals::add);
      out.put(period, totals.figures(rows, now));
    });
    return out;
  }
}
