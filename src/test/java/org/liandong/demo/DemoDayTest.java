package org.liandong.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.config.AppConfig;

class DemoDayTest {
  private static final ZoneId ZHENJIANG = ZoneId.of("Asia/Shanghai");

  @Test
  @DisplayName("the demo's clock starts on the article's day at 09:00 when first loaded and runs on in real time")
  void startsOnTheArticlesDay() {
    var loaded = Instant.parse("2026-12-01T12:00:00Z");
    var later = Clock.fixed(loaded.plusSeconds(3 * 3600 + 15 * 60), ZHENJIANG);
    var demo = DemoDay.clock(later, loaded, DemoDay.ARTICLE_DAY);
    assertThat(ZonedDateTime.now(demo)).isEqualTo(ZonedDateTime.of(2023, 6, 27, 12, 15, 0, 0, ZHENJIANG));
    var aWeekOn = Clock.fixed(loaded.plus(java.time.Duration.ofDays(7)), ZHENJIANG);
    assertThat(LocalDate.now(DemoDay.clock(aWeekOn, loaded, DemoDay.ARTICLE_DAY))).isEqualTo(LocalDate.of(2023, 7, 4));
  }

  @Test
  @DisplayName("LIANDONG_TODAY moves the demo to another day; outside the demo it is refused, with what to do")
  void today() {
    var config = AppConfig.from(Map.of("LIANDONG_DEMO", "true", "LIANDONG_TODAY", "2023-07-04"));
    assertThat(config.today()).contains(LocalDate.of(2023, 7, 4));
    assertThatThrownBy(() -> AppConfig.from(Map.of("LIANDONG_TODAY", "2023-07-04")))
        .hasMessageContaining("LIANDONG_TODAY").hasMessageContaining("LIANDONG_DEMO=true");
    assertThatThrownBy(() -> AppConfig.from(Map.of("LIANDONG_DEMO", "true", "LIANDONG_TODAY", "next week")))
        .hasMessageContaining("yyyy-MM-dd");
  }
}
