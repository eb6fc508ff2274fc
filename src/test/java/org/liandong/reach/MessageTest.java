package org.liandong.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What a delivery says")
class MessageTest {
  private final Message words = new Message(URI.create("https://liandong.example.gov.cn"), ZoneId.of("Asia/Shanghai"));

  private static Outgoing sms(String subject, String language) {
    return new Outgoing("d-1", "sms", "supervision", 0, Map.of("kind", "supervision", "subject", subject, "projectId", "p-n7",
        "at", "2031-03-17T23:00:00+08:00[Asia/Shanghai]"), Map.of("displayName", "张三", "mobile", "13800000001", "language", language), null);
  }

  @Test
  @DisplayName("a text message fits one segment of 70 characters: the subject is shortened, the link kept whole")
  void oneSegment() {
    var long_ = "关于镇江新区某某产业园二期项目施工许可证核发及消防设计审查的联合审批事项";
    var text = words.sms(sms(long_, "zh-CN"));
    assertThat(text).hasSize(Message.SEGMENT).startsWith("【联动】督办：关于").contains("…").endsWith(" https://liandong.example.gov.cn/#/notices");
    assertThat(words.sms(sms("消防验收", "zh-CN"))).isEqualTo("【联动】督办：消防验收 https://liandong.example.gov.cn/#/notices");
    assertThat(words.sms(sms("Fire check", "en"))).startsWith("[Liandong] ").endsWith(": Fire check https://liandong.example.gov.cn/#/notices");
  }

  @Test
  @DisplayName("the HTML body escapes what people typed")
  void escapes() {
    var html = words.mail(new Outgoing("d-2", "email", "dispatched", 0, Map.of("kind", "dispatched", "subject", "<b>消防</b> & 验收",
        "at", "2031-03-17T10:00:00+08:00"), Map.of("displayName", "Tom <admin>", "language", "en"), null)).html();
    assertThat(html).contains("&lt;b&gt;消防&lt;/b&gt; &amp; 验收").contains("Tom &lt;admin&gt;").doesNotContain("<b>");
  }

  @Test
  @DisplayName("the daily digest in English: its counts in the subject, each part under its heading with at most the lines kept, how many more, the unread notices by their kind's name")
  void digestInEnglish() {
    var overdue = java.util.stream.IntStream.range(0, 50).mapToObj(i -> "2031-03-" + (10 + i % 18) + " 事项 " + i + "（项目）").toList();
    var d = new Outgoing("d-3", "email", "digest", 0, Map.of("kind", "digest", "day", "2031-03-31", "at", "2031-03-31T08:30:01+08:00",
        "due", java.util.List.of("2031-04-02 消防验收（新材料项目）"), "overdue", overdue, "answer", java.util.List.of(),
        "told", java.util.List.of("overdue|施工许可证核发"), "counts", java.util.List.of(1L, 62L, 0L, 1L)),
        Map.of("displayName", "Alex", "email", "alex@example.org", "language", "en"), null);
    assertThat(words.subject(d)).isEqualTo("[Liandong] Daily digest (2031-03-31): 1 due soon, 62 overdue, 0 awaiting an answer");
    var text = words.mail(d).plain();
    assertThat(text).contains("Due soon (1, your department):\n· 2031-04-02 消防验收（新材料项目）")
        .contains("Overdue (62, your department):").contains("… and 12 more, in Liandong.")
        .contains("· Reminder: overdue: 施工许可证核发").doesNotContain("Awaiting an answer")
        .contains("2031-03-31 08:30").contains("Asia/Shanghai").contains("https://liandong.example.gov.cn/#/inbox");
    assertThat(text.lines().filter(l -> l.startsWith("· 2031-03-"))).hasSize(50);
  }

  @Test
  @DisplayName("the SMS signature is HMAC-SHA256 over timestamp.body, in lower-case hex, as openssl computes it")
  void signature() {
    // printf '1700000000.{"id":"d-1","to":"13800000001","text":"hi"}' | openssl dgst -sha256 -hmac 'reach-it-shared-secret-0123'
    var body = "{\"id\":\"d-1\",\"to\":\"13800000001\",\"text\":\"hi\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(SmsGateway.signature("reach-it-shared-secret-0123", 1_700_000_000L, body))
        .isEqualTo("afc0070ce53a6931ea8664e20d0a8bc0fb5d2b5ff652fd9bf101c98ab607fa63");
  }
}
