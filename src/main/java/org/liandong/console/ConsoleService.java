package org.liandong.console;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.liandong.access.Action;
import org.liandong.access.CurrentUser;
import org.liandong.access.Policy;
import org.liandong.config.AppConfig;
import org.liandong.support.Failure;
import org.liandong.support.Text;

/**
 * The analyst's Cypher console, read-only by construction: the guard on the parse tree, then
 * EXPLAIN's query type, then a READ transaction the server stops at the timeout, with caps on
 * rows, answer bytes and queries at once per person. Answers are encoded off the event loop.
 * Every query is audited, refused or not.
 */
public final class ConsoleService {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConsoleService.class);

  private final ConsoleRepository repository;
  private final Policy policy;
  private final AppConfig.Console limits;
  private final WorkerExecutor encoder;
  private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
  private final SavedQueries queries;

  public ConsoleService(Vertx vertx, org.liandong.storage.Graph graph, Policy policy, AppConfig.Console limits) {
    this.repository = new ConsoleRepository(graph);
    this.policy = policy;
    this.limits = limits;
    this.encoder = vertx.createSharedWorkerExecutor("liandong-console", 2);
    this.queries = new SavedQueries(this, graph, policy, limits);
  }

  /** A query as the console runs it: the text, its parameters, whether to plan, and its caps. */
  record Ask(String cypher, JsonObject params, String plan, int rowCap, boolean audited, RunTag tag) {}


  /** Runs an analyst's query; resolves to the answer, encoded. With a run id, {@link #cancel} can stop it. */
  Future<Buffer> run(CurrentUser user, String cypher, JsonObject params, String plan, String runId) {
    policy.require(user, Action.CONSOLE);
    var mine = running.computeIfAbsent(user.id(), k -> new AtomicInteger());
    if (mine.incrementAndGet() > limits.perUser()) {
      mine.decrementAndGet();
      return Future.failedFuture(new Failure.TooMany(Text.key("server.console.youAlreadyHaveQueries", "perUser", limits.perUser()), 2));
    }
    return answer(user, new Ask(cypher, params, plan, limits.rowCap(), true, new RunTag(runId, user.id())))
        .compose(json -> encoder.executeBlocking(json::toBuffer, false))
        .onComplete(r -> mine.decrementAndGet());
  }

  private Future<JsonObject> answer(CurrentUser user, Ask ask) {
    long t0 = System.nanoTime();
    var result = guarded(ask, t0, limits.timeout());
    return ask.audited() ? result.transform(r -> audited(user, ask, t0, r)) : result;
  }

  /** The guard first (a refusal names the part of the query it refuses), then the query within {@code budget}. */
  Future<JsonObject> guarded(Ask ask, long t0, java.time.Duration budget) {
    var refusal = CypherGuard.check(ask.cypher(), ask.params().getMap());
    return refusal == null ? execute(ask, t0, budget)
        : Future.failedFuture(refusal.syntax() ? Failure.invalid("cypher", refusal.reason()) : refused(refusal.reason(), refusal.part()));
  }

  /** EXPLAIN first (a write is refused before anything runs), then the query itself, in one READ transaction. */
  private Future<JsonObject> execute(Ask ask, long t0, java.time.Duration budget) {
    var runner = new Runner(limits, ask);
    return repository.graph().read(budget, ask.tag().metadata(), tx -> runner.explain(tx).compose(planned -> executed(tx, runner, planned, t0)))
        .recover(error -> Future.failedFuture(Runner.translate(error, budget)));
  }

  private Future<JsonObject> executed(org.liandong.storage.Tx tx, Runner runner, org.liandong.storage.Tx.Capped planned, long t0) {
    if (!Runner.readOnly(planned)) {
      return Future.failedFuture(refused(Text.key("server.console.explainSaysQueryNot", "planned", Runner.queryType(planned)), null));
    }
    if ("explain".equals(runner.plan())) return Future.succeededFuture(runner.answer(planned, null, t0));
    return runner.execute(tx).map(executed -> runner.answer(planned, executed, t0));
  }

  /** The audit entry is written before the answer, so the user's history already shows it. */
  private Future<JsonObject> audited(CurrentUser user, Ask ask, long t0, io.vertx.core.AsyncResult<JsonObject> result) {
    var rows = result.succeeded() ? result.result().getJsonObject("summary").getInteger("rows") : 0;
    var reason = result.succeeded() ? null : result.cause() instanceof Failure f ? reason(f) : Text.key("server.console.failed");
    var entry = new ConsoleRepository.Audit(user.id(), user.username(), ask.cypher(), ask.params().encode(),
        (System.nanoTime() - t0) / 1_000_000, rows, reason);
    return repository.audit(entry)
        .recover(e -> {
          LOG.warn("could not audit a console query", e);
          return Future.succeededFuture();
        })
        .compose(v -> result.succeeded() ? Future.succeededFuture(result.result()) : Future.failedFuture(result.cause()));
  }

  /** What the person reads of a refusal: the field's message (the cypher's), else the failure's own words. */
  private static Text reason(Failure f) {
    return f instanceof Failure.Invalid invalid && invalid.fields().containsKey("cypher") ? invalid.fields().get("cypher") : f.text();
  }

  /** The console audit's retention (LIANDONG_AUDIT_RETENTION_DAYS). */
  public static org.liandong.storage.Retention.Rule retention(java.time.Duration keep) {
    return new org.liandong.storage.Retention.Rule("console audit entries", ConsoleCypher.OLD_AUDIT, keep);
  }

  static Failure refused(Text reason, String part) {
    return Failure.unprocessable("cypher", part == null ? reason : Text.key("server.console.message", "reason", Text.of(String.valueOf(reason.en()), String.valueOf(reason.zh())), "part", part));
  }

  /**
   * Stops the person's own running query: the database terminates its transaction (found by its
   * metadata, so on whichever node it runs), and the query's own request answers "stopped".
   */
  Future<Void> cancel(CurrentUser user, String runId) {
    policy.require(user, Action.CONSOLE);
    return repository.running(runId, user.id()).compose(ids -> ids.isEmpty()
        ? Future.failedFuture(new Failure.NotFound(Text.key("server.console.noQueryYoursRunning", "runId", runId)))
        : repository.terminate(ids));
  }

  /** What the analyst may query: the domain's labels and relationship types with their counts, and each label's properties. */
  Future<JsonObject> schema(CurrentUser user) {
    policy.require(user, Action.CONSOLE);
    return repository.schema();
  }

  Future<JsonArray> history(CurrentUser user, int offset, int limit) {
    policy.require(user, Action.CONSOLE);
    return repository.audit(user.id(), offset, limit);
  }

  Future<JsonArray> audit(CurrentUser user, String userId, int offset, int limit) {
    policy.require(user, Action.READ_AUDIT);
    return repository.audit(userId, offset, limit);
  }

  /** The saved queries and the battle map's tiles. */
  SavedQueries queries() {
    return queries;
  }
}
