// the outbox's channels are one node: two nodes starting together must not each create it
MATCH (o:Outbox) WITH collect(o) AS copies WHERE size(copies) > 1 FOREACH (x IN tail(copies) | DETACH DELETE x);
CREATE CONSTRAINT outbox_id IF NOT EXISTS FOR (o:Outbox) REQUIRE o.id IS UNIQUE;
