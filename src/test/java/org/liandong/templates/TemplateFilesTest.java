package org.liandong.templates;

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
class TemplateFilesTest {
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
  @DisplayName("the built-in templates are well formed, one per type of project, each ending in the start of construction")
  void builtIn() {
    var templates = TemplateFiles.load(Optional.empty());
    assertThat(templates).containsOnlyKeys("industrial", "real-estate", "logistics", "headquarters");
    var items = templates.get("industrial").items();
    assertThat(items).hasSize(24);
    for (var t : templates.values()) {
      assertThat(t.items().stream().map(Template.Item::track).distinct()).as(t.key()).contains("land", "site", "permits");
      var last = t.ordered().get(t.items().size() - 1);
      assertThat(last.kind()).as(t.key() + " ends in the start").isEqualTo("milestone");
      assertThat(last.title()).isEqualTo("开工建设");
    }
  }

  @Test
  @DisplayName("a file in the folder adds a template, and one with a built-in's key replaces it")
  void folderAddsAndReplaces() throws IOException {
    Files.writeString(folder.resolve("a-harbour.json"), template("harbour", item("a", 5) + "," + item("b", 3, "a")));
    Files.writeString(folder.resolve("b-industrial.json"), template("industrial", item("only", 10)));
    Files.writeString(folder.resolve("notes.txt"), "not a template");
    var templates = TemplateFiles.load(Optional.of(folder));
    assertThat(templates).containsOnlyKeys("industrial", "real-estate", "logistics", "headquarters", "harbour");
    assertThat(templates.get("industrial").items()).hasSize(1);
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
      assertThatThrownBy(() -> TemplateFiles.load(Optional.of(dir)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(dir.resolve("t.json").toString())
          .hasMessageContaining(c[1]);
    }
  }
}
