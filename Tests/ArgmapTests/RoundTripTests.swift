import Argmap
import Foundation
import Testing

/// Through the store and back: what a file says survives import, export and import again,
/// whatever format carries it.
@Suite struct RoundTripTests {
  static let publish: String = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/publish.argdown")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  }()

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

  @Test(arguments: ["argdown", "json"])
  func exportThenImportGivesTheSameMap(format: String) throws {
    let first = try imported([("publish.argdown", Self.publish)])
    let text = format == "argdown" ? ArgdownPrinter.print(first) : MapJSON.render(first)
    let second = try imported([("again.\(format)", text)])
    #expect(second == first)
  }

  @Test func theBuiltinCorpusSurvivesTheStoreAndArgdown() throws {
    let builtin = try BuiltinCorpus.map()
    let store = try MapStore.inMemory()
    try store.importMap(builtin)
    let exported = ArgdownPrinter.print(try store.map())
    #expect(try imported([("builtin.argdown", exported)]) == (try store.map()))
  }
}
