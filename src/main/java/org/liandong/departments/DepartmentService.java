package org.liandong.departments;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.liandong.access.Action;
import org.liandong.access.CurrentUser;
import org.liandong.access.Policy;
import org.liandong.storage.Graph;
import org.liandong.storage.Idempotency;
import org.liandong.support.IdempotencyKey;
import org.liandong.support.Patch;

/** Departments at province, city and district level and how they nest. */
public final class DepartmentService {
  private final DepartmentRepository repository;
  private final Policy policy;
  private final Clock clock;

  public DepartmentService(Graph graph, Policy policy, Clock clock) {
    this.repository = new DepartmentRepository(graph);
    this.policy = policy;
    this.clock = clock;
  }

  Future<JsonArray> list(String level) {
    return repository.list(level, today());
  }

  public Future<JsonObject> one(String id) {
    return repository.one(id, today());
  }

  Future<JsonObject> create(CurrentUser actor, Patch fields, Optional<IdempotencyKey> key) {
    policy.require(actor, Action.MANAGE_DEPARTMENTS);
    return Idempotency.create(repository.graph(), key, "Department",
            repository.create(actor.username(), UUID.randomUUID().toString(), fields))
        .compose(created -> one(created.id()));
  }

  Future<JsonObject> update(CurrentUser actor, String id, long version, Patch fields) {
    policy.require(actor, Action.MANAGE_DEPARTMENTS);
    var changes = fields.copy();
    var parentChanged = changes.has("parentId");
    var parentId = (String) changes.remove("parentId");
    return repository.graph().write(repository.lock(id, version)
            .then(before -> repository.update(actor.username(), id, before, changes, parentChanged, parentId)))
        .compose(v -> one(id));
  }

  Future<Void> delete(CurrentUser actor, String id, long version) {
    policy.require(actor, Action.MANAGE_DEPARTMENTS);
    return repository.graph().write(repository.lock(id, version).then(before -> repository.delete(actor.username(), id, before)));
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
