package org.liandong.storage;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.liandong.support.Json;
import org.neo4j.driver.Value;

/**
 * Writes every change of a transaction as its last step, in two statements: the first locks each
 * channel the changes concern (those named, plus {@code user:<id>} of the projects' champions
 * and liaison) once, in name order, so writes sharing channels wait for each other instead of
 * deadlocking; the second creates the {@code (:Change)} nodes with the next gap-free seq of
 * each channel. The locks are held until the commit, so per channel the seq order is the
 * commit order. A channel is born with a random epoch; a new epoch means a new history.
 */
final class ChangeLog {
  private ChangeLog() {}

  static final String LOCK = """
      UNWIND range(0, size($entries) - 1) AS i
      OPTIONAL MATCH (p:Project {id: $entries[i].projectId})
      WITH i, $entries[i].channels + [(p)<-[:CHAMPIONS|LIAISON_FOR]-(u:User) | 'user:' + u.id] AS names
      UNWIND names AS name
      WITH name, collect(DISTINCT i) AS entries
      ORDER BY name
      MERGE (ch:Channel {name: name})
        ON CREATE SET ch.seq = 0, ch.epoch = randomUUID()
      SET ch._lock = true
      REMOVE ch._lock
      RETURN name, ch.seq AS seq, ch.epoch AS epoch, entries
      """;

  static final String WRITE = """
      UNWIND $changes AS c
      CREATE (x:Change {id: c.id, at: coalesce(c.at, $now), actor: c.actor, type: c.type, entity: c.entity,
                        entityId: c.entityId, projectId: c.projectId, before: c.before, after: c.after})
      WITH x, c
      UNWIND c.seqs AS s
      MATCH (ch:Channel {name: s.name})
      CREATE (x)-[:IN {seq: s.seq}]->(ch)
      SET ch.seq = CASE WHEN s.seq > ch.seq THEN s.seq ELSE ch.seq END
      RETURN DISTINCT x.id AS id, toString(x.at) AS at
      """;

  /** Records the entries of a transaction; resolves to the changes as they will be published. */
  static Future<List<Change>> write(Tx tx, List<Entry> entries) {
    if (entries.isEmpty()) return Future.succeededFuture(List.of());
    var ids = entries.stream().map(e -> UUID.randomUUID().toString()).toList();
    return tx.listBeforeCommit(LOCK, lockParams(entries))
        .compose(locked -> record(tx, entries, ids, Assigned.of(locked, entries.size())));
  }

  /** The parameters of {@link #LOCK}: each entry's project and channels. */
  static Map<String, Object> lockParams(List<Entry> entries) {
    var rows = new ArrayList<Map<String, Object>>();
    for (var e : entries) {
      var row = new HashMap<String, Object>();
      row.put("projectId", e.projectId());
      row.put("channels", e.channels());
      rows.add(row);
    }
    return Map.of("entries", rows);
  }

  /** The parameters of {@link #WRITE}, from what {@link #LOCK} answered. */
  static Map<String, Object> writeParams(List<Entry> entries, List<String> ids, List<org.neo4j.driver.Record> locked) {
    return writeParams(entries, ids, Assigned.of(locked, entries.size()));
  }

  private static Future<List<Change>> record(Tx tx, List<Entry> entries, List<String> ids, Assigned assigned) {
    return tx.listBeforeCommit(WRITE, writeParams(entries, ids, assigned)).map(written -> {
      // each change's time as the log keeps it (an entry on no channel has no row: it shares the others')
      var when = new HashMap<String, String>();
      for (var row : written) when.put(row.get("id").asString(), row.get("at").asString());
      var first = written.isEmpty() ? null : written.get(0).get("at").asString();
      var out = new ArrayList<Change>();
      for (int i = 0; i < entries.size(); i++) {
        var e = entries.get(i);
        var seqs = assigned.seqs.get(i);
        var epochs = new LinkedHashMap<String, String>();
        seqs.keySet().forEach(name -> epochs.put(name, assigned.epochs.get(name)));
        out.add(new Change(ids.get(i), when.getOrDefault(ids.get(i), first), e.actor(), e.type(), e.entity(), e.entityId(), e.projectId(),
            e.before() == null ? null : Json.object(e.before()), e.after() == null ? null : Json.object(e.after()),
            seqs, epochs));
      }
      return out;
    });
  }

  private static Map<String, Object> writeParams(List<Entry> entries, List<String> ids, Assigned assigned) {
    var changes = new ArrayList<Map<String, Object>>();
    for (int i = 0; i < entries.size(); i++) {
      var e = entries.get(i);
      var row = new HashMap<String, Object>();
      row.put("id", ids.get(i));
      row.put("at", e.at() == null ? null : e.at().withZoneSameInstant(java.time.ZoneOffset.UTC));
      row.put("actor", e.actor());
      row.put("type", e.type());
      row.put("entity", e.entity());
      row.put("entityId", e.entityId());
      row.put("projectId", e.projectId());
      row.put("before", e.before() == null ? null : Json.object(e.before()).encode());
      row.put("after", e.after() == null ? null : Json.object(e.after()).encode());
      row.put("seqs", assigned.seqs.get(i).entrySet().stream()
          .map(s -> Map.<String, Object>of("name", s.getKey(), "seq", s.getValue())).toList());
      changes.add(row);
    }
    return Map.of("changes", changes);
  }

  /** The seqs handed out: per entry, each of its channels with its seq; each channel's epoch. */
  private record Assigned(List<Map<String, Long>> seqs, Map<String, String> epochs) {
    static Assigned of(List<org.neo4j.driver.Record> locked, int entries) {
      var seqs = new ArrayList<Map<String, Long>>();
      for (int i = 0; i < entries; i++) seqs.add(new TreeMap<>());
      var epochs = new HashMap<String, String>();
      for (var row : locked) {
        var name = row.get("name").asString();
        long next = row.get("seq").asLong();
        epochs.put(name, row.get("epoch").asString());
        // entries are numbered in the order the work recorded them: that is their order on the channel
        for (var i : row.get("entries").asList(Value::asInt).stream().sorted().toList()) {
          seqs.get(i).put(name, ++next);
        }
      }
      return new Assigned(seqs, epochs);
    }
  }
}
