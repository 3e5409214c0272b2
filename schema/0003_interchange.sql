-- argmap schema, version 3: what other tools' maps carry.
--   * relations gain the kinds undercuts, contradicts, rephrases and prefers, and the name of the
--     argumentation scheme a link instantiates (AIF's "Argument From Expert Opinion");
--   * sub-groups of a position (Argdown's deeper headings), nested;
--   * premise-conclusion reconstructions of arguments;
--   * who said a claim and when, as the source records it (AIF locutions);
--   * the map's title (Argdown front matter).

-- SQLite cannot change a CHECK constraint in place, so the relations table is rebuilt. Nothing
-- refers to it, so dropping the old one disturbs no foreign key.
CREATE TABLE relations_v3 (
  from_seq INTEGER NOT NULL REFERENCES claims (seq) ON DELETE CASCADE,
  to_seq   INTEGER NOT NULL REFERENCES claims (seq) ON DELETE CASCADE,
  kind     TEXT NOT NULL CHECK (
    kind IN ('supports', 'rebuts', 'undercuts', 'contradicts', 'rephrases', 'prefers')),
  scheme   TEXT CHECK (scheme IS NULL OR length(scheme) > 0),
  PRIMARY KEY (from_seq, to_seq),
  CHECK (from_seq <> to_seq)
) STRICT, WITHOUT ROWID;

INSERT INTO relations_v3 (from_seq, to_seq, kind) SELECT from_seq, to_seq, kind FROM relations;
DROP TABLE relations;
ALTER TABLE relations_v3 RENAME TO relations;
CREATE INDEX relations_by_target ON relations (to_seq, from_seq);

-- `groups` is an SQL keyword (window frames), hence the longer name.
CREATE TABLE claim_groups (
  seq         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE CHECK (length(id) > 0),
  title       TEXT NOT NULL,
  position_id TEXT NOT NULL REFERENCES positions (id) ON UPDATE CASCADE ON DELETE CASCADE,
  parent_id   TEXT REFERENCES claim_groups (id) ON UPDATE CASCADE ON DELETE CASCADE,
  CHECK (parent_id IS NULL OR parent_id <> id)
) STRICT;

CREATE INDEX claim_groups_by_position ON claim_groups (position_id, seq);

ALTER TABLE claims ADD COLUMN group_id TEXT
  REFERENCES claim_groups (id) ON UPDATE CASCADE ON DELETE SET NULL;
-- Like comment and quote, these mean nothing without the source that records them.
ALTER TABLE claims ADD COLUMN speaker TEXT CHECK (speaker IS NULL OR source_id IS NOT NULL);
ALTER TABLE claims ADD COLUMN said_at TEXT CHECK (said_at IS NULL OR source_id IS NOT NULL);

-- Step n of an argument's reconstruction. A step with an inference (the rule's text, '' for a
-- bare line) is a conclusion drawn from the steps above it; the last step is the main one.
CREATE TABLE reconstruction_steps (
  argument_seq INTEGER NOT NULL REFERENCES claims (seq) ON DELETE CASCADE,
  step         INTEGER NOT NULL CHECK (step >= 1),
  claim_seq    INTEGER NOT NULL REFERENCES claims (seq) ON DELETE CASCADE,
  inference    TEXT,
  PRIMARY KEY (argument_seq, step)
) STRICT, WITHOUT ROWID;

CREATE INDEX reconstruction_steps_by_claim ON reconstruction_steps (claim_seq);

-- Facts about the map as a whole; one row per key.
CREATE TABLE map_info (
  key   TEXT PRIMARY KEY CHECK (key IN ('title')),
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;
