import ArgModel
import SQLiteKit
import Testing

@testable import ArgStore

/// Attacks the schema with raw SQL: the rules must hold even for writes that bypass MapStore.
@Suite("Schema constraints")
struct ConstraintTests {
  private func expectConstraint(
    _ extendedCode: Int32, sourceLocation: Testing.SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
  ) {
    let error = #expect(throws: StoreError.self, sourceLocation: sourceLocation) { try body() }
    #expect(
      error?.sqliteError?.code == ResultCode.constraint, "\(String(describing: error))",
      sourceLocation: sourceLocation)
    #expect(
      error?.sqliteError?.extendedCode == extendedCode, "\(String(describing: error))",
      sourceLocation: sourceLocation)
  }

  private func seq(_ store: MapStore, _ id: String) throws -> Int {
    try #require(try store.sqlInt("SELECT seq FROM claims WHERE id = ?", [id]))
  }

  @Test func strictTablesRefuseValuesOfTheWrongType() throws {
    let store = try Fixture.store()
    let before = try store.dump()
    expectConstraint(ResultCode.constraintDatatype) {
      try store.sql(
        "INSERT INTO claims (id, kind, text) VALUES ('x', 'statement', ?)", [SQLValue.blob([1])])
    }
    expectConstraint(ResultCode.constraintDatatype) {
      try store.sql(
        "INSERT INTO relations (from_seq, to_seq, kind) VALUES ('one', 'two', 'supports')")
    }
    expectConstraint(ResultCode.constraintDatatype) {
      try store.sql("INSERT INTO claim_tags VALUES (1.5, 'tag')")
    }
    expectConstraint(ResultCode.constraintDatatype) {
      try store.sql("INSERT INTO positions (id, title) VALUES ('p', ?)", [SQLValue.blob([0])])
    }
    #expect(try store.dump() == before)
  }

  @Test func relationKindsAreChecked() throws {
    let store = try Fixture.store()
    let from = try seq(store, "loose-end")
    let to = try seq(store, "models-roleplay")
    for kind in ["attacks", "Supports", "", "support"] {
      expectConstraint(ResultCode.constraintCheck) {
        try store.sql(
          "INSERT INTO relations (from_seq, to_seq, kind) VALUES (?, ?, ?)", [from, to, kind])
      }
    }
    expectConstraint(ResultCode.constraintCheck) {
      try store.sql("UPDATE relations SET kind = 'attacks'")
    }
    #expect(try store.sqlInt("SELECT count(*) FROM relations WHERE kind = 'attacks'") == 0)
  }

  @Test func claimKindsAndIdsAreChecked() throws {
    let store = try Fixture.store()
    expectConstraint(ResultCode.constraintCheck) {
      try store.sql("INSERT INTO claims (id, kind, text) VALUES ('x', 'opinion', 't')")
    }
    expectConstraint(ResultCode.constraintCheck) {
      try store.sql("INSERT INTO claims (id, kind, text) VALUES ('', 'statement', 't')")
    }
    expectConstraint(ResultCode.constraintCheck) {
      try store.sql("INSERT INTO positions (id, title) VALUES ('', 't')")
    }
    expectConstraint(ResultCode.constraintCheck) {
      try store.sql("INSERT INTO claim_tags VALUES (1, '')")
    }
  }

  @Test func aCommentOrQuoteNeedsASource() throws {
    let store = try Fixture.store()
    expectConstraint(ResultCode.constraintCheck) {
      try store.sql(
        "INSERT INTO claims (id, kind, text, quote) VALUES ('x', 'statement', 't', 'q')")
    }
    expectConstraint(ResultCode.constraintCheck) {
      try store.sql(
        "INSERT INTO claims (id, kind, text, comment) VALUES ('x', 'statement', 't', 'C1')")
    }
  }

  @Test func duplicatesAreImpossible() throws {
    let store = try Fixture.store()
    let from = try seq(store, "contrived-setup")
    let to = try seq(store, "realism-argument")
    // The same relation again, or the same pair with the other kind.
    for kind in ["supports", "rebuts"] {
      expectConstraint(ResultCode.constraintPrimaryKey) {
        try store.sql(
          "INSERT INTO relations (from_seq, to_seq, kind) VALUES (?, ?, ?)", [from, to, kind])
      }
    }
    expectConstraint(ResultCode.constraintUnique) {
      try store.sql("INSERT INTO claims (id, kind, text) VALUES ('loose-end', 'statement', 't')")
    }
    expectConstraint(ResultCode.constraintUnique) {
      try store.sql("INSERT INTO positions (id, title) VALUES ('realism', 't')")
    }
    expectConstraint(ResultCode.constraintPrimaryKey) {
      try store.sql("INSERT INTO claim_tags VALUES (?, 'realism')", [from])
    }
  }

  /// Schema 4 lets a claim relate to itself (Argdown's self-attacks); a member row still needs
  /// a source for its provenance, as a claim does.
  @Test func selfRelationsAreStoredAndMembersNeedTheirSource() throws {
    let store = try Fixture.store()
    let claim = try seq(store, "loose-end")
    try store.sql(
      "INSERT INTO relations (from_seq, to_seq, kind) VALUES (?, ?, 'rebuts')", [claim, claim])
    expectConstraint(ResultCode.constraintCheck) {
      try store.sql(
        "INSERT INTO claim_members (claim_seq, member, text, comment) VALUES (?, 1, 'x', 'C1')",
        [claim])
    }
  }

  @Test func foreignKeysHold() throws {
    let store = try Fixture.store()
    let claim = try seq(store, "loose-end")
    expectConstraint(ResultCode.constraintForeignKey) {
      try store.sql(
        "INSERT INTO relations (from_seq, to_seq, kind) VALUES (?, 9999, 'supports')", [claim])
    }
    expectConstraint(ResultCode.constraintForeignKey) {
      try store.sql("INSERT INTO claim_tags VALUES (9999, 'tag')")
    }
    expectConstraint(ResultCode.constraintForeignKey) {
      try store.sql(
        "INSERT INTO claims (id, kind, text, position_seq) VALUES ('x', 'statement', 't', 9999)")
    }
    expectConstraint(ResultCode.constraintForeignKey) {
      try store.sql(
        "INSERT INTO claims (id, kind, text, source_seq) VALUES ('x', 'statement', 't', 9999)")
    }
    // A position with claims cannot be deleted from under them.
    expectConstraint(ResultCode.constraintForeignKey) {
      try store.sql("DELETE FROM positions WHERE id = 'realism'")
    }
  }

  @Test func renamingAPositionCarriesItsClaims() throws {
    let store = try Fixture.store()
    try store.sql("UPDATE positions SET id = 'realism-critique' WHERE id = 'realism'")
    #expect(
      try store.claims(inPosition: "realism-critique").map(\.id)
        == ["models-roleplay", "contrived-setup", "realism-argument"])
  }

  @Test func deletingAClaimCascadesToItsRelationsAndTags() throws {
    let store = try Fixture.store()
    let claim = try seq(store, "models-roleplay")
    #expect(try store.sqlInt("SELECT count(*) FROM relations") == 7)
    try store.sql("DELETE FROM claims WHERE seq = ?", [claim])
    // It took part in four: realism-argument and lab-evidence support it, blackmail-is-harm
    // rebuts it, and it supports contrived-setup.
    #expect(
      try store.sqlInt(
        "SELECT count(*) FROM relations WHERE from_seq = ?1 OR to_seq = ?1", [claim]) == 0)
    #expect(try store.sqlInt("SELECT count(*) FROM relations") == 3)
    #expect(try store.sqlInt("SELECT count(*) FROM claim_tags WHERE claim_seq = ?", [claim]) == 0)
    // Other claims keep their tags.
    #expect(try store.claim(id: "contrived-setup").tags == ["framing", "realism"])
    #expect(try store.sqlInt("PRAGMA foreign_key_check") == nil)
  }

  @Test func theSearchIndexFollowsInsertUpdateAndDelete() throws {
    let store = try Fixture.store()
    #expect(try store.search("zeppelin").isEmpty)

    try store.sql(
      "INSERT INTO claims (id, kind, text) VALUES ('airship', 'statement', 'A zeppelin is slow')")
    #expect(try store.search("zeppelin").map(\.claim.id) == ["airship"])

    try store.sql("UPDATE claims SET text = 'A balloon drifts' WHERE id = 'airship'")
    #expect(try store.search("zeppelin").isEmpty)
    #expect(try store.search("balloon").map(\.claim.id) == ["airship"])

    // Renaming the id re-indexes it too.
    try store.sql("UPDATE claims SET id = 'dirigible' WHERE id = 'airship'")
    #expect(try store.search("airship").isEmpty)
    #expect(try store.search("dirigible").map(\.claim.id) == ["dirigible"])

    // Other columns do not disturb the index.
    try store.sql("UPDATE claims SET kind = 'argument' WHERE id = 'dirigible'")
    #expect(try store.search("balloon").map(\.claim.id) == ["dirigible"])

    try store.sql("DELETE FROM claims WHERE id = 'dirigible'")
    #expect(try store.search("balloon").isEmpty)
    #expect(try store.search("dirigible").isEmpty)
    try store.sql("INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')")
  }

  @Test func theSearchIndexFollowsTheStoreAPI() throws {
    let store = try Fixture.store()
    var map = Fixture.map
    map.claims[6].text = "A remark about leaderboards"
    try store.importMap(map)
    #expect(try store.search("benchmarks").isEmpty)
    #expect(try store.search("leaderboards").map(\.claim.id) == ["loose-end"])
    try store.removeClaim(id: "loose-end")
    #expect(try store.search("leaderboards").isEmpty)
    try store.sql("INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')")
  }
}
