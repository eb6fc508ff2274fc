package org.liandong.storage;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.liandong.support.Json;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * The live protocol's one owner: every change a transaction's work noted ({@link Tx#record}) is
 * written by one statement, the transaction's last. It gathers each entry's channels (those named,
 * plus {@code user:<id>} of the project's champions and liaison), then locks every channel once,
 * in name order, row by row, so writes sharing channels queue instead of deadlocking, and hands
 * each entry the channel's next seqs in the order the work noted them; then it creates the
 * {@code (:Change)} nodes and their {@code IN {seq}} links, each change with the places it was given
 * (linear in the changes' channels: an import of 20,000 projects is 20,000 changes on 20,001 channels). The locks are held until the commit,
 * so per channel the seq order is the commit order, gap-free. A channel is born with a random
 * epoch; a new epoch means a new history.
 *
 * <p>Holding a channel until the commit means one commit at a time per channel: writes to one
 * busy project are therefore committed together, many per transaction ({@link Writes}), so the
 * lock is held for one disk sync per batch, not per write.
 */
final class ChangeLog {
  private ChangeLog() {}

  static final String RECORD = """
      WITH $changes AS changes
      UNWIND range(0, size(changes) - 1) AS i
      OPTIONAL MATCH (p:Project {id: changes[i].projectId})
      WITH i, changes[i].channels + coalesce([(p)<-[:CHAMPIONS|LIAISON_FOR]-(u:User) | 'user:' + u.id], []) AS names
      UNWIND names AS name
      WITH DISTINCT name, i
      ORDER BY name, i
      WITH name, collect(i) AS members
      ORDER BY name
      CALL (name, members) {
        MERGE (ch:Channel {name: name})
          ON CREATE SET ch.seq = 0, ch.epoch = randomUUID()
        SET ch._lock = true
        REMOVE ch._lock
        WITH ch, ch.seq AS base
        SET ch.seq = base + size(members)
        RETURN ch, base, ch.epoch AS epoch
      }
      UNWIND range(0, size(members) - 1) AS k
      WITH members[k] AS i, {ch: ch, name: name, seq: base + k + 1, epoch: epoch} AS place
      WITH i, collect(place) AS places
      WITH i, $changes[i] AS c, places
      CREATE (x:Change {id: c.id, at: coalesce(c.at, $now), actor: c.actor, type: c.type, entity: c.entity,
                        entityId: c.entityId, projectId: c.projectId, before: c.before, after: c.after})
      WITH i, x, places
      CALL (x, places) {
        UNWIND places AS place
        WITH place.ch AS ch, place
        CREATE (x)-[:IN {seq: place.seq}]->(ch)
        RETURN collect({name: place.name, seq: place.seq, epoch: place.epoch}) AS seqs
      }
      RETURN i, x.id AS id, toString(x.at) AS at, seqs, COLLECT { MATCH (who:User {username: x.actor}) RETURN who.displayName }[0] AS actorName
      """;

  /** Records the entries of a transaction; resolves to the changes as they will be published, in the order noted. */
  static Future<List<Change>> write(Tx tx, List<Entry> entries) {
    if (entries.isEmpty()) return Future.succeededFuture(List.of());
    var ids = entries.stream().map(e -> UUID.randomUUID().toString()).toList();
    return tx.listBeforeCommit(RECORD, params(entries, ids)).map(rows -> changes(entries, ids, rows));
  }

  /** The parameters of {@link #RECORD}: each entry with its id. */
  static Map<String, Object> params(List<Entry> entries, List<String> ids) {
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
      row.put("channels", e.channels());
      changes.add(row);
    }
    return Map.of("changes", changes);
  }

  private static List<Change> changes(List<Entry> entries, List<String> ids, List<Record> rows) {
    var out = new ArrayList<Change>(entries.size());
    for (var row : rows.stream().sorted(java.util.Comparator.comparingInt(r -> r.get("i").asInt())).toList()) {
      int i = row.get("i").asInt();
      var e = entries.get(i);
      var seqs = new LinkedHashMap<String, Long>();
      var epochs = new LinkedHashMap<String, String>();
      row.get("seqs").asList(Value::asMap).stream()
          .sorted(java.util.Comparator.comparing(s -> (String) s.get("name")))
          .forEach(s -> {
            seqs.put((String) s.get("name"), ((Number) s.get("seq")).longValue());
            epochs.put((String) s.get("name"), (String) s.get("epoch"));
          });
      out.add(new Change(ids.get(i), row.get("at").asString(), e.actor(), row.get("actorName").asString(null), e.type(), e.entity(), e.entityId(), e.projectId(),
          e.before() == null ? null : Json.object(e.before()), e.after() == null ? null : Json.object(e.after()),
          seqs, epochs));
    }
    return out;
  }
}
