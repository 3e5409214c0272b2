import ArgModel
import Foundation
import SQLiteKit
import Testing

@testable import ArgStore

/// Runs `body` with a fresh directory under the system temp folder and removes it afterwards.
/// A closure rather than an object, so the directory cannot vanish before the body is done.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("argstore-tests-\(UUID().uuidString)", isDirectory: true)
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: url) }
  return try body(url)
}

func fileBytes(_ path: String) throws -> [UInt8] {
  try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
}

func directoryListing(_ url: URL) throws -> [String] {
  try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
}

/// A small map with every shape the queries care about, built in code so each test can see it.
///
/// ```
/// realism:   models-roleplay ⇐ realism-argument ⇐ contrived-setup ⇐ models-roleplay   (support cycle)
/// safety:    blackmail-is-harm ⇢ models-roleplay        (rebuts, across positions)
///            refusal-is-not-subversion ⇢ blackmail-is-harm
///            deployment-risk ⇢ refusal-is-not-subversion
///            lab-evidence ⇒ models-roleplay              (supports, across positions)
/// empty:     no claims
/// (none):    loose-end, isolated
/// ```
enum Fixture {
  /// Claims n0, n1, … where every claim supports every later one: no cycle, but exponentially
  /// many paths, to show that a walk visits claims rather than paths.
  static func denseSupportStore(claims count: Int) throws -> MapStore {
    let store = try MapStore.inMemory()
    let ids = (0..<count).map { "n\($0)" }
    var relations: [Relation] = []
    for i in ids.indices {
      for j in ids.indices where j > i {
        relations.append(Relation(from: ids[i], to: ids[j], kind: .supports))
      }
    }
    try store.importMap(
      ArgumentMap(claims: ids.map { Claim(id: $0, text: $0) }, relations: relations))
    return store
  }

  static let realism = Position(
    id: "realism", title: "Realism critique", summary: "The scenario is not realistic")
  static let safety = Position(id: "safety", title: "Safety case")
  static let empty = Position(id: "empty-position", title: "Nothing here yet")

  static let modelsRoleplay = Claim(
    id: "models-roleplay", text: "Models roleplay the scenario they are given", position: "realism",
    tags: ["framing"],
    provenance: Provenance(source: "discussion", comment: "C1", quote: "just roleplay"))
  static let contrivedSetup = Claim(
    id: "contrived-setup", text: "The setup is contrived and unrealistic", position: "realism",
    tags: ["realism", "framing"],
    provenance: Provenance(source: "discussion", comment: "C2", quote: "contrived"))
  static let realismArgument = Claim(
    id: "realism-argument", kind: .argument,
    text: "Contrived setups tell us little about deployment", position: "realism",
    provenance: Provenance(source: "discussion", comment: "C2"))
  static let refusal = Claim(
    id: "refusal-is-not-subversion", text: "A refusal to obey is not subversion",
    position: "safety",
    provenance: Provenance(source: "discussion", comment: "C3", quote: "refusal"))
  static let blackmail = Claim(
    id: "blackmail-is-harm", text: "Blackmail is real harm whatever the motive", position: "safety",
    tags: ["ethics"], provenance: Provenance(source: "blog", comment: "C1", quote: "real harm"))
  static let deploymentRisk = Claim(
    id: "deployment-risk", text: "Deployment risk grows with autonomy", position: "safety")
  static let looseEnd = Claim(
    id: "loose-end", text: "A naïve remark about benchmarks that nobody answered")
  static let labEvidence = Claim(
    id: "lab-evidence", text: "Lab evidence shows models refuse harmful orders",
    position: "safety", tags: ["evidence"],
    provenance: Provenance(source: "discussion", comment: "C3", quote: "lab"))

  static let claims = [
    modelsRoleplay, contrivedSetup, realismArgument, refusal, blackmail, deploymentRisk, looseEnd,
    labEvidence,
  ]

  static let relations = [
    Relation(from: "contrived-setup", to: "realism-argument", kind: .supports),
    Relation(from: "realism-argument", to: "models-roleplay", kind: .supports),
    Relation(from: "models-roleplay", to: "contrived-setup", kind: .supports),
    Relation(from: "blackmail-is-harm", to: "models-roleplay", kind: .rebuts),
    Relation(from: "refusal-is-not-subversion", to: "blackmail-is-harm", kind: .rebuts),
    Relation(from: "deployment-risk", to: "refusal-is-not-subversion", kind: .rebuts),
    Relation(from: "lab-evidence", to: "models-roleplay", kind: .supports),
  ]

  static let map = ArgumentMap(
    positions: [realism, safety, empty], claims: claims, relations: relations)

  /// An in-memory store holding `map`.
  static func store() throws -> MapStore {
    let store = try MapStore.inMemory()
    try store.importMap(map)
    return store
  }
}

extension MapStore {
  /// Every row of every table (FTS shadow tables included), the schema itself and the header
  /// pragmas, as text: two equal dumps mean the database content is the same.
  func dump() throws -> [String] {
    try storeErrors {
      var lines = [
        "user_version=\(try database.scalarInt("PRAGMA user_version") ?? -1)",
        "application_id=\(try database.scalarInt("PRAGMA application_id") ?? -1)",
      ]
      let schema = try database.prepare(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name"
      ).map { row in (0..<4).map { row.value($0) } }
      lines += schema.map { "schema \($0)" }
      let tables = try database.prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"
      ).map { $0.string(0) }
      for table in tables {
        let rows = try database.prepare("SELECT * FROM \"\(table)\"").map { row in
          "\(table) \((0..<row.columnCount).map { row.value($0) })"
        }
        lines += rows.sorted()
      }
      return lines
    }
  }

  /// Runs raw SQL against the store's connection, for tests that attack the schema directly.
  func sql(_ text: String, _ values: [any SQLBindable] = []) throws {
    try storeErrors { try database.run(text, values) }
  }

  func sqlInt(_ text: String, _ values: [any SQLBindable] = []) throws -> Int? {
    try storeErrors { try database.scalarInt(text, values) }
  }

  func relationKinds() throws -> [String: RelationKind] {
    var kinds: [String: RelationKind] = [:]
    for relation in try map().relations { kinds["\(relation.from)>\(relation.to)"] = relation.kind }
    return kinds
  }
}

/// The SQLite error inside a store error, to compare codes.
extension StoreError {
  var sqliteError: SQLiteError? {
    if case .sqlite(let error) = self { error } else { nil }
  }
}

enum ResultCode {
  static let error: Int32 = 1
  static let constraint: Int32 = 19
  static let constraintCheck: Int32 = 275
  static let constraintForeignKey: Int32 = 787
  static let constraintPrimaryKey: Int32 = 1555
  static let constraintUnique: Int32 = 2067
  static let constraintDatatype: Int32 = 3091
}
