package org.liandong.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One catalogue of every word a person reads (webroot/i18n/zh-CN.json and en.json), read by the
 * pages and the server alike: whole in both languages, every key asked for there, and no Chinese
 * text left in the code outside it.
 */
@DisplayName("The message catalogue")
class CatalogueTest {
  private static final Path I18N = Path.of("webroot", "i18n");
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  /** English that quotes what a person types in Chinese on purpose (units, headers), and the language switch's own name. */
  private static final Set<String> ENGLISH_QUOTING_CHINESE = Set.of("lang.other", "a11y.language", "exports.readme.3", "server.sheets.notNumberYi",
      "server.sheets.notNumberMu", "server.sheets.noSheetHasHeader");
  /** Code that holds words as data, not as messages: the demo's scenario and the shipped templates' Chinese names. */
  private static final List<String> DATA = List.of("/demo/");

  private static Map<String, String> language(String name) throws IOException {
    var json = new JsonObject(Files.readString(I18N.resolve(name + ".json")));
    var out = new TreeMap<String, String>();
    json.forEach(e -> out.put(e.getKey(), (String) e.getValue()));
    return out;
  }

  /** Lists of words people type for one thing may be empty in one language (no Chinese unit has an English twin). */
  private static boolean mayBeEmpty(String key) {
    return key.endsWith(".also") || key.startsWith("sheets.words.");
  }

  @Test
  @DisplayName("zh-CN and en hold the same keys, every one with words, and the English has no Chinese in it")
  void bothLanguages() throws IOException {
    var zh = language("zh-CN");
    var en = language("en");
    assertThat(zh).hasSizeGreaterThan(800);
    assertThat(en.keySet()).as("keys in English").isEqualTo(zh.keySet());
    zh.forEach((key, text) -> {
      if (!mayBeEmpty(key)) assertThat(text).as("%s in Chinese", key).isNotBlank();
      if (!mayBeEmpty(key)) assertThat(en.get(key)).as("%s in English", key).isNotBlank();
      if (!ENGLISH_QUOTING_CHINESE.contains(key) && !key.endsWith(".also") && !key.startsWith("sheets.words.")) {
        assertThat(HAN.matcher(en.get(key)).find()).as("%s in English has no Chinese: %s", key, en.get(key)).isFalse();
      }
    });
  }

  @Test
  @DisplayName("the server reads the same catalogue: a message comes back in both languages with its values in place")
  void serverReadsIt() {
    var text = Text.key("server.web.notQueryParameterRequest", "known", List.of("status", "limit"));
    assertThat(text.en()).isEqualTo("is not a query parameter of this request; it takes: status, limit");
    assertThat(text.zh()).isEqualTo("不是此请求可用的查询参数；可用的有：status、limit");
    assertThat(Catalogue.keys()).contains("server.web.notQueryParameterRequest", "nav.inbox");
  }

  @Test
  @DisplayName("every key the pages (t('…')) and the server (Text.key, Catalogue.zh/en, Noun.of) ask for by name is in the catalogue")
  void everyKeyUsedExists() throws IOException {
    var keys = language("zh-CN").keySet();
    var missing = new TreeSet<String>();
    var page = Pattern.compile("\\bt\\('([\\w.-]+)'");
    var server = Pattern.compile("(?:Text\\.key|Catalogue\\.(?:zh|en|text)|Noun\\.of|word)\\(\"([\\w.-]+)\"");
    for (var file : sources(Path.of("webroot", "app"), ".js")) scan(file, page, keys, missing);
    for (var file : sources(Path.of("src", "main", "java"), ".java")) scan(file, server, keys, missing);
    assertThat(missing).as("keys asked for but not in webroot/i18n").isEmpty();
  }

  @Test
  @DisplayName("no Chinese text in a Java or JavaScript string outside the catalogue (the demo's data aside)")
  void noChineseOutsideTheCatalogue() throws IOException {
    var found = new ArrayList<String>();
    var javaString = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
    var jsString = Pattern.compile("'(?:[^'\\\\\\n]|\\\\.)*'|\"(?:[^\"\\\\\\n]|\\\\.)*\"|`(?:[^`\\\\]|\\\\.)*`");
    for (var file : sources(Path.of("src", "main", "java"), ".java")) {
      if (DATA.stream().anyMatch(d -> file.toString().replace('\\', '/').contains(d))) continue;
      strings(file, javaString, found);
    }
    for (var file : sources(Path.of("webroot", "app"), ".js")) strings(file, jsString, found);
    assertThat(found).as("Chinese in code: move it to webroot/i18n").isEmpty();
  }

  @Test
  @DisplayName("every field a request may carry (a body's property, a query parameter) has its label, so a message names it as a person knows it")
  @SuppressWarnings("unchecked")
  void everyFieldHasALabel() throws IOException {
    Map<String, Object> spec;
    try (var in = Files.newInputStream(Path.of("src", "main", "resources", "openapi.yaml"))) {
      spec = new org.yaml.snakeyaml.Yaml().load(in);
    }
    var names = new TreeSet<String>();
    var schemas = (Map<String, Object>) ((Map<String, Object>) spec.get("components")).get("schemas");
    for (var path : ((Map<String, Object>) spec.get("paths")).values()) {
      for (var op : ((Map<String, Object>) path).values()) {
        if (!(op instanceof Map<?, ?> operation)) continue;
        if (operation.get("parameters") instanceof List<?> params) {
          params.forEach(p -> { if (p instanceof Map<?, ?> m && m.get("name") instanceof String n) names.add(n); });
        }
        if (operation.get("requestBody") instanceof Map<?, ?> body) properties(body, schemas, names, new java.util.HashSet<>());
      }
    }
    assertThat(names).hasSizeGreaterThan(60);
    var unlabelled = names.stream().filter(n -> !Catalogue.has("field." + n)).toList();
    assertThat(unlabelled).as("fields without a label (field.<name> in webroot/i18n)").isEmpty();
    assertThat(Catalogue.label("obligations[1].dueOn").zh()).isEqualTo("第 2 项的完成时限");
  }

  @SuppressWarnings("unchecked")
  private static void properties(Object node, Map<String, Object> schemas, Set<String> names, Set<String> seen) {
    if (node instanceof Map<?, ?> map) {
      if (map.get("$ref") instanceof String ref) {
        var name = ref.substring(ref.lastIndexOf('/') + 1);
        if (seen.add(name)) properties(schemas.get(name), schemas, names, seen);
        return;
      }
      if (map.get("properties") instanceof Map<?, ?> props) props.keySet().forEach(k -> names.add((String) k));
      map.values().forEach(v -> properties(v, schemas, names, seen));
    } else if (node instanceof List<?> list) {
      list.forEach(v -> properties(v, schemas, names, seen));
    }
  }

  @Test
  @DisplayName("each value the server names by a prefix (a stage, a status, a level, a meeting's status, a notice's kind, a node) has its words")
  void prefixesAreWhole() {
    for (var s : org.liandong.domain.Stage.values()) assertThat(s.zh).isNotBlank();
    for (var s : org.liandong.domain.Status.values()) assertThat(s.en).isNotBlank();
    for (var s : org.liandong.domain.Level.values()) assertThat(s.zh).isNotBlank();
    for (var s : org.liandong.domain.MeetingStatus.values()) assertThat(s.zh).isNotBlank();
    for (var s : org.liandong.domain.NoticeKind.values()) assertThat(s.en).isNotBlank();
    for (var n : org.liandong.storage.Node.values()) assertThat(n.noun().zh()).isNotBlank();
    for (var light : List.of("red", "yellow", "green")) assertThat(Catalogue.has("lights." + light)).isTrue();
  }

  private static List<Path> sources(Path root, String suffix) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(suffix)).toList();
    }
  }

  private static void scan(Path file, Pattern use, Set<String> keys, Set<String> missing) throws IOException {
    var m = use.matcher(Files.readString(file));
    // a key ending in "." is a prefix the code completes (level. + name()): CatalogueTest.prefixesAreWhole checks those
    while (m.find()) if (!m.group(1).endsWith(".") && !keys.contains(m.group(1))) missing.add(m.group(1) + " (" + file.getFileName() + ")");
  }

  /** The file's string literals (comments left out, line by line) that hold Chinese. */
  private static void strings(Path file, Pattern literal, List<String> found) throws IOException {
    int n = 0;
    for (var line : Files.readAllLines(file)) {
      n++;
      var code = line.strip();
      if (code.startsWith("//") || code.startsWith("*") || code.startsWith("/*")) continue;
      var m = literal.matcher(line);
      while (m.find()) if (HAN.matcher(m.group()).find()) found.add(file.getFileName() + ":" + n + " " + m.group());
    }
  }
}
