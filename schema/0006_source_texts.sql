-- argmap schema, version 6: the texts claims are drawn from, so quotes can be checked.
--   * a source may keep its whole text;
--   * the comments of a source may have line spans (a comment quoted again later has several);
--   * search matches a claim's title, quote and speaker as well as its id and text.

ALTER TABLE sources ADD COLUMN text TEXT;

-- Lines are counted from 1 in the source's text, both ends included.
CREATE TABLE comment_spans (
  source_seq INTEGER NOT NULL REFERENCES sources (seq) ON DELETE CASCADE,
  comment    TEXT NOT NULL CHECK (length(comment) > 0),
  first_line INTEGER NOT NULL CHECK (first_line >= 1),
  last_line  INTEGER NOT NULL CHECK (last_line >= first_line),
  PRIMARY KEY (source_seq, comment, first_line)
) STRICT, WITHOUT ROWID;

-- FTS5 cannot add a column, so the index is made again with the new ones and rebuilt from the
-- claims. The column order is the one search's snippet and bm25 weights name.
DROP TRIGGER claims_fts_insert;
DROP TRIGGER claims_fts_delete;
DROP TRIGGER claims_fts_update;
DROP TABLE claims_fts;

CREATE VIRTUAL TABLE claims_fts USING fts5 (
  id, text, title, quote, speaker,
  content = 'claims', content_rowid = 'seq',
  tokenize = 'porter unicode61 remove_diacritics 2'
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

-- History (version 5) keeps whole rows as they were: its triggers on sources are made again
-- with the new column, and comment spans get triggers of their own, so undo restores them.
DROP TRIGGER sources_history_update;
DROP TRIGGER sources_history_delete;

CREATE TRIGGER sources_history_update AFTER UPDATE ON sources
WHEN EXISTS (SELECT 1 FROM history_state)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'sources', 'update', json_object('seq', old.seq, 'id', old.id, 'title', old.title, 'url', old.url, 'text', old.text) FROM history_state;
END;

CREATE TRIGGER sources_history_delete AFTER DELETE ON sources
WHEN EXISTS (SELECT 1 FROM history_state)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'sources', 'delete', json_object('seq', old.seq, 'id', old.id, 'title', old.title, 'url', old.url, 'text', old.text) FROM history_state;
END;

-- Spans of a source added by the same write go with it when its range is deleted.
CREATE TRIGGER comment_spans_history_insert AFTER INSERT ON comment_spans
WHEN EXISTS (SELECT 1 FROM history_state s WHERE new.source_seq <= s.sources_max)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'comment_spans', 'insert', json_object('source_seq', new.source_seq, 'comment', new.comment, 'first_line', new.first_line) FROM history_state;
END;

CREATE TRIGGER comment_spans_history_update AFTER UPDATE ON comment_spans
WHEN EXISTS (SELECT 1 FROM history_state)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'comment_spans', 'update', json_object('source_seq', old.source_seq, 'comment', old.comment, 'first_line', old.first_line, 'last_line', old.last_line) FROM history_state;
END;

CREATE TRIGGER comment_spans_history_delete AFTER DELETE ON comment_spans
WHEN EXISTS (SELECT 1 FROM history_state)
BEGIN
  INSERT INTO history_log (entry, tbl, op, row)
  SELECT entry, 'comment_spans', 'delete', json_object('source_seq', old.source_seq, 'comment', old.comment, 'first_line', old.first_line, 'last_line', old.last_line) FROM history_state;
END;
