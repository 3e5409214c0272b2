import ArgModel
import Testing

@testable import ArgStore

/// An import stages its relations with the place each was written and resolves them in SQL at
/// the end: what the resolution refuses is reported at that place, and nothing is written.
@Suite struct StagedRelationTests {
  private func storeWithTwoClaims() throws -> MapStore {
    let store = try MapStore.inMemory()
    try store.importMap(
      ArgumentMap(claims: [
        Claim(id: "a", kind: .statement, text: "A."), Claim(id: "b", kind: .statement, text: "B."),
      ]))
    return store
  }

  private func problems(in store: MapStore, _ body: (MapImport) throws -> Void) throws
    -> [ImportProblems.Problem]
  {
    do {
      try store.database.transaction { _ = try store.importing(body) }
    } catch let found as ImportProblems {
      return found.problems
    }
    Issue.record("expected the import to be refused")
    return []
  }

  @Test func anUnresolvedReferenceIsReportedWhereItWasWrittenAndChangesNothing() throws {
    let store = try storeWithTwoClaims()
    let before = try store.map()
    let found = try problems(in: store) { writer in
      try writer.write(ArgumentMap(claims: [Claim(id: "c", kind: .statement, text: "C.")]))
      try writer.stage(
        Relation(from: "c", to: "a", kind: .supports),
        at: SourceLocation(file: "one.argdown", line: 2, column: 3))
      try writer.stage(
        Relation(from: "c", to: "nowhere", kind: .rebuts),
        at: SourceLocation(file: "two.argdown", line: 7, column: 5))
    }
    #expect(found.map(\.description) == ["two.argdown:7:5: no claim with id 'nowhere'"])
    #expect(try store.map() == before)
  }

  /// Two statements of one pair with opposite kinds, in two files, are found by the resolution
  /// and reported at the later one with a note at the first.
  @Test func aPairRelatedTwoWaysIsReportedAtBothPlaces() throws {
    let store = try storeWithTwoClaims()
    let before = try store.map()
    let found = try problems(in: store) { writer in
      try writer.stage(
        Relation(from: "a", to: "b", kind: .supports),
        at: SourceLocation(file: "one.argdown", line: 2, column: 3))
      try writer.stage(
        Relation(from: "a", to: "b", kind: .rebuts),
        at: SourceLocation(file: "two.argdown", line: 4, column: 3))
    }
    #expect(found.map(\.description) == ["two.argdown:4:3: 'a' both supports and rebuts 'b'"])
    #expect(found.first?.note?.origin.description == "one.argdown:2:3")
    #expect(try store.map() == before)
  }

  /// Duplicates and a symmetric relation stated both ways are written once; a symmetric one
  /// whose pair holds another kind takes the pair's other way, as `link` does.
  @Test func duplicatesAndSymmetricRelationsAreMergedAsBefore() throws {
    let store = try storeWithTwoClaims()
    let summary = try store.database.transaction {
      try store.importing { writer in
        for relation in [
          Relation(from: "a", to: "b", kind: .supports),
          Relation(from: "a", to: "b", kind: .supports),
          Relation(from: "a", to: "b", kind: .contradicts),
          Relation(from: "b", to: "a", kind: .contradicts),
        ] {
          try writer.stage(relation, at: SourceLocation(file: "f.argdown", line: 1, column: 1))
        }
      }
    }
    #expect(summary.relationsAddedCount == 2)
    #expect(
      Set(try store.map().relations) == [
        Relation(from: "a", to: "b", kind: .supports),
        Relation(from: "b", to: "a", kind: .contradicts),
      ])
  }
}
