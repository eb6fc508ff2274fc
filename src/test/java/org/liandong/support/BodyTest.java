package org.liandong.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Body reads a validated body as the values Neo4j stores")
class BodyTest {
  private static final Body.Shape SHAPE = Body.Shape.of()
      .with(Body.Kind.TEXT, "title", "note")
      .with(Body.Kind.DATE, "dueOn")
      .with(Body.Kind.DATE_TIME, "startsAt")
      .with(Body.Kind.INTEGER, "days")
      .with(Body.Kind.DECIMAL, "yi")
      .with(Body.Kind.BOOL, "ok")
      .with(Body.Kind.TEXTS, "ids");

  @Test
  @DisplayName("present fields come back typed and trimmed, absent ones are left out, explicit nulls kept to clear")
  void typed() {
    var body = new Body(new JsonObject().put("title", "  施工图审查 ").put("dueOn", "2023-06-20").put("days", 7)
        .put("startsAt", "2023-06-27T09:00:00+08:00").put("yi", 20).put("ok", true).putNull("note")
        .put("ids", new JsonArray(List.of(" a", "a", "b"))));
    var values = body.read(SHAPE).asMap();
    assertThat(values).containsEntry("title", "施工图审查").containsEntry("dueOn", LocalDate.of(2023, 6, 20))
        .containsEntry("days", 7L).containsEntry("yi", 20.0).containsEntry("ok", true).containsEntry("ids", List.of("a", "b"))
        .containsEntry("startsAt", OffsetDateTime.parse("2023-06-27T09:00:00+08:00").toZonedDateTime())
        .containsKey("note");
    assertThat(values.get("note")).isNull();
    assertThat(values).hasSize(8);
  }

  @Test
  @DisplayName("a change with nothing to change is a 400 saying so")
  void emptyChange() {
    assertThatThrownBy(() -> new Body(new JsonObject().put("version", 3)).changes(SHAPE))
        .isInstanceOfSatisfying(Failure.Invalid.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.fields().get("body").en()).contains("at least one field");
          assertThat(e.fields().get("body").zh()).contains("至少");
        });
  }
}
