import ArgModel
import Foundation
import SQLiteKit
import Testing

@testable import ArgStore

/// Schema 7 remakes claims and claim_members with integer keys for positions and sources and
/// makes the full-text index smaller. A file made before it must come through whole.
@Suite struct CompactKeysMigrationTests {
  /// A version-6 file with a claim in a position, citing a source, stated in two wordings,
  /// linked and tagged, and a recorded edit of that claim made while version 6 was current.
  private func makeVersionSixFile(at path: String) throws {
    let database = try Database(path: path)
    try Migrator(
      Schema.files.prefix(6).enumerated().map { index, file in
        Migration(
          version: index + 1, name: file.name, sql: String(decoding: file.bytes, as: UTF8.self))
      }
    ).migrate(database)
    try database.execute(
      """
      INSERT INTO positions (id, title) VALUES ('first', 'First'), ('second', 'Second');
      INSERT INTO sources (id, title) VALUES ('thread', 'The thread');
      INSERT INTO claims (id, kind, text, position_id, source_id, comment, quote) VALUES
        ('a', 'statement', 'Refusals are not subversion, says the commenter.', 'first',
         'thread', 'C7', 'Refusals are not subversion.'),
        ('b', 'statement', 'Blackmail is subversion.', 'second', NULL, NULL, NULL);
      INSERT INTO claim_members (claim_seq, member, text, position_id, source_id, quote) VALUES
        (1, 1, 'Refusals are not subversion, says the commenter.', 'first', 'thread', 'x'),
        (1, 2, 'Refusing is no subversion.', 'second', 'thread', 'y');
      INSERT INTO relations (from_seq, to_seq, kind) VALUES (1, 2, 'rebuts');
      INSERT INTO claim_tags (claim_seq, tag) VALUES (1, 'thesis');
      INSERT INTO history (at, command) VALUES ('2026-12-01T00:00:00Z', 'argmap edit a');
      INSERT INTO history_state VALUES (1, 2, 2, 1, 0);
      UPDATE claims SET text = 'Edited.', position_id = 'second' WHERE id = 'a';
      DELETE FROM history_state;
      """)
  }

  @Test func aVersionSixFileKeepsEveryRowAndItsHistory() throws {
    try withTemporaryDirectory { folder in
      let path = folder.appendingPathComponent("v6.db").path
      try makeVersionSixFile(at: path)
      let store = try MapStore.open(path: path)
      #expect(try store.schemaVersion == Schema.latestVersion)
      // Nothing that refers to a claim went with the old table.
      #expect(try store.sqlInt("SELECT count(*) FROM relations") == 1)
      #expect(try store.sqlInt("SELECT count(*) FROM claim_tags") == 1)
      #expect(try store.sqlInt("SELECT count(*) FROM claim_members") == 2)
      #expect(try store.sqlInt("SELECT count(*) FROM pragma_foreign_key_check") == 0)
      let edited = try store.claim(id: "a")
      #expect(edited.position == "second")
      #expect(edited.provenance?.source == "thread")
      #expect(edited.members.map(\.position) == ["first", "second"])
      #expect(try store.sqlInt("PRAGMA foreign_keys") == 1)

      // The edit recorded under version 6 is undone in version 7's columns.
      try store.undo()
      let restored = try store.claim(id: "a")
      #expect(restored.text == "Refusals are not subversion, says the commenter.")
      #expect(restored.position == "first")
      #expect(restored.provenance?.quote == "Refusals are not subversion.")
    }
  }

  @Test func aPhraseMustStandInOrderAndWordsInAnyOrder() throws {
    try withTemporaryDirectory { folder in
      let path = folder.appendingPathComponent("v6.db").path
      try makeVersionSixFile(at: path)
      let store = try MapStore.open(path: path)
      try store.undo()
      #expect(try store.search("subversion refusals").map(\.claim.id) == ["a"])
      // Found through the quote, across its comma-free wording and the text's comma.
      #expect(try store.search("\"refusals are not subversion\"").map(\.claim.id) == ["a"])
      #expect(try store.search("\"subversion says the\"").map(\.claim.id) == ["a"])
      #expect(try store.search("\"subversion refusals\"").isEmpty)
      // The index no longer answers phrases itself: a raw phrase query says so.
      #expect(throws: StoreError.self) { try store.search("\"refusals are\"", raw: true) }
    }
  }

  @Test func removingAPositionOrSourceGoesByItsKey() throws {
    try withTemporaryDirectory { folder in
      let path = folder.appendingPathComponent("v6.db").path
      try makeVersionSixFile(at: path)
      let store = try MapStore.open(path: path)
      #expect(throws: StoreError.self) { try store.removePosition("second", withClaims: false) }
      #expect(try store.removeSource("thread", withClaims: true) == 1)
      #expect(try store.sqlInt("SELECT count(*) FROM claims") == 1)
      // The claim citing it went, and its wordings with it.
      #expect(
        try store.sqlInt("SELECT count(*) FROM claim_members WHERE source_seq IS NOT NULL") == 0)
    }
  }
}
