package org.liandong.templates;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.liandong.support.Failure;

/**
 * The track templates shipped with Liandong (templates/*.json: one per type of project the
 * article's offices handle) and those an administrator adds or replaces in LIANDONG_TEMPLATES_DIR
 * (every *.json in it, by name; a file with a built-in's key replaces it). A template that is not
 * well formed stops the start with its file and what is wrong. They seed the graph, where admins
 * edit them from the pages.
 */
public final class TemplateFiles {
  private TemplateFiles() {}

  static final List<String> BUILT_IN = List.of("templates/industrial.json", "templates/real-estate.json",
      "templates/logistics.json", "templates/headquarters.json");

  public static Map<String, Template> load(Optional<Path> folder) {
    var out = new LinkedHashMap<String, Template>();
    for (var file : BUILT_IN) {
      try (var in = TemplateFiles.class.getClassLoader().getResourceAsStream(file)) {
        if (in == null) throw new IllegalStateException("no track template " + file + " on the classpath");
        put(out, file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (folder.isPresent()) {
      try (var files = Files.list(folder.get())) {
        for (var file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) put(out, file.toString(), Files.readString(file));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static void put(Map<String, Template> out, String file, String text) {
    try {
      var template = Template.from(new JsonObject(text));
      out.put(template.key(), template);
    } catch (Failure.Invalid e) {
      throw new IllegalStateException("track template " + file + ": " + String.join("; ", e.fields().values().stream()
          .map(t -> t.en()).toList()), e);
    } catch (RuntimeException e) {
      throw new IllegalStateException("track template " + file + ": " + e.getMessage(), e);
    }
  }
}
