package org.liandong.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.liandong.accounts.AccountService;
import org.liandong.storage.Graph;
import org.liandong.storage.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the Zhenjiang High-tech Zone scenario (2023-06-27 article) into an empty graph, in one
 * transaction, with its history in the change log. Every date in it is the scenario's own: the
 * demo lives on the article's day ({@link DemoDay}), so its open work is due soon, some of it
 * overdue, whenever the demo is opened.
 */
public final class DemoLoader {
  private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);
  public static final String PASSWORD = "demo";
  private static final Set<String> NOT_PROPERTIES =
      Set.of("championIds", "liaisonId", "projectId", "departmentId", "dependsOn", "projectIds", "agenda", "decisions");

  private final Vertx vertx;
  private final Graph graph;
  private final ZoneId zone;

  public DemoLoader(Vertx vertx, Graph graph, ZoneId zone) {
    this.vertx = vertx;
    this.graph = graph;
    this.zone = zone;
  }

  /** Resolves to true when the scenario was loaded, false when the graph already had data. */
  public Future<Boolean> loadIfEmpty() {
    return DemoRepository.isEmpty(graph).compose(empty -> {
      if (!empty) return Future.succeededFuture(false);
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
        .compose(v -> history(tx, projects, obligations, meetings)))
        .onSuccess(v -> LOG.info("demo: loaded the Zhenjiang scenario ({} projects, {} obligations, {} meetings)",
            projects.size(), obligations.size(), meetings.size()));
  }

  /** The scenario's history, from each signing on, recorded as it happened. */
  private Future<Void> history(Tx tx, List<Map<String, Object>> projects, List<Map<String, Object>> obligations,
                               List<Map<String, Object>> meetings) {
    DemoHistory.of(projects, obligations, meetings, zone).forEach(tx::record);
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

  /** Keys ending in On are dates, and {@code at} and keys ending in At date-times. */
  private Map<String, Object> typed(JsonObject json) {
    var out = new HashMap<String, Object>();
    for (var key : json.fieldNames()) {
      var value = json.getValue(key);
      if (value instanceof String s && key.endsWith("On")) out.put(key, date(s));
      else if (value instanceof String s && (key.endsWith("At") || key.equals("at"))) out.put(key, dateTime(s));
      else if (value instanceof JsonObject o) out.put(key, typed(o));
      else if (value instanceof JsonArray a) out.put(key, a.stream()
          .map(v -> v instanceof JsonObject o ? typed(o) : v).toList());
      else out.put(key, value);
    }
    return out;
  }

  private static LocalDate date(String text) {
    return LocalDate.parse(text);
  }

  private static Object dateTime(String text) {
    return OffsetDateTime.parse(text).toZonedDateTime();
  }
}
