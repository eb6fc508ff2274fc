package org.liandong.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The page's own words (webroot/app/i18n.js): every one in both languages, every one used there. */
@DisplayName("The interface's dictionary")
class DictionaryTest {
  private static final Path APP = Path.of("webroot", "app");
  private static final Pattern ENTRY = Pattern.compile(
      "'([\\w.]+)':\\s*\\[\\s*('(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\")\\s*,\\s*('(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\")\\s*]");
  private static final Pattern USE = Pattern.compile("\\bt\\('([\\w.]+)'");
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

  private static Map<String, String[]> words() throws IOException {
    var text = Files.readString(APP.resolve("i18n.js"));
    var out = new LinkedHashMap<String, String[]>();
    var m = ENTRY.matcher(text);
    while (m.find()) {
      var previous = out.put(m.group(1), new String[] {unquote(m.group(2)), unquote(m.group(3))});
      assertThat(previous).as("'%s' is defined once", m.group(1)).isNull();
    }
    return out;
  }

  private static String unquote(String s) {
    return s.substring(1, s.length() - 1);
  }

  @Test
  @DisplayName("every entry has a Chinese and an English text, and the English has no Chinese in it")
  void bothLanguages() throws IOException {
    var words = words();
    assertThat(words).hasSizeGreaterThan(200);
    words.forEach((key, texts) -> {
      assertThat(texts[0]).as("%s in Chinese", key).isNotBlank();
      assertThat(texts[1]).as("%s in English", key).isNotBlank();
      assertThat(HAN.matcher(texts[1]).find()).as("%s in English has no Chinese: %s", key, texts[1]).isFalse();
    });
  }

  @Test
  @DisplayName("every word a page asks for by name is in the dictionary")
  void everyKeyUsedExists() throws IOException {
    var words = words();
    var missing = new TreeSet<String>();
    try (Stream<Path> files = Files.walk(APP)) {
      for (var file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
        var m = USE.matcher(Files.readString(file));
        while (m.find()) if (!words.containsKey(m.group(1))) missing.add(m.group(1) + " (" + file.getFileName() + ")");
      }
    }
    assertThat(missing).isEmpty();
  }
}
