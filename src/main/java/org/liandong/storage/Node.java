package org.liandong.storage;

/**
 * The labels of the domain nodes that carry an {@code id} and a {@code version}, with the
 * queries every feature needs on them. Labels are never user input.
 */
public enum Node {
  Department, User, Project, Obligation, Meeting, AgendaItem;

  final String lockAndRead = "MATCH (n:" + name() + " {id: $id}) SET n._lock = true "
      + "WITH n REMOVE n._lock RETURN n {.*} AS n";

  final String missing = "UNWIND $ids AS id OPTIONAL MATCH (n:" + name() + " {id: id}) "
      + "WITH id, n WHERE n IS NULL RETURN collect(id) AS missing";

  String noun() {
    return switch (this) {
      case AgendaItem -> "agenda item";
      default -> name().toLowerCase();
    };
  }
}
