import ArgModel
import Foundation
import SQLiteKit
import Testing

@testable import ArgStore

/// Schema version 3: what other tools' maps carry (groups, reconstructions, every relation kind,
/// schemes, speakers and times, the map's title) survives the store.
@Suite struct InterchangeStoreTests {
  static let map = ArgumentMap(
    title: "A test map",
    sources: [Source(id: "nodeset1", title: "AIFdb node set 1")],
    positions: [Position(id: "p", title: "Position")],
    groups: [
      Group(id: "outer", title: "Outer", position: "p"),
      Group(id: "inner", title: "Inner", position: "p", parent: "outer"),
    ],
    claims: [
      Claim(id: "thesis", text: "The thesis.", position: "p"),
      Claim(id: "arg", kind: .argument, text: "An argument.", position: "p", group: "outer"),
      Claim(id: "premise", text: "A premise.", position: "p", group: "inner"),
      Claim(
        id: "said", text: "Something said.", position: "p",
        provenance: Provenance(
          source: "nodeset1", comment: "L12", quote: "said it", speaker: "Bob",
          time: "2019-05-01 10:00:00")),
      Claim(id: "undercutter", text: "The inference fails.", position: "p"),
      Claim(id: "rival", text: "The opposite.", position: "p"),
    ],
    relations: [
      Relation(from: "premise", to: "arg", kind: .supports),
      Relation(from: "arg", to: "thesis", kind: .supports, scheme: "Argument From Example"),
      Relation(from: "undercutter", to: "arg", kind: .undercuts),
      Relation(from: "rival", to: "thesis", kind: .contradicts),
      Relation(from: "said", to: "premise", kind: .rephrases),
      Relation(from: "thesis", to: "said", kind: .prefers, scheme: "Preference"),
    ],
    reconstructions: [
      Reconstruction(
        argument: "arg",
        steps: [.init(claim: "premise"), .init(claim: "thesis", inference: "Modus ponens")])
    ])

  @Test func everythingComesBackAsImported() throws {
    let store = try MapStore.inMemory()
    try store.importMap(Self.map)
    let stored = try store.map()
    #expect(stored.title == Self.map.title)
    #expect(stored.groups == Self.map.groups)
    #expect(stored.claims == Self.map.claims)
    #expect(Set(stored.relations) == Set(Self.map.relations))
    #expect(stored.reconstructions == Self.map.reconstructions)
  }

  @Test func aSymmetricRelationIsStoredOnce() throws {
    let store = try MapStore.inMemory()
    try store.importMap(Self.map)
    let summary = try store.importMap(
      ArgumentMap(relations: [Relation(from: "thesis", to: "rival", kind: .contradicts)]))
    #expect(summary.relationsAdded.isEmpty)
    #expect(try store.link(Relation(from: "thesis", to: "rival", kind: .contradicts)) == false)
    #expect(try store.map().relations.filter { $0.kind == .contradicts }.count == 1)
  }

  @Test func aSchemeIsUpdatedWhenNamedAndKeptWhenNot() throws {
    let store = try MapStore.inMemory()
    try store.importMap(Self.map)
    try store.importMap(
      ArgumentMap(relations: [Relation(from: "arg", to: "thesis", kind: .supports)]))
    #expect(try scheme(store, "arg", "thesis") == "Argument From Example")
    try store.importMap(
      ArgumentMap(relations: [
        Relation(from: "arg", to: "thesis", kind: .supports, scheme: "Argument From Analogy")
      ]))
    #expect(try scheme(store, "arg", "thesis") == "Argument From Analogy")
  }

  /// The tree reads symmetric relations from either side without walking straight back, and
  /// lists supports before attacks.
  @Test func theTreeFollowsContradictionsOnceAndInReadingOrder() throws {
    let store = try MapStore.inMemory()
    try store.importMap(Self.map)
    let lines = try store.tree(rootID: "rival").map {
      "\($0.depth) \($0.relation?.rawValue ?? "-") \($0.claim.id)\($0.closesCycle ? " cycle" : "")"
    }
    #expect(
      lines == [
        "0 - rival", "1 contradicts thesis", "2 supports arg", "3 supports premise",
        "4 rephrases said", "5 prefers thesis cycle", "3 undercuts undercutter",
      ])
  }

  @Test func aReconstructionIsReplacedWhole() throws {
    let store = try MapStore.inMemory()
    try store.importMap(Self.map)
    let shorter = Reconstruction(
      argument: "arg", steps: [.init(claim: "said"), .init(claim: "thesis", inference: "")])
    try store.importMap(ArgumentMap(reconstructions: [shorter]))
    #expect(try store.map().reconstructions == [shorter])
  }

  @Test func rebuildingAPositionDropsItsGroups() throws {
    let store = try MapStore.inMemory()
    try store.importMap(Self.map)
    var rebuilt = ArgumentMap(
      positions: Self.map.positions,
      claims: [Claim(id: "thesis", text: "The thesis.", position: "p")])
    try store.importMap(rebuilt, replacingPositions: true)
    #expect(try store.map().groups.isEmpty)
    rebuilt.groups = [Group(id: "fresh", title: "Fresh", position: "p")]
    rebuilt.claims[0].group = "fresh"
    try store.importMap(rebuilt, replacingPositions: true)
    #expect(try store.map().groups == rebuilt.groups)
    #expect(try store.claim(id: "thesis").group == "fresh")
  }

  @Test func aPositionsMapHasOnlyItsGroupsAndCompleteReconstructions() throws {
    let store = try MapStore.inMemory()
    try store.importMap(Self.map)
    let tree = try store.map(treeOf: "thesis", depth: 1)
    // Depth 1 reaches the argument but not its premise: the reconstruction would be partial.
    #expect(tree.claims.map(\.id).contains("arg"))
    #expect(!tree.claims.map(\.id).contains("premise"))
    #expect(tree.reconstructions.isEmpty)
    #expect(try store.map(position: "p").groups == Self.map.groups)
  }

  @Test(arguments: [
    (
      Reconstruction(argument: "thesis", steps: [.init(claim: "premise", inference: "")]),
      "'thesis' has a premise-conclusion structure but is not an argument"
    ),
    (
      Reconstruction(argument: "arg", steps: [.init(claim: "premise")]),
      "the reconstruction of 'arg' does not end in a conclusion"
    ),
    (
      Reconstruction(argument: "arg", steps: [.init(claim: "arg", inference: "")]),
      "argument 'arg' cannot be a step of its own reconstruction"
    ),
  ])
  func badReconstructionsAreRefusedAndChangeNothing(
    reconstruction: Reconstruction, message: String
  ) throws {
    let store = try MapStore.inMemory()
    var map = Self.map
    map.reconstructions = [reconstruction]
    let error = #expect(throws: StoreError.self) { try store.importMap(map) }
    #expect(error == .invalid(message))
    #expect(try store.map().claims.isEmpty)
  }

  @Test func anUnknownGroupIsNamed() throws {
    let store = try MapStore.inMemory()
    var map = Self.map
    map.claims[1].group = "outr"
    let error = #expect(throws: StoreError.self) { try store.importMap(map) }
    #expect(error == .notFound(.group, id: "outr", suggestion: nil))
    #expect(try store.map().claims.isEmpty)
  }

  /// Argdown writes provenance as one-line metadata, so a line break there could not be
  /// exported and read back.
  @Test(arguments: [
    Provenance(source: "s", quote: "two\nlines"), Provenance(source: "s", comment: "C\t1"),
    Provenance(source: "s", speaker: "Bob\r"), Provenance(source: "s", time: "2024\n"),
  ])
  func aLineBreakInProvenanceIsRefused(provenance: Provenance) throws {
    let store = try MapStore.inMemory()
    let claim = Claim(id: "c", text: "A claim.", provenance: provenance)
    let error = #expect(throws: StoreError.self) {
      try store.importMap(ArgumentMap(claims: [claim]))
    }
    #expect(error?.description.contains("has a control character") == true)
  }

  @Test func aGroupIDMustBeValid() throws {
    let store = try MapStore.inMemory()
    var map = Self.map
    map.groups[0].id = "bad id"
    #expect(throws: StoreError.self) { try store.importMap(map) }
  }

  /// A database made by schema version 2 opens, its relations rebuilt into the new table with
  /// nothing lost, and takes the new kinds.
  @Test func aVersionTwoDatabaseIsMigrated() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("argmap-v2-\(UUID().uuidString).db").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    do {
      let database = try Self.database(atVersion: 2, path: path)
      try database.execute(
        """
        INSERT INTO claims (id, kind, text) VALUES ('a', 'statement', 'A'), ('b', 'argument', 'B');
        INSERT INTO relations VALUES (1, 2, 'rebuts');
        """)
    }
    let store = try MapStore.open(path: path)
    #expect(try store.schemaVersion == Schema.latestVersion)
    #expect(try store.map().relations == [Relation(from: "a", to: "b", kind: .rebuts)])
    try store.link(Relation(from: "b", to: "a", kind: .prefers))
    #expect(try store.sqlInt("SELECT count(*) FROM relations") == 2)
    #expect(try store.sqlInt("SELECT count(*) FROM pragma_foreign_key_check") == 0)
  }

  /// A database made by schema version 4 opens with its claims searchable by quote, speaker
  /// and title as well (the index is rebuilt), and takes sources' texts.
  @Test func aVersionFourDatabaseIsMigrated() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("argmap-v4-\(UUID().uuidString).db").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    do {
      let database = try Database(path: path)
      try Migrator(
        Schema.files.prefix(4).enumerated().map { index, file in
          Migration(
            version: index + 1, name: file.name, sql: String(decoding: file.bytes, as: UTF8.self))
        }
      ).migrate(database)
      try database.execute(
        """
        INSERT INTO claims (id, kind, text, title, source_id, quote, speaker) VALUES
          ('a', 'statement', 'Alpha claim', 'Heading', 'discussion', 'quoted words', 'Ada');
        """)
    }
    let store = try MapStore.open(path: path)
    #expect(try store.schemaVersion == Schema.latestVersion)
    for (word, column) in [
      ("alpha", "text"), ("heading", "title"), ("quoted", "quote"), ("ada", "speaker"),
    ] {
      #expect(try store.search(word).map(\.matched) == [[column]], "\(word)")
    }
    #expect(try store.sqlInt("SELECT count(*) FROM sources WHERE text IS NULL") == 1)
    try store.saveSource(Source(id: "discussion", title: "Thread", text: "Some quoted words.\n"))
    #expect(try store.checkQuotes() == [])
    try store.sql("INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')")
  }

  /// A database made by schema version 3 opens with its relations, schemes and
  /// reconstructions intact, and takes titles, members and self-attacks.
  @Test func aVersionThreeDatabaseIsMigrated() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("argmap-v3-\(UUID().uuidString).db").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    do {
      let database = try Self.database(atVersion: 3, path: path)
      try database.execute(
        """
        INSERT INTO claims (id, kind, text) VALUES
          ('a', 'statement', 'A'), ('b', 'argument', 'B'), ('c', 'statement', 'C');
        INSERT INTO relations VALUES (1, 2, 'undercuts', 'Default Conflict'), (1, 3, 'supports', NULL);
        INSERT INTO reconstruction_steps VALUES (2, 1, 1, NULL), (2, 2, 3, '');
        """)
    }
    let store = try MapStore.open(path: path)
    #expect(try store.schemaVersion == Schema.latestVersion)
    let before = try store.map()
    #expect(before.relations.count == 2)
    #expect(
      before.relations.contains(
        Relation(from: "a", to: "b", kind: .undercuts, scheme: "Default Conflict")))
    #expect(before.reconstructions.map(\.steps.count) == [2])
    try store.link(Relation(from: "c", to: "c", kind: .rebuts))
    var titled = Claim(id: "t", text: "T.", title: "A Title")
    titled.members = [ClaimMember(text: "T."), ClaimMember(text: "Also T.")]
    try store.importMap(ArgumentMap(claims: [titled]))
    #expect(try store.claim(id: "t") == titled)
    #expect(try store.claimIDs(titled: ["A Title", "Other"]) == ["A Title": "t"])
    #expect(try store.knownClaim(id: "t")?.hasTitle == true)
    #expect(try store.sqlInt("SELECT count(*) FROM pragma_foreign_key_check") == 0)
  }

  /// A database file as an older argmap left it: the schema's first `version` migrations.
  private static func database(atVersion version: Int, path: String) throws -> Database {
    let database = try Database(path: path)
    try Migrator(
      Schema.files.prefix(version).enumerated().map { index, file in
        Migration(
          version: index + 1, name: file.name, sql: String(decoding: file.bytes, as: UTF8.self))
      }
    ).migrate(database)
    return database
  }

  private func scheme(_ store: MapStore, _ from: String, _ to: String) throws -> String? {
    try store.map().relations.first { $0.from == from && $0.to == to }?.scheme
  }
}
