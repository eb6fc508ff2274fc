package org.liandong.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Fields validates a body field by field")
class FieldsTest {

  @Test
  @DisplayName("valid values come back typed, absent ones are left out, explicit nulls are kept to clear")
  void typed() {
    var f = new Fields(new JsonObject().put("title", "  施工图审查 ").put("dueOn", "2023-06-20").put("days", 7)
        .put("ok", true).put("note", (String) null));
    assertThat(f.text("title", 50)).isEqualTo("施工图审查");
    assertThat(f.date("dueOn")).isEqualTo(LocalDate.of(2023, 6, 20));
    assertThat(f.integer("days", 0, 10)).isEqualTo(7L);
    assertThat(f.bool("ok")).isTrue();
    assertThat(f.text("note", 10)).isNull();
    assertThat(f.text("absent", 10)).isNull();
    f.check();
    assertThat(f.values()).containsKeys("title", "dueOn", "days", "ok", "note").doesNotContainKey("absent");
    assertThat(f.values().get("note")).isNull();
  }

  @Test
  @DisplayName("every problem is reported at once, unknown fields included")
  void allProblems() {
    var f = new Fields(new JsonObject().put("title", "").put("dueOn", "20/06/2023").put("days", 2.5)
        .put("kind", "magic").put("tags", List.of(1, 2)).put("extra", 1));
    f.require("title", "owner");
    f.text("title", 50);
    f.date("dueOn");
    f.integer("days", 0, 10);
    f.choice("kind", List.of("approval", "permit"));
    f.textList("tags", 5, 10);

    assertThatThrownBy(f::check).isInstanceOfSatisfying(Failure.Invalid.class, e -> {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.fields()).containsOnlyKeys("title", "owner", "dueOn", "days", "kind", "tags", "extra");
      assertThat(e.fields().get("kind")).contains("approval, permit");
    });
  }

  @Test
  @DisplayName("numbers out of range and over-long text are refused with the bounds")
  void bounds() {
    var f = new Fields(new JsonObject().put("investmentYi", -1).put("name", "x".repeat(201)));
    f.decimal("investmentYi", 0, 100);
    f.text("name", 200);
    assertThatThrownBy(f::check).isInstanceOfSatisfying(Failure.Invalid.class, e -> {
      assertThat(e.fields().get("investmentYi")).contains("0.0").contains("100.0");
      assertThat(e.fields().get("name")).contains("200");
    });
  }
}
