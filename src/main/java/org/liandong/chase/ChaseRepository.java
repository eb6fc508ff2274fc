package org.liandong.chase;

import io.vertx.core.Future;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.liandong.storage.Entry;
import org.liandong.storage.Graph;
import org.liandong.storage.Work;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** What the 督办 sweep reads and writes ({@link ChaseCypher}), each driver record mapped once. */
final class ChaseRepository {
  private static final String SYSTEM = "system";

  private final Graph graph;

  ChaseRepository(Graph graph) {
    this.graph = graph;
  }

  Graph graph() {
    return graph;
  }

  /** Open work near or past its dates, with the people it concerns. */
  record Candidate(String id, String title, String status, LocalDate dueOn, LocalDate deficiencyDueOn, LocalDate expiredOn,
                   boolean newlyDispatched, String decidedIn, String departmentId, String departmentName, String projectId,
                   String projectName, List<String> officers, List<String> heads, List<String> champions, boolean hasRobots) {
    /** A 督办 is opened once per obligation and due date. */
    String supervisionKey() {
      return id + "|" + dueOn;
    }

    List<String> channels() {
      return List.of("project:" + projectId, "department:" + departmentId);
    }
  }

  /** A meeting still to come and the people it invites (each person, each department's officers). */
  record Invitation(String meetingId, String title, String startsAt, List<String> users) {}

  /** A 督办 past its deadline without an answer. */
  record Unanswered(String id, String obligationId, String title, String projectId, String projectName, String departmentId,
                    List<String> champions) {}

  Future<List<Candidate>> candidates(LocalDate horizon, LocalDate since, ZonedDateTime sinceAt) {
    return graph.query(ChaseCypher.CANDIDATES, Map.of("horizon", horizon, "since", since, "sinceAt", sinceAt))
        .map(rows -> rows.stream().map(ChaseRepository::candidate).toList());
  }

  private static Candidate candidate(Record c) {
    return new Candidate(c.get("id").asString(), c.get("title").asString(), c.get("status").asString(), date(c.get("dueOn")),
        date(c.get("deficiencyDueOn")), date(c.get("expiredOn")), c.get("newlyDispatched").asBoolean(false),
        c.get("decidedIn").asString(null), c.get("departmentId").asString(), c.get("departmentName").asString(),
        c.get("projectId").asString(), c.get("projectName").asString(), c.get("officers").asList(Value::asString),
        c.get("heads").asList(Value::asString), c.get("champions").asList(Value::asString), c.get("hasRobots").asBoolean(false));
  }

  Future<List<Invitation>> invitations(ZonedDateTime now) {
    return graph.query(ChaseCypher.INVITED, Map.of("nowAt", now)).map(rows -> rows.stream()
        .map(r -> new Invitation(r.get("id").asString(), r.get("title").asString(), r.get("startsAt").asString(),
            r.get("users").asList(Value::asString))).toList());
  }

  Future<List<Unanswered>> unanswered(LocalDate today) {
    return graph.query(ChaseCypher.UNANSWERED, Map.of("today", today)).map(rows -> rows.stream()
        .map(r -> new Unanswered(r.get("id").asString(), r.get("obligationId").asString(), r.get("title").asString(),
            r.get("projectId").asString(), r.get("projectName").asString(), r.get("departmentId").asString(),
            r.get("champions").asList(Value::asString))).toList());
  }

  /** The keys no notice or 督办 has taken yet. */
  Future<Set<String>> untaken(List<String> keys) {
    if (keys.isEmpty()) return Future.succeededFuture(Set.of());
    return graph.query(ChaseCypher.TAKEN, Map.of("keys", keys, "robots", Chaser.ROBOTS)).map(rows -> {
      var free = new LinkedHashSet<>(keys);
      rows.get(0).get("taken").asList(Value::asString).forEach(free::remove);
      return free;
    });
  }

  /** Opens the 督办 of a candidate unless one is open for its due date; the history tells it. */
  Work<Void> supervise(Candidate c, LocalDate today, LocalDate respondBy) {
    return tx -> tx.first(ChaseCypher.OPEN_SUPERVISION, Map.of("key", c.supervisionKey(), "obligationId", c.id(),
            "departmentId", c.departmentId(), "projectId", c.projectId(), "today", today, "respondBy", respondBy))
        .map(row -> {
          row.ifPresent(r -> tx.record(new Entry(SYSTEM, "obligation.supervised", "Obligation", c.id(), c.projectId(), null,
              r.get("supervision").asMap(), c.channels())));
          return null;
        });
  }

  /** One more 催办 on the obligation's record (for its department's 绩效考核), told in the project's history. */
  Work<Void> reminded(Candidate c) {
    return tx -> {
      tx.record(new Entry(SYSTEM, "obligation.reminded", "Obligation", c.id(), c.projectId(), null,
          Map.of("dueOn", String.valueOf(c.dueOn()), "departmentName", c.departmentName()), c.channels()));
      return tx.run(ChaseCypher.REMINDED, Map.of("id", c.id())).mapEmpty();
    };
  }

  /** The 督办 goes to its second level, once; resolves whether this call escalated it. */
  Work<Boolean> escalate(Unanswered u, LocalDate today) {
    return tx -> tx.first(ChaseCypher.ESCALATE, Map.of("id", u.id(), "today", today)).map(row -> {
      if (row.isEmpty()) return false;
      tx.record(new Entry(SYSTEM, "supervision.escalated", "Supervision", u.id(), u.projectId(), null,
          row.get().get("supervision").asMap(), List.of("project:" + u.projectId(), "department:" + u.departmentId())));
      return true;
    });
  }

  private static LocalDate date(Value v) {
    return v == null || v.isNull() ? null : v.asLocalDate();
  }
}
