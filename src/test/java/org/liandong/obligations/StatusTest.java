package org.liandong.obligations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The obligation workflow")
class StatusTest {

  @Test
  @DisplayName("follows dispatched → accepted → in progress → done")
  void happyPath() {
    assertThat(Status.dispatched.canBecome(Status.accepted)).isTrue();
    assertThat(Status.accepted.canBecome(Status.in_progress)).isTrue();
    assertThat(Status.in_progress.canBecome(Status.done)).isTrue();
  }

  @Test
  @DisplayName("does not skip acceptance, and 容缺 or blocked can be entered from any open state")
  void rules() {
    assertThat(Status.dispatched.canBecome(Status.in_progress)).isFalse();
    assertThat(Status.dispatched.canBecome(Status.done)).isFalse();
    for (var open : new Status[] {Status.dispatched, Status.accepted, Status.in_progress}) {
      assertThat(open.canBecome(Status.deficient)).as(open.name()).isTrue();
      assertThat(open.canBecome(Status.blocked)).as(open.name()).isTrue();
    }
    assertThat(Status.deficient.canBecome(Status.done)).isTrue();
    assertThat(Status.done.canBecome(Status.accepted)).isFalse();
    assertThat(Status.done.canBecome(Status.in_progress)).isTrue();
  }

  @Test
  @DisplayName("counts as accepted once the department has taken it on")
  void accepted() {
    assertThat(Status.dispatched.accepted()).isFalse();
    assertThat(Status.blocked.accepted()).isFalse();
    assertThat(Status.deficient.accepted()).isTrue();
    assertThat(Status.done.accepted()).isTrue();
  }
}
