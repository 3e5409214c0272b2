import ArgModel
import SQLiteKit
import Testing

@testable import ArgStore

@Suite("MapStore.tree")
struct TreeTests {
  private struct Line: Equatable, CustomStringConvertible {
    var depth: Int
    var id: String
    var relation: RelationKind?
    var cycle: Bool

    init(_ depth: Int, _ id: String, _ relation: RelationKind? = nil, cycle: Bool = false) {
      (self.depth, self.id, self.relation, self.cycle) = (depth, id, relation, cycle)
    }

    init(_ node: TreeNode) {
      self.init(node.depth, node.claim.id, node.relation, cycle: node.closesCycle)
    }

    var description: String {
      "\(String(repeating: "  ", count: depth))\(relation?.rawValue ?? "root") \(id)\(cycle ? " ↺" : "")"
    }
  }

  @Test func readsDepthFirstSupportersBeforeRebuttals() throws {
    let store = try Fixture.store()
    let lines = try store.tree(rootID: "models-roleplay").map(Line.init)
    // lab-evidence (defined last) still comes before the rebuttal; each subtree is finished
    // before the next sibling starts.
    #expect(
      lines == [
        Line(0, "models-roleplay"),
        Line(1, "realism-argument", .supports),
        Line(2, "contrived-setup", .supports),
        Line(3, "models-roleplay", .supports, cycle: true),
        Line(1, "lab-evidence", .supports),
        Line(1, "blackmail-is-harm", .rebuts),
        Line(2, "refusal-is-not-subversion", .rebuts),
        Line(3, "deployment-risk", .rebuts),
      ])
  }

  @Test func nodesCarryWholeClaims() throws {
    let store = try Fixture.store()
    let nodes = try store.tree(rootID: "models-roleplay")
    #expect(nodes.first?.claim == Fixture.modelsRoleplay)
    #expect(nodes.first?.relation == nil)
    #expect(nodes[1].claim == Fixture.realismArgument)
  }

  @Test func aCycleIsMarkedAndNotExpanded() throws {
    let store = try Fixture.store()
    let lines = try store.tree(rootID: "contrived-setup").map(Line.init)
    #expect(
      lines == [
        Line(0, "contrived-setup"),
        Line(1, "models-roleplay", .supports),
        Line(2, "realism-argument", .supports),
        Line(3, "contrived-setup", .supports, cycle: true),
        Line(2, "lab-evidence", .supports),
        Line(2, "blackmail-is-harm", .rebuts),
        Line(3, "refusal-is-not-subversion", .rebuts),
        Line(4, "deployment-risk", .rebuts),
      ])
  }

  @Test func aTwoClaimCycleStopsAtOnce() throws {
    let store = try MapStore.inMemory()
    try store.importMap(
      ArgumentMap(
        claims: [Claim(id: "a", text: "A"), Claim(id: "b", text: "B")],
        relations: [
          Relation(from: "a", to: "b", kind: .supports),
          Relation(from: "b", to: "a", kind: .rebuts),
        ]))
    #expect(
      try store.tree(rootID: "a").map(Line.init) == [
        Line(0, "a"), Line(1, "b", .rebuts), Line(2, "a", .supports, cycle: true),
      ])
  }

  @Test func aDiamondIsNotACycle() throws {
    let store = try MapStore.inMemory()
    try store.importMap(
      ArgumentMap(
        claims: ["top", "left", "right", "bottom"].map { Claim(id: $0, text: $0) },
        relations: [
          Relation(from: "left", to: "top", kind: .supports),
          Relation(from: "right", to: "top", kind: .supports),
          Relation(from: "bottom", to: "left", kind: .supports),
          Relation(from: "bottom", to: "right", kind: .rebuts),
        ]))
    #expect(
      try store.tree(rootID: "top").map(Line.init) == [
        Line(0, "top"),
        Line(1, "left", .supports), Line(2, "bottom", .supports),
        Line(1, "right", .supports), Line(2, "bottom", .rebuts),
      ])
  }

  @Test func depthLimitsTheWalk() throws {
    let store = try Fixture.store()
    #expect(
      try store.tree(rootID: "models-roleplay", depth: 0).map(\.claim.id) == ["models-roleplay"])
    #expect(
      try store.tree(rootID: "models-roleplay", depth: 1).map(Line.init) == [
        Line(0, "models-roleplay"),
        Line(1, "realism-argument", .supports),
        Line(1, "lab-evidence", .supports),
        Line(1, "blackmail-is-harm", .rebuts),
      ])
    #expect(try store.tree(rootID: "models-roleplay", depth: 2).map(\.depth).max() == 2)
    #expect(try store.tree(rootID: "models-roleplay", depth: 2).count == 6)
  }

  @Test func aLeafIsItsOwnTree() throws {
    let store = try Fixture.store()
    #expect(try store.tree(rootID: "loose-end").map(Line.init) == [Line(0, "loose-end")])
  }

  @Test func anUnknownRootIsNotFound() throws {
    let store = try Fixture.store()
    #expect(throws: StoreError.notFound(.claim, id: "lab-evidense", suggestion: "lab-evidence")) {
      try store.tree(rootID: "lab-evidense")
    }
  }

  @Test func aLongChainIsWalkedToTheEnd() throws {
    let store = try MapStore.inMemory()
    let ids = (0..<300).map { "c\($0)" }
    try store.importMap(
      ArgumentMap(
        claims: ids.map { Claim(id: $0, text: "claim \($0)") },
        relations: (1..<ids.count).map { Relation(from: ids[$0], to: ids[$0 - 1], kind: .supports) }
      ))
    let tree = try store.tree(rootID: "c0")
    #expect(tree.map(\.claim.id) == ids)
    #expect(tree.last?.depth == 299)
  }
}

@Suite("MapStore.path")
struct PathTests {
  private struct Step: Equatable {
    var id: String
    var relation: RelationKind?
    var direction: PathStep.Direction?

    init(_ id: String, _ relation: RelationKind? = nil, _ direction: PathStep.Direction? = nil) {
      (self.id, self.relation, self.direction) = (id, relation, direction)
    }

    init(_ step: PathStep) { self.init(step.claim.id, step.relation, step.direction) }
  }

  private func steps(_ store: MapStore, _ from: String, _ to: String) throws -> [Step]? {
    try store.path(from: from, to: to)?.map(Step.init)
  }

  @Test func followsEdgesForward() throws {
    let store = try Fixture.store()
    #expect(
      try steps(store, "deployment-risk", "models-roleplay") == [
        Step("deployment-risk"),
        Step("refusal-is-not-subversion", .rebuts, .forward),
        Step("blackmail-is-harm", .rebuts, .forward),
        Step("models-roleplay", .rebuts, .forward),
      ])
  }

  @Test func followsEdgesBackward() throws {
    let store = try Fixture.store()
    #expect(
      try steps(store, "models-roleplay", "deployment-risk") == [
        Step("models-roleplay"),
        Step("blackmail-is-harm", .rebuts, .backward),
        Step("refusal-is-not-subversion", .rebuts, .backward),
        Step("deployment-risk", .rebuts, .backward),
      ])
  }

  @Test func mixesDirectionsAlongOnePath() throws {
    let store = try Fixture.store()
    #expect(
      try steps(store, "realism-argument", "blackmail-is-harm") == [
        Step("realism-argument"),
        Step("models-roleplay", .supports, .forward),
        Step("blackmail-is-harm", .rebuts, .backward),
      ])
  }

  @Test func takesTheShortestWay() throws {
    let store = try Fixture.store()
    // lab-evidence → models-roleplay ← realism-argument is two steps; going round the cycle
    // (→ models-roleplay → contrived-setup → realism-argument) would be three.
    #expect(
      try steps(store, "lab-evidence", "realism-argument") == [
        Step("lab-evidence"),
        Step("models-roleplay", .supports, .forward),
        Step("realism-argument", .supports, .backward),
      ])
    #expect(try steps(store, "contrived-setup", "blackmail-is-harm")?.count == 3)
  }

  @Test func stepsCarryWholeClaims() throws {
    let store = try Fixture.store()
    let path = try #require(try store.path(from: "lab-evidence", to: "models-roleplay"))
    #expect(path.map(\.claim) == [Fixture.labEvidence, Fixture.modelsRoleplay])
  }

  @Test func disconnectedClaimsHaveNoPath() throws {
    let store = try Fixture.store()
    #expect(try store.path(from: "loose-end", to: "models-roleplay") == nil)
    #expect(try store.path(from: "models-roleplay", to: "loose-end") == nil)
  }

  @Test func aClaimIsOneStepFromItself() throws {
    let store = try Fixture.store()
    #expect(try steps(store, "loose-end", "loose-end") == [Step("loose-end")])
    #expect(try steps(store, "models-roleplay", "models-roleplay") == [Step("models-roleplay")])
  }

  @Test func unknownEndsAreNotFound() throws {
    let store = try Fixture.store()
    #expect(throws: StoreError.notFound(.claim, id: "loose-ends", suggestion: "loose-end")) {
      try store.path(from: "loose-ends", to: "models-roleplay")
    }
    #expect(throws: StoreError.notFound(.claim, id: "nowhere-at-all", suggestion: nil)) {
      try store.path(from: "loose-end", to: "nowhere-at-all")
    }
  }

  @Test func aDenseMapIsSearchedQuickly() throws {
    // Every claim supports every later one: a recursive CTE over paths would explode here.
    let store = try Fixture.denseSupportStore(claims: 40)
    try store.importMap(
      ArgumentMap(
        claims: [Claim(id: "far", text: "far")],
        relations: [
          Relation(from: "far", to: "n39", kind: .rebuts)
        ]))
    #expect(
      try steps(store, "n0", "far") == [
        Step("n0"), Step("n39", .supports, .forward), Step("far", .rebuts, .backward),
      ])
  }
}

@Suite("MapStore.search")
struct SearchTests {
  @Test func stemmingFindsOtherFormsOfAWord() throws {
    let store = try Fixture.store()
    // 'refuse' and 'refusal' share the stem 'refus'; lab-evidence says 'refuse'.
    #expect(
      Set(try store.search("refuse").map(\.claim.id)) == [
        "refusal-is-not-subversion", "lab-evidence",
      ])
    #expect(try store.search("refusals").contains { $0.claim.id == "refusal-is-not-subversion" })
  }

  @Test func diacriticsAreIgnored() throws {
    let store = try Fixture.store()
    #expect(try store.search("naive").map(\.claim.id) == ["loose-end"])
    #expect(try store.search("NAÏVE").map(\.claim.id) == ["loose-end"])
  }

  @Test func anIDMatchRanksFirst() throws {
    let store = try Fixture.store()
    // realism-argument's text mentions deployment; deployment-risk has it in its id as well.
    let hits = try store.search("deployment")
    #expect(hits.map(\.claim.id) == ["deployment-risk", "realism-argument"])
    #expect(hits[0].rank < hits[1].rank)
    #expect(hits[0].claim == Fixture.deploymentRisk)
  }

  @Test func everyWordMustMatch() throws {
    let store = try Fixture.store()
    #expect(try store.search("blackmail harm").map(\.claim.id) == ["blackmail-is-harm"])
    #expect(try store.search("blackmail autonomy").isEmpty)
    #expect(try store.search("harm blackmail").map(\.claim.id) == ["blackmail-is-harm"])
  }

  @Test func snippetsMarkTheMatch() throws {
    let store = try Fixture.store()
    let hit = try #require(try store.search("subversion").first)
    #expect(hit.claim.id == "refusal-is-not-subversion")
    #expect(hit.snippet.contains("[subversion]"))
  }

  @Test(arguments: [
    "\"refusal", "refusal\"", "'refusal'", "refusal*", "^refusal", "refusal:", "text:refusal",
    "(refusal", "refusal)", "NOT refusal", "refusal AND", "OR", "NEAR(refusal obey)", "-refusal",
    "+refusal", "refusal-is-not-subversion", "not-subversion", "a \"b\" 'c'", "{id text}: x",
    "refusal; DROP TABLE claims", "🙂 refusal", "don't", "«refusal»", "refusal\u{0}obey",
  ])
  func userInputNeverTripsOverQuerySyntax(input: String) throws {
    let store = try Fixture.store()
    _ = try store.search(input)
    #expect(try store.claims().count == 8)
  }

  @Test func punctuationIsJustASeparator() throws {
    let store = try Fixture.store()
    for input in [
      "\"refusal\"", "refusal!", "(refusal)", "refusal*", "not-subversion", "“refusal”",
    ] {
      #expect(
        try store.search(input).map(\.claim.id).first == "refusal-is-not-subversion", "\(input)")
    }
  }

  @Test(arguments: ["", "   ", "!!!", "\"\"", "-- *", "🙂"])
  func inputWithoutWordsIsInvalid(input: String) throws {
    let store = try Fixture.store()
    #expect(throws: StoreError.invalid("search needs at least one word")) {
      try store.search(input)
    }
  }

  @Test func rawQueriesUseFTS5Syntax() throws {
    let store = try Fixture.store()
    #expect(try store.search("blackmail OR autonomy", raw: true).count == 2)
    #expect(try store.search("lab*", raw: true).map(\.claim.id) == ["lab-evidence"])
    #expect(try store.search("id : loose", raw: true).map(\.claim.id) == ["loose-end"])
  }

  @Test(arguments: ["\"unbalanced", "AND", "refusal AND", "(refusal", "nocolumn: x", "NEAR("])
  func anInvalidRawQueryIsInvalid(query: String) throws {
    let store = try Fixture.store()
    let error = #expect(throws: StoreError.self) { try store.search(query, raw: true) }
    guard case .invalid(let message) = error else {
      Issue.record("expected .invalid, got \(String(describing: error))")
      return
    }
    #expect(message.hasPrefix("not a valid FTS5 query"))
  }

  @Test func limitCapsTheHits() throws {
    let store = try Fixture.store()
    #expect(try store.search("models").count == 2)
    #expect(try store.search("models", limit: 1).count == 1)
    #expect(try store.search("models", limit: 1).first == store.search("models").first)
  }
}
