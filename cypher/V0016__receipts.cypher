// 签收 (docs/reach.md): the key receipt links are signed with, one for every node
CREATE CONSTRAINT secret_id IF NOT EXISTS FOR (s:Secret) REQUIRE s.id IS UNIQUE;
