package org.liandong.projects;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.liandong.storage.Change;
import org.liandong.storage.Graph;
import org.liandong.storage.KeptRows;
import org.liandong.support.Json;
import org.liandong.support.Serial;

/**
 * The battle map's list (every project with its summary, {@link ProjectCypher#SUMMARY}) as a
 * read model: each project's row kept on this node and read again only when a commit (on any
 * node) touches the project; every row on a new day or when an account changes (a champion's or
 * liaison's name). Refreshes run one at a time; each hands out copies, for the light to be put on.
 */
final class ProjectList {
  /** The list's order: the latest signed first (unsigned before them, as Cypher's DESC puts nulls), then by code. */
  private static final Comparator<JsonObject> ORDER = Comparator
      .comparing((JsonObject p) -> p.getString("signedOn"), Comparator.nullsFirst(Comparator.<String>reverseOrder()))
      .thenComparing(p -> p.getString("code"), Comparator.nullsLast(Comparator.<String>naturalOrder()));

  private final Graph graph;
  private final KeptRows<JsonObject> rows = new KeptRows<>(ProjectCypher.LIST_FROM + ProjectCypher.SUMMARY,
      "UNWIND $ids AS id MATCH (p:Project {id: id})\n" + ProjectCypher.SUMMARY, r -> r.get("project").get("id").asString(),
      r -> Json.object(r.get("project").asMap()));
  private final Serial refreshes = new Serial();
  private volatile LocalDate day;

  ProjectList(Graph graph) {
    this.graph = graph;
    graph.onCommitAnywhere(this::touched);
  }

  private void touched(List<Change> changes) {
    for (var c : changes) {
      // a project's own changes carry its id as projectId
      rows.touch(c.projectId());
      // a champion's or liaison's name is on every project of theirs
      if ("User".equals(c.entity())) rows.everything();
    }
  }

  /** Every project's summary as of {@code today}, in the list's order. */
  Future<JsonArray> all(LocalDate today) {
    return refreshes.next(() -> {
      if (!today.equals(day)) {
        day = today;
        rows.everything();
      }
      var touched = rows.drain();
      // copying and sorting every project is done on a worker thread, still inside this refresh
      return graph.read(tx -> rows.read(tx, touched, Map.of("today", today))).compose(v -> graph.vertx().executeBlocking(() -> {
        var out = new ArrayList<JsonObject>(rows.size());
        for (var p : rows.values()) out.add(p.copy());
        out.sort(ORDER);
        return new JsonArray(new ArrayList<>(out));
      }, false)).onFailure(e -> day = null);
    });
  }
}
