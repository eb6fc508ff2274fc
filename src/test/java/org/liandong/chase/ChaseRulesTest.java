package org.liandong.chase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liandong.chase.ChaseRules.Fact.DEFICIENCY_DUE_SOON;
import static org.liandong.chase.ChaseRules.Fact.DUE_SOON;
import static org.liandong.chase.ChaseRules.Fact.ESCALATE;
import static org.liandong.chase.ChaseRules.Fact.OVERDUE;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.domain.WorkCalendar;

@DisplayName("When Liandong chases: due soon, overdue, 督办 and its deadline, in working days around the 2026 National Day holiday")
class ChaseRulesTest {
  final ChaseRules rules = new ChaseRules(new ChaseRules.Settings(3, 2, 2), WorkCalendar.china());

  static LocalDate d(String s) {
    return LocalDate.parse(s);
  }

  static ChaseRules.Dates due(String status, String dueOn) {
    return new ChaseRules.Dates(status, d(dueOn), null);
  }

  @Test
  @DisplayName("due soon counts working days: across the holiday week a date eight days off is one working day away")
  void dueSoon() {
    assertThat(rules.facts(due("accepted", "2026-10-08"), d("2026-09-30"))).containsExactly(DUE_SOON);
    assertThat(rules.facts(due("accepted", "2026-10-13"), d("2026-10-08"))).as("Oct 9, 10 (a worked Saturday), 12, 13: four").isEmpty();
    assertThat(rules.facts(due("accepted", "2026-10-12"), d("2026-10-08"))).containsExactly(DUE_SOON);
    assertThat(rules.facts(due("dispatched", "2026-09-30"), d("2026-09-30"))).as("due today").containsExactly(DUE_SOON);
  }

  @Test
  @DisplayName("overdue the day after; a 督办 after two working days overdue, the holidays not counted")
  void overdueAndEscalation() {
    assertThat(rules.facts(due("in_progress", "2026-09-29"), d("2026-09-30"))).containsExactly(OVERDUE);
    assertThat(rules.facts(due("in_progress", "2026-09-29"), d("2026-10-07"))).as("only Sep 30 worked since").containsExactly(OVERDUE);
    assertThat(rules.facts(due("in_progress", "2026-09-29"), d("2026-10-08"))).containsExactly(OVERDUE, ESCALATE);
    assertThat(rules.facts(due("blocked", "2026-10-09"), d("2026-10-12"))).as("Oct 10 is a worked Saturday").containsExactly(OVERDUE, ESCALATE);
    assertThat(rules.facts(due("blocked", "2026-10-09"), d("2026-10-11"))).containsExactly(OVERDUE);
  }

  @Test
  @DisplayName("nothing chases a done obligation; a 容缺 deadline approaching is told; a 督办 answers within two working days")
  void doneDeficiencyAndDeadline() {
    assertThat(rules.facts(due("done", "2026-09-01"), d("2026-10-08"))).isEmpty();
    var deficient = new ChaseRules.Dates("deficient", d("2026-12-31"), d("2026-10-09"));
    assertThat(rules.facts(deficient, d("2026-09-30"))).containsExactly(DEFICIENCY_DUE_SOON);
    assertThat(rules.facts(deficient, d("2026-10-10"))).as("past its deadline it lapses instead").isEmpty();
    assertThat(rules.respondBy(d("2026-09-30"))).isEqualTo(d("2026-10-09"));
    assertThat(rules.respondBy(d("2026-10-09"))).as("through the worked Saturday").isEqualTo(d("2026-10-12"));
    assertThat(rules.unanswered(d("2026-10-09"), d("2026-10-09"))).isFalse();
    assertThat(rules.unanswered(d("2026-10-09"), d("2026-10-10"))).isTrue();
    assertThat(rules.horizon(d("2026-09-30"))).as("Oct 8, 9 and the worked Saturday 10th, then Sunday the 11th counts as the 10th").isEqualTo(d("2026-10-11"));
  }
}
