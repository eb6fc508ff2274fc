// An import's dry run: what it checked (the file's hash, the versions it saw), until it is committed or a day has passed.
CREATE CONSTRAINT import_id IF NOT EXISTS FOR (i:Import) REQUIRE i.id IS UNIQUE;
CREATE INDEX import_created IF NOT EXISTS FOR (i:Import) ON (i.createdAt);
