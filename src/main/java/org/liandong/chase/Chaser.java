package org.liandong.chase;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.liandong.domain.NoticeKind;
import org.liandong.notices.NoticeDraft;
import org.liandong.notices.Notify;
import org.liandong.storage.Entry;
import org.liandong.storage.Graph;
import org.liandong.storage.Tx;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * One sweep of 督办: reads the open work near or past its dates, works out with {@link ChaseRules}
 * what holds today, and writes each notice, 催办 and 督办 at most once (by its key, so two nodes
 * or a restart announce a fact once). Every notice goes live on its person's {@code user:}
 * channel through the change log; 催办 and 督办 are changes in the project's history.
 */
public final class Chaser {
  private static final String SYSTEM = "system";
  private static final int LOOK_BACK_DAYS = 14;

  private final Graph graph;
  private final ChaseRules rules;
  private final Clock clock;

  public Chaser(Graph graph, ChaseRules rules, Clock clock) {
    this.graph = graph;
    this.rules = rules;
    this.clock = clock;
  }

  /** The notices, 催办 and 督办 of one obligation, written in one transaction. */
  record Work(Record candidate, List<NoticeDraft> notices, boolean supervise) {
    String supervisionKey() {
      return candidate.get("id").asString() + "|" + date(candidate.get("dueOn"));
    }
  }

  /** Resolves to how many notices this sweep created. */
  public Future<Integer> sweep() {
    var today = LocalDate.now(clock);
    var now = ZonedDateTime.now(clock);
    return graph.read(Notify.office()).compose(coordinators -> {
      return graph.query(ChaseCypher.CANDIDATES, Map.of("horizon", rules.horizon(today), "since", today.minusDays(LOOK_BACK_DAYS),
              "sinceAt", now.minusDays(LOOK_BACK_DAYS)))
          .compose(candidates -> obligations(candidates, today, coordinators))
          .compose(n -> invitations(now).map(m -> n + m))
          .compose(n -> unanswered(today, coordinators).map(m -> n + m));
    });
  }

  private Future<Integer> obligations(List<Record> candidates, LocalDate today, List<String> coordinators) {
    var work = new ArrayList<Work>();
    for (var c : candidates) work.add(plan(c, today, coordinators));
    var keys = new ArrayList<String>();
    for (var w : work) {
      w.notices().forEach(p -> keys.add(p.key()));
      if (w.supervise()) keys.add(w.supervisionKey());
    }
    return untaken(keys).compose(free -> {
      Future<Integer> chain = Future.succeededFuture(0);
      for (var w : work) {
        var fresh = w.notices().stream().filter(p -> free.contains(p.key())).toList();
        boolean open = w.supervise() && free.contains(w.supervisionKey());
        if (fresh.isEmpty() && !open) continue;
        chain = chain.compose(n -> graph.write(tx -> write(tx, w, fresh, open, today)).map(m -> n + m));
      }
      return chain;
    });
  }

  /** What holds of one obligation today, as notices to its officers, its champions and, for a 督办, its head and the office. */
  private Work plan(Record c, LocalDate today, List<String> coordinators) {
    var id = c.get("id").asString();
    var dueOn = date(c.get("dueOn"));
    var deficiencyDueOn = date(c.get("deficiencyDueOn"));
    var expiredOn = date(c.get("expiredOn"));
    var officers = c.get("officers").asList(Value::asString);
    var champions = c.get("champions").asList(Value::asString);
    var facts = rules.facts(new ChaseRules.Dates(c.get("status").asString(), dueOn, expiredOn == null ? deficiencyDueOn : null), today);
    var props = Notify.about(id, c.get("title").asString(), c.get("projectId").asString(), c.get("projectName").asString());
    props.put("departmentName", c.get("departmentName").asString());
    if (dueOn != null) props.put("dueOn", dueOn.toString());
    var notices = new ArrayList<NoticeDraft>();
    if (c.get("newlyDispatched").asBoolean(false)) {
      var withMeeting = new HashMap<>(props);
      if (!c.get("decidedIn").isNull()) withMeeting.put("decidedIn", c.get("decidedIn").asString());
      to(notices, officers, NoticeKind.dispatched, "dispatched|" + id, withMeeting);
    }
    if (facts.contains(ChaseRules.Fact.DUE_SOON)) to(notices, officers, NoticeKind.dueSoon, "dueSoon|" + id + "|" + dueOn, props);
    if (facts.contains(ChaseRules.Fact.OVERDUE)) {
      to(notices, officers, NoticeKind.overdue, "overdue|" + id + "|" + dueOn, props);
      to(notices, champions, NoticeKind.redLight, "red|" + id + "|" + dueOn, props);
    }
    if (facts.contains(ChaseRules.Fact.DEFICIENCY_DUE_SOON)) {
      var withDeadline = new HashMap<>(props);
      withDeadline.put("deficiencyDueOn", deficiencyDueOn.toString());
      to(notices, officers, NoticeKind.deficiencyDueSoon, "deficiencyDueSoon|" + id + "|" + deficiencyDueOn, withDeadline);
    }
    if (expiredOn != null) {
      var people = new LinkedHashSet<>(officers);
      people.addAll(champions);
      to(notices, people, NoticeKind.deficiencyLapsed, "lapsed|" + id + "|" + expiredOn, props);
    }
    boolean supervise = facts.contains(ChaseRules.Fact.ESCALATE);
    if (supervise) {
      var people = new LinkedHashSet<String>(c.get("heads").asList(Value::asString));
      people.addAll(officers);
      people.addAll(champions);
      people.addAll(coordinators);
      var withDeadline = new HashMap<>(props);
      withDeadline.put("respondBy", rules.respondBy(today).toString());
      to(notices, people, NoticeKind.supervision, "supervision|" + id + "|" + dueOn, withDeadline);
    }
    return new Work(c, notices, supervise);
  }

  private static void to(List<NoticeDraft> into, Iterable<String> people, NoticeKind kind, String fact, Map<String, Object> props) {
    for (var userId : people) into.add(new NoticeDraft(fact + "|" + userId, kind, userId, props));
  }

  /** One obligation's notices, its 催办 (the first overdue notice of a due date) and its 督办, in one transaction. */
  private Future<Integer> write(Tx tx, Work w, List<NoticeDraft> fresh, boolean open, LocalDate today) {
    var c = w.candidate();
    var id = c.get("id").asString();
    var projectId = c.get("projectId").asString();
    var channels = List.of("project:" + projectId, "department:" + c.get("departmentId").asString());
    Future<Void> opened = !open ? Future.succeededFuture()
        : tx.first(ChaseCypher.OPEN_SUPERVISION, Map.of("key", w.supervisionKey(), "obligationId", id,
                "departmentId", c.get("departmentId").asString(), "projectId", projectId, "today", today,
                "respondBy", rules.respondBy(today)))
            .map(row -> {
              row.ifPresent(r -> tx.record(new Entry(SYSTEM, "obligation.supervised", "Obligation", id, projectId, null,
                  r.get("supervision").asMap(), channels)));
              return null;
            });
    return opened.compose(v -> Notify.deliver(tx, fresh)).compose(created -> {
      boolean reminded = created.stream().anyMatch(n -> NoticeKind.overdue.name().equals(n.get("kind")));
      if (!reminded) return Future.succeededFuture(created.size());
      tx.record(new Entry(SYSTEM, "obligation.reminded", "Obligation", id, projectId, null,
          Map.of("dueOn", String.valueOf(date(c.get("dueOn"))), "departmentName", c.get("departmentName").asString()), channels));
      return tx.run(ChaseCypher.REMINDED, Map.of("id", id)).map(created.size());
    });
  }



  private Future<Integer> invitations(ZonedDateTime now) {
    return graph.query(ChaseCypher.INVITED, Map.of("nowAt", now)).compose(rows -> {
      var planned = new ArrayList<NoticeDraft>();
      for (var r : rows) {
        var props = Map.<String, Object>of("meetingId", r.get("id").asString(), "subject", r.get("title").asString(),
            "startsAt", r.get("startsAt").asString());
        to(planned, r.get("users").asList(Value::asString), NoticeKind.invited, "invited|" + r.get("id").asString(), props);
      }
      return writeAll(planned);
    });
  }

  /** 督办 past their deadline go, once, to the champions. */
  private Future<Integer> unanswered(LocalDate today, List<String> coordinators) {
    return graph.query(ChaseCypher.UNANSWERED, Map.of("today", today)).compose(rows -> {
      Future<Integer> chain = Future.succeededFuture(0);
      for (var r : rows) {
        var id = r.get("id").asString();
        var props = Notify.about(r.get("obligationId").asString(), r.get("title").asString(), r.get("projectId").asString(),
            r.get("projectName").asString());
        var planned = new ArrayList<NoticeDraft>();
        var people = new LinkedHashSet<>(r.get("champions").asList(Value::asString));
        people.addAll(coordinators);
        to(planned, people, NoticeKind.supervisionEscalated, "supervisionEscalated|" + id, props);
        chain = chain.compose(n -> graph.write(tx -> tx.first(ChaseCypher.ESCALATE, Map.of("id", id, "today", today))
            .compose(row -> {
              if (row.isEmpty()) return Future.succeededFuture(0);
              tx.record(new Entry(SYSTEM, "supervision.escalated", "Supervision", id, r.get("projectId").asString(), null,
                  row.get().get("supervision").asMap(), List.of("project:" + r.get("projectId").asString(),
                  "department:" + r.get("departmentId").asString())));
              return Notify.deliver(tx, planned).map(List::size);
            })).map(m -> n + m));
      }
      return chain;
    });
  }

  private Future<Integer> writeAll(List<NoticeDraft> planned) {
    return untaken(planned.stream().map(NoticeDraft::key).toList()).compose(free -> {
      var fresh = planned.stream().filter(p -> free.contains(p.key())).toList();
      return fresh.isEmpty() ? Future.succeededFuture(0) : graph.write(tx -> Notify.deliver(tx, fresh).map(List::size));
    });
  }

  /** The keys no notice or 督办 has taken yet. */
  private Future<Set<String>> untaken(List<String> keys) {
    if (keys.isEmpty()) return Future.succeededFuture(Set.of());
    return graph.query(ChaseCypher.TAKEN, Map.of("keys", keys)).map(rows -> {
      var free = new LinkedHashSet<>(keys);
      rows.get(0).get("taken").asList(Value::asString).forEach(free::remove);
      return free;
    });
  }

  private static LocalDate date(Value v) {
    return v == null || v.isNull() ? null : v.asLocalDate();
  }

}
