package org.liandong.templates;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.liandong.domain.Vocabulary;
import org.liandong.support.Failure;
import org.liandong.support.Text;

/**
 * A track template at one version: the standard steps of one type of project on the three
 * parallel tracks, each with its owing department, working days and the steps it waits for. Read
 * and checked once from JSON (a file at start-up, a page's edit); a project records the key and
 * version it was built with.
 */
public record Template(String key, int version, String nameZh, String nameEn, String about, List<Item> items,
                       String updatedBy, String updatedAt) {

  /** One step of a template. */
  public record Item(String key, String track, String kind, String departmentId, int durationDays, String title,
                     List<String> dependsOn) {
    JsonObject toJson() {
      return new JsonObject().put("key", key).put("track", track).put("kind", kind).put("departmentId", departmentId)
          .put("durationDays", durationDays).put("title", title).put("dependsOn", new JsonArray(dependsOn));
    }
  }

  static final Pattern KEY = Pattern.compile("[a-z0-9-]{1,40}");
  static final int MOST_ITEMS = 200;

  /**
   * The template a JSON object describes, checked: a key, names in both languages, 1 to 200 steps
   * with unique keys, known tracks and kinds, a department, 0 to 3650 working days, and
   * dependencies on the template's own steps that close no loop. Every problem is named, by
   * field (items[3].durationDays), in both languages.
   */
  static Template from(JsonObject json) {
    var problems = new Failure.Problems();
    var key = json.getValue("key");
    if (!(key instanceof String k) || !KEY.matcher(k).matches()) {
      problems.add("key", Text.key("server.templates.keyMustMatchZ"));
    }
    var name = json.getValue("name") instanceof JsonObject n ? n : new JsonObject();
    if (blank(name.getValue("zh")) || blank(name.getValue("en"))) {
      problems.add("name", Text.key("server.templates.nameNeedsZhEn"));
    }
    var items = items(json.getValue("items"), problems);
    problems.check(422);
    var version = json.getValue("version") instanceof Integer v && v > 0 ? v : 1;
    return new Template((String) key, version, name.getString("zh").strip(), name.getString("en").strip(),
        json.getValue("about") instanceof String about ? about : null, items, null, null);
  }

  private static List<Item> items(Object raw, Failure.Problems problems) {
    if (!(raw instanceof JsonArray list) || list.isEmpty() || list.size() > MOST_ITEMS) {
      problems.add("items", Text.key("server.templates.itemsMustHoldSteps"));
      return List.of();
    }
    var out = new ArrayList<Item>();
    var keys = new HashSet<String>();
    for (int i = 0; i < list.size(); i++) {
      var at = "items[" + i + "]";
      if (!(list.getValue(i) instanceof JsonObject item)) {
        problems.add(at, Text.key("server.templates.everyItemMustObject"));
        continue;
      }
      var parsed = item(item, at, problems);
      if (parsed == null) continue;
      if (!keys.add(parsed.key())) problems.add(at + ".key", Text.key("server.templates.itemKeyMustUnique", "key", parsed.key()));
      out.add(parsed);
    }
    for (int i = 0; i < out.size(); i++) {
      for (var d : out.get(i).dependsOn()) {
        if (!keys.contains(d)) {
          problems.add("items[" + i + "].dependsOn", Text.key("server.templates.itemDependsUnknownItem", "key", out.get(i).key(), "d", d));
        }
      }
    }
    if (problems.isEmpty()) cycle(out, problems);
    return out;
  }

  private static Item item(JsonObject i, String at, Failure.Problems problems) {
    int before = problems.size();
    if (!(i.getValue("key") instanceof String k) || !KEY.matcher(k).matches()) {
      problems.add(at + ".key", Text.key("server.templates.itemKeyMustUnique2", "key", i.getValue("key")));
    }
    if (blank(i.getValue("title")) || i.getString("title").strip().length() > 200) {
      problems.add(at + ".title", Text.key("server.templates.titleMustCharacters"));
    }
    if (!Vocabulary.TRACKS.containsKey(String.valueOf(i.getValue("track")))) {
      problems.add(at + ".track", Text.key("server.templates.trackMustOne", "tracks", Vocabulary.TRACKS.keySet()));
    }
    if (!Vocabulary.KINDS.containsKey(String.valueOf(i.getValue("kind")))) {
      problems.add(at + ".kind", Text.key("server.templates.kindMustOne", "kinds", Vocabulary.KINDS.keySet()));
    }
    if (blank(i.getValue("departmentId"))) problems.add(at + ".departmentId", Text.key("server.templates.departmentidRequired"));
    if (!(i.getValue("durationDays") instanceof Integer d) || d < 0 || d > 3650) {
      problems.add(at + ".durationDays", Text.key("server.templates.durationdaysMust"));
    }
    if (!(i.getValue("dependsOn") instanceof JsonArray deps) || deps.stream().anyMatch(x -> !(x instanceof String))) {
      problems.add(at + ".dependsOn", Text.key("server.templates.dependsonMustListItem"));
    }
    if (problems.size() > before) return null;
    return new Item(i.getString("key"), i.getString("track"), i.getString("kind"), i.getString("departmentId").strip(),
        i.getInteger("durationDays"), i.getString("title").strip(),
        i.getJsonArray("dependsOn").stream().map(String::valueOf).distinct().toList());
  }

  /** A loop among the steps is refused, naming the steps left in it. */
  private static void cycle(List<Item> items, Failure.Problems problems) {
    var left = new LinkedHashMap<String, Item>();
    items.forEach(i -> left.put(i.key(), i));
    var done = new HashSet<String>();
    boolean moved = true;
    while (moved) {
      moved = false;
      for (var i : List.copyOf(left.values())) {
        if (done.containsAll(i.dependsOn())) {
          done.add(i.key());
          left.remove(i.key());
          moved = true;
        }
      }
    }
    if (!left.isEmpty()) {
      var names = String.join(", ", left.keySet());
      problems.add("items", Text.key("server.templates.dependenciesFormCycleAmong", "names", names));
    }
  }

  /** The steps, prerequisites before what waits for them. */
  public List<Item> ordered() {
    var byKey = new LinkedHashMap<String, Item>();
    items.forEach(i -> byKey.put(i.key(), i));
    var done = new java.util.LinkedHashSet<String>();
    while (done.size() < byKey.size()) {
      for (var i : byKey.values()) if (!done.contains(i.key()) && done.containsAll(i.dependsOn())) done.add(i.key());
    }
    return done.stream().map(byKey::get).toList();
  }

  private static boolean blank(Object v) {
    return !(v instanceof String s) || s.isBlank();
  }

  /** The template as the pages and the API read it. */
  public JsonObject toJson() {
    var list = new JsonArray();
    items.forEach(i -> list.add(i.toJson()));
    return new JsonObject().put("key", key).put("version", version)
        .put("name", new JsonObject().put("zh", nameZh).put("en", nameEn)).put("about", about)
        .put("items", items.size()).put("steps", list).put("updatedBy", updatedBy).put("updatedAt", updatedAt);
  }

  /** The template as the graph keeps it: its steps as one JSON text. */
  Map<String, Object> properties() {
    var out = new HashMap<String, Object>();
    out.put("key", key);
    out.put("version", (long) version);
    out.put("nameZh", nameZh);
    out.put("nameEn", nameEn);
    if (about != null) out.put("about", about);
    var list = new JsonArray();
    items.forEach(i -> list.add(i.toJson()));
    out.put("items", list.encode());
    return out;
  }

  /** From the graph's properties ({@link #properties}), with who saved it and when. */
  static Template of(Map<String, Object> p) {
    var json = new JsonObject().put("key", p.get("key")).put("version", ((Number) p.get("version")).intValue())
        .put("name", new JsonObject().put("zh", p.get("nameZh")).put("en", p.get("nameEn"))).put("about", p.get("about"))
        .put("items", new JsonArray((String) p.get("items")));
    var t = from(json);
    return new Template(t.key(), t.version(), t.nameZh(), t.nameEn(), t.about(), t.items(), (String) p.get("updatedBy"),
        p.get("updatedAt") == null ? null : p.get("updatedAt").toString());
  }

  /** The same steps under another key, name and version (a copy, or the next version of an edit). */
  Template as(String newKey, int newVersion) {
    return new Template(newKey, newVersion, nameZh, nameEn, about, items, null, null);
  }
}
