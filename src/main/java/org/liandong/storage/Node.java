package org.liandong.storage;

import org.liandong.support.Failure;

/**
 * The labels of the domain nodes that carry an {@code id} and a {@code version}, with the
 * queries every feature needs on them. Labels are never user input.
 */
public enum Node {
  Department, User, Project, Obligation,
  Meeting, AgendaItem, SavedQuery;

  /** What a message calls it, from the catalogue ({@code noun.<label>}). */
  private final Failure.Noun noun = Failure.Noun.of("noun." + name());

  final String lockAndRead = "MATCH (n:" + name() + " {id: $id}) SET n._lock = true "
      + "WITH n REMOVE n._lock RETURN n {.*} AS n";

  final String missing = "UNWIND $ids AS id OPTIONAL MATCH (n:" + name() + " {id: id}) "
      + "WITH id, n WHERE n IS NULL RETURN collect(id) AS missing";

  public Failure.Noun noun() {
    return noun;
  }

  public Failure.NotFound notFound(String id) {
    return Failure.notFound(noun, id);
  }
}
