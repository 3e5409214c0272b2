-- argmap schema, version 4: nodes as Argdown has them.
--   * a claim keeps its Argdown title, the words between the brackets, apart from its id;
--   * a claim stated in several wordings (an Argdown equivalence class) keeps every member,
--     each with where it stood and what it carries; claims.text holds the canonical one;
--   * a claim may relate to itself: a self-attack is a textbook case and the semantics handle it.

ALTER TABLE claims ADD COLUMN title TEXT CHECK (title IS NULL OR length(title) > 0);

-- Rows exist only for claims with two or more members, numbered in the order written.
-- Tags are one string with the tags separated by U+001F, which a tag cannot hold (tags have
-- no control characters), so a member's few tags need no table of their own.
CREATE TABLE claim_members (
  claim_seq   INTEGER NOT NULL REFERENCES claims (seq) ON DELETE CASCADE,
  member      INTEGER NOT NULL CHECK (member >= 1),
  text        TEXT NOT NULL,
  position_id TEXT REFERENCES positions (id) ON UPDATE CASCADE,
  group_id    TEXT REFERENCES claim_groups (id) ON UPDATE CASCADE ON DELETE SET NULL,
  tags        TEXT NOT NULL DEFAULT '',
  source_id   TEXT REFERENCES sources (id) ON UPDATE CASCADE,
  comment     TEXT,
  quote       TEXT,
  speaker     TEXT,
  said_at     TEXT,
  CHECK (
    (comment IS NULL AND quote IS NULL AND speaker IS NULL AND said_at IS NULL)
    OR source_id IS NOT NULL),
  PRIMARY KEY (claim_seq, member)
) STRICT, WITHOUT ROWID;

-- The relations table is rebuilt without CHECK (from_seq <> to_seq), which SQLite cannot drop
-- in place. Nothing refers to it, so dropping the old one disturbs no foreign key.
CREATE TABLE relations_v4 (
  from_seq INTEGER NOT NULL REFERENCES claims (seq) ON DELETE CASCADE,
  to_seq   INTEGER NOT NULL REFERENCES claims (seq) ON DELETE CASCADE,
  kind     TEXT NOT NULL CHECK (
    kind IN ('supports', 'rebuts', 'undercuts', 'contradicts', 'rephrases', 'prefers')),
  scheme   TEXT CHECK (scheme IS NULL OR length(scheme) > 0),
  PRIMARY KEY (from_seq, to_seq)
) STRICT, WITHOUT ROWID;

INSERT INTO relations_v4 (from_seq, to_seq, kind, scheme)
  SELECT from_seq, to_seq, kind, scheme FROM relations;
DROP TABLE relations;
ALTER TABLE relations_v4 RENAME TO relations;
CREATE INDEX relations_by_target ON relations (to_seq, from_seq);
