-- argmap schema, version 1.
-- Migrations are append-only: never edit a shipped file, add 0002_….sql instead.
-- Each file runs in one transaction; the migrator then sets PRAGMA user_version.

-- Marks the file as argmap's ('ARGM'), so a stranger's SQLite file is refused, not migrated.
PRAGMA application_id = 1095911245;

-- Texts that claims are drawn from. The seed discussion is source one.
CREATE TABLE sources (
  seq   INTEGER PRIMARY KEY,
  id    TEXT NOT NULL UNIQUE CHECK (length(id) > 0),
  title TEXT NOT NULL,
  url   TEXT
) STRICT;

INSERT INTO sources (seq, id, title) VALUES
  (1, 'discussion', 'Comment thread on the "agentic misalignment" research post');

-- seq gives each row a stable order (definition order) that VACUUM cannot renumber, and a small
-- integer key for the relations table.
CREATE TABLE positions (
  seq     INTEGER PRIMARY KEY,
  id      TEXT NOT NULL UNIQUE CHECK (length(id) > 0),
  title   TEXT NOT NULL,
  summary TEXT
) STRICT;

CREATE TABLE claims (
  seq         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE CHECK (length(id) > 0),
  kind        TEXT NOT NULL CHECK (kind IN ('statement', 'argument')),
  text        TEXT NOT NULL,
  position_id TEXT REFERENCES positions (id) ON UPDATE CASCADE,
  source_id   TEXT REFERENCES sources (id) ON UPDATE CASCADE,
  comment     TEXT,
  quote       TEXT,
  -- A comment or quote means nothing without the source it is in.
  CHECK ((comment IS NULL AND quote IS NULL) OR source_id IS NOT NULL)
) STRICT;

CREATE INDEX claims_by_position ON claims (position_id, seq);

CREATE TABLE claim_tags (
  claim_seq INTEGER NOT NULL REFERENCES claims (seq) ON DELETE CASCADE,
  tag       TEXT NOT NULL CHECK (length(tag) > 0),
  PRIMARY KEY (claim_seq, tag)
) STRICT, WITHOUT ROWID;

CREATE INDEX claim_tags_by_tag ON claim_tags (tag);

-- "from supports to" or "from rebuts to". One relation per ordered pair: a claim cannot both
-- support and rebut the same claim, and duplicates are impossible.
CREATE TABLE relations (
  from_seq INTEGER NOT NULL REFERENCES claims (seq) ON DELETE CASCADE,
  to_seq   INTEGER NOT NULL REFERENCES claims (seq) ON DELETE CASCADE,
  kind     TEXT NOT NULL CHECK (kind IN ('supports', 'rebuts')),
  PRIMARY KEY (from_seq, to_seq),
  CHECK (from_seq <> to_seq)
) STRICT, WITHOUT ROWID;

-- The primary key serves walks along outgoing edges; this one serves incoming edges (tree).
CREATE INDEX relations_by_target ON relations (to_seq, from_seq);

-- Full-text search over claim ids and texts. The porter stemmer lets 'refuse' find 'refusal'.
-- External content: the text lives once, in claims; the triggers keep the index in step.
CREATE VIRTUAL TABLE claims_fts USING fts5 (
  id, text,
  content = 'claims', content_rowid = 'seq',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
  INSERT INTO claims_fts (rowid, id, text) VALUES (new.seq, new.id, new.text);
END;

CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
  INSERT INTO claims_fts (claims_fts, rowid, id, text) VALUES ('delete', old.seq, old.id, old.text);
END;

CREATE TRIGGER claims_fts_update AFTER UPDATE OF id, text ON claims BEGIN
  INSERT INTO claims_fts (claims_fts, rowid, id, text) VALUES ('delete', old.seq, old.id, old.text);
  INSERT INTO claims_fts (rowid, id, text) VALUES (new.seq, new.id, new.text);
END;
