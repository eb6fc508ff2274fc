package org.liandong.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Quiet hours: no text message in a person's quiet hours (22:00 to 07:00 unless they chose others)")
class QuietHoursTest {
  private static final ZoneId ZHENJIANG = ZoneId.of("Asia/Shanghai");

  private static ZonedDateTime at(int day, int hour, int minute) {
    return ZonedDateTime.of(2031, 3, day, hour, minute, 0, 0, ZHENJIANG);
  }

  @Test
  @DisplayName("by default: by day a message goes at once; from 22:00 it waits for 07:00 the next morning; after midnight for 07:00 that morning")
  void byDefault() {
    var quiet = QuietHours.of(null, null);
    assertThat(quiet).isEqualTo(QuietHours.DEFAULT);
    assertThat(quiet.smsAt(at(17, 7, 0))).isEqualTo(at(17, 7, 0));
    assertThat(quiet.smsAt(at(17, 21, 59))).isEqualTo(at(17, 21, 59));
    assertThat(quiet.smsAt(at(17, 22, 0))).isEqualTo(at(18, 7, 0));
    assertThat(quiet.smsAt(at(17, 23, 30))).isEqualTo(at(18, 7, 0));
    assertThat(quiet.smsAt(at(18, 0, 0))).isEqualTo(at(18, 7, 0));
    assertThat(quiet.smsAt(at(18, 6, 59))).isEqualTo(at(18, 7, 0));
  }

  @Test
  @DisplayName("a person's own: a longer night (21:00 to 08:30), a siesta within the day (12:00 to 14:00), and none (from equal to until)")
  void chosen() {
    var night = QuietHours.of("21:00", "08:30");
    assertThat(night.smsAt(at(17, 20, 59))).isEqualTo(at(17, 20, 59));
    assertThat(night.smsAt(at(17, 21, 0))).isEqualTo(at(18, 8, 30));
    assertThat(night.smsAt(at(18, 7, 45))).isEqualTo(at(18, 8, 30));
    assertThat(night.smsAt(at(18, 8, 30))).isEqualTo(at(18, 8, 30));
    var siesta = QuietHours.of("12:00", "14:00");
    assertThat(siesta.smsAt(at(17, 11, 59))).isEqualTo(at(17, 11, 59));
    assertThat(siesta.smsAt(at(17, 12, 0))).isEqualTo(at(17, 14, 0));
    assertThat(siesta.smsAt(at(17, 13, 59))).isEqualTo(at(17, 14, 0));
    assertThat(siesta.smsAt(at(17, 23, 0))).as("the night is not quiet for her").isEqualTo(at(17, 23, 0));
    var none = QuietHours.of("00:00", "00:00");
    assertThat(none.none()).isTrue();
    assertThat(none.smsAt(at(17, 3, 0))).isEqualTo(at(17, 3, 0));
  }

  @Test
  @DisplayName("a time of day is kept as HH:mm, 00:00 to 23:59")
  void clockText() {
    assertThat(QuietHours.valid("07:00")).isTrue();
    assertThat(QuietHours.valid("23:59")).isTrue();
    assertThat(QuietHours.valid("24:00")).isFalse();
    assertThat(QuietHours.valid("7:00")).isFalse();
    assertThat(QuietHours.valid("07:60")).isFalse();
    assertThat(QuietHours.valid("")).isFalse();
    assertThat(QuietHours.valid(null)).isFalse();
  }
}
