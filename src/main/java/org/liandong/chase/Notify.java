package org.liandong.chase;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.liandong.storage.Work;

/**
 * Notices another feature's write sends in its own transaction: to the service office, or to a
 * department's officers; one per fact and person, live on each person's channel.
 */
public final class Notify {
  private Notify() {}

  /** What a notice about an obligation names (more is added by each kind: a date, a reason). */
  public static Map<String, Object> about(Object obligationId, Object title, Object projectId, Object projectName) {
    var props = new HashMap<String, Object>();
    props.put("obligationId", obligationId);
    props.put("subject", title);
    props.put("projectId", projectId);
    if (projectName != null) props.put("projectName", projectName);
    return props;
  }

  /** Tells the service office (its coordinators) of a fact. */
  public static Work<Integer> office(NoticeKind kind, String fact, Map<String, Object> props) {
    return people(ChaseCypher.OFFICE, Map.of(), kind, fact, props);
  }

  /** Tells a department's officers of a fact. */
  public static Work<Integer> department(String departmentId, NoticeKind kind, String fact, Map<String, Object> props) {
    return people(ChaseCypher.OFFICERS, Map.of("department", departmentId), kind, fact, props);
  }

  /** Tells the people a meeting invites (each person, each department's officers) of a fact. */
  public static Work<Integer> invitees(String meetingId, NoticeKind kind, String fact, Map<String, Object> props) {
    return people(ChaseCypher.INVITEES, Map.of("meeting", meetingId), kind, fact, props);
  }

  /** Tells these people of a fact. */
  static Work<Integer> people(java.util.Collection<String> userIds, NoticeKind kind, String fact, Map<String, Object> props) {
    return tx -> Chaser.deliver(tx, userIds.stream().distinct().map(id -> new Chaser.Planned(fact + "|" + id, kind, id, props)).toList())
        .map(List::size);
  }

  private static Work<Integer> people(String who, Map<String, Object> params, NoticeKind kind, String fact, Map<String, Object> props) {
    return tx -> tx.list(who, params).compose(rows -> people(rows.stream().map(r -> r.get("id").asString()).toList(), kind, fact, props).run(tx));
  }
}
