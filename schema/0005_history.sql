-- argmap schema, version 5: history, so that every write can be undone exactly.
--
-- Each write is one entry in `history`, recorded in the transaction that makes it. What it
-- changed is kept in two compact forms:
--   * rows it inserted into a table keyed by `seq` (claims, positions, sources, groups) get
--     seqs above every seq stored before, so they are one range per table (`history_ranges`),
--     and a million-claim import costs four rows; their tags, relations, members and steps go
--     with them when the range is deleted (ON DELETE CASCADE), so they need no record either;
--   * every other change is one row of `history_log`: an insert by its key, an update or a
--     delete by the whole row as it was, as JSON. Triggers write these rows while
--     `history_state` holds the running entry; outside a recorded write it is empty and the
--     triggers do nothing.
-- Undo replays the log backwards and then deletes the ranges; the undo is itself an entry,
-- so undoing it is a redo.

CREATE TABLE history (
  seq       INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  command   TEXT NOT NULL,
  -- The entry this one reverted: an undo, or a redo when that entry was itself an undo.
  undoes    INTEGER REFERENCES history (seq),
  -- The entry that reverted this one, while that entry stands.
  undone_by INTEGER REFERENCES history (seq)
) STRICT;

-- One row while a recorded write runs: its entry, and each seq-keyed table's largest seq
-- before the write began.
CREATE TABLE history_state (
  entry         INTEGER NOT NULL,
  claims_max    INTEGER NOT NULL,
  positions_max INTEGER NOT NULL,
  sources_max   INTEGER NOT NULL,
  groups_max    INTEGER NOT NULL
) STRICT;

CREATE TABLE history_ranges (
  entry     INTEGER NOT NULL REFERENCES history (seq) ON DELETE CASCADE,
  tbl       TEXT NOT NULL,
  first_seq INTEGER NOT NULL,
  last_seq  INTEGER NOT NULL CHECK (last_seq >= first_seq),
  PRIMARY KEY (entry, tbl)
) STRICT, WITHOUT ROWID;

CREATE TABLE history_log (
  seq   INTEGER PRIMARY KEY,
  entry INTEGER NOT NULL REFERENCES history (seq) ON DELETE CASCADE,
  tbl   TEXT NOT NULL,
  op    TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  row   TEXT NOT NULL
) STRICT;

CREATE INDEX history_log_by_entry ON history_log (entry, seq);


CREATE TRIGGER sources_history_insert AFTER INSERT ON sources
WHEN EXISTS (SELECT 1 FROM history_state s WHERE new.seq <= s.sources_max)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'sources', 'insert', json_object('seq', new.seq) FROM history_state;
END;

CREATE TRIGGER sources_history_update AFTER UPDATE ON sources
WHEN EXISTS (SELECT 1 FROM history_state)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'sources', 'update', json_object('seq', old.seq, 'id', old.id, 'title', old.title, 'url', old.url) FROM history_state;
END;

CREATE TRIGGER sources_history_delete AFTER DELETE ON sources
WHEN EXISTS (SELECT 1 FROM history_state)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'sources', 'delete', json_object('seq', old.seq, 'id', old.id, 'title', old.title, 'url', old.url) FROM history_state;
END;

CREATE TRIGGER positions_history_insert AFTER INSERT ON positions
WHEN EXISTS (SELECT 1 FROM history_state s WHERE new.seq <= s.positions_max)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'positions', 'insert', json_object('seq', new.seq) FROM history_state;
END;

CREATE TRIGGER positions_history_update AFTER UPDATE ON positions
WHEN EXISTS (SELECT 1 FROM history_state)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'positions', 'update', json_object('seq', old.seq, 'id', old.id, 'title', old.title, 'summary', old.summary) FROM history_state;
END;

CREATE TRIGGER positions_history_delete AFTER DELETE ON positions
WHEN EXISTS (SELECT 1 FROM history_state)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'positions', 'delete', json_object('seq', old.seq, 'id', old.id, 'title', old.title, 'summary', old.summary) FROM history_state;
END;

CREATE TRIGGER claim_groups_history_insert AFTER INSERT ON claim_groups
WHEN EXISTS (SELECT 1 FROM history_state s WHERE new.seq <= s.groups_max)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'claim_groups', 'insert', json_object('seq', new.seq) FROM history_state;
END;

CREATE TRIGGER claim_groups_history_update AFTER UPDATE ON claim_groups
WHEN EXISTS (SELECT 1 FROM history_state)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'claim_groups', 'update', json_object('seq', old.seq, 'id', old.id, 'title', old.title, 'position_id', old.position_id, 'parent_id', old.parent_id) FROM history_state;
END;

CREATE TRIGGER claim_groups_history_delete AFTER DELETE ON claim_groups
WHEN EXISTS (SELECT 1 FROM history_state)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'claim_groups', 'delete', json_object('seq', old.seq, 'id', old.id, 'title', old.title, 'position_id', old.position_id, 'parent_id', old.parent_id) FROM history_state;
END;

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
  SELECT entry, 'claims', 'update', json_object('seq', old.seq, 'id', old.id, 'kind', old.kind, 'text', old.text, 'position_id', old.position_id, 'source_id', old.source_id, 'comment', old.comment, 'quote', old.quote, 'base', old.base, 'group_id', old.group_id, 'speaker', old.speaker, 'said_at', old.said_at, 'title', old.title) FROM history_state;
END;

CREATE TRIGGER claims_history_delete AFTER DELETE ON claims
WHEN EXISTS (SELECT 1 FROM history_state)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'claims', 'delete', json_object('seq', old.seq, 'id', old.id, 'kind', old.kind, 'text', old.text, 'position_id', old.position_id, 'source_id', old.source_id, 'comment', old.comment, 'quote', old.quote, 'base', old.base, 'group_id', old.group_id, 'speaker', old.speaker, 'said_at', old.said_at, 'title', old.title) FROM history_state;
END;

CREATE TRIGGER claim_tags_history_insert AFTER INSERT ON claim_tags
WHEN EXISTS (SELECT 1 FROM history_state s WHERE new.claim_seq <= s.claims_max)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'claim_tags', 'insert', json_object('claim_seq', new.claim_seq, 'tag', new.tag) FROM history_state;
END;

CREATE TRIGGER claim_tags_history_update AFTER UPDATE ON claim_tags
WHEN EXISTS (SELECT 1 FROM history_state)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'claim_tags', 'update', json_object('claim_seq', old.claim_seq, 'tag', old.tag) FROM history_state;
END;

CREATE TRIGGER claim_tags_history_delete AFTER DELETE ON claim_tags
WHEN EXISTS (SELECT 1 FROM history_state)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'claim_tags', 'delete', json_object('claim_seq', old.claim_seq, 'tag', old.tag) FROM history_state;
END;

CREATE TRIGGER relations_history_insert AFTER INSERT ON relations
WHEN EXISTS (SELECT 1 FROM history_state s WHERE new.from_seq <= s.claims_max AND new.to_seq <= s.claims_max)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'relations', 'insert', json_object('from_seq', new.from_seq, 'to_seq', new.to_seq) FROM history_state;
END;

CREATE TRIGGER relations_history_update AFTER UPDATE ON relations
WHEN EXISTS (SELECT 1 FROM history_state)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'relations', 'update', json_object('from_seq', old.from_seq, 'to_seq', old.to_seq, 'kind', old.kind, 'scheme', old.scheme) FROM history_state;
END;

CREATE TRIGGER relations_history_delete AFTER DELETE ON relations
WHEN EXISTS (SELECT 1 FROM history_state)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'relations', 'delete', json_object('from_seq', old.from_seq, 'to_seq', old.to_seq, 'kind', old.kind, 'scheme', old.scheme) FROM history_state;
END;

CREATE TRIGGER reconstruction_steps_history_insert AFTER INSERT ON reconstruction_steps
WHEN EXISTS (SELECT 1 FROM history_state s WHERE new.argument_seq <= s.claims_max AND new.claim_seq <= s.claims_max)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'reconstruction_steps', 'insert', json_object('argument_seq', new.argument_seq, 'step', new.step) FROM history_state;
END;

CREATE TRIGGER reconstruction_steps_history_update AFTER UPDATE ON reconstruction_steps
WHEN EXISTS (SELECT 1 FROM history_state)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'reconstruction_steps', 'update', json_object('argument_seq', old.argument_seq, 'step', old.step, 'claim_seq', old.claim_seq, 'inference', old.inference) FROM history_state;
END;

CREATE TRIGGER reconstruction_steps_history_delete AFTER DELETE ON reconstruction_steps
WHEN EXISTS (SELECT 1 FROM history_state)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'reconstruction_steps', 'delete', json_object('argument_seq', old.argument_seq, 'step', old.step, 'claim_seq', old.claim_seq, 'inference', old.inference) FROM history_state;
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
  SELECT entry, 'claim_members', 'update', json_object('claim_seq', old.claim_seq, 'member', old.member, 'text', old.text, 'position_id', old.position_id, 'group_id', old.group_id, 'tags', old.tags, 'source_id', old.source_id, 'comment', old.comment, 'quote', old.quote, 'speaker', old.speaker, 'said_at', old.said_at) FROM history_state;
END;

CREATE TRIGGER claim_members_history_delete AFTER DELETE ON claim_members
WHEN EXISTS (SELECT 1 FROM history_state)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'claim_members', 'delete', json_object('claim_seq', old.claim_seq, 'member', old.member, 'text', old.text, 'position_id', old.position_id, 'group_id', old.group_id, 'tags', old.tags, 'source_id', old.source_id, 'comment', old.comment, 'quote', old.quote, 'speaker', old.speaker, 'said_at', old.said_at) FROM history_state;
END;

CREATE TRIGGER map_info_history_insert AFTER INSERT ON map_info
WHEN EXISTS (SELECT 1 FROM history_state s WHERE 1)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'map_info', 'insert', json_object('key', new.key) FROM history_state;
END;

CREATE TRIGGER map_info_history_update AFTER UPDATE ON map_info
WHEN EXISTS (SELECT 1 FROM history_state)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'map_info', 'update', json_object('key', old.key, 'value', old.value) FROM history_state;
END;

CREATE TRIGGER map_info_history_delete AFTER DELETE ON map_info
WHEN EXISTS (SELECT 1 FROM history_state)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'map_info', 'delete', json_object('key', old.key, 'value', old.value) FROM history_state;
END;
