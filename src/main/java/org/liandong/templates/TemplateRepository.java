package org.liandong.templates;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.liandong.storage.Entry;
import org.liandong.storage.Graph;
import org.liandong.storage.Work;

/** Track templates in the graph: one (:Template) per version, the current one marked. */
final class TemplateRepository {
  /** Where a template's changes are told (the workbenches' template pickers follow it). */
  static final String CHANNEL = "templates:all";

  private final Graph graph;

  TemplateRepository(Graph graph) {
    this.graph = graph;
  }

  Graph graph() {
    return graph;
  }

  Future<List<Template>> current() {
    return graph.query(TemplateCypher.CURRENT, Map.of()).map(rows -> rows.stream().map(r -> Template.of(r.get("t").asMap())).toList());
  }

  /** The current version of one template, inside a transaction. */
  Work<Optional<Template>> current(String key) {
    return tx -> tx.first(TemplateCypher.ONE, Map.of("key", key)).map(row -> row.map(r -> Template.of(r.get("t").asMap())));
  }

  Future<Optional<Template>> version(String key, int version) {
    return graph.query(TemplateCypher.VERSION, Map.of("key", key, "version", (long) version))
        .map(rows -> rows.stream().findFirst().map(r -> Template.of(r.get("t").asMap())));
  }

  Future<JsonArray> versions(String key) {
    return graph.query(TemplateCypher.VERSIONS, Map.of("key", key)).map(rows -> new JsonArray(rows.stream()
        .map(r -> new JsonObject().put("version", r.get("version").asInt()).put("updatedBy", r.get("updatedBy").asString(null))
            .put("updatedAt", r.get("updatedAt").asString(null))).toList()));
  }

  Work<Optional<Template>> locked(String key) {
    return tx -> tx.first(TemplateCypher.LOCK, Map.of("key", key)).map(row -> row.map(r -> Template.of(r.get("t").asMap())));
  }

  /** Writes {@code template} as its key's current version, told in the change log. */
  Work<Template> save(String actor, Template template, Template before) {
    return tx -> tx.first(TemplateCypher.SAVE, Map.of("props", template.properties(), "by", actor)).map(row -> {
      var after = new HashMap<>(row.orElseThrow().get("t").asMap());
      tx.record(new Entry(actor, before == null ? "template.created" : "template.updated", "Template", template.key(), null,
          before == null ? null : before.properties(), after, List.of(CHANNEL)));
      return Template.of(after);
    });
  }
}
