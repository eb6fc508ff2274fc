package org.liandong.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A request body must be plain JSON")
class StrictJsonTest {

  private static void check(String json) {
    StrictJson.check(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("plain JSON passes, Chinese, emoji and line breaks included")
  void plain() {
    assertThatCode(() -> check("{\"title\":\"施工图审查 ✅\",\"note\":\"一\\n二\",\"n\":[1,2,{\"x\":null}]}")).doesNotThrowAnyException();
  }

  @Test
  @DisplayName("a field sent twice, a comment, a trailing comma and single quotes are refused")
  void lenient() {
    for (var body : new String[] {"{\"a\":1,\"a\":2}", "{/*c*/\"a\":1}", "{\"a\":1,}", "{'a':1}", "// x\n{}"}) {
      assertThatThrownBy(() -> check(body)).as(body).isInstanceOfSatisfying(Failure.Invalid.class,
          e -> assertThat(e.fields()).containsKey("body"));
    }
  }

  @Test
  @DisplayName("a lone surrogate or a control character is refused, naming where")
  void notText() {
    assertThatThrownBy(() -> check("{\"name\":\"\\u0000\"}")).isInstanceOfSatisfying(Failure.Invalid.class,
        e -> assertThat(e.fields()).containsKey("name"));
    assertThatThrownBy(() -> check("{\"a\":{\"b\":[\"ok\",\"\\ud800\"]}}")).isInstanceOfSatisfying(Failure.Invalid.class,
        e -> assertThat(e.fields()).containsKey("a.b[1]"));
  }

  @Test
  @DisplayName("nesting deeper than 32 levels and numbers longer than 40 digits are refused")
  void bounds() {
    assertThatThrownBy(() -> check("[".repeat(40) + "]".repeat(40))).isInstanceOf(Failure.Invalid.class);
    assertThatThrownBy(() -> check("{\"v\":" + "9".repeat(60) + "}")).isInstanceOf(Failure.Invalid.class);
  }
}
