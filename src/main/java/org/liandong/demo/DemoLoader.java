package org.liandong.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.liandong.accounts.AccountService;
import org.liandong.storage.Entry;
import org.liandong.storage.Graph;
import org.liandong.storage.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the Zhenjiang High-tech Zone scenario (2023-06-27 article) into an empty graph, in one
 * transaction. Its history keeps the article's dates; the obligations still open are dated
 * relative to today ("today+14") so the live demo always has work due soon and some overdue.
 */
public final class DemoLoader {
  private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);
  public static final String PASSWORD = "demo";
  private static final Pattern RELATIVE = Pattern.compile("today([+-]\\d+)(T.*)?");
  private static final Set<String> NOT_PROPERTIES =
      Set.of("championIds", "liaisonId", "projectId", "departmentId", "dependsOn", "projectIds", "agenda", "decisions");

  private final Vertx vertx;
  private final Graph graph;
  private final Clock clock;

  public DemoLoader(Vertx vertx, Graph graph, Clock clock) {
    this.vertx = vertx;
    this.graph = graph;
    this.clock = clock;
  }

  /** Resolves to true when the scenario was loaded, false when the graph already had data. */
  public Future<Boolean> loadIfEmpty() {
    return graph.query(DemoCypher.IS_EMPTY, Map.of()).compose(rows -> {
      if (!rows.get(0).get("empty").asBoolean()) return Future.succeededFuture(false);
      return vertx.fileSystem().readFile("demo/zhenjiang.json")
          .map(buffer -> buffer.toJsonObject())
          .compose(this::withPasswords)
          .compose(this::load)
          .map(true);
    });
  }

  /** Demo accounts get the demo password; the other people in the scenario cannot log in. */
  private Future<JsonObject> withPasswords(JsonObject scenario) {
    return vertx.executeBlocking(() -> {
      for (var user : scenario.getJsonArray("users")) {
        var u = (JsonObject) user;
        u.put("passwordHash", u.getBoolean("demoLogin", false) ? AccountService.hashForDemo(PASSWORD) : null);
        u.put("kioskKeyHash", u.getBoolean("demoKiosk", false) ? AccountService.kioskHashForDemo() : null);
        u.remove("demoLogin");
        u.remove("demoKiosk");
      }
      return scenario;
    });
  }

  private Future<Void> load(JsonObject scenario) {
    var projects = rows(scenario.getJsonArray("projects"));
    var obligations = rows(scenario.getJsonArray("obligations"));
    var meetings = rows(scenario.getJsonArray("meetings"));
    return graph.write(tx -> tx.run(DemoCypher.DEPARTMENTS, Map.of("rows", plain(scenario.getJsonArray("departments"))))
        .compose(v -> tx.run(DemoCypher.USERS, Map.of("rows", plain(scenario.getJsonArray("users")))))
        .compose(v -> tx.run(DemoCypher.PROJECTS, Map.of("rows", projects)))
        .compose(v -> tx.run(DemoCypher.OBLIGATIONS, Map.of("rows", obligations)))
        .compose(v -> tx.run(DemoCypher.DEPENDENCIES, Map.of("rows", obligations)))
        .compose(v -> tx.run(DemoCypher.MEETINGS, Map.of("rows", meetings)))
        .compose(v -> history(tx, projects)))
        .onSuccess(v -> LOG.info("demo: loaded the Zhenjiang scenario ({} projects, {} obligations, {} meetings)",
            projects.size(), obligations.size(), meetings.size()));
  }

  /** Each project's history starts with its registration, so replay has a first entry. */
  private static Future<Void> history(Tx tx, List<Map<String, Object>> projects) {
    for (var p : projects) {
      var id = (String) p.get("id");
      @SuppressWarnings("unchecked") var props = (Map<String, Object>) p.get("props");
      tx.record(new Entry("demo", "project.created", "Project", id, id, null, props, List.of("project:" + id)));
    }
    return Future.succeededFuture();
  }

  /** Each row keeps its relationship keys beside a {@code props} map of typed node properties. */
  private List<Map<String, Object>> rows(JsonArray array) {
    var rows = new ArrayList<Map<String, Object>>();
    for (var item : array) {
      var json = (JsonObject) item;
      var row = typed(json);
      var props = new HashMap<>(row);
      props.keySet().removeAll(NOT_PROPERTIES);
      row.put("props", props);
      row.putIfAbsent("dependsOn", List.of());
      rows.add(row);
    }
    return rows;
  }

  private List<Map<String, Object>> plain(JsonArray array) {
    return array.stream().map(item -> typed((JsonObject) item)).toList();
  }

  /** Keys ending in On are dates and in At date-times; "today+N" is resolved against the clock. */
  private Map<String, Object> typed(JsonObject json) {
    var out = new HashMap<String, Object>();
    for (var key : json.fieldNames()) {
      var value = json.getValue(key);
      if (value instanceof String s && key.endsWith("On")) out.put(key, date(s));
      else if (value instanceof String s && key.endsWith("At")) out.put(key, dateTime(s));
      else if (value instanceof JsonObject o) out.put(key, typed(o));
      else if (value instanceof JsonArray a) out.put(key, a.stream()
          .map(v -> v instanceof JsonObject o ? typed(o) : v).toList());
      else out.put(key, value);
    }
    return out;
  }

  private LocalDate date(String text) {
    var m = RELATIVE.matcher(text);
    return m.matches() ? LocalDate.now(clock).plusDays(Long.parseLong(m.group(1))) : LocalDate.parse(text);
  }

  private Object dateTime(String text) {
    var m = RELATIVE.matcher(text);
    var absolute = m.matches() ? LocalDate.now(clock).plusDays(Long.parseLong(m.group(1))) + m.group(2) : text;
    return OffsetDateTime.parse(absolute).toZonedDateTime();
  }
}
