package org.liandong.obligations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Track templates: the built-in ones, an administrator's folder, and what a malformed file is told")
class TrackTemplatesTest {
  @TempDir Path folder;

  private static String template(String key, String items) {
    return """
        {"key": "%s", "version": 1, "name": {"zh": "测试模板", "en": "Test template"}, "items": [%s]}
        """.formatted(key, items);
  }

  private static String item(String key, int days, String... dependsOn) {
    var deps = String.join(",", java.util.Arrays.stream(dependsOn).map(d -> "\"" + d + "\"").toList());
    return """
        {"key": "%s", "track": "permits", "kind": "approval", "departmentId": "d-zj-housing", "durationDays": %d,
         "title": "步骤 %s", "dependsOn": [%s]}""".formatted(key, days, key, deps);
  }

  @Test
  @DisplayName("the built-in 工业项目 template is well formed: 24 steps on the three tracks, ending in the start of construction")
  void builtIn() {
    var templates = TrackTemplates.load(Optional.empty());
    assertThat(templates).containsOnlyKeys("industrial");
    var items = templates.get("industrial").getJsonArray("items");
    assertThat(items).hasSize(24);
    assertThat(items.stream().map(i -> ((io.vertx.core.json.JsonObject) i).getString("track")).distinct())
        .contains("land", "site", "permits");
  }

  @Test
  @DisplayName("a file in the folder adds a template, and one with a built-in's key replaces it")
  void folderAddsAndReplaces() throws IOException {
    Files.writeString(folder.resolve("a-logistics.json"), template("logistics", item("a", 5) + "," + item("b", 3, "a")));
    Files.writeString(folder.resolve("b-industrial.json"), template("industrial", item("only", 10)));
    Files.writeString(folder.resolve("notes.txt"), "not a template");
    var templates = TrackTemplates.load(Optional.of(folder));
    assertThat(templates).containsOnlyKeys("industrial", "logistics");
    assertThat(templates.get("industrial").getJsonArray("items")).hasSize(1);
  }

  @Test
  @DisplayName("a malformed template stops the start naming its file and what is wrong")
  void malformed() throws IOException {
    var cases = new String[][] {
        {template("loop", item("a", 1, "b") + "," + item("b", 1, "a")), "cycle"},
        {template("unknown", item("a", 1, "zz")), "unknown item zz"},
        {template("long", item("a", 5000)), "durationDays"},
        {template("Bad Key", item("a", 1)), "key must match"},
        {template("twice", item("a", 1) + "," + item("a", 2)), "unique"},
        {template("empty", ""), "1 to 200"},
        {"{\"key\": \"noname\", \"items\": []}", "zh and en"},
        {"not json", "track template"},
        {template("track", item("a", 1).replace("\"permits\"", "\"moon\"")), "track must be one of"},
    };
    for (var c : cases) {
      var dir = Files.createTempDirectory(folder, "case");
      Files.writeString(dir.resolve("t.json"), c[0]);
      assertThatThrownBy(() -> TrackTemplates.load(Optional.of(dir)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(dir.resolve("t.json").toString())
          .hasMessageContaining(c[1]);
    }
  }
}
