package org.liandong.projects;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.liandong.storage.Change;
import org.liandong.storage.Graph;
import org.liandong.storage.KeptRows;
import org.liandong.support.EncodedArray;
import org.liandong.support.Json;
import org.liandong.support.Serial;

/**
 * The battle map's list (every project with its summary, {@link ProjectCypher#SUMMARY}) as a
 * read model: each project's row kept on this node, in the list's order, with its light's
 * outlook, and read again only when a commit (on any node) touches the project; every row on a
 * new day, when an account changes (a champion's or liaison's name) or at the admin's rebuild.
 * Refreshes run one at a time. A changed project moves to its place and is planned again alone;
 * the list with its lights is kept encoded ({@link EncodedArray}: a changed project's item is
 * encoded again, the others are copied) and sent as it is until the next commit.
 */
final class ProjectList {
  /** A project's place: the latest signed first (unsigned before them, as Cypher's DESC puts nulls), then by code, then id. */
  private record Place(String signedOn, String code, String id) implements Comparable<Place> {
    private static final Comparator<Place> ORDER = Comparator
        .comparing(Place::signedOn, Comparator.nullsFirst(Comparator.<String>reverseOrder()))
        .thenComparing(Place::code, Comparator.nullsLast(Comparator.<String>naturalOrder()))
        .thenComparing(Place::id);

    static Place of(JsonObject project) {
      return new Place(project.getString("signedOn"), project.getString("code"), project.getString("id"));
    }

    @Override
    public int compareTo(Place other) {
      return ORDER.compare(this, other);
    }
  }

  /** A project as the list keeps it: its row and its light's outlook. */
  private record Listed(JsonObject row, Light.Outlook outlook) {}

  private record Sent(long version, LocalDate day, Buffer bytes) {}

  private final Graph graph;
  private final Light.Outlooks outlooks;
  private final KeptRows<JsonObject> rows = new KeptRows<>(ProjectCypher.LIST_FROM + ProjectCypher.SUMMARY,
      "UNWIND $ids AS id MATCH (p:Project {id: id})\n" + ProjectCypher.SUMMARY, r -> r.get("project").get("id").asString(),
      r -> Json.object(r.get("project").asMap()));
  private final Serial refreshes = new Serial();
  private volatile LocalDate day;
  /** Counts the commits that touched the list: what was encoded before the last one is not sent again. */
  private final AtomicLong version = new AtomicLong();
  // kept, encoded and sent only by the refresh under way (one at a time)
  private final TreeMap<Place, Listed> ordered = new TreeMap<>();
  private final Map<String, Place> places = new HashMap<>();
  private final EncodedArray<String> encoded = new EncodedArray<>();
  private volatile Sent sent;

  ProjectList(Graph graph, Light.Outlooks outlooks) {
    this.graph = graph;
    this.outlooks = outlooks;
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

  /** Every row is read again at the next refresh (the admin's rebuild, after writes that went past the server). */
  void forget() {
    rows.everything();
    version.incrementAndGet();
  }

  /** Every project's summary as of {@code today}, in the list's order (copies: the caller may put on them). */
  Future<JsonArray> all(LocalDate today) {
    return refreshes.next(() -> refreshed(today).compose(v -> graph.vertx().executeBlocking(() -> {
      var out = new ArrayList<JsonObject>(ordered.size());
      for (var p : ordered.values()) out.add(p.row().copy());
      return new JsonArray(new ArrayList<>(out));
    }, false)));
  }

  /** The list as {@link #all} has it with each project's light ({@link Light#onto}), encoded: the same bytes until the next commit. */
  Future<Buffer> encoded(LocalDate today) {
    return refreshes.next(() -> {
      long at = version.get();
      // the refresh asks the database even when nothing was touched: in an outage the list is a 503, not a stale answer
      return refreshed(today).compose(v -> {
        var last = sent;
        if (last != null && last.version() == at && last.day().equals(today)) return Future.succeededFuture(last.bytes());
        return graph.vertx().executeBlocking(() -> encode(today, at), false);
      });
    });
  }

  /** Every project with its light, encoded (only the items whose row or outlook changed anew), kept as of version {@code at}. */
  private Buffer encode(LocalDate today, long at) {
    encoded.begin(ordered.size());
    for (var p : ordered.values()) {
      encoded.add(p.row().getString("id"), p.row(), p.outlook(), () -> Light.onto(p.row().copy(), p.outlook(), today));
    }
    var bytes = encoded.end().all();
    sent = new Sent(at, today, bytes);
    return bytes;
  }

  /** Reads again what commits touched (everything on a new day) and puts it in its place with its outlook; within a refresh. */
  private Future<Void> refreshed(LocalDate today) {
    if (!today.equals(day)) {
      day = today;
      rows.everything();
      encoded.forget();
    }
    var touched = rows.drain();
    return graph.read(tx -> rows.read(tx, touched, Map.of("today", today))).compose(v -> place(touched)).onFailure(e -> day = null);
  }

  /** Puts the projects read again (every project when null) in their places, with their outlooks planned again. */
  private Future<Void> place(Set<String> touched) {
    if (touched != null && touched.isEmpty()) return Future.succeededFuture();
    var ids = new ArrayList<String>();
    if (touched == null) {
      for (var p : rows.values()) ids.add(p.getString("id"));
    } else {
      for (var id : touched) if (rows.get(id) != null) ids.add(id);
    }
    return outlooks.of(ids).compose(found -> graph.vertx().executeBlocking(() -> {
      if (touched == null) {
        ordered.clear();
        places.clear();
      } else {
        for (var id : touched) {
          var place = places.remove(id);
          if (place != null) ordered.remove(place);
        }
      }
      for (var id : ids) {
        var row = rows.get(id);
        var place = Place.of(row);
        places.put(id, place);
        ordered.put(place, new Listed(row, found.get(id)));
      }
      return null;
    }, false));
  }
}
