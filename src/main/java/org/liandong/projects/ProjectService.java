package org.liandong.projects;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.liandong.access.Action;
import org.liandong.access.CurrentUser;
import org.liandong.access.Policy;
import org.liandong.domain.Light;
import org.liandong.domain.Plausible;
import org.liandong.domain.Stage;
import org.liandong.storage.Exists;
import org.liandong.storage.Graph;
import org.liandong.storage.Idempotency;
import org.liandong.support.Failure;
import org.liandong.support.Fields.Props;
import org.liandong.support.Fields;
import org.liandong.support.IdempotencyKey;
import org.liandong.support.Json;
import org.liandong.support.Patch;
import org.liandong.support.Text;

/** Major projects, their champions (挂钩) and liaison (专人对接), history and permit bundle. */
public final class ProjectService {
  /** The live channel of the list of projects: a project created or deleted (by hand or by an import) is told there. */
  public static final String LIST_CHANNEL = "projects:all";

  private final ProjectRepository repository;
  private final Policy policy;
  private final Clock clock;
  private final Light.Outlooks outlooks;

  public ProjectService(Graph graph, Policy policy, Clock clock, Light.Outlooks outlooks) {
    this(new ProjectRepository(graph, outlooks), policy, clock, outlooks);
  }

  private ProjectService(ProjectRepository repository, Policy policy, Clock clock, Light.Outlooks outlooks) {
    this.repository = repository;
    this.policy = policy;
    this.clock = clock;
    this.outlooks = outlooks;
  }

  /** The same service reading through another door to the graph, on its clock (as of an instant: {@link Graph#asOf}): nothing kept. */
  ProjectService on(Graph door) {
    return new ProjectService(new ProjectRepository(door, null), policy, door.clock(), outlooks.on(door));
  }

  Future<JsonArray> list(ProjectFilter filter, java.time.ZonedDateTime asOf) {
    return asOf == null ? list(filter) : repository.graph().asOf(asOf, null, door -> on(door).list(filter));
  }

  Future<JsonObject> one(String id, java.time.ZonedDateTime asOf) {
    return asOf == null ? one(id) : repository.graph().asOf(asOf, id, door -> on(door).one(id));
  }

  /**
   * The battle map's list, every project with its light, encoded once per change and sent as it
   * is to every screen that asks until the next (the same JSON as {@link #list}).
   */
  Future<Buffer> battleMap() {
    return repository.encoded(today());
  }

  /**
   * The battle map's projects ({@link BattleMap}): counted by light, with the first {@code limit}
   * in attention order; from the kept list now, from the graph as it stood {@code asOf} an instant.
   */
  Future<Buffer> battleMap(int limit, java.time.ZonedDateTime asOf) {
    if (asOf == null) return repository.battleMap(today(), limit);
    return repository.graph().asOf(asOf, null, door -> {
      var then = on(door);
      return then.everyProject().map(list -> BattleMap.of(list, then.today(), limit).toBuffer());
    });
  }

  /** Reads and plans the kept battle-map list now (at start-up), so the first battle map does not wait for every project. */
  public Future<Void> warm() {
    return battleMap().mapEmpty();
  }

  /** The kept battle-map list is read again from the graph (the admin's rebuild, after writes that went past the server). */
  public void forgetKept() {
    repository.forget();
  }

  /** Every project with its light, in the battle map's order (what the battle map's workbook lists). */
  public Future<JsonArray> everyProject() {
    return list(new ProjectFilter(null, null, null));
  }

  Future<JsonArray> list(ProjectFilter filter) {
    var today = today();
    return repository.list(filter, today).compose(projects -> {
      var ids = projects.stream().map(p -> ((JsonObject) p).getString("id")).toList();
      return outlooks.of(ids).map(outlook -> {
        projects.forEach(p -> Light.onto((JsonObject) p, outlook.get(((JsonObject) p).getString("id")), today));
        return projects;
      });
    });
  }

  public Future<JsonObject> one(String id) {
    var today = today();
    return repository.one(id, today)
        .compose(project -> outlooks.of(List.of(id)).map(outlook -> Light.onto(project, outlook.get(id), today)));
  }

  Future<JsonObject> create(CurrentUser actor, Patch fields, Optional<IdempotencyKey> key) {
    policy.require(actor, Action.MANAGE_PROJECTS);
    var props = fields.copy();
    Plausible.check(props, today());
    var people = people(props);
    props.setIfAbsent("new", true);
    startedOnWhenStarted(props, null);
    return checkDates(props)
        .compose(v -> Idempotency.create(repository.graph(), key, "Project",
            repository.create(actor.username(), UUID.randomUUID().toString(), props, people)))
        .recover(ProjectService::codeTaken)
        .compose(created -> one(created.id()));
  }

  Future<JsonObject> update(CurrentUser actor, String id, long version, Patch fields) {
    policy.require(actor, Action.MANAGE_PROJECTS);
    var changes = fields.copy();
    Plausible.check(changes, today());
    var people = people(changes);
    return repository.graph().write("project:" + id, repository.lock(id, version).then(before -> updated(actor, id, before, changes, people)))
        .recover(ProjectService::codeTaken)
        .compose(v -> one(id));
  }

  /** The change as it stands against the project as it was: dates checked on the whole, then written. */
  private org.liandong.storage.Work<Void> updated(CurrentUser actor, String id, Props before,
                                                 Patch changes, ProjectRepository.People people) {
    startedOnWhenStarted(changes, before);
    var merged = before.with(changes);
    var write = repository.update(actor.username(), id, before, changes, people);
    return tx -> checkDates(merged).compose(v -> write.run(tx));
  }

  /** The project, write-locked in the caller's transaction, at the version the writer read (409 otherwise). */
  public org.liandong.storage.Work<Props> locked(CurrentUser actor, String id, long version) {
    policy.require(actor, Action.MANAGE_PROJECTS);
    return repository.lock(id, version);
  }

  /** The project, write-locked in the caller's transaction, as it is (404 when there is none). */
  public org.liandong.storage.Work<Props> locked(String id) {
    return tx -> org.liandong.storage.Locks.lock(tx, org.liandong.storage.Node.Project, id);
  }

  /** The template (and its version) a project's tracks were built from, kept on the project. */
  public org.liandong.storage.Work<Void> builtFrom(String id, String templateKey, int templateVersion) {
    return repository.builtFrom(id, templateKey, templateVersion);
  }

  /** A new target start for a project locked in the caller's transaction ({@link #locked}), its dates checked on the whole. */
  public org.liandong.storage.Work<Void> retarget(CurrentUser actor, String id, Props before, LocalDate targetStartOn) {
    var changes = Patch.empty().set("targetStartOn", targetStartOn);
    return updated(actor, id, before, changes, new ProjectRepository.People(null, null, false));
  }

  /**
   * 归档: a project no longer pursued leaves the lists, the battle map, the wall, the graph, the
   * bottleneck ranking, the inboxes and the chase; it stays in the history and in the figures of
   * the periods it counted in, and its page says it is archived. {@code archive} false restores it.
   */
  Future<JsonObject> archive(CurrentUser actor, String id, long version, boolean archive, String reason) {
    policy.require(actor, Action.MANAGE_PROJECTS);
    return repository.graph().write("project:" + id, repository.lock(id, version).then(before -> {
      boolean archived = before.value("archivedAt") != null;
      if (archived == archive) {
        throw Failure.conflict(Text.key(archive ? "server.projects.archivedAlready" : "server.projects.notArchived"), Json.object(before.asMap()));
      }
      return repository.archive(actor.username(), id, before, archive, reason);
    })).compose(v -> one(id));
  }

  Future<Void> delete(CurrentUser actor, String id, long version) {
    policy.require(actor, Action.MANAGE_PROJECTS);
    return repository.graph().write("project:" + id, repository.lock(id, version).then(before -> repository.delete(actor.username(), id, before)));
  }

  Future<JsonArray> changes(String id, int offset, int limit) {
    return repository.changes(id, offset, limit);
  }

  Future<JsonObject> permits(String id) {
    return repository.permits(id);
  }

  private static ProjectRepository.People people(Patch props) {
    var people = new ProjectRepository.People(props.texts("championIds"), props.text("liaisonId"), props.has("liaisonId"));
    props.remove("championIds");
    props.remove("liaisonId");
    return people;
  }

  /** A project that reaches the started stage without a start date starts today. */
  private void startedOnWhenStarted(Patch changes, Props before) {
    var stage = changes.text("stage");
    boolean started = stage != null && Stage.valueOf(stage).reached(Stage.started);
    boolean hasDate = changes.value("startedOn") != null || (before != null && before.value("startedOn") != null);
    if (started && !hasDate) changes.set("startedOn", today());
  }

  private static Future<Void> checkDates(Fields p) {
    var problems = new Failure.Problems();
    if (p.date("targetStartOn") instanceof LocalDate start && p.date("targetCompleteOn") instanceof LocalDate end
        && end.isBefore(start)) {
      problems.add("targetCompleteOn", Text.key("server.projects.mustNotBeforeTargetstarton", "start", start));
    }
    if (p.date("signedOn") instanceof LocalDate signed && p.date("startedOn") instanceof LocalDate started
        && started.isBefore(signed)) {
      problems.add("startedOn", Text.key("server.projects.mustNotBeforeSignedon", "signed", signed));
    }
    return problems.orElse(422, Future::succeededFuture);
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private static <T> Future<T> codeTaken(Throwable error) {
    if (Exists.violates(error, "Project", "code")) {
      return Future.failedFuture(Failure.conflict(Text.key("server.projects.anotherProjectAlreadyHas"), null));
    }
    return Future.failedFuture(error);
  }
}
