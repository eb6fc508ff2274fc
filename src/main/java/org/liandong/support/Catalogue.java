package org.liandong.support;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * Every word a person reads, one keyed catalogue per language ({@code webroot/i18n/zh-CN.json},
 * {@code en.json}): the pages read the same files (webroot/app/i18n.js). A message is looked up
 * by its key, each {@code {name}} in it replaced by the value given under that name (a list joined
 * as the language writes one).
 */
public final class Catalogue {
  private static final Map<String, String> ZH = load("zh-CN");
  private static final Map<String, String> EN = load("en");

  private Catalogue() {}

  private static Map<String, String> load(String language) {
    var path = "webroot/i18n/" + language + ".json";
    try (var in = Catalogue.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) throw new IllegalStateException("the catalogue " + path + " is not on the class path");
      var json = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      var out = new java.util.HashMap<String, String>();
      json.forEach(e -> out.put(e.getKey(), String.valueOf(e.getValue())));
      return Map.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The message under {@code key} in both languages; {@code namesAndValues} alternate: a name, its value. */
  public static Text text(String key, Object... namesAndValues) {
    return new Text(fill(EN, key, namesAndValues), fill(ZH, key, namesAndValues));
  }

  /** The words under {@code key} in Chinese alone (a sheet's header, a label the import reads back). */
  public static String zh(String key) {
    return word(ZH, key);
  }

  public static String en(String key) {
    return word(EN, key);
  }

  /**
   * A field as a person knows it: its label in the catalogue ({@code field.dueOn} is 完成时限, due
   * date), never the JSON key; an item of a list says which ({@code obligations[1].dueOn}: the
   * second's). A field without a label keeps its key.
   */
  public static Text label(String field) {
    var m = java.util.regex.Pattern.compile("^(?:.*\\[(\\d+)]\\.)?([\\w-]+)$").matcher(field);
    if (!m.matches() || !has("field." + m.group(2))) return Text.of(field, field);
    var label = Text.key("field." + m.group(2));
    return m.group(1) == null ? label : Text.key("field.item", "n", Integer.parseInt(m.group(1)) + 1, "field", label);
  }

  public static boolean has(String key) {
    return ZH.containsKey(key) && EN.containsKey(key);
  }

  /** Every key, for the test that holds both languages whole. */
  public static Set<String> keys() {
    return ZH.keySet();
  }

  private static String word(Map<String, String> language, String key) {
    var text = language.get(key);
    if (text == null) throw new IllegalArgumentException("no message '" + key + "' in the catalogue (webroot/i18n)");
    return text;
  }

  /** A value as the language writes it: a Text in that language, a list joined with ", " in English and "、" in Chinese. */
  private static String shown(Map<String, String> language, Object value) {
    if (value instanceof Text text) return language == ZH ? text.zh() : text.en();
    if (value instanceof java.util.Collection<?> list) {
      return String.join(language == ZH ? "、" : ", ", list.stream().map(v -> shown(language, v)).toList());
    }
    return String.valueOf(value);
  }

  private static String fill(Map<String, String> language, String key, Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) throw new IllegalArgumentException("'" + key + "': give a value for each name");
    var text = word(language, key);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      text = text.replace("{" + namesAndValues[i] + "}", shown(language, namesAndValues[i + 1]));
    }
    return text;
  }
}
