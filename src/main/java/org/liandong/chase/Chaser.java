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
import org.liandong.domain.NoticeKind;
import org.liandong.notices.NoticeDraft;
import org.liandong.notices.Notify;
import org.liandong.storage.Fence;
import org.liandong.storage.Graph;
import org.liandong.storage.Tx;

/**
 * One sweep of 督办: reads the open work near or past its dates, works out with {@link ChaseRules}
 * what holds today, and writes each notice, 催办 and 督办 at most once (by its key, so two nodes
 * or a restart announce a fact once). Every notice goes live on its person's {@code user:}
 * channel through the change log; 催办 and 督办 are changes in the project's history.
 */
public final class Chaser {
  private static final int LOOK_BACK_DAYS = 14;

  private final ChaseRepository repository;
  private final ChaseRules rules;
  private final Clock clock;

  public Chaser(Graph graph, ChaseRules rules, Clock clock) {
    this.repository = new ChaseRepository(graph);
    this.rules = rules;
    this.clock = clock;
  }

  /**
   * The notices, 催办 and 督办 of one obligation, written in one transaction; with the department's
   * own facts (new work, a 督办) for its group robots, when it has any, told whether or not any of
   * its people has an account (their key: the fact and {@link #ROBOTS}).
   */
  record Work(ChaseRepository.Candidate candidate, List<NoticeDraft> notices, boolean supervise, List<NoticeDraft> robots) {}

  /** The last part of a department fact's key for its group robots, where a notice's names its person. */
  static final String ROBOTS = "robots";

  /** Resolves to how many notices this sweep created. */
  public Future<Integer> sweep() {
    return sweep(Fence.NONE);
  }

  /** As {@link #sweep()}, every write through the timer's fence (a sweep that lost its lease writes nothing more). */
  public Future<Integer> sweep(Fence fence) {
    var today = LocalDate.now(clock);
    var now = ZonedDateTime.now(clock);
    return repository.graph().read(Notify.office()).compose(coordinators -> repository
        .candidates(rules.horizon(today), today.minusDays(LOOK_BACK_DAYS), now.minusDays(LOOK_BACK_DAYS))
        .compose(candidates -> obligations(candidates, today, coordinators, fence))
        .compose(n -> invitations(now, fence).map(m -> n + m))
        .compose(n -> unanswered(today, coordinators, fence).map(m -> n + m)));
  }

  private Future<Integer> obligations(List<ChaseRepository.Candidate> candidates, LocalDate today, List<String> coordinators,
                                      Fence fence) {
    var work = new ArrayList<Work>();
    for (var c : candidates) work.add(plan(c, today, coordinators));
    var keys = new ArrayList<String>();
    for (var w : work) {
      w.notices().forEach(p -> keys.add(p.key()));
      w.robots().forEach(p -> keys.add(p.key()));
      if (w.supervise()) keys.add(w.candidate().supervisionKey());
    }
    return repository.untaken(keys).compose(free -> {
      Future<Integer> chain = Future.succeededFuture(0);
      for (var w : work) {
        var fresh = w.notices().stream().filter(p -> free.contains(p.key())).toList();
        var robots = w.robots().stream().filter(p -> free.contains(p.key())).toList();
        boolean open = w.supervise() && free.contains(w.candidate().supervisionKey());
        if (fresh.isEmpty() && robots.isEmpty() && !open) continue;
        chain = chain.compose(n -> repository.graph().write(fence.guard(tx -> write(tx, w, fresh, robots, open, today))).map(m -> n + m));
      }
      return chain;
    });
  }

  /** What holds of one obligation today, as notices to its officers, its champions and, for a 督办, its head and the office. */
  private Work plan(ChaseRepository.Candidate c, LocalDate today, List<String> coordinators) {
    var facts = rules.facts(new ChaseRules.Dates(c.status(), c.dueOn(), c.expiredOn() == null ? c.deficiencyDueOn() : null), today);
    var props = Notify.about(c.id(), c.title(), c.projectId(), c.projectName());
    props.put("departmentName", c.departmentName());
    if (c.dueOn() != null) props.put("dueOn", c.dueOn().toString());
    var notices = new ArrayList<NoticeDraft>();
    var robots = new ArrayList<NoticeDraft>();
    if (c.newlyDispatched()) {
      var withMeeting = new HashMap<>(props);
      if (c.decidedIn() != null) withMeeting.put("decidedIn", c.decidedIn());
      to(notices, c.officers(), NoticeKind.dispatched, "dispatched|" + c.id(), withMeeting);
      if (c.hasRobots()) to(robots, List.of(ROBOTS), NoticeKind.dispatched, "dispatched|" + c.id(), withMeeting);
    }
    if (facts.contains(ChaseRules.Fact.DUE_SOON)) to(notices, c.officers(), NoticeKind.dueSoon, "dueSoon|" + c.id() + "|" + c.dueOn(), props);
    if (facts.contains(ChaseRules.Fact.OVERDUE)) {
      to(notices, c.officers(), NoticeKind.overdue, "overdue|" + c.id() + "|" + c.dueOn(), props);
      to(notices, c.champions(), NoticeKind.redLight, "red|" + c.id() + "|" + c.dueOn(), props);
    }
    if (facts.contains(ChaseRules.Fact.DEFICIENCY_DUE_SOON)) {
      var withDeadline = new HashMap<>(props);
      withDeadline.put("deficiencyDueOn", c.deficiencyDueOn().toString());
      to(notices, c.officers(), NoticeKind.deficiencyDueSoon, "deficiencyDueSoon|" + c.id() + "|" + c.deficiencyDueOn(), withDeadline);
    }
    if (c.expiredOn() != null) {
      var people = new LinkedHashSet<>(c.officers());
      people.addAll(c.champions());
      to(notices, people, NoticeKind.deficiencyLapsed, "lapsed|" + c.id() + "|" + c.expiredOn(), props);
    }
    boolean supervise = facts.contains(ChaseRules.Fact.ESCALATE);
    if (supervise) supervision(notices, robots, c, today, coordinators, props);
    return new Work(c, notices, supervise, robots);
  }

  /** The 督办's notice: to the department's head and officers, the champions and the office, with the day to answer by. */
  private void supervision(List<NoticeDraft> notices, List<NoticeDraft> robots, ChaseRepository.Candidate c, LocalDate today,
                           List<String> coordinators, Map<String, Object> props) {
    var people = new LinkedHashSet<>(c.heads());
    people.addAll(c.officers());
    people.addAll(c.champions());
    people.addAll(coordinators);
    var withDeadline = new HashMap<>(props);
    withDeadline.put("respondBy", rules.respondBy(today).toString());
    to(notices, people, NoticeKind.supervision, "supervision|" + c.id() + "|" + c.dueOn(), withDeadline);
    if (c.hasRobots()) to(robots, List.of(ROBOTS), NoticeKind.supervision, "supervision|" + c.id() + "|" + c.dueOn(), withDeadline);
  }

  private static void to(List<NoticeDraft> into, Iterable<String> people, NoticeKind kind, String fact, Map<String, Object> props) {
    for (var userId : people) into.add(new NoticeDraft(fact + "|" + userId, kind, userId, props));
  }

  /** One obligation's notices, its 催办 (the first overdue notice of a due date) and its 督办, in one transaction. */
  private Future<Integer> write(Tx tx, Work w, List<NoticeDraft> fresh, List<NoticeDraft> robots, boolean open, LocalDate today) {
    var c = w.candidate();
    Future<Void> opened = open ? repository.supervise(c, today, rules.respondBy(today)).run(tx) : Future.succeededFuture();
    // the department's own facts (new work, a 督办) also go to its group robots
    return opened.compose(v -> Notify.deliver(tx, fresh)).compose(created -> Notify.robots(tx, c.departmentId(), robots).map(created))
        .compose(created -> {
      boolean reminded = created.contains(NoticeKind.overdue);
      return reminded ? repository.reminded(c).run(tx).map(created.size()) : Future.succeededFuture(created.size());
    });
  }

  private Future<Integer> invitations(ZonedDateTime now, Fence fence) {
    return repository.invitations(now).compose(meetings -> {
      var planned = new ArrayList<NoticeDraft>();
      for (var m : meetings) {
        var props = Map.<String, Object>of("meetingId", m.meetingId(), "subject", m.title(), "startsAt", m.startsAt());
        to(planned, m.users(), NoticeKind.invited, "invited|" + m.meetingId(), props);
      }
      return writeAll(planned, fence);
    });
  }

  /** 督办 past their deadline go, once, to the champions. */
  private Future<Integer> unanswered(LocalDate today, List<String> coordinators, Fence fence) {
    return repository.unanswered(today).compose(waiting -> {
      Future<Integer> chain = Future.succeededFuture(0);
      for (var u : waiting) {
        var props = Notify.about(u.obligationId(), u.title(), u.projectId(), u.projectName());
        var planned = new ArrayList<NoticeDraft>();
        var people = new LinkedHashSet<>(u.champions());
        people.addAll(coordinators);
        to(planned, people, NoticeKind.supervisionEscalated, "supervisionEscalated|" + u.id(), props);
        chain = chain.compose(n -> repository.graph().write(fence.guard(tx -> repository.escalate(u, today).run(tx)
            .compose(escalated -> escalated ? Notify.deliver(tx, planned).map(List::size) : Future.succeededFuture(0))))
            .map(m -> n + m));
      }
      return chain;
    });
  }

  private Future<Integer> writeAll(List<NoticeDraft> planned, Fence fence) {
    return repository.untaken(planned.stream().map(NoticeDraft::key).toList()).compose(free -> {
      var fresh = planned.stream().filter(p -> free.contains(p.key())).toList();
      return fresh.isEmpty() ? Future.succeededFuture(0) : repository.graph().write(fence.guard(tx -> Notify.deliver(tx, fresh).map(List::size)));
    });
  }
}
