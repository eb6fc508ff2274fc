package org.liandong.projects;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.liandong.storage.Change;
import org.liandong.storage.Graph;
import org.liandong.storage.KeptRows;
import org.liandong.support.EncodedArray;
import org.liandong.support.Json;
import org.liandong.support.Serial;

/**
 * The battle map's list (every project with its summary, {@link ProjectCypher#SUMMARY}) as a
 * read model: each project's row kept on this node and read again only when a commit (on any
 * node) touches the project; every row on a new day or when an account changes (a champion's or
 * liaison's name). Refreshes run one at a time. The list with its lights is kept encoded
 * ({@link EncodedArray}: a changed project's item is encoded again, the others are copied) and
 * sent as it is until the next commit.
 */
final class ProjectList {
  /** The list's order: the latest signed first (unsigned before them, as Cypher's DESC puts nulls), then by code. */
  private static final Comparator<JsonObject> ORDER = Comparator
      .comparing((JsonObject p) -> p.getString("signedOn"), Comparator.nullsFirst(Comparator.<String>reverseOrder()))
      .thenComparing(p -> p.getString("code"), Comparator.nullsLast(Comparator.<String>naturalOrder()));

  private record Sent(long version, LocalDate day, Buffer bytes) {}

  private final Graph graph;
  private final KeptRows<JsonObject> rows = new KeptRows<>(ProjectCypher.LIST_FROM + ProjectCypher.SUMMARY,
      "UNWIND $ids AS id MATCH (p:Project {id: id})\n" + ProjectCypher.SUMMARY, r -> r.get("project").get("id").asString(),
      r -> Json.object(r.get("project").asMap()));
  private final Serial refreshes = new Serial();
  private volatile LocalDate day;
  /** Counts the commits that touched the list: what was encoded before the last one is not sent again. */
  private final AtomicLong version = new AtomicLong();
  // encoded and sent only by the refresh under way (one at a time)
  private final EncodedArray<String> encoded = new EncodedArray<>();
  private volatile Sent sent;

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
    version.incrementAndGet();
  }

  /** Every project's summary as of {@code today}, in the list's order (copies: the caller may put on them). */
  Future<JsonArray> all(LocalDate today) {
    return refreshes.next(() -> refreshed(today).compose(v -> graph.vertx().executeBlocking(() -> {
      var out = new ArrayList<JsonObject>(rows.size());
      for (var p : ordered()) out.add(p.copy());
      return new JsonArray(new ArrayList<>(out));
    }, false)));
  }

  /** The list as {@link #all} has it with each project's light ({@link Light#onto}), encoded: the same bytes until the next commit. */
  Future<Buffer> encoded(LocalDate today, Light.Outlooks outlooks) {
    return refreshes.next(() -> {
      long at = version.get();
      // the refresh asks the database even when nothing was touched: in an outage the list is a 503, not a stale answer
      return refreshed(today).compose(v -> {
        var last = sent;
        if (last != null && last.version() == at && last.day().equals(today)) return Future.succeededFuture(last.bytes());
        return encode(today, outlooks, at);
      });
    });
  }

  /** Every project with its light, encoded (only the items whose row or outlook changed anew), kept as of version {@code at}. */
  private Future<Buffer> encode(LocalDate today, Light.Outlooks outlooks, long at) {
    return outlooks.of(ids()).compose(lights -> graph.vertx().executeBlocking(() -> {
      var order = ordered();
      encoded.begin(order.size());
      for (var p : order) {
        var id = p.getString("id");
        var outlook = lights.get(id);
        encoded.add(id, p, outlook, () -> Light.onto(p.copy(), outlook, today));
      }
      var bytes = encoded.end();
      sent = new Sent(at, today, bytes);
      return bytes;
    }, false));
  }

  /** Reads again what commits touched (everything on a new day); within a refresh. */
  private Future<Void> refreshed(LocalDate today) {
    if (!today.equals(day)) {
      day = today;
      rows.everything();
      encoded.forget();
    }
    var touched = rows.drain();
    return graph.read(tx -> rows.read(tx, touched, Map.of("today", today))).onFailure(e -> day = null);
  }

  private List<String> ids() {
    var out = new ArrayList<String>(rows.size());
    for (var p : rows.values()) out.add(p.getString("id"));
    return out;
  }

  private List<JsonObject> ordered() {
    var out = new ArrayList<>(rows.values());
    out.sort(ORDER);
    return out;
  }
}
