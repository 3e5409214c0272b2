import ArgModel
import SQLiteKit
import Testing

@testable import ArgStore

/// Every write is recorded and undone exactly: after `undo`, every table holds what it held
/// before the write, row for row, and the full-text index agrees with the claims; `redo` puts
/// the write back as it was.
@Suite struct HistoryTests {
  /// Every table's rows, sorted, but the history's own and the full-text index's internals
  /// (FTS5 keeps deleted entries until it merges segments); the index is checked separately.
  private func contents(_ store: MapStore) throws -> [String] {
    try store.dump().filter { line in
      !line.hasPrefix("schema ") && !line.hasPrefix("history") && !line.hasPrefix("claims_fts")
    }
  }

  private func expectIndexAgrees(_ store: MapStore) throws {
    try store.sql("INSERT INTO claims_fts (claims_fts, rank) VALUES ('integrity-check', 1)")
  }

  /// A second file, with a title, a group, members, a reconstruction and a self-attack.
  private static let secondFile = ArgumentMap(
    title: "Another title",
    positions: [Position(id: "extra", title: "Extra")],
    groups: [Group(id: "g", title: "G", position: "extra")],
    claims: [
      Claim(
        id: "x", text: "X two.", position: "extra", group: "g", tags: ["t"],
        provenance: Provenance(source: "new-source", comment: "C9"), title: "X",
        members: [
          ClaimMember(text: "X one.", position: "extra"),
          ClaimMember(text: "X two.", position: "extra", group: "g"),
        ]),
      Claim(id: "arg", kind: .argument, text: "", position: "extra"),
      Claim(id: "c", text: "C.", position: "extra"),
    ],
    relations: [
      Relation(from: "x", to: "arg", kind: .supports),
      Relation(from: "arg", to: "c", kind: .supports),
      Relation(from: "arg", to: "arg", kind: .rebuts),
      Relation(from: "x", to: "loose-end", kind: .contradicts),
      Relation(from: "c", to: "models-roleplay", kind: .rebuts),
    ],
    reconstructions: [
      Reconstruction(argument: "arg", steps: [.init(claim: "x"), .init(claim: "c", inference: "")])
    ])

  /// Each write command's store call, on the fixture map.
  static let writes: [(label: String, write: @Sendable (MapStore) throws -> Void)] = [
    ("add position", { try $0.addPosition(Position(id: "p2", title: "P2", summary: "S")) }),
    (
      "add claim",
      {
        try $0.addClaim(
          Claim(
            id: "new", text: "New.", position: "safety", tags: ["a", "b"],
            provenance: Provenance(source: "fresh", comment: "C1", speaker: "Ann"), title: "New"))
      }
    ),
    ("link", { try $0.link(Relation(from: "loose-end", to: "deployment-risk", kind: .rebuts)) }),
    ("unlink", { try $0.unlink(from: "refusal-is-not-subversion", to: "blackmail-is-harm") }),
    (
      "edit claim",
      {
        var edit = ClaimEdit()
        edit.text = "Edited."
        edit.position = "safety"
        edit.addedTags = ["new"]
        edit.removedTags = ["framing"]
        edit.quote = ""
        edit.title = "A Title"
        try $0.editClaim("models-roleplay", edit)
      }
    ),
    ("rename claim", { try $0.rename(.claim, from: "models-roleplay", to: "roleplay") }),
    ("rename position", { try $0.rename(.position, from: "realism", to: "realism-2") }),
    ("rename source", { try $0.rename(.source, from: "discussion", to: "thread") }),
    ("remove claim", { try $0.removeClaim(id: "models-roleplay") }),
    ("remove position", { try $0.removePosition("realism", withClaims: true) }),
    ("remove source", { try $0.removeSource("discussion", withClaims: true) }),
    ("title", { try $0.setTitle("A map") }),
    ("import", { try $0.importMap(secondFile) }),
    ("import replacing", { try $0.importMap(Fixture.map, replacingPositions: true) }),
    (
      "import of two files, one replacing a position",
      {
        var map = secondFile
        map.positions.append(Fixture.realism)
        map.claims.append(
          Claim(id: "models-roleplay", text: "Models roleplay, restated.", position: "realism"))
        try $0.importMap(map, replacingPositions: true, replacingTitle: true)
      }
    ),
  ]

  @Test(arguments: writes.indices)
  func undoRestoresEveryTableAndRedoTheWrite(index: Int) throws {
    let (label, write) = Self.writes[index]
    let store = try Fixture.store()
    try store.setTitle("Fixture")
    let before = try contents(store)
    try store.recording(label) { try write(store) }
    let written = try contents(store)
    #expect(written != before, "\(label) changed nothing")
    let undo = try store.undo()
    #expect(try contents(store) == before, "\(label)")
    try expectIndexAgrees(store)
    #expect(undo.undoes != nil)
    try store.redo()
    #expect(try contents(store) == written, "\(label)")
    try expectIndexAgrees(store)
  }

  @Test func aWriteThatChangesNothingLeavesNoEntry() throws {
    let store = try Fixture.store()
    try store.recording("import again") { try store.importMap(Fixture.map) }
    #expect(try store.history().isEmpty)
  }

  @Test func aFailedWriteLeavesNoEntry() throws {
    let store = try Fixture.store()
    #expect(throws: StoreError.self) {
      try store.recording("link") {
        try store.link(Relation(from: "loose-end", to: "nowhere", kind: .rebuts))
      }
    }
    #expect(try store.history().isEmpty)
  }

  @Test func undoWalksBackAndRedoWalksForward() throws {
    let store = try Fixture.store()
    let start = try contents(store)
    try store.recording("one") { try store.setTitle("One") }
    let afterOne = try contents(store)
    try store.recording("two") {
      try store.link(Relation(from: "loose-end", to: "deployment-risk", kind: .rebuts))
    }
    let afterTwo = try contents(store)
    try store.undo()
    #expect(try contents(store) == afterOne)
    try store.undo()
    #expect(try contents(store) == start)
    #expect(throws: StoreError.refused("nothing to undo")) { try store.undo() }
    try store.redo()
    #expect(try contents(store) == afterOne)
    try store.redo()
    #expect(try contents(store) == afterTwo)
    #expect(throws: StoreError.refused("nothing to redo")) { try store.redo() }
    let history = try store.history()
    // Each redo reverts the latest standing undo: first #4, the undo of #1.
    #expect(history.map(\.command) == ["redo #3", "redo #4", "undo #1", "undo #2", "two", "one"])
    #expect(history.last?.undoneBy == 4)
  }

  @Test func aWriteThatLaterWritesBuildOnIsRefused() throws {
    let store = try Fixture.store()
    try store.recording("add") {
      try store.addClaim(Claim(id: "new", text: "New.", position: "safety"))
    }
    try store.recording("link") {
      try store.link(Relation(from: "new", to: "loose-end", kind: .rebuts))
    }
    let before = try contents(store)
    #expect(throws: StoreError.self) { try store.undo(1) }
    let error = #expect(throws: StoreError.self) { try store.undo(1) }
    #expect(error?.description.contains("#2") == true)
    #expect(try contents(store) == before)
    // Once the later write is undone, the earlier one can be.
    try store.undo(2)
    try store.undo(1)
    #expect(try store.claims().contains { $0.id == "new" } == false)
  }

  @Test func anUndoneWriteCannotBeUndoneAgain() throws {
    let store = try Fixture.store()
    try store.recording("title") { try store.setTitle("T") }
    try store.undo(1)
    let error = #expect(throws: StoreError.self) { try store.undo(1) }
    #expect(error?.description.contains("already undone") == true)
  }

  /// A million-claim import must not pay for its history row by row: what it inserted is one
  /// range per table.
  @Test func anImportRecordsItsNewRowsAsRanges() throws {
    let store = try MapStore.inMemory()
    let claims = (0..<2_000).map { Claim(id: "c\($0)", text: "Claim \($0).", tags: ["t"]) }
    let relations = (1..<2_000).map { Relation(from: "c\($0)", to: "c\($0 - 1)", kind: .supports) }
    try store.recording("import") {
      try store.importMap(ArgumentMap(claims: claims, relations: relations))
    }
    #expect(try store.sqlInt("SELECT count(*) FROM history_log") == 0)
    #expect(try store.sqlInt("SELECT count(*) FROM history_ranges") == 1)
    #expect(
      try store.history().first?.changes == [
        .init(what: "claims", added: 2_000, changed: 0, removed: 0)
      ])
    try store.undo()
    #expect(try store.sqlInt("SELECT count(*) FROM claims") == 0)
    #expect(try store.sqlInt("SELECT count(*) FROM relations") == 0)
  }
}
