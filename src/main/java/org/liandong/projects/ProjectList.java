package org.liandong.projects;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.liandong.domain.Light;
import org.liandong.projects.ProjectOrder.Attention;
import org.liandong.projects.ProjectOrder.Place;
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
 * each project is kept with its light and encoded, in the list's order and in the battle map's
 * ({@link Attention}) with the count of each light, so the whole list is a copy of bytes (sent
 * as it is until the next commit) and the battle map's page costs its own length, not the graph's.
 */
final class ProjectList {
  /** A project as the list keeps it: its row, the row with its light (as sent) and that encoded. */
  private record Listed(JsonObject row, JsonObject lit, Buffer bytes) {
    static Listed of(JsonObject row, Light.Outlook outlook, LocalDate today) {
      var lit = Light.onto(row.copy(), outlook, today);
      return new Listed(row, lit, lit.toBuffer());
    }

    Attention attention() {
      return Attention.of(lit);
    }
  }

  private record Sent(long version, LocalDate day, Buffer bytes) {}

  private final Graph graph;
  private final Light.Outlooks outlooks;
  private final KeptRows<JsonObject> rows = ProjectRepository.listRows();
  private final Serial refreshes = new Serial();
  private volatile LocalDate day;
  /** Counts the commits that touched the list: what was encoded before the last one is not sent again. */
  private final AtomicLong version = new AtomicLong();
  // kept, encoded and sent only by the refresh under way (one at a time)
  private final TreeMap<Place, Listed> ordered = new TreeMap<>();
  private final Map<String, Place> places = new HashMap<>();
  /** The same projects in the battle map's order, and how many of each light. */
  private final TreeMap<Attention, Listed> attention = new TreeMap<>();
  private final int[] lights = new int[ProjectOrder.LIGHTS.size() + 1];
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

  /** Every project with its light, encoded (each project's bytes are kept with it: this copies them), kept as of version {@code at}. */
  private Buffer encode(LocalDate today, long at) {
    var bytes = EncodedArray.join(ordered.values().stream().map(Listed::bytes).toList());
    sent = new Sent(at, today, bytes);
    return bytes;
  }

  /**
   * The battle map as of {@code today} ({@link BattleMap}): how many projects of each light, the
   * year its period opens on, and the first {@code limit} projects in attention order; the same
   * for 100 projects or 100,000 (the kept order is walked only as far as the page).
   */
  Future<Buffer> battleMap(LocalDate today, int limit) {
    return refreshes.next(() -> refreshed(today).map(v -> {
      var first = ordered.ceilingKey(Place.signedBy(today.getYear()));
      var head = BattleMap.head(ordered.size(), lights, first == null ? null : first.signedOn(), limit);
      var page = new ArrayList<Buffer>(Math.min(limit, attention.size()));
      for (var p : attention.values()) {
        if (page.size() == limit) break;
        page.add(p.bytes());
      }
      return BattleMap.encode(head, page);
    }));
  }

  /** Reads again what commits touched (everything on a new day) and puts it in its place with its outlook; within a refresh. */
  private Future<Void> refreshed(LocalDate today) {
    if (!today.equals(day)) {
      day = today;
      rows.everything();
    }
    var touched = rows.drain();
    // the changed projects are planned while their rows are read (the plan needs only their ids)
    var planning = touched == null || touched.isEmpty() ? null : outlooks.of(List.copyOf(touched));
    return graph.read(tx -> rows.read(tx, touched, Map.of("today", today))).compose(v -> place(touched, planning, today))
        .onFailure(e -> day = null);
  }

  /**
   * Puts the projects read again (every project when null, planned now; else with {@code
   * planning}'s outlooks) in their places, with their lights as of {@code today}.
   */
  private Future<Void> place(Set<String> touched, Future<Map<String, Light.Outlook>> planning, LocalDate today) {
    if (touched != null && touched.isEmpty()) return Future.succeededFuture();
    var ids = new ArrayList<String>();
    if (touched == null) {
      for (var p : rows.values()) ids.add(p.getString("id"));
    } else {
      for (var id : touched) if (rows.get(id) != null) ids.add(id);
    }
    return (touched == null ? outlooks.of(ids) : planning).compose(found -> graph.vertx().executeBlocking(() -> {
      if (touched == null) {
        ordered.clear();
        places.clear();
        attention.clear();
        Arrays.fill(lights, 0);
      } else {
        for (var id : touched) {
          var place = places.remove(id);
          if (place != null) unlist(ordered.remove(place));
        }
      }
      for (var id : ids) {
        var listed = Listed.of(rows.get(id), found.get(id), today);
        var place = Place.of(listed.row());
        places.put(id, place);
        ordered.put(place, listed);
        var at = listed.attention();
        attention.put(at, listed);
        lights[at.light()]++;
      }
      return null;
    }, false));
  }

  private void unlist(Listed listed) {
    var at = listed.attention();
    attention.remove(at);
    lights[at.light()]--;
  }
}
