package org.liandong.storage;

import org.liandong.support.Failure;

/**
 * The labels of the domain nodes that carry an {@code id} and a {@code version}, with the
 * queries every feature needs on them. Labels are never user input.
 */
public enum Node {
  Department("department", "部门"), User("user", "用户"), Project("project", "项目"), Obligation("obligation", "事项"),
  Meeting("meeting", "会议"), AgendaItem("agenda item", "议题"), SavedQuery("saved query", "已存查询");

  private final Failure.Noun noun;

  Node(String en, String zh) {
    this.noun = new Failure.Noun(en, zh);
  }

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
