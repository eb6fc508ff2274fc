package org.liandong.sheets;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.liandong.access.Action;
import org.liandong.access.CurrentUser;
import org.liandong.access.Policy;
import org.liandong.config.AppConfig;
import org.liandong.storage.Graph;
import org.liandong.storage.Retention;
import org.liandong.support.Addresses;
import org.liandong.support.Failure;
import org.liandong.support.Text;

/**
 * Imports a workbook in two steps. The dry run reads it (streaming, bounded), checks every row
 * against the graph and answers every problem at once, or what it would do; it keeps only the
 * file's hash and the versions it saw ({@code (:Import)}), so the commit may reach any node. The
 * commit sends the same file again: it is checked again, refused if anything it would update
 * moved since the dry run, and written in one transaction with its change entries, or not at all.
 * Progress goes to the person's sockets on any node; a cancel stops a run before its next step.
 */
public final class ImportService {
  /** A dry run not committed within this long is forgotten (its (:Import) deleted by retention). */
  static final Duration DRY_RUN_KEPT = Duration.ofDays(1);
  /** Cancels heard for uploads not (yet) running here, at most. */
  private static final int CANCELS_KEPT = 1000;

  private final Vertx vertx;
  private final Graph graph;
  private final Policy policy;
  private final Clock clock;
  private final AppConfig.Imports limits;
  /** Uploads running on this node, and those cancelled (running, or not started yet). */
  private final Set<String> running = ConcurrentHashMap.newKeySet();
  private final Set<String> cancelled = ConcurrentHashMap.newKeySet();

  public ImportService(Vertx vertx, Graph graph, Policy policy, Clock clock, AppConfig.Imports limits) {
    this.vertx = vertx;
    this.graph = graph;
    this.policy = policy;
    this.clock = clock;
    this.limits = limits;
    // a cancel may reach this node before the step it cancels (the page asks while its upload is on the way): kept until that run ends
    vertx.eventBus().<JsonObject>consumer(Addresses.IMPORT_CANCELLED, m -> {
      var upload = m.body().getString("upload");
      if (upload == null) return;
      if (cancelled.size() >= CANCELS_KEPT) cancelled.retainAll(running);
      cancelled.add(m.body().getString("userId") + "/" + upload);
    });
  }

  public AppConfig.Imports limits() {
    return limits;
  }

  /** Old dry runs, for the retention sweep. */
  public static Retention.Rule retention() {
    return new Retention.Rule("import dry runs", ImportCypher.OLD_DRY_RUNS, DRY_RUN_KEPT);
  }

  /** Reads and checks; nothing is written but the dry run's record. */
  Future<JsonObject> dryRun(CurrentUser actor, byte[] file, String upload) {
    policy.require(actor, Action.MANAGE_PROJECTS);
    var run = new Run(actor, upload);
    return run.planned(file).compose(plan -> {
      var id = UUID.randomUUID().toString();
      return graph.write(ImportRepository.saveDryRun(id, actor.id(), plan.sha256, plan.expected()))
          .map(v -> answer(plan).put("id", id).put("committed", false));
    }).onComplete(r -> run.end(r.succeeded() || listed(r.cause()) ? "checked" : "failed"));
  }

  /** Writes what the dry run {@code id} checked, if the file is the same and nothing it updates moved since. */
  Future<JsonObject> commit(CurrentUser actor, String id, byte[] file, String upload) {
    policy.require(actor, Action.MANAGE_PROJECTS);
    var run = new Run(actor, upload);
    return ImportRepository.dryRun(graph, id).compose(found -> {
      if (found.isEmpty() || !actor.id().equals(found.get().actor())) {
        return Future.failedFuture(new Failure.NotFound(Text.key("server.sheets.thereNoDryRun", "id", id)));
      }
      var checked = found.get().sha256();
      var seen = found.get().expected();
      return vertx.executeBlocking(() -> sha256(file), false).compose(hash -> hash.equals(checked) ? run.planned(file)
          : Future.failedFuture(Failure.conflict(Text.key("server.sheets.notFileDryRun"), null))).compose(plan -> {
        var moved = moved(seen, plan.expected());
        if (!moved.isEmpty()) return Future.failedFuture(ImportRepository.stale(moved));
        run.check();
        run.progress("writing", plan.rows, plan.rows);
        return graph.write(ImportRepository.spend(id).then(spent -> spent ? ImportRepository.write(actor.username(), plan, seen)
                : tx -> Future.failedFuture(committedAlready(id))))
            .recover(ImportService::codeTaken)
            .map(v -> answer(plan).put("id", id).put("committed", true));
      });
    }).onComplete(r -> run.end(r.succeeded() ? "written" : listed(r.cause()) ? "checked" : "failed"));
  }

  private static Failure committedAlready(String id) {
    return Failure.conflict(Text.key("server.sheets.dryRunWasCommitted", "id", id), null);
  }

  /** A project with one of the codes was created since the dry run (by hand, or by another import). */
  private static <T> Future<T> codeTaken(Throwable error) {
    if (org.liandong.storage.Exists.violates(error, "Project", "code")) {
      return Future.failedFuture(Failure.conflict(Text.key("server.sheets.projectOneTheseCodes"), null));
    }
    return Future.failedFuture(error);
  }

  /** A refusal that lists the workbook's problems: the check ran to its end. */
  private static boolean listed(Throwable error) {
    return error instanceof Failure.Listed l && l.status() == 422;
  }

  /** Asks every node to stop this person's upload before its next step. */
  void cancel(CurrentUser actor, String upload) {
    vertx.eventBus().publish(Addresses.IMPORT_CANCELLED, new JsonObject().put("upload", upload).put("userId", actor.id()));
  }

  private static JsonObject answer(ImportPlan plan) {
    return new JsonObject().put("summary", plan.summary()).put("changes", plan.listed).put("problems", new JsonArray());
  }

  /** A workbook read, and its hash (the file the dry run checked). */
  private record Parsed(ImportSheets.Read read, String sha256) {}

  /** One upload's run on this node: its progress told to its person, its cancellation heard. */
  private final class Run {
    private final CurrentUser actor;
    private final String upload;
    private final String key;

    Run(CurrentUser actor, String upload) {
      this.actor = actor;
      this.upload = upload;
      this.key = actor.id() + "/" + upload;
      if (upload != null) running.add(key);
    }

    void progress(String phase, int done, int total) {
      if (upload == null) return;
      vertx.eventBus().publish(Addresses.PERSONAL, new JsonObject().put("userId", actor.id()).put("message", new JsonObject()
          .put("type", "import.progress").put("upload", upload).put("phase", phase).put("done", done).put("total", total)));
    }

    void check() {
      if (upload != null && cancelled.contains(key)) {
        throw new Failure.Conflict(Text.key("server.sheets.importWasCancelledNothing"), null);
      }
    }

    void end(String phase) {
      if (upload == null) return;
      boolean wasCancelled = cancelled.remove(key);
      running.remove(key);
      progress(wasCancelled ? "cancelled" : phase, 0, 0);
    }

    /** The file read, checked against the graph; a failure lists every problem. */
    Future<ImportPlan> planned(byte[] file) {
      var today = LocalDate.now(clock);
      return vertx.executeBlocking(() -> {
        var hash = sha256(file);
        var book = WorkbookReader.read(file, new WorkbookReader.Limits(limits.maxRows(), limits.maxUnpackedBytes()),
            n -> progress("reading", n, 0));
        check();
        var read = ImportSheets.read(book);
        progress("read", read.rows(), read.rows());
        return new Parsed(read, hash);
      }, false).compose(done -> {
        var read = done.read();
        var codes = new LinkedHashSet<String>();
        read.projects().forEach(p -> { if (p.code() != null) codes.add(p.code()); });
        read.obligations().forEach(o -> { if (o.projectCode() != null) codes.add(o.projectCode()); });
        return graph.read(ImportRepository.found(List.copyOf(codes)))
            .compose(found -> vertx.executeBlocking(() -> {
              check();
              // the projects found come with all their obligations: made into the plan's context here, off the event loop
              var plan = ImportPlan.of(read, ImportRepository.context(found), today, done.sha256());
              progress("validated", plan.rows, plan.rows);
              if (!plan.problems.isEmpty()) throw problems(plan.problems);
              return plan;
            }, false));
      });
    }
  }

  private static Failure problems(List<Problem> found) {
    var sorted = new ArrayList<>(found);
    sorted.sort(Comparator.comparing((Problem p) -> p.sheet() == null ? "" : p.sheet()).thenComparingInt(Problem::row));
    var list = new JsonArray();
    sorted.forEach(p -> list.add(p.json()));
    return new Failure.Listed(422, Text.key("server.sheets.problemSWorkbookNothing", "foundCount", found.size()), list);
  }

  /** What the dry run saw and the graph no longer has at the same version (or what now differs that did not then). */
  private static List<String> moved(JsonObject seen, JsonObject now) {
    var out = new ArrayList<String>();
    for (var kind : List.of("projects", "obligations")) {
      var before = seen.getJsonObject(kind, new JsonObject());
      var after = now.getJsonObject(kind, new JsonObject());
      var ids = new HashSet<>(before.fieldNames());
      ids.addAll(after.fieldNames());
      for (var id : ids) {
        var was = before.getValue(id) instanceof Number n ? n.longValue() : null;
        var is = after.getValue(id) instanceof Number n ? n.longValue() : null;
        if (!java.util.Objects.equals(was, is)) out.add(id);
      }
    }
    return out;
  }



  static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
