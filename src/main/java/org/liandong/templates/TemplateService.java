package org.liandong.templates;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.liandong.access.Action;
import org.liandong.access.CurrentUser;
import org.liandong.access.Policy;
import org.liandong.storage.Exists;
import org.liandong.storage.Graph;
import org.liandong.storage.Node;
import org.liandong.storage.Work;
import org.liandong.support.Failure;
import org.liandong.support.Text;

/**
 * Track templates (事项模板): the standard steps of each type of project, kept in the graph so that
 * every node applies the same ones and admins edit them from the pages. Each edit is a new
 * version (checked as at start-up, its departments known); the versions before are kept, and a
 * project records the version it was built with.
 */
public final class TemplateService {
  private final TemplateRepository repository;
  private final Policy policy;
  private final Map<String, Template> files;

  public TemplateService(Graph graph, Policy policy, Map<String, Template> files) {
    this.repository = new TemplateRepository(graph);
    this.policy = policy;
    this.files = files;
  }

  /**
   * Stores the shipped and the folder's templates the graph lacks, or has at an older version
   * (an admin's edit is a newer version, so it stays). Resolves to how many were stored.
   */
  public Future<Integer> seed() {
    Future<Integer> chain = Future.succeededFuture(0);
    for (var file : files.values()) {
      chain = chain.compose(n -> repository.graph().write(repository.locked(file.key()).then(current ->
          current.isPresent() && current.get().version() >= file.version() ? Work.of(n)
              : repository.save("system", file, current.orElse(null)).map(saved -> n + 1))));
    }
    return chain;
  }

  /**
   * The current version of each template, with its steps, for the workbench to choose from: the
   * shipped ones first in their order (工业 first, the one most projects use), then the others by key.
   */
  Future<JsonArray> list() {
    var shipped = List.copyOf(files.keySet());
    return repository.current().map(all -> new JsonArray(all.stream()
        .sorted(java.util.Comparator.comparingInt((Template t) -> shipped.contains(t.key()) ? shipped.indexOf(t.key()) : shipped.size())
            .thenComparing(Template::key))
        .map(Template::toJson).toList()));
  }

  /** One template as it is now, or at an earlier version, with the list of its versions. */
  Future<JsonObject> one(String key, Integer version) {
    var found = version == null ? repository.graph().read(repository.current(key)) : repository.version(key, version);
    return found.compose(t -> t.isEmpty() ? Future.failedFuture(notFound(key, version))
        : repository.versions(key).map(versions -> t.get().toJson().put("versions", versions)));
  }

  /** The current version of a template, inside the caller's transaction (a project's tracks are built from it); 400 when unknown. */
  public Work<Template> current(String key) {
    return repository.current(key).map(found -> found.orElseThrow(() -> Failure.invalid("template", Text.key("server.templates.noSuchTemplateGet", "key", key))));
  }

  /** A new template (a copy of another, edited, or written afresh), version 1. */
  Future<JsonObject> create(CurrentUser actor, JsonObject body) {
    policy.require(actor, Action.MANAGE_TEMPLATES);
    var template = Template.from(body).as(body.getString("key"), 1);
    return repository.graph().write(repository.locked(template.key()).then(existing -> {
      if (existing.isPresent()) {
        throw Failure.conflict(Text.key("server.templates.templateKeyExistsChoose", "key", template.key()), existing.get().toJson());
      }
      return departments(template).then(v -> repository.save(actor.username(), template, null));
    })).map(Template::toJson);
  }

  /** The next version of a template, from the version the editor read (409 when someone saved one since). */
  Future<JsonObject> update(CurrentUser actor, String key, long version, JsonObject body) {
    policy.require(actor, Action.MANAGE_TEMPLATES);
    var edited = Template.from(body.copy().put("key", key));
    return repository.graph().write(repository.locked(key).then(current -> {
      var before = current.orElseThrow(() -> notFound(key, null));
      if (before.version() != version) {
        throw Failure.conflict(Text.key("server.templates.someoneSavedVersionTemplate", "version", before.version(), "version2", version), before.toJson());
      }
      var next = edited.as(key, before.version() + 1);
      return departments(next).then(v -> repository.save(actor.username(), next, before));
    })).map(Template::toJson);
  }

  /** Every department a template names must exist (422 naming those that do not). */
  private static Work<Void> departments(Template template) {
    var ids = template.items().stream().map(Template.Item::departmentId).distinct().toList();
    return tx -> Exists.require(tx, Node.Department, ids, "items.departmentId");
  }

  private static Failure notFound(String key, Integer version) {
    return new Failure.NotFound(version == null ? Text.key("server.templates.noTemplate", "key", key)
        : Text.key("server.templates.noTemplateVersion", "key", key, "version", version));
  }

  /** The templates' live channel. */
  public static String channel() {
    return TemplateRepository.CHANNEL;
  }
}
