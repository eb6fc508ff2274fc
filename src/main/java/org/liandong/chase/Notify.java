package org.liandong.chase;

import java.util.List;
import java.util.Map;
import org.liandong.storage.Work;

/**
 * Notices another feature's write sends in its own transaction: to the service office, or to a
 * department's officers; one per fact and person, live on each person's channel.
 */
public final class Notify {
  private Notify() {}

  private static final String OFFICE = "MATCH (u:User) WHERE u.active AND 'coordinator' IN u.roles RETURN u.id AS id";
  private static final String OFFICERS = """
      MATCH (u:User)-[:MEMBER_OF]->(:Department {id: $department})
      WHERE u.active AND 'officer' IN u.roles RETURN u.id AS id
      """;

  /** Tells the service office (its coordinators) of a fact. */
  public static Work<Integer> office(NoticeKind kind, String fact, Map<String, Object> props) {
    return people(OFFICE, Map.of(), kind, fact, props);
  }

  /** Tells a department's officers of a fact. */
  public static Work<Integer> department(String departmentId, NoticeKind kind, String fact, Map<String, Object> props) {
    return people(OFFICERS, Map.of("department", departmentId), kind, fact, props);
  }

  private static Work<Integer> people(String who, Map<String, Object> params, NoticeKind kind, String fact, Map<String, Object> props) {
    return tx -> tx.list(who, params).compose(rows -> {
      List<Chaser.Planned> planned = rows.stream().map(r -> r.get("id").asString())
          .map(id -> new Chaser.Planned(fact + "|" + id, kind, id, props)).toList();
      return Chaser.deliver(tx, planned).map(List::size);
    });
  }
}
