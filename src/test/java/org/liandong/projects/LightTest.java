package org.liandong.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("One meaning of red: a project's light and an obligation's flag")
class LightTest {
  static final LocalDate TODAY = LocalDate.of(2023, 6, 27);

  static Light.Verdict light(String stage, LocalDate complete, long overdue, long lapsed, long atRisk, Integer slip) {
    return Light.project(new Light.Facts(stage, complete, overdue, lapsed, atRisk,
        slip == null ? null : new Light.Outlook(TODAY.plusDays(slip), slip, 0)), TODAY);
  }

  @Test
  @DisplayName("a project past its completion target and not producing is red; producing it is green")
  void pastCompletion() {
    assertThat(light("started", LocalDate.of(2023, 6, 26), 0, 0, 0, null).color()).isEqualTo("red");
    assertThat(light("started", LocalDate.of(2023, 6, 26), 0, 0, 0, null).reasons()).containsExactly("pastCompletion");
    assertThat(light("started", TODAY, 0, 0, 0, null).color()).as("due today is not past").isEqualTo("green");
    assertThat(light("producing", LocalDate.of(2022, 12, 31), 0, 0, 0, null).color()).isEqualTo("green");
  }

  @Test
  @DisplayName("an overdue obligation or a lapsed 容缺 makes it red, one at risk yellow")
  void obligations() {
    assertThat(light("land", null, 1, 0, 1, null).reasons()).containsExactly("overdue");
    assertThat(light("land", null, 0, 1, 0, null).color()).isEqualTo("red");
    assertThat(light("land", null, 0, 0, 2, null)).isEqualTo(new Light.Verdict("yellow", java.util.List.of("atRisk")));
    assertThat(light("land", null, 0, 0, 0, null).color()).isEqualTo("green");
  }

  @Test
  @DisplayName("a projected start after the target start is yellow up to five working days, red beyond; not once started")
  void slip() {
    assertThat(light("permitted", null, 0, 0, 0, 0).color()).isEqualTo("green");
    assertThat(light("permitted", null, 0, 0, 0, 1).color()).isEqualTo("yellow");
    assertThat(light("permitted", null, 0, 0, 0, Light.RED_SLIP_WORKDAYS).color()).isEqualTo("yellow");
    assertThat(light("permitted", null, 0, 0, 0, Light.RED_SLIP_WORKDAYS + 1).reasons()).containsExactly("startSlip");
    assertThat(light("permitted", null, 0, 0, 0, Light.RED_SLIP_WORKDAYS + 1).color()).isEqualTo("red");
    assertThat(light("started", null, 0, 0, 0, 30).color()).as("a started project's start is history").isEqualTo("green");
    assertThat(light("permitted", LocalDate.of(2023, 6, 1), 0, 0, 1, 2).reasons())
        .as("every reason is named, red first").containsExactly("pastCompletion");
  }

  @Test
  @DisplayName("a red step in the schedule makes the project at least yellow")
  void lateSteps() {
    var verdict = Light.project(new Light.Facts("started", null, 0, 0, 0, new Light.Outlook(null, null, 2)), TODAY);
    assertThat(verdict).isEqualTo(new Light.Verdict("yellow", java.util.List.of("lateSteps")));
    var slipping = Light.project(new Light.Facts("permitted", null, 0, 0, 0, new Light.Outlook(TODAY, 9, 1)), TODAY);
    assertThat(slipping.reasons()).as("the late step is the slip, named once").containsExactly("startSlip");
  }

  @Test
  @DisplayName("an obligation's flag: red when late or once it cannot finish by its latest finish (negative float), yellow under the float")
  void step() {
    assertThat(Light.step(true, true, -5, 3)).isEqualTo("done");
    assertThat(Light.step(false, false, -1, 3)).isEqualTo("red");
    assertThat(Light.step(false, true, 12, 3)).as("past its due date, whatever slack the target start leaves").isEqualTo("red");
    assertThat(Light.step(false, false, 0, 3)).as("on the critical path, no float left").isEqualTo("yellow");
    assertThat(Light.step(false, false, 2, 3)).isEqualTo("yellow");
    assertThat(Light.step(false, false, 3, 3)).isEqualTo("green");
  }
}
