package org.liandong.obligations;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.liandong.access.Action;
import org.liandong.access.CurrentUser;
import org.liandong.access.Policy;
import org.liandong.access.Subject;
import org.liandong.domain.Plausible;
import org.liandong.domain.Vocabulary;
import org.liandong.storage.Fence;
import org.liandong.storage.Graph;
import org.liandong.storage.Idempotency;
import org.liandong.storage.Locks;
import org.liandong.storage.Node;
import org.liandong.storage.Work;
import org.liandong.support.Catalogue;
import org.liandong.support.Failure;
import org.liandong.support.Fields.Props;
import org.liandong.support.IdempotencyKey;
import org.liandong.support.Patch;
import org.liandong.support.Text;

/** What departments owe projects: the workflow, who may move it, and the dependencies between. */
public final class ObligationService {
  private final ObligationRepository repository;
  private final Policy policy;
  private final Clock clock;
  private final Workflow workflow;
  private final Actions actions;

  public ObligationService(Graph graph, Policy policy, Clock clock) {
    this.repository = new ObligationRepository(graph);
    this.policy = policy;
    this.clock = clock;
    this.workflow = new Workflow(policy, clock);
    this.actions = new Actions(policy);
  }

  /** The same service reading through another door to the graph, on its clock (as of an instant: {@link Graph#asOf}). */
  ObligationService on(Graph door) {
    return new ObligationService(door, policy, door.clock());
  }

  /** The list as it stood at {@code asOf}: history, so nobody may do anything with it. */
  Future<JsonObject> list(CurrentUser viewer, ObligationFilter filter, int offset, int limit, java.time.ZonedDateTime asOf) {
    if (asOf == null) return list(viewer, filter, offset, limit);
    return repository.graph().asOf(asOf, filter.project(), door -> on(door).list(viewer, filter, offset, limit)).map(page -> {
      page.getJsonArray("items").forEach(o -> Actions.none(((JsonObject) o).getJsonObject("actions")));
      return page.put("asOf", asOf.withZoneSameInstant(clock.getZone()).toOffsetDateTime().toString());
    });
  }

  Future<JsonObject> list(CurrentUser viewer, ObligationFilter filter, int offset, int limit) {
    return repository.list(filter, offset, limit, today()).map(page -> {
      page.getJsonArray("items").forEach(o -> actions.of(viewer, (JsonObject) o));
      return page;
    });
  }

  public Future<JsonObject> one(String id) {
    return repository.one(id, today());
  }

  Future<JsonObject> one(CurrentUser viewer, String id) {
    return one(id).map(o -> actions.of(viewer, o));
  }

  /** Dispatching (the contract's {@code x-action: DISPATCH} let the caller in). */
  Future<JsonObject> create(CurrentUser actor, NewObligation draft, boolean confirmed, Optional<IdempotencyKey> key) {
    Plausible.check(Patch.of(Map.of("dueOn", draft.dueOn(), Plausible.CONFIRMED, confirmed)), today());
    return Idempotency.create(repository.graph(), key, "Obligation", create(actor, List.of(draft), List.of()).map(ids -> ids.get(0)))
        .compose(created -> one(actor, created.id()));
  }

  /**
   * The work of dispatching obligations, for the caller's transaction (a meeting decision
   * creates several in its own); each is recorded on its project's and department's channels
   * and on {@code extraChannels}. Resolves to their ids, in order. Who may dispatch is the
   * caller's to decide (the service office here, a meeting's deciders there).
   */
  public Work<List<String>> create(CurrentUser actor, List<NewObligation> drafts, List<String> extraChannels) {
    var problems = new Failure.Problems();
    for (int i = 0; i < drafts.size(); i++) rules(drafts.get(i), drafts.size() == 1 ? "" : "obligations[" + i + "].", problems);
    Work<List<String>> all = tx -> problems.orElse(400, () -> Future.succeededFuture(new ArrayList<>()));
    for (var draft : drafts) {
      all = all.then(ids -> repository.insert(actor.username(), UUID.randomUUID().toString(), draft, now(), extraChannels)
          .map(id -> append(ids, id)));
    }
    return all;
  }

  /** An obligation to create under an id chosen beforehand (a template links its items by them). */
  public record Keyed(String id, NewObligation draft) {}

  /** Like {@link #create(CurrentUser, List, List)}, with ids chosen by the caller. */
  Work<List<String>> createKeyed(CurrentUser actor, List<Keyed> drafts) {
    var problems = new Failure.Problems();
    for (int i = 0; i < drafts.size(); i++) rules(drafts.get(i).draft(), "items[" + i + "].", problems);
    Work<List<String>> all = tx -> problems.orElse(400, () -> Future.succeededFuture(new ArrayList<>()));
    for (var keyed : drafts) {
      all = all.then(ids -> repository.insert(actor.username(), keyed.id(), keyed.draft(), now(), List.of()).map(id -> append(ids, id)));
    }
    return all;
  }

  private static List<String> append(List<String> ids, String id) {
    ids.add(id);
    return ids;
  }

  /** The rules of a new obligation the contract cannot say: a need names its source, other work its track. */
  private static void rules(NewObligation draft, String prefix, Failure.Problems problems) {
    if ("need".equals(draft.kind()) && draft.needSource() == null) {
      problems.add(prefix + "needSource", Text.key("server.obligations.requiredCompanyNeedOne", "needSources", Vocabulary.NEED_SOURCES.keySet()));
    }
    if (!"need".equals(draft.kind()) && draft.track() == null) {
      problems.add(prefix + "track", Text.key("server.obligations.requiredOne", "tracks", Vocabulary.TRACKS.keySet()));
    }
  }

  /**
   * Applies the change and answers with the obligation as it now is, read in the same
   * transaction; the change is recorded as the transaction's last step.
   */
  Future<JsonObject> update(CurrentUser actor, String id, long version, Patch fields) {
    var changes = fields.copy();
    Plausible.check(changes, today());
    var newDepartment = (String) changes.remove("departmentId");
    // 改派: a new department takes it on afresh; what the old one said sending it back stays in the history
    if (newDepartment != null) {
      changes.set("returnReason", null);
      changes.set("returnedBy", null);
      changes.set("returnedAt", null);
    }
    return repository.writeOn(id, repository.lockOwned(id).then(owned -> changed(actor, owned, version, fields, changes, newDepartment)))
        .map(o -> actions.of(actor, o));
  }

  /** Who may, which version, which move; then the change itself. */
  private Work<JsonObject> changed(CurrentUser actor, ObligationRepository.Owned owned, long version, Patch fields,
                                   Patch changes, String newDepartment) {
    return tx -> allowed(actor, owned, fields)
        .compose(v -> Locks.expect(Node.Obligation, owned.obligation(), version))
        .compose(before -> workflow.apply(actor, before, changes))
        .compose(type -> repository.update(actor.username(), owned, type, changes, newDepartment, today()).run(tx));
  }

  private static Work<Props> expected(ObligationRepository.Owned owned, long version) {
    return tx -> Locks.expect(Node.Obligation, owned.obligation(), version);
  }

  /** The obligation, locked, at the version the writer read; then {@code next} with it. */
  private Work<Void> atVersion(String id, long version, java.util.function.Function<ObligationRepository.Owned, Work<Void>> next) {
    return repository.lockOwned(id).then(owned -> expected(owned, version).then(v -> next.apply(owned)));
  }

  /** Officers move only what their department owes, and only its workflow fields; the rest is dispatching. */
  private Future<Void> allowed(CurrentUser actor, ObligationRepository.Owned owned, Patch fields) {
    var dispatching = fields.names().stream().anyMatch(k -> !Vocabulary.WORKFLOW_FIELDS.contains(k));
    if (dispatching && policy.allows(actor, Action.WORK, new Subject.Department(owned.departmentId()))
        && !policy.allows(actor, Action.DISPATCH, Subject.NONE)) {
      var extra = fields.names().stream().filter(k -> !Vocabulary.WORKFLOW_FIELDS.contains(k)).sorted().map(Catalogue::label).toList();
      var workflow = Vocabulary.WORKFLOW_FIELDS.stream().map(Catalogue::label).toList();
      return Future.failedFuture(Failure.forbidden(Text.key("server.obligations.officersMayChangeOnly", "workflowFields", workflow, "extra", extra)));
    }
    return policy.check(actor, dispatching ? Action.DISPATCH : Action.WORK, new Subject.Department(owned.departmentId()));
  }

  /** The service office's (the contract's {@code x-action: DISPATCH}), as are link and unlink. */
  Future<Void> delete(CurrentUser actor, String id, long version) {
    return repository.writeOn(id, atVersion(id, version, owned -> repository.delete(actor.username(), owned)));
  }

  Future<JsonObject> link(CurrentUser actor, String id, long version, String dependsOn) {
    return repository.writeOn(id, atVersion(id, version, owned -> repository.link(actor.username(), owned, dependsOn)))
        .compose(v -> one(actor, id));
  }

  Future<JsonObject> unlink(CurrentUser actor, String id, long version, String dependsOn) {
    return repository.writeOn(id, atVersion(id, version, owned -> repository.unlink(actor.username(), owned, dependsOn)))
        .compose(v -> one(actor, id));
  }

  /**
   * Marks each 容缺 acceptance whose deadline has passed, once, so the owing department and the
   * project's champions hear of it on their live channels. Resolves to how many expired.
   */
  public Future<Integer> expireDeficiencies() {
    return expireDeficiencies(Fence.NONE);
  }

  /** As {@link #expireDeficiencies()}, every write through the timer's fence. */
  public Future<Integer> expireDeficiencies(Fence fence) {
    var today = today();
    return repository.expiredDeficiencies(today).compose(lapsed -> markEach(lapsed, today, fence));
  }

  /** One transaction per lapsed acceptance, one after the other; resolves to how many this call marked. */
  private Future<Integer> markEach(List<ObligationRepository.Owned> lapsed, LocalDate today, Fence fence) {
    Future<Integer> chain = Future.succeededFuture(0);
    for (var one : lapsed) {
      var mark = fence.guard(repository.markExpired(one, today));
      chain = chain.compose(n -> repository.graph().write(mark).map(done -> n + done));
    }
    return chain;
  }

  private ZonedDateTime now() {
    return ZonedDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MILLIS);
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
