package org.liandong.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.domain.WorkCalendar;
import org.liandong.support.Failure;

/**
 * Hand-computed schedules. Mon 2031-01-06 is "today" and Fri 2031-01-17 the target start
 * unless said otherwise; with weekdays only, the working days are 6-10 and 13-17 January.
 */
@DisplayName("Backward scheduling and the critical path")
class SchedulerTest {
  static final LocalDate MON6 = LocalDate.of(2031, 1, 6);
  static final LocalDate FRI17 = LocalDate.of(2031, 1, 17);
  final Scheduler weekdays = new Scheduler(WorkCalendar.weekdaysOnly(), 3);

  static Scheduler.Task task(String id, int days, String... dependsOn) {
    return new Scheduler.Task(id, "任务" + id, days, null, false, null, null, List.of(dependsOn));
  }

  static LocalDate jan(int day) {
    return LocalDate.of(2031, 1, day);
  }

  @Test
  @DisplayName("a chain: latest dates back from the target start, earliest from today, float between")
  void chain() {
    var plan = weekdays.plan(List.of(task("A", 3), task("B", 2, "A")), FRI17, MON6);

    assertThat(plan.get("B").latestFinish()).isEqualTo(jan(17));
    assertThat(plan.get("B").latestStart()).isEqualTo(jan(16));
    assertThat(plan.get("A").latestFinish()).isEqualTo(jan(15));
    assertThat(plan.get("A").latestStart()).isEqualTo(jan(13));
    assertThat(plan.get("A").earliestStart()).isEqualTo(jan(6));
    assertThat(plan.get("A").earliestFinish()).isEqualTo(jan(8));
    assertThat(plan.get("B").earliestStart()).isEqualTo(jan(9));
    assertThat(plan.get("B").earliestFinish()).isEqualTo(jan(10));
    assertThat(plan.get("A").totalFloat()).isEqualTo(5);
    assertThat(plan.get("B").totalFloat()).isEqualTo(5);
    assertThat(plan.values()).allSatisfy(p -> assertThat(p.critical()).isTrue());
    assertThat(plan.values()).allSatisfy(p -> assertThat(p.flag()).isEqualTo("green"));
  }

  @Test
  @DisplayName("a diamond: the longer branch is critical, the shorter has float")
  void diamond() {
    var plan = weekdays.plan(List.of(task("A", 2), task("B", 3, "A"), task("C", 1, "A"), task("D", 1, "B", "C")), FRI17, MON6);

    assertThat(plan.get("A").latestStart()).isEqualTo(jan(10));
    assertThat(plan.get("A").latestFinish()).isEqualTo(jan(13));
    assertThat(plan.get("C").latestFinish()).isEqualTo(jan(16));
    assertThat(plan.get("D").earliestStart()).isEqualTo(jan(13));
    assertThat(plan.get("A").totalFloat()).isEqualTo(4);
    assertThat(plan.get("B").totalFloat()).isEqualTo(4);
    assertThat(plan.get("C").totalFloat()).isEqualTo(6);
    assertThat(plan.get("D").totalFloat()).isEqualTo(4);
    assertThat(plan.values().stream().filter(Scheduler.Plan::critical).map(Scheduler.Plan::id)).containsExactlyInAnyOrder("A", "B", "D");
  }

  @Test
  @DisplayName("three parallel tracks into one start: each track keeps its own float")
  void parallelTracks() {
    var plan = weekdays.plan(List.of(task("land", 5), task("site", 2), task("permits", 3), task("start", 1, "land", "site", "permits")),
        FRI17, MON6);
    assertThat(plan.get("start").latestStart()).isEqualTo(jan(17));
    assertThat(plan.get("land").totalFloat()).isEqualTo(4);
    assertThat(plan.get("site").totalFloat()).isEqualTo(7);
    assertThat(plan.get("permits").totalFloat()).isEqualTo(6);
    assertThat(plan.get("start").earliestStart()).isEqualTo(jan(13));
    assertThat(plan.get("land").critical()).isTrue();
    assertThat(plan.get("site").critical()).isFalse();
  }

  @Test
  @DisplayName("holidays are skipped and a make-up Saturday is worked")
  void holidays() {
    var calendar = WorkCalendar.of(new LocalDate[] {jan(8)}, new LocalDate[] {jan(11)});
    var plan = new Scheduler(calendar, 3).plan(List.of(task("A", 3), task("B", 2, "A")), FRI17, MON6);
    // working days: 6, 7, 9, 10, 11 (Saturday), 13, 14, 15, 16, 17
    assertThat(plan.get("A").earliestFinish()).isEqualTo(jan(9));
    assertThat(plan.get("B").earliestStart()).isEqualTo(jan(10));
    assertThat(plan.get("B").earliestFinish()).isEqualTo(jan(11));
    assertThat(plan.get("A").latestStart()).isEqualTo(jan(13));
    assertThat(plan.get("A").totalFloat()).isEqualTo(5);
  }

  @Test
  @DisplayName("a latest start already passed is red, and so is what it makes late; little float is yellow; done work counts from its date")
  void flags() {
    var late = weekdays.plan(List.of(task("A", 3), task("B", 2, "A")), FRI17, jan(16));
    assertThat(late.get("A").flag()).isEqualTo("red");
    assertThat(late.get("A").totalFloat()).isEqualTo(-3);
    assertThat(late.get("B").flag()).as("its own latest start is today, but A's lateness carries it past the target").isEqualTo("red");
    var tight = weekdays.plan(List.of(task("A", 3), task("B", 2, "A")), FRI17, jan(10));
    assertThat(tight.get("A").totalFloat()).isEqualTo(1);
    assertThat(tight.get("A").flag()).isEqualTo("yellow");

    var done = new Scheduler.Task("A", "A", 3, null, true, jan(8), jan(6), List.of());
    var plan = weekdays.plan(List.of(done, task("B", 2, "A")), FRI17, jan(9));
    assertThat(plan.get("A").flag()).isEqualTo("done");
    assertThat(plan.get("B").earliestStart()).isEqualTo(jan(9));
    assertThat(plan.get("B").critical()).isTrue();
  }

  @Test
  @DisplayName("a slip on the critical path moves what follows; off it, float absorbs it")
  void slips() {
    var tasks = List.of(task("A", 2), task("B", 3, "A"), task("C", 1, "A"), task("D", 1, "B", "C"));
    var base = weekdays.forward(tasks, MON6, Map.of(), Map.of());
    var offPath = weekdays.forward(tasks, MON6, Map.of(), Map.of("C", 2));
    var onPath = weekdays.forward(tasks, MON6, Map.of(), Map.of("B", 1));
    assertThat(offPath.get("C") - base.get("C")).isEqualTo(2);
    assertThat(offPath.get("D")).isEqualTo(base.get("D"));
    assertThat(onPath.get("D") - base.get("D")).isEqualTo(1);
  }

  static Scheduler.Task due(String id, int days, LocalDate dueOn, String... dependsOn) {
    return new Scheduler.Task(id, "任务" + id, days, dueOn, false, null, null, List.of(dependsOn));
  }

  @Test
  @DisplayName("a step past its due date is red with its days late, however much slack the target start leaves")
  void lateAgainstItsDueDate() {
    // due Fri 3rd, today Wed 8th, target start far off on the 31st
    var plan = weekdays.plan(List.of(due("A", 2, jan(3)), due("B", 1, jan(30), "A")), jan(31), jan(8));
    assertThat(plan.get("A").late()).isTrue();
    assertThat(plan.get("A").flag()).isEqualTo("red");
    assertThat(plan.get("A").latestFinish()).as("its due date is its deadline, not the target start").isEqualTo(jan(3));
    assertThat(plan.get("A").totalFloat()).as("finishes Thu 9th, deadline Fri 3rd: four working days short").isEqualTo(-4);
    assertThat(plan.get("B").flag()).as("B still has slack against its own due date").isEqualTo("green");
    assertThat(plan.get("B").totalFloat()).isEqualTo(14);
  }

  @Test
  @DisplayName("the float is the smaller slack: against the step's own due date, or against the target start through what follows it")
  void smallerSlack() {
    // A due the 17th, but B (2 days) must finish by the target start on Fri 10th: A must finish by Wed 8th
    var plan = weekdays.plan(List.of(due("A", 1, jan(17)), due("B", 2, jan(24), "A")), jan(10), MON6);
    assertThat(plan.get("A").latestFinish()).isEqualTo(jan(8));
    assertThat(plan.get("A").totalFloat()).isEqualTo(2);
    assertThat(plan.get("B").latestFinish()).as("B gates the start: its due date after it does not help").isEqualTo(jan(10));
    // and the other way round: a due date earlier than the start allows
    var tight = weekdays.plan(List.of(due("A", 1, jan(7)), due("B", 2, jan(24), "A")), jan(17), MON6);
    assertThat(tight.get("A").latestFinish()).isEqualTo(jan(7));
    assertThat(tight.get("A").totalFloat()).isEqualTo(1);
  }

  @Test
  @DisplayName("a target start earlier than the open work allows: the projected start stays where the work puts it, the slip shows, the steps are red")
  void targetTooEarly() {
    var tasks = List.of(due("A", 5, jan(31)), due("B", 5, jan(31), "A"));
    for (var target : List.of(jan(31), jan(13), jan(9))) {
      var plan = weekdays.plan(tasks, target, MON6);
      assertThat(Scheduler.projectedStart(plan, target, false, MON6)).as("target %s", target).isEqualTo(jan(17));
    }
    var early = weekdays.plan(tasks, jan(9), MON6);
    assertThat(weekdays.slip(Scheduler.projectedStart(early, jan(9), false, MON6), jan(9))).isEqualTo(6);
    assertThat(early.get("A").flag()).isEqualTo("red");
    assertThat(early.get("B").flag()).isEqualTo("red");
    assertThat(early.get("B").totalFloat()).isEqualTo(-6);
  }

  @Test
  @DisplayName("a projected start is never before today while the project has not started; none once it has")
  void projectedNotBeforeToday() {
    var done = new Scheduler.Task("A", "A", 3, jan(8), true, jan(8), MON6, List.of());
    var plan = weekdays.plan(List.of(done), FRI17, jan(15));
    assertThat(Scheduler.projectedStart(plan, FRI17, false, jan(15))).isEqualTo(jan(15));
    assertThat(Scheduler.projectedStart(plan, FRI17, true, jan(15))).isNull();
    var open = weekdays.plan(List.of(task("A", 3)), FRI17, MON6);
    assertThat(Scheduler.projectedStart(open, FRI17, false, MON6)).isEqualTo(jan(8));
  }

  @Test
  @DisplayName("the start is gated by the three tracks up to the first milestone: not by a company need, nor by what follows the start")
  void whatGatesTheStart() {
    var tasks = List.of(
        new Scheduler.Task("land", "土地", 2, jan(31), false, null, null, List.of(), "land", "approval"),
        new Scheduler.Task("need", "企业诉求", 9, jan(31), false, null, null, List.of(), "need", "need"),
        new Scheduler.Task("start", "开工建设", 1, jan(31), false, null, null, List.of("land"), "permits", "milestone"),
        new Scheduler.Task("after", "一期主体竣工", 5, jan(31), false, null, null, List.of("start"), "permits", "milestone"));
    assertThat(Scheduler.gating(tasks)).containsExactlyInAnyOrder("land", "start");
    var plan = weekdays.plan(tasks, jan(10), MON6);
    assertThat(Scheduler.projectedStart(plan, jan(10), false, MON6)).as("the start milestone's finish, not the need's").isEqualTo(jan(8));
    assertThat(plan.get("need").latestFinish()).isEqualTo(jan(31));
    assertThat(plan.get("after").latestFinish()).isEqualTo(jan(31));
  }

  @Test
  @DisplayName("re-planning backward from the target start: done work stays, dependencies and durations count, a holiday is skipped")
  void replan() {
    // a holiday on Wed 15th; target start Mon 20th; C (done) is not planned; B waits for A and C
    var calendar = WorkCalendar.of(new LocalDate[] {jan(15)}, new LocalDate[] {});
    var scheduler = new Scheduler(calendar, 3);
    var c = new Scheduler.Task("C", "C", 2, jan(7), true, jan(7), MON6, List.of());
    var a = due("A", 3, jan(31));
    var b = due("B", 2, jan(31), "A", "C");
    var start = new Scheduler.Task("S", "开工", 1, jan(31), false, null, null, List.of("B"), "permits", "milestone");
    var due = scheduler.backward(List.of(c, a, b, start), jan(20));
    assertThat(due).doesNotContainKey("C");
    assertThat(due.get("S")).isEqualTo(jan(20));
    assertThat(due.get("B")).isEqualTo(jan(17));
    assertThat(due.get("A")).as("B takes Thu 16th and Fri 17th; the 15th is a holiday").isEqualTo(jan(14));
  }

  @Test
  @DisplayName("a cycle is refused, naming it")
  void cycle() {
    assertThatThrownBy(() -> weekdays.plan(List.of(task("A", 1, "C"), task("B", 1, "A"), task("C", 1, "B")), FRI17, MON6))
        .isInstanceOfSatisfying(Failure.Invalid.class, e ->
            assertThat(e.fields().get("dependsOn").en()).contains("cycle").contains("任务A").contains("任务B").contains("任务C"));
  }

  @Test
  @DisplayName("a year not yet announced counts its statutory holidays (2027-10-01 is a day off) and says it is provisional")
  void unannouncedYears() {
    var china = WorkCalendar.china();
    assertThat(china.isWorkday(LocalDate.of(2027, 10, 1))).isFalse();
    assertThat(china.isWorkday(LocalDate.of(2027, 2, 8))).as("春节 2027").isFalse();
    assertThat(china.isWorkday(LocalDate.of(2027, 10, 4))).as("statutory days only, no 调休 guessed").isTrue();
    assertThat(china.provisional(LocalDate.of(2027, 10, 1))).isTrue();
    assertThat(china.provisional(LocalDate.of(2026, 10, 1))).isFalse();
    assertThat(china.isWorkday(LocalDate.of(2061, 1, 3))).as("beyond the data: Monday to Friday").isTrue();
    assertThat(china.provisional(LocalDate.of(2061, 1, 3))).isTrue();
  }

  @Test
  @DisplayName("a date outside 2000-2099 is a 422 naming the calendar's range, not a crash")
  void outsideTheCalendar() {
    var china = WorkCalendar.china();
    assertThatThrownBy(() -> china.floor(LocalDate.of(2100, 1, 1))).isInstanceOfSatisfying(Failure.Invalid.class, e -> {
      assertThat(e.status()).isEqualTo(422);
      assertThat(e.fields().get("date").en()).contains("2000-01-01").contains("2099-12-31");
    });
  }

  @Test
  @DisplayName("the Chinese calendar knows the 2023 Dragon Boat holiday and its make-up Sunday")
  void chineseCalendar() {
    var china = WorkCalendar.china();
    assertThat(china.isWorkday(LocalDate.of(2023, 6, 22))).isFalse();
    assertThat(china.isWorkday(LocalDate.of(2023, 6, 25))).isTrue();
    assertThat(china.isWorkday(LocalDate.of(2023, 6, 26))).isTrue();
    assertThat(china.isWorkday(LocalDate.of(2023, 10, 1))).isFalse();
  }
}
