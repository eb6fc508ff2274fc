package org.liandong.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Periods: a year, a quarter, a month, or from–to")
class PeriodTest {
  @Test
  @DisplayName("each kind covers the days it names, both ends included")
  void kinds() {
    assertThat(Period.parse("period", "2023")).isEqualTo(new Period("year", "2023", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31)));
    assertThat(Period.parse("period", "2024-Q1").to()).isEqualTo(LocalDate.of(2024, 3, 31));
    assertThat(Period.parse("period", "2023-Q4").from()).isEqualTo(LocalDate.of(2023, 10, 1));
    assertThat(Period.parse("period", "2024-02").to()).as("a leap February").isEqualTo(LocalDate.of(2024, 2, 29));
    var range = Period.parse("period", "2023-05-20..2023-06-27");
    assertThat(range.contains(LocalDate.of(2023, 5, 20))).isTrue();
    assertThat(range.contains(LocalDate.of(2023, 6, 27))).isTrue();
    assertThat(range.contains(LocalDate.of(2023, 6, 28))).isFalse();
    assertThat(Period.parse("period", "2023-06-27..2023-06-27").kind()).as("one day").isEqualTo("range");
  }

  @Test
  @DisplayName("a period that cannot be is refused in words, on the field")
  void refused() {
    for (var bad : new String[] {"2023-Q0", "2023-00", "2023-02-29..2023-03-01", "2023-07-01..2023-06-30", "1989", "2101-01",
        "2000-01-01..2030-01-01", "23", "2023/06", ""}) {
      assertThatThrownBy(() -> Period.parse("period", bad)).as(bad).isInstanceOf(Failure.class)
          .satisfies(e -> assertThat(((Failure) e).status()).isEqualTo(400));
    }
  }
}
