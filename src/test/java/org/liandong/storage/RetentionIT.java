package org.liandong.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.TestServer;

@DisplayName("Retention: old records go, the replay window and live sessions stay")
class RetentionIT {

  @Test
  @DisplayName("one sweep deletes old changes outside the replay window, old idempotency keys and audit entries, expired sessions")
  void sweep() {
    var graph = TestServer.get().graph();
    graph.write(tx -> tx.run("""
        MERGE (ch:Channel {name: 'project:retention-test'}) SET ch.seq = 5000, ch.epoch = 'e'
        CREATE (:Change {id: 'ret-old', at: datetime('2010-01-01T00:00:00Z'), type: 'x'})-[:IN {seq: 1}]->(ch)
        CREATE (:Change {id: 'ret-in-window', at: datetime('2010-01-01T00:00:00Z'), type: 'x'})-[:IN {seq: 4990}]->(ch)
        CREATE (:Change {id: 'ret-recent', at: datetime(), type: 'x'})-[:IN {seq: 4999}]->(ch)
        CREATE (:IdempotencyKey {key: 'ret-old-key', takenAt: datetime('2010-01-01T00:00:00Z')})
        CREATE (:IdempotencyKey {key: 'ret-new-key', takenAt: datetime()})
        CREATE (:ConsoleAudit {auditId: 'ret-old-audit', loggedAt: datetime('2010-01-01T00:00:00Z')})
        CREATE (:ConsoleAudit {auditId: 'ret-new-audit', loggedAt: datetime()})
        WITH 1 AS one
        MATCH (u:User {username: 'demo-analyst'})
        CREATE (:Session {tokenHash: 'ret-expired', openedAt: datetime('2010-01-01T00:00:00Z'), expiresAt: datetime('2010-01-02T00:00:00Z')})-[:OF]->(u)
        CREATE (:Session {tokenHash: 'ret-live', openedAt: datetime(), expiresAt: datetime() + duration('PT1H')})-[:OF]->(u)
        """, Map.of())).await();

    var deleted = TestServer.get().sweep().await();
    assertThat(deleted).isGreaterThanOrEqualTo(4);

    var left = graph.query("""
        RETURN COLLECT { MATCH (c:Change) WHERE c.id STARTS WITH 'ret-' RETURN c.id } AS changes,
               COLLECT { MATCH (k:IdempotencyKey) WHERE k.key STARTS WITH 'ret-' RETURN k.key } AS keys,
               COLLECT { MATCH (a:ConsoleAudit) WHERE a.auditId STARTS WITH 'ret-' RETURN a.auditId } AS audit,
               COLLECT { MATCH (s:Session) WHERE s.tokenHash STARTS WITH 'ret-' RETURN s.tokenHash } AS sessions
        """, Map.of()).await().get(0);
    assertThat(left.get("changes").asList()).containsExactlyInAnyOrder("ret-in-window", "ret-recent");
    assertThat(left.get("keys").asList()).containsExactly("ret-new-key");
    assertThat(left.get("audit").asList()).containsExactly("ret-new-audit");
    assertThat(left.get("sessions").asList()).containsExactly("ret-live");
  }
}
