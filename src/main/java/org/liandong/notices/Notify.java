package org.liandong.notices;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.liandong.domain.NoticeKind;
import org.liandong.storage.Tx;
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
    return people(NoticeCypher.OFFICE, null, null, kind, fact, props);
  }

  /** Tells a department's officers of a fact. */
  public static Work<Integer> department(String departmentId, NoticeKind kind, String fact, Map<String, Object> props) {
    return people(NoticeCypher.OFFICERS, "department", departmentId, kind, fact, props);
  }

  /**
   * Tells a department's group robots of the department's facts among these notices (docs/reach.md):
   * each fact of a kind that leaves the app, once per robot, whoever of the department it reached.
   */
  public static Future<Void> robots(Tx tx, String departmentId, List<NoticeDraft> notices) {
    Future<Void> chain = Future.succeededFuture();
    var told = new java.util.HashSet<String>();
    for (var n : notices) {
      if (n.kind().push == NoticeKind.Push.NONE || !told.add(n.fact())) continue;
      chain = chain.compose(v -> tx.run(NoticeCypher.ROBOTS, Map.of("department", departmentId, "kind", n.kind().name(),
          "fact", n.fact(), "props", n.props())).mapEmpty());
    }
    return chain;
  }

  /** Tells the people a meeting invites (each person, each department's officers) of a fact. */
  public static Work<Integer> invitees(String meetingId, NoticeKind kind, String fact, Map<String, Object> props) {
    return people(NoticeCypher.INVITEES, "meeting", meetingId, kind, fact, props);
  }

  /** The service office's people (its active coordinators). */
  public static Work<List<String>> office() {
    return NoticeRepository.people(NoticeCypher.OFFICE, null, null);
  }

  /** Writes the notices not yet there (by key); each one created goes live on its person's channel. Resolves to the kinds of those created. */
  public static Future<List<NoticeKind>> deliver(Tx tx, List<NoticeDraft> notices) {
    return NoticeRepository.deliver(notices).run(tx);
  }

  /** Tells these people of a fact. */
  public static Work<Integer> people(java.util.Collection<String> userIds, NoticeKind kind, String fact, Map<String, Object> props) {
    return tx -> deliver(tx, userIds.stream().distinct().map(id -> new NoticeDraft(fact + "|" + id, kind, id, props)).toList())
        .map(List::size);
  }

  private static Work<Integer> people(String who, String param, String id, NoticeKind kind, String fact, Map<String, Object> props) {
    return NoticeRepository.people(who, param, id).then(ids -> people(ids, kind, fact, props));
  }
}
