import Argmap
import Foundation
import Testing

/// Through the store and back: what a file says survives import, export and import again,
/// whatever format carries it.
@Suite struct RoundTripTests {
  static let publish = fixture("publish")
  /// Argdown's nodes: titles, members, nodes without words, an untitled argument, a self-attack.
  static let homework = fixture("homework")

  private static func fixture(_ name: String) -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/\(name).argdown")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  }

  /// The whole map a file set makes, read back from a new database.
  private func imported(_ files: [(name: String, text: String)]) throws -> ArgumentMap {
    try TestSupport.withTemporaryFolder { folder in
      for file in files { try TestSupport.write(file.text, to: "\(folder)/\(file.name)") }
      let choice = Workspace.DatabaseChoice(path: "\(folder)/map.db", isDefault: false)
      _ = try Workspace.importFiles(
        files.map { "\(folder)/\($0.name)" }, into: choice, replacing: false)
      return try MapStore.open(path: choice.path).map()
    }
  }

  @Test func theFixtureUsesEveryConstruct() throws {
    let map = try imported([("publish.argdown", Self.publish)])
    #expect(map.title == "Should the lab publish the blackmail result?")
    #expect(map.groups.map(\.id) == ["why-publish", "objections"])
    #expect(map.groups.last?.parent == "why-publish")
    #expect(map.reconstructions.count == 1)
    #expect(Set(map.relations.map(\.kind)) == [.supports, .rebuts, .undercuts, .contradicts])
    #expect(map.claim(withID: "press-panic")?.tags == ["media risk"])
  }

  @Test func theNodesFixtureKeepsTitlesMembersAndNodesWithoutWords() throws {
    let map = try imported([("homework.argdown", Self.homework)])
    let weekly = try #require(map.claim(withID: "weekly-work"))
    #expect(weekly.title == "Weekly Work")
    #expect(weekly.text == "A third wording, stated under another position.")
    #expect(weekly.members.map(\.position) == ["homework", "homework", "other"])
    #expect(weekly.members[0].tags == ["policy"])
    #expect(weekly.tags == ["other", "policy"])
    #expect(map.claim(withID: "rest-matters")?.text == "")
    #expect(map.claim(withID: "no-homework")?.text == "")
    #expect(map.claim(withID: "Practice")?.kind == .argument)
    #expect(map.claims.contains { $0.id.hasPrefix("argument-for-less-homework-") })
    #expect(map.relations.contains(Relation(from: "self-defeat", to: "self-defeat", kind: .rebuts)))
    #expect(
      map.claim(withID: "Quoted")?.text == "The survey says: Two in three students are tired.")
    #expect(
      map.sources == [Source(id: "teacher-survey-2024", title: "Teacher Survey 2024")])
  }

  @Test(arguments: ["argdown", "json"], ["publish", "homework"])
  func exportThenImportGivesTheSameMap(format: String, fixture: String) throws {
    let first = try imported([("\(fixture).argdown", Self.fixture(fixture))])
    let text = format == "argdown" ? ArgdownPrinter.print(first) : MapJSON.render(first)
    let second = try imported([("again.\(format)", text)])
    #expect(second == first)
  }

  /// argmap's AIF export keeps what AIF has no place for in keys of its own, and provenance as
  /// locutions, so the map comes back whole, ids unchanged: titles, members, nodes without
  /// words, groups, reconstructions, self-relations and all.
  @Test(arguments: ["publish", "homework"])
  func aifGivesTheSameMapBack(fixture: String) throws {
    let first = try imported([("\(fixture).argdown", Self.fixture(fixture))])
    let second = try imported([("\(fixture).json", AIFWriter.render(first))])
    #expect(MapJSON.render(second, pretty: true) == MapJSON.render(first, pretty: true))
  }

  /// The test: the built-in map through AIF into a new database gives the same
  /// `export json`, and importing the export into the map it came from changes nothing.
  @Test func theBuiltinMapSurvivesAIF() throws {
    try TestSupport.withTemporaryFolder { folder in
      let original = Workspace.DatabaseChoice(path: "\(folder)/builtin.db", isDefault: false)
      try Workspace.create(at: original.path, contents: .builtin, replacing: false)
      let map = try MapStore.open(path: original.path).map()
      #expect(map.claims.contains { $0.provenance?.quote != nil })
      try TestSupport.write(AIFWriter.render(map, pretty: true), to: "\(folder)/discussion.json")
      let copy = Workspace.DatabaseChoice(path: "\(folder)/copy.db", isDefault: false)
      let report = try Workspace.importFiles(
        ["\(folder)/discussion.json"], into: copy, replacing: false)
      #expect(report.warnings.isEmpty)
      #expect(
        MapJSON.render(try MapStore.open(path: copy.path).map(), pretty: true)
          == MapJSON.render(map, pretty: true))
      let again = try Workspace.importFiles(
        ["\(folder)/discussion.json"], into: original, replacing: false)
      #expect(again.summary.claimsAdded.isEmpty && again.summary.claimsUpdated.isEmpty)
      #expect(again.summary.relationsAdded.isEmpty && again.summary.positionsAdded.isEmpty)
      #expect(try MapStore.open(path: original.path).map() == map)
    }
  }

  @Test func theBuiltinCorpusSurvivesTheStoreAndArgdown() throws {
    let builtin = try BuiltinCorpus.map()
    let store = try MapStore.inMemory()
    try store.importMap(builtin)
    let exported = ArgdownPrinter.print(try store.map())
    #expect(try imported([("builtin.argdown", exported)]) == (try store.map()))
  }
}
