-- argmap schema, version 7: a smaller file for the same map.
--   * a claim (and a claim's member) names its position and source by their integer keys, not
--     by their slugs: a million claims each repeating "ambiguous-users" cost megabytes, in the
--     row and again in the index by position;
--   * full-text search keeps which columns a word is in but not where in them (FTS5
--     detail=column): the index shrinks by about a third. Phrase queries then cannot be answered
--     by the index alone, so search matches a phrase's words and checks the phrase in the text.
--     Nor does it store each column's length (columnsize=0): ranking reads them from the
--     claims it ranks, which costs a common word's search about a fifth more time.
--
-- SQLite cannot change a column's type in place, so claims and claim_members are made again and
-- the old ones dropped. The migrator runs every step with foreign keys off and checks them all
-- before it commits, as SQLite's procedure for remaking a table asks: dropping claims with
-- foreign keys on would delete every row that refers to it.

CREATE TABLE claims_v7 (
  seq          INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE CHECK (length(id) > 0),
  kind         TEXT NOT NULL CHECK (kind IN ('statement', 'argument')),
  text         TEXT NOT NULL,
  title        TEXT CHECK (title IS NULL OR length(title) > 0),
  position_seq INTEGER REFERENCES positions (seq),
  group_id     TEXT REFERENCES claim_groups (id) ON UPDATE CASCADE ON DELETE SET NULL,
  source_seq   INTEGER REFERENCES sources (seq),
  comment      TEXT,
  quote        TEXT,
  speaker      TEXT,
  said_at      TEXT,
  base         REAL CHECK (base IS NULL OR (base >= 0 AND base <= 1)),
  -- A comment, quote, speaker or time means nothing without the source that records it.
  CHECK (
    (comment IS NULL AND quote IS NULL AND speaker IS NULL AND said_at IS NULL)
    OR source_seq IS NOT NULL)
) STRICT;

INSERT INTO claims_v7 (
  seq, id, kind, text, title, position_seq, group_id, source_seq, comment, quote, speaker,
  said_at, base)
SELECT c.seq, c.id, c.kind, c.text, c.title, p.seq, c.group_id, s.seq, c.comment, c.quote,
  c.speaker, c.said_at, c.base
FROM claims c
LEFT JOIN positions p ON p.id = c.position_id
LEFT JOIN sources s ON s.id = c.source_id;

CREATE TABLE claim_members_v7 (
  claim_seq    INTEGER NOT NULL REFERENCES claims (seq) ON DELETE CASCADE,
  member       INTEGER NOT NULL CHECK (member >= 1),
  text         TEXT NOT NULL,
  position_seq INTEGER REFERENCES positions (seq),
  group_id     TEXT REFERENCES claim_groups (id) ON UPDATE CASCADE ON DELETE SET NULL,
  tags         TEXT NOT NULL DEFAULT '',
  source_seq   INTEGER REFERENCES sources (seq),
  comment      TEXT,
  quote        TEXT,
  speaker      TEXT,
  said_at      TEXT,
  CHECK (
    (comment IS NULL AND quote IS NULL AND speaker IS NULL AND said_at IS NULL)
    OR source_seq IS NOT NULL),
  PRIMARY KEY (claim_seq, member)
) STRICT, WITHOUT ROWID;

INSERT INTO claim_members_v7 (
  claim_seq, member, text, position_seq, group_id, tags, source_seq, comment, quote, speaker,
  said_at)
SELECT m.claim_seq, m.member, m.text, p.seq, m.group_id, m.tags, s.seq, m.comment, m.quote,
  m.speaker, m.said_at
FROM claim_members m
LEFT JOIN positions p ON p.id = m.position_id
LEFT JOIN sources s ON s.id = m.source_id;

-- Dropping a table drops its triggers and indexes; the full-text index goes first, as its
-- triggers write to it.
DROP TABLE claims_fts;
DROP TABLE claim_members;
DROP TABLE claims;
ALTER TABLE claims_v7 RENAME TO claims;
ALTER TABLE claim_members_v7 RENAME TO claim_members;
CREATE INDEX claims_by_position ON claims (position_seq, seq);

CREATE VIRTUAL TABLE claims_fts USING fts5 (
  id, text, title, quote, speaker,
  content = 'claims', content_rowid = 'seq',
  tokenize = 'porter unicode61 remove_diacritics 2',
  detail = column, columnsize = 0
);

CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
  INSERT INTO claims_fts (rowid, id, text, title, quote, speaker)
    VALUES (new.seq, new.id, new.text, new.title, new.quote, new.speaker);
END;

CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
  INSERT INTO claims_fts (claims_fts, rowid, id, text, title, quote, speaker)
    VALUES ('delete', old.seq, old.id, old.text, old.title, old.quote, old.speaker);
END;

CREATE TRIGGER claims_fts_update AFTER UPDATE OF id, text, title, quote, speaker ON claims BEGIN
  INSERT INTO claims_fts (claims_fts, rowid, id, text, title, quote, speaker)
    VALUES ('delete', old.seq, old.id, old.text, old.title, old.quote, old.speaker);
  INSERT INTO claims_fts (rowid, id, text, title, quote, speaker)
    VALUES (new.seq, new.id, new.text, new.title, new.quote, new.speaker);
END;

INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');

-- History (version 5) keeps rows as they were, so its triggers on the two tables are made
-- again with the new columns, and the rows it already holds are rewritten to them: undoing a
-- write made before this step then restores the row in the columns it now has. A position or
-- source removed since is found by its own image in the history.
CREATE TRIGGER claims_history_insert AFTER INSERT ON claims
WHEN EXISTS (SELECT 1 FROM history_state s WHERE new.seq <= s.claims_max)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'claims', 'insert', json_object('seq', new.seq) FROM history_state;
END;

CREATE TRIGGER claims_history_update AFTER UPDATE ON claims
WHEN EXISTS (SELECT 1 FROM history_state)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'claims', 'update', json_object('seq', old.seq, 'id', old.id, 'kind', old.kind, 'text', old.text, 'title', old.title, 'position_seq', old.position_seq, 'group_id', old.group_id, 'source_seq', old.source_seq, 'comment', old.comment, 'quote', old.quote, 'speaker', old.speaker, 'said_at', old.said_at, 'base', old.base) FROM history_state;
END;

CREATE TRIGGER claims_history_delete AFTER DELETE ON claims
WHEN EXISTS (SELECT 1 FROM history_state)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'claims', 'delete', json_object('seq', old.seq, 'id', old.id, 'kind', old.kind, 'text', old.text, 'title', old.title, 'position_seq', old.position_seq, 'group_id', old.group_id, 'source_seq', old.source_seq, 'comment', old.comment, 'quote', old.quote, 'speaker', old.speaker, 'said_at', old.said_at, 'base', old.base) FROM history_state;
END;

CREATE TRIGGER claim_members_history_insert AFTER INSERT ON claim_members
WHEN EXISTS (SELECT 1 FROM history_state s WHERE new.claim_seq <= s.claims_max)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'claim_members', 'insert', json_object('claim_seq', new.claim_seq, 'member', new.member) FROM history_state;
END;

CREATE TRIGGER claim_members_history_update AFTER UPDATE ON claim_members
WHEN EXISTS (SELECT 1 FROM history_state)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'claim_members', 'update', json_object('claim_seq', old.claim_seq, 'member', old.member, 'text', old.text, 'position_seq', old.position_seq, 'group_id', old.group_id, 'tags', old.tags, 'source_seq', old.source_seq, 'comment', old.comment, 'quote', old.quote, 'speaker', old.speaker, 'said_at', old.said_at) FROM history_state;
END;

CREATE TRIGGER claim_members_history_delete AFTER DELETE ON claim_members
WHEN EXISTS (SELECT 1 FROM history_state)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'claim_members', 'delete', json_object('claim_seq', old.claim_seq, 'member', old.member, 'text', old.text, 'position_seq', old.position_seq, 'group_id', old.group_id, 'tags', old.tags, 'source_seq', old.source_seq, 'comment', old.comment, 'quote', old.quote, 'speaker', old.speaker, 'said_at', old.said_at) FROM history_state;
END;

UPDATE history_log
SET row = json_remove(
  json_set(row,
    '$.position_seq', coalesce(
      (SELECT p.seq FROM positions p WHERE p.id = history_log.row ->> '$.position_id'),
      (SELECT h.row ->> '$.seq' FROM history_log h
       WHERE h.tbl = 'positions' AND h.row ->> '$.id' = history_log.row ->> '$.position_id' LIMIT 1)),
    '$.source_seq', coalesce(
      (SELECT s.seq FROM sources s WHERE s.id = history_log.row ->> '$.source_id'),
      (SELECT h.row ->> '$.seq' FROM history_log h
       WHERE h.tbl = 'sources' AND h.row ->> '$.id' = history_log.row ->> '$.source_id' LIMIT 1))),
  '$.position_id', '$.source_id')
WHERE tbl IN ('claims', 'claim_members') AND op <> 'insert';
