package org.liandong.storage;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.liandong.support.Json;

/**
 * Records a {@code (:Change)} inside the writing transaction and gives it the next gap-free
 * seq of every channel it concerns: those the caller names, plus {@code user:<id>} of the
 * project's champions and liaison. Channel nodes are write-locked before their seq is read,
 * so per channel the seq order is the commit order. Record the change as the last statement
 * of a write: those locks are held until the commit.
 */
public final class ChangeLog {
  private ChangeLog() {}

  /** Public for the benchmark's raw-driver baseline, which runs exactly this. */
  public static final String RECORD = """
      CREATE (c:Change {id: $id, at: datetime(), actor: $actor, type: $type, entity: $entity,
                        entityId: $entityId, projectId: $projectId, before: $before, after: $after})
      WITH c
      // a project's champions and liaison follow it on their own channels
      OPTIONAL MATCH (p:Project {id: $projectId})
      WITH c, $channels + [(p)<-[:CHAMPIONS|LIAISON_FOR]-(u:User) | 'user:' + u.id] AS names
      UNWIND names AS name
      // every writer locks channels in the same (name) order, so two writes sharing channels
      // wait for each other instead of deadlocking
      WITH DISTINCT c, name ORDER BY name
      MERGE (ch:Channel {name: name})
        ON CREATE SET ch.seq = 0
      SET ch._lock = true
      WITH c, ch, name, ch.seq + 1 AS seq
      SET ch.seq = seq
      REMOVE ch._lock
      CREATE (c)-[:IN {seq: seq}]->(ch)
      RETURN toString(c.at) AS at, name, seq
      """;

  /** What one write did: who, the kind of change, and the node before and after. */
  public record Entry(String actor, String type, String entity, String entityId, String projectId,
                      Map<String, Object> before, Map<String, Object> after, List<String> channels) {}

  public static Future<Change> record(Tx tx, Entry e) {
    var id = UUID.randomUUID().toString();
    var before = e.before() == null ? null : Json.object(e.before());
    var after = e.after() == null ? null : Json.object(e.after());
    var params = new LinkedHashMap<String, Object>();
    params.put("id", id);
    params.put("actor", e.actor());
    params.put("type", e.type());
    params.put("entity", e.entity());
    params.put("entityId", e.entityId());
    params.put("projectId", e.projectId());
    params.put("before", before == null ? null : before.encode());
    params.put("after", after == null ? null : after.encode());
    params.put("channels", new ArrayList<>(new java.util.LinkedHashSet<>(e.channels())));
    return tx.listBeforeCommit(RECORD, params).map(rows -> {
      var seqs = new LinkedHashMap<String, Long>();
      rows.forEach(r -> seqs.put(r.get("name").asString(), r.get("seq").asLong()));
      var at = rows.isEmpty() ? null : rows.get(0).get("at").asString();
      var change = new Change(id, at, e.actor(), e.type(), e.entity(), e.entityId(), e.projectId(),
          before, after, seqs);
      tx.recorded.add(change);
      return change;
    });
  }

}
