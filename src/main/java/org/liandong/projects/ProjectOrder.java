package org.liandong.projects;

import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.List;
import org.liandong.domain.Light;

/**
 * The two orders projects are shown in: the list's ({@link Place}: the latest signed first) and
 * the battle map's ({@link Attention}: red, yellow, green, the most overdue first). Decided here
 * for the kept read model and for the graph as it stood alike, never in the browser.
 */
final class ProjectOrder {
  private ProjectOrder() {}

  /** A project's place in the list: the latest signed first (unsigned before them, as Cypher's DESC puts nulls), then by code, then id. */
  record Place(String signedOn, String code, String id) implements Comparable<Place> {
    private static final Comparator<Place> ORDER = Comparator
        .comparing(Place::signedOn, Comparator.nullsFirst(Comparator.<String>reverseOrder()))
        .thenComparing(Place::code, Comparator.nullsLast(Comparator.<String>naturalOrder()))
        .thenComparing(Place::id);

    static Place of(JsonObject project) {
      return new Place(project.getString("signedOn"), project.getString("code"), project.getString("id"));
    }

    /** Where the projects signed in {@code year} or before begin: every place from here on was signed no later. */
    static Place signedBy(int year) {
      return new Place(year + "-12-31", "", "");
    }

    @Override
    public int compareTo(Place other) {
      return ORDER.compare(this, other);
    }
  }

  /** The lights in the order the battle map shows them (what needs a leader's attention first). */
  static final List<String> LIGHTS = List.of("red", "yellow", "green");

  /**
   * A project's place on the battle map: red, then yellow, then green; within a light the most
   * overdue obligations first; then the list's order. Of a project with its light ({@link Light#onto}).
   */
  record Attention(int light, long overdue, Place place) implements Comparable<Attention> {
    private static final Comparator<Attention> ORDER = Comparator.comparingInt(Attention::light)
        .thenComparing(Comparator.comparingLong(Attention::overdue).reversed())
        .thenComparing(Attention::place);

    static Attention of(JsonObject lit) {
      int light = LIGHTS.indexOf(lit.getString("light"));
      var overdue = lit.getValue("overdue");
      return new Attention(light < 0 ? LIGHTS.size() : light, overdue instanceof Number n ? n.longValue() : 0, Place.of(lit));
    }

    @Override
    public int compareTo(Attention other) {
      return ORDER.compare(this, other);
    }
  }
}
