package org.liandong.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Quiet hours: no text message from 22:00 to 07:00")
class QuietTest {
  private static final ZoneId ZHENJIANG = ZoneId.of("Asia/Shanghai");

  private static ZonedDateTime at(int day, int hour, int minute) {
    return ZonedDateTime.of(2031, 3, day, hour, minute, 0, 0, ZHENJIANG);
  }

  @Test
  @DisplayName("by day a message goes at once; from 22:00 it waits for 07:00 the next morning; after midnight for 07:00 that morning")
  void edges() {
    assertThat(Quiet.smsAt(at(17, 7, 0))).isEqualTo(at(17, 7, 0));
    assertThat(Quiet.smsAt(at(17, 21, 59))).isEqualTo(at(17, 21, 59));
    assertThat(Quiet.smsAt(at(17, 22, 0))).isEqualTo(at(18, 7, 0));
    assertThat(Quiet.smsAt(at(17, 23, 30))).isEqualTo(at(18, 7, 0));
    assertThat(Quiet.smsAt(at(18, 0, 0))).isEqualTo(at(18, 7, 0));
    assertThat(Quiet.smsAt(at(18, 6, 59))).isEqualTo(at(18, 7, 0));
  }
}
