package org.liandong.bench;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.liandong.Server;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;

/**
 * What the write sections write to, made once through the driver (setup, not measured), in the
 * shape the API gives them: one busy project ({@code bench-hot}) holding the fan-out's
 * obligations (eight per department channel, one department per channel), the rising-rate
 * obligations and the write path's; and 200 quiet projects of two obligations each. All at the
 * district level, so the read section's city-level lists do not pick them up.
 */
final class Fixtures {
  static final int MANY = 200;
  private static final int PER_CHANNEL = 8;
  private static final int HOT = 256;

  private final Driver driver;
  private final int channels;

  private Fixtures(Driver driver, int channels) {
    this.driver = driver;
    this.channels = channels;
  }

  /** Writes the fixtures through {@code driver}: the embedded server's, or the two-node row's Neo4j server. */
  static Fixtures create(Driver driver, int channels) {
    var f = new Fixtures(driver, channels);
    var due = LocalDate.of(2031, 6, 30);
    var depts = new ArrayList<Map<String, Object>>();
    for (int d = 0; d < channels; d++) depts.add(Map.of("id", "bench-fan-d" + d, "name", "基准频道部门 " + d));
    var hot = new ArrayList<Map<String, Object>>();
    for (int i = 0; i < channels * PER_CHANNEL; i++) hot.add(row("bench-fan-o" + i, "bench-fan-d" + (i % channels), due));
    for (int i = 0; i < HOT; i++) hot.add(row("bench-hot-o" + i, "d-zj-housing", due));
    for (int i = 0; i < 2 * Benchmark.CONCURRENCY; i++) hot.add(row("bench-path-o" + i, "d-zj-housing", due));
    var many = new ArrayList<Map<String, Object>>();
    for (int p = 0; p < MANY; p++) {
      many.add(Map.of("id", "bench-many-" + p, "obligations", List.of(row("bench-many-" + p + "-o0", "d-zj-housing", due),
          row("bench-many-" + p + "-o1", "d-zj-housing", due))));
    }
    try (var session = driver.session(SessionConfig.defaultConfig())) {
      session.executeWrite(tx -> tx.run("""
          UNWIND $rows AS r CREATE (:Department {id: r.id, name: r.name, shortName: r.name, level: 'district', version: 1})""",
          Map.of("rows", depts)).consume());
      var projects = new ArrayList<Map<String, Object>>();
      projects.add(Map.of("id", "bench-hot", "obligations", hot));
      projects.addAll(many);
      session.executeWrite(tx -> tx.run("""
          UNWIND $rows AS r
          CREATE (p:Project {id: r.id, code: toUpper(r.id), name: '基准写入项目 ' + r.id, company: '基准公司', signedOn: date('2025-01-06'),
                             targetStartOn: date('2031-01-06'), stage: 'signed', investmentYi: 1.0, level: 'district', `new`: true, version: 1})
          WITH p, r
          UNWIND r.obligations AS o
          MATCH (d:Department {id: o.department})
          CREATE (d)-[:OWES]->(:Obligation {id: o.id, title: o.title, status: 'dispatched', dueOn: o.dueOn, durationDays: 5,
                                            track: 'permits', kind: 'approval', version: 1, dispatchedAt: datetime()})-[:FOR]->(p)""",
          Map.of("rows", projects)).consume());
    }
    return f;
  }

  private static Map<String, Object> row(String id, String department, LocalDate due) {
    var row = new HashMap<String, Object>();
    row.put("id", id);
    row.put("title", "基准写入 " + id);
    row.put("department", department);
    row.put("dueOn", due);
    return row;
  }

  /** The fan-out's obligations, each with its version now and the department channel its updates reach. */
  JsonArray fan() {
    var out = new JsonArray();
    versions("bench-fan-o").forEach((id, version) -> out.add(new JsonObject().put("id", id).put("version", version)
        .put("channel", "department:bench-fan-d" + (Integer.parseInt(id.substring("bench-fan-o".length())) % channels))));
    return out;
  }

  /** The hot project's rising-rate obligations, with their versions now. */
  JsonArray hot() {
    return withVersions("bench-hot-o");
  }

  /** The quiet projects' obligations, with their versions now. */
  JsonArray many() {
    return withVersions("bench-many-");
  }

  int projects() {
    return MANY;
  }

  /** The write path's obligations: the first half for the API, the second for the raw driver. */
  List<JsonObject> path() {
    return withVersions("bench-path-o").stream().map(o -> (JsonObject) o)
        .sorted(java.util.Comparator.comparingInt(o -> Integer.parseInt(o.getString("id").substring("bench-path-o".length())))).toList();
  }

  private JsonArray withVersions(String prefix) {
    var out = new JsonArray();
    versions(prefix).forEach((id, version) -> out.add(new JsonObject().put("id", id).put("version", version)));
    return out;
  }

  private Map<String, Long> versions(String prefix) {
    var out = new java.util.LinkedHashMap<String, Long>();
    try (var session = driver.session(SessionConfig.defaultConfig())) {
      session.executeRead(tx -> tx.run("""
          MATCH (o:Obligation) WHERE o.id STARTS WITH $prefix RETURN o.id AS id, o.version AS version ORDER BY id""",
          Map.of("prefix", prefix)).list()).forEach(r -> out.put(r.get("id").asString(), r.get("version").asLong()));
    }
    return out;
  }

  /**
   * One real event of a fan-out obligation, as Liandong sends it (the shape of
   * {@code LiveEvent}): the baseline sends frames of this shape and size.
   */
  JsonObject sampleEvent(Server server, Rest http, String token) {
    var seen = new AtomicReference<org.liandong.storage.Change>();
    server.graph().onCommit(changes -> changes.stream().filter(c -> "Obligation".equals(c.entity())).findFirst()
        .ifPresent(c -> seen.compareAndSet(null, c)));
    var first = fan().getJsonObject(0);
    http.call(HttpMethod.PATCH, "/api/obligations/" + first.getString("id"), token,
        new JsonObject().put("version", first.getLong("version")).put("note", "fanout 0"));
    var c = seen.get();
    var channel = first.getString("channel");
    return new JsonObject().put("channel", channel).put("seq", c.seqs().get(channel)).put("epoch", c.epochs().get(channel))
        .put("type", c.type()).put("at", c.at()).put("actor", c.actor())
        .put("data", new JsonObject().put("entity", c.entity()).put("entityId", c.entityId()).put("projectId", c.projectId())
            .put("before", c.before()).put("after", c.after()));
  }
}
