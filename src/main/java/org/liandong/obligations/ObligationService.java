package org.liandong.obligations;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.liandong.accounts.Action;
import org.liandong.accounts.CurrentUser;
import org.liandong.accounts.Policy;
import org.liandong.accounts.Subject;
import org.liandong.domain.Status;
import org.liandong.domain.Vocabulary;
import org.liandong.storage.Graph;
import org.liandong.storage.Idempotency;
import org.liandong.storage.Locks;
import org.liandong.storage.Node;
import org.liandong.storage.Work;
import org.liandong.support.Failure;
import org.liandong.support.IdempotencyKey;
import org.liandong.support.Text;

/** What departments owe projects: the workflow, who may move it, and the dependencies between. */
public final class ObligationService {
  private final ObligationRepository repository;
  private final Policy policy;
  private final Clock clock;

  public ObligationService(Graph graph, Policy policy, Clock clock) {
    this.repository = new ObligationRepository(graph);
    this.policy = policy;
    this.clock = clock;
  }

  /** The same service reading through another door to the graph, on its clock (as of an instant: {@link Graph#asOf}). */
  ObligationService on(Graph door) {
    return new ObligationService(door, policy, door.clock());
  }

  /** The list as it stood at {@code asOf}: history, so nobody may do anything with it. */
  Future<JsonObject> list(CurrentUser viewer, ObligationFilter filter, int offset, int limit, java.time.ZonedDateTime asOf) {
    if (asOf == null) return list(viewer, filter, offset, limit);
    return repository.graph().asOf(asOf, filter.project(), door -> on(door).list(viewer, filter, offset, limit)).map(page -> {
      page.getJsonArray("items").forEach(o -> none(((JsonObject) o).getJsonObject("actions")));
      return page.put("asOf", asOf.withZoneSameInstant(clock.getZone()).toOffsetDateTime().toString());
    });
  }

  /** The same actions, every one refused: no moves, every flag false. */
  private static void none(JsonObject actions) {
    for (var name : Set.copyOf(actions.fieldNames())) {
      actions.put(name, "moves".equals(name) ? new io.vertx.core.json.JsonArray() : false);
    }
  }

  Future<JsonObject> list(CurrentUser viewer, ObligationFilter filter, int offset, int limit) {
    return repository.list(filter, offset, limit, today()).map(page -> {
      page.getJsonArray("items").forEach(o -> withActions(viewer, (JsonObject) o));
      return page;
    });
  }

  public Future<JsonObject> one(String id) {
    return repository.one(id, today());
  }

  Future<JsonObject> one(CurrentUser viewer, String id) {
    return one(id).map(o -> withActions(viewer, o));
  }

  /**
   * What this person may do with the obligation, decided here so the page shows only that:
   * the statuses it may move to, and whether they may record a company's feedback.
   */
  private JsonObject withActions(CurrentUser viewer, JsonObject o) {
    var owing = new Subject.Department(o.getString("departmentId"));
    var from = Status.valueOf(o.getString("status"));
    boolean works = policy.allows(viewer, Action.WORK, owing);
    boolean dispatches = policy.allows(viewer, Action.DISPATCH, Subject.NONE);
    var moves = from.next().stream().filter(to -> works && (from != Status.done || dispatches)).map(Enum::name).sorted().toList();
    boolean open = from != Status.done;
    boolean pending = o.getJsonObject("pendingExtension") != null;
    return o.put("actions", new JsonObject().put("moves", new io.vertx.core.json.JsonArray(moves))
        .put("feedback", dispatches && "need".equals(o.getString("kind")) && from == Status.done)
        .put("extend", works && open && !pending)
        .put("decideExtension", dispatches && pending)
        .put("sendBack", works && !dispatches && open && o.getString("returnReason") == null)
        .put("documents", works && from == Status.deficient)
        .put("correctDoneAt", works && from == Status.done));
  }

  Future<JsonObject> create(CurrentUser actor, NewObligation draft, Optional<IdempotencyKey> key) {
    policy.require(actor, Action.DISPATCH);
    return Idempotency.create(repository.graph(), key, "Obligation", create(actor, List.of(draft), List.of()).map(ids -> ids.get(0)))
        .compose(created -> one(created.id()));
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
      problems.add(prefix + "needSource", Text.of("is required for a company need: one of "
          + String.join(", ", Vocabulary.NEED_SOURCES.keySet()), "企业诉求须注明来源：" + String.join("、", Vocabulary.NEED_SOURCES.keySet())));
    }
    if (!"need".equals(draft.kind()) && draft.track() == null) {
      problems.add(prefix + "track", Text.of("is required: one of " + String.join(", ", Vocabulary.TRACKS.keySet()),
          "必填：" + String.join("、", Vocabulary.TRACKS.keySet())));
    }
  }

  /**
   * Applies the change and answers with the obligation as it now is, read in the same
   * transaction; the change is recorded as the transaction's last step.
   */
  Future<JsonObject> update(CurrentUser actor, String id, long version, Map<String, Object> fields) {
    var changes = new HashMap<>(fields);
    var newDepartment = (String) changes.remove("departmentId");
    // 改派: a new department takes it on afresh; what the old one said sending it back stays in the history
    if (newDepartment != null) {
      changes.put("returnReason", null);
      changes.put("returnedBy", null);
      changes.put("returnedAt", null);
    }
    return repository.writeOn(id, repository.lockOwned(id).then(owned -> changed(actor, owned, version, fields, changes, newDepartment)));
  }

  /** Who may, which version, which move; then the change itself. */
  private Work<JsonObject> changed(CurrentUser actor, ObligationRepository.Owned owned, long version, Map<String, Object> fields,
                                   Map<String, Object> changes, String newDepartment) {
    return tx -> allowed(actor, owned, fields)
        .compose(v -> Locks.expect(Node.Obligation, owned.obligation(), version))
        .compose(before -> workflow(actor, before, changes))
        .compose(type -> repository.update(actor.username(), owned, type, changes, newDepartment, today()).run(tx));
  }

  private static Work<Map<String, Object>> expected(ObligationRepository.Owned owned, long version) {
    return tx -> Locks.expect(Node.Obligation, owned.obligation(), version);
  }

  /** The obligation, locked, at the version the writer read; then {@code next} with it. */
  private Work<Void> atVersion(String id, long version, java.util.function.Function<ObligationRepository.Owned, Work<Void>> next) {
    return repository.lockOwned(id).then(owned -> expected(owned, version).then(v -> next.apply(owned)));
  }

  /** Officers move only what their department owes, and only its workflow fields; the rest is dispatching. */
  private Future<Void> allowed(CurrentUser actor, ObligationRepository.Owned owned, Map<String, Object> fields) {
    var dispatching = fields.keySet().stream().anyMatch(k -> !Vocabulary.WORKFLOW_FIELDS.contains(k));
    if (dispatching && policy.allows(actor, Action.WORK, new Subject.Department(owned.departmentId()))
        && !policy.allows(actor, Action.DISPATCH, Subject.NONE)) {
      var extra = fields.keySet().stream().filter(k -> !Vocabulary.WORKFLOW_FIELDS.contains(k)).sorted().toList();
      return Future.failedFuture(Failure.forbidden(
          "officers may change only " + String.join(", ", Vocabulary.WORKFLOW_FIELDS) + "; ask the service office to change "
              + String.join(", ", extra),
          "部门人员只能修改状态、备注、补正期限和受阻原因；其他内容（" + String.join("、", extra) + "）请联系推进办修改"));
    }
    return policy.check(actor, dispatching ? Action.DISPATCH : Action.WORK, new Subject.Department(owned.departmentId()));
  }

  /** Applies the status workflow to the changes: checks the move, stamps its dates; resolves to the change's type. */
  private Future<String> workflow(CurrentUser actor, Map<String, Object> before, Map<String, Object> changes) {
    var from = Status.valueOf((String) before.get("status"));
    var to = changes.get("status") == null ? from : Status.valueOf((String) changes.get("status"));
    if (to != from && !from.canBecome(to)) {
      return Future.failedFuture(Failure.unprocessable("status", Text.of(
          "cannot go from " + from + " to " + to + "; from " + from + " it can go to " + from.next(),
          "不能从“" + from.zh + "”改为“" + to.zh + "”")));
    }
    if (to != from && from == Status.done && !policy.allows(actor, Action.DISPATCH, Subject.NONE)) {
      return Future.failedFuture(Failure.forbidden("only the service office may reopen a done obligation", "只有推进办可以重新打开已办结的事项"));
    }
    if (to != from) stamp(before, changes, from, to);
    // a new deadline for the missing documents starts the 容缺 afresh
    if (changes.get("deficiencyDueOn") != null) changes.put("deficiencyExpiredOn", null);
    return required(before, changes, to).compose(v -> needFeedback(before, changes, to))
        .map(v -> to != from ? "obligation.status" : "obligation.updated");
  }

  private void stamp(Map<String, Object> before, Map<String, Object> changes, Status from, Status to) {
    if (to.accepted() && before.get("acceptedAt") == null) changes.put("acceptedAt", now());
    if (to == Status.done) {
      changes.put("doneOn", today());
      changes.put("doneAt", now());
    }
    if (from == Status.done) {
      changes.put("doneOn", null);
      changes.put("doneAt", null);
    }
    if (from == Status.blocked && !changes.containsKey("blockedReason")) changes.put("blockedReason", null);
  }

  private Future<Void> required(Map<String, Object> before, Map<String, Object> changes, Status to) {
    var problems = new Failure.Problems();
    if (to == Status.deficient && changes.get("deficiencyDueOn") == null && before.get("deficiencyDueOn") == null) {
      problems.add("deficiencyDueOn", Text.of("容缺受理 needs the date by which the missing documents are due",
          "容缺受理须填写补正材料的截止日期"));
    }
    var deadline = (java.time.LocalDate) (changes.containsKey("deficiencyDueOn") ? changes.get("deficiencyDueOn") : before.get("deficiencyDueOn"));
    if (to == Status.deficient && deadline != null && deadline.isBefore(today())
        && (changes.containsKey("deficiencyDueOn") || !Status.deficient.name().equals(before.get("status")))) {
      problems.add("deficiencyDueOn", Text.of("the deadline for the missing documents cannot be in the past (today is " + today() + ")",
          "补正材料的截止日期不能早于今天（" + today() + "）"));
    }
    documents(before, changes, to, problems);
    if (to == Status.blocked && changes.get("blockedReason") == null && before.get("blockedReason") == null) {
      problems.add("blockedReason", Text.of("say what blocks it", "请说明受阻原因"));
    }
    return problems.orElse(422, Future::succeededFuture);
  }

  /**
   * The 补正材料清单: a new 容缺 acceptance lists the documents still to come; what is ticked off
   * as received must be on the list; a list only belongs to an obligation in 容缺.
   */
  @SuppressWarnings("unchecked")
  private static void documents(Map<String, Object> before, Map<String, Object> changes, Status to, Failure.Problems problems) {
    var from = before.get("status");
    var listed = changes.containsKey("missingDocuments") ? (List<String>) changes.get("missingDocuments")
        : (List<String>) before.get("missingDocuments");
    if (to == Status.deficient && !Status.deficient.name().equals(from) && (listed == null || listed.isEmpty())) {
      problems.add("missingDocuments", Text.of("容缺受理 lists the documents still to come (the 补正材料清单), one per item",
          "容缺受理须列出补正材料清单（每项一份材料）"));
    }
    if ((changes.containsKey("missingDocuments") || changes.containsKey("documentsReceived")) && to != Status.deficient) {
      problems.add("missingDocuments", Text.of("the list of missing documents belongs to an obligation accepted with deficiency",
          "补正材料清单只用于容缺受理的事项"));
      return;
    }
    var received = (List<String>) changes.get("documentsReceived");
    if (received != null && listed != null && !listed.containsAll(received)) {
      var unknown = received.stream().filter(d -> !listed.contains(d)).toList();
      problems.add("documentsReceived", Text.of("not on the list of missing documents: " + String.join(", ", unknown),
          "不在补正材料清单中：" + String.join("、", unknown)));
    }
    // a new list starts with nothing received
    if (changes.containsKey("missingDocuments") && !changes.containsKey("documentsReceived")) changes.put("documentsReceived", List.of());
  }

  private Future<Void> needFeedback(Map<String, Object> before, Map<String, Object> changes, Status to) {
    if (!changes.containsKey("feedback") && !changes.containsKey("evaluation") && !changes.containsKey("evaluationNote")) {
      return Future.succeededFuture();
    }
    if (!"need".equals(before.get("kind"))) {
      return Future.failedFuture(Failure.unprocessable("feedback", Text.of(
          "feedback and evaluation belong to company needs (kind need)", "反馈和评价只适用于企业诉求")));
    }
    if (to != Status.done) {
      return Future.failedFuture(Failure.unprocessable("feedback", Text.of(
          "record the company's feedback and evaluation once the need is done", "企业诉求办结后才能记录反馈和评价")));
    }
    if (changes.containsKey("feedback")) changes.put("feedbackAt", now());
    if (changes.containsKey("evaluation")) changes.put("evaluatedAt", now());
    return Future.succeededFuture();
  }

  Future<Void> delete(CurrentUser actor, String id, long version) {
    policy.require(actor, Action.DISPATCH);
    return repository.writeOn(id, atVersion(id, version, owned -> repository.delete(actor.username(), owned)));
  }

  Future<JsonObject> link(CurrentUser actor, String id, long version, String dependsOn) {
    policy.require(actor, Action.DISPATCH);
    return repository.writeOn(id, atVersion(id, version, owned -> repository.link(actor.username(), owned, dependsOn)))
        .compose(v -> one(id));
  }

  Future<JsonObject> unlink(CurrentUser actor, String id, long version, String dependsOn) {
    policy.require(actor, Action.DISPATCH);
    return repository.writeOn(id, atVersion(id, version, owned -> repository.unlink(actor.username(), owned, dependsOn)))
        .compose(v -> one(id));
  }

  /**
   * Marks each 容缺 acceptance whose deadline has passed, once, so the owing department and the
   * project's champions hear of it on their live channels. Resolves to how many expired.
   */
  public Future<Integer> expireDeficiencies() {
    var today = today();
    return repository.expiredDeficiencies(today).compose(lapsed -> markEach(lapsed, today));
  }

  /** One transaction per lapsed acceptance, one after the other; resolves to how many this call marked. */
  private Future<Integer> markEach(List<ObligationRepository.Owned> lapsed, LocalDate today) {
    Future<Integer> chain = Future.succeededFuture(0);
    for (var one : lapsed) {
      var mark = repository.markExpired(one, today);
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
