import ArgModel
import SQLiteKit
import Testing

@testable import ArgStore

@Suite("MapStore reads")
struct QueryTests {
  @Test func positionsCountTheirClaimsInDefinitionOrder() throws {
    let store = try Fixture.store()
    let summaries = try store.positions()
    #expect(summaries.map(\.position) == [Fixture.realism, Fixture.safety, Fixture.empty])
    #expect(summaries.map(\.claimCount) == [3, 4, 0])
  }

  @Test func claimsOfAPositionComeInDefinitionOrder() throws {
    let store = try Fixture.store()
    #expect(
      try store.claims(inPosition: "safety")
        == [Fixture.refusal, Fixture.blackmail, Fixture.deploymentRisk, Fixture.labEvidence])
    #expect(try store.claims(inPosition: "empty-position") == [])
    #expect(try store.claims() == Fixture.claims)
  }

  @Test func anUnknownPositionSuggestsTheNearestOne() throws {
    let store = try Fixture.store()
    #expect(throws: StoreError.notFound(.position, id: "realsim", suggestion: "realism")) {
      try store.claims(inPosition: "realsim")
    }
    #expect(throws: StoreError.notFound(.position, id: "zzz", suggestion: nil)) {
      try store.position(id: "zzz")
    }
  }

  @Test func claimByIDCarriesEverything() throws {
    let store = try Fixture.store()
    #expect(try store.claim(id: "contrived-setup") == Fixture.contrivedSetup)
    #expect(try store.claim(id: "realism-argument").kind == .argument)
    #expect(try store.claim(id: "loose-end").position == nil)
    #expect(try store.claim(id: "loose-end").provenance == nil)
  }

  @Test(
    arguments: [
      ("models-roleply", "models-roleplay"),
      ("Loose-End", "loose-end"),
      ("blackmail-is-harms", "blackmail-is-harm"),
      ("something-else-entirely", nil),
    ] as [(String, String?)])
  func anUnknownClaimSuggestsTheNearestID(id: String, suggestion: String?) throws {
    let store = try Fixture.store()
    #expect(throws: StoreError.notFound(.claim, id: id, suggestion: suggestion)) {
      try store.claim(id: id)
    }
  }

  @Test func detailListsNeighboursBothWays() throws {
    let store = try Fixture.store()
    let detail = try store.detail(ofClaim: "models-roleplay")
    #expect(detail.claim == Fixture.modelsRoleplay)
    #expect(detail.positionTitle == "Realism critique")
    // Supporters first, in definition order, then rebuttals.
    #expect(
      detail.incoming == [
        Link(kind: .supports, claim: Fixture.realismArgument),
        Link(kind: .supports, claim: Fixture.labEvidence),
        Link(kind: .rebuts, claim: Fixture.blackmail),
      ])
    // Neighbours carry their tags.
    #expect(detail.outgoing == [Link(kind: .supports, claim: Fixture.contrivedSetup)])
    #expect(detail.outgoing.first?.claim.tags == ["framing", "realism"])

    let loose = try store.detail(ofClaim: "loose-end")
    #expect(loose.positionTitle == nil)
    #expect(loose.incoming.isEmpty && loose.outgoing.isEmpty)

    #expect(throws: StoreError.self) { try store.detail(ofClaim: "nope") }
  }

  @Test func aKnownClaimIsLookedUpByID() throws {
    let store = try Fixture.store()
    #expect(try store.knownClaim(id: "realism-argument")?.kind == .argument)
    #expect(try store.knownClaim(id: "loose-end")?.kind == .statement)
    #expect(try store.knownClaim(id: "nope") == nil)
    let lengths = "loose-end".utf8.count..."loose-end".utf8.count
    #expect(try store.claimIDs(utf8Lengths: lengths).map(\.id).contains("loose-end"))
    #expect(try store.claimIDs(utf8Lengths: lengths).allSatisfy { $0.id.utf8.count == 9 })
  }

  @Test func theWholeMapRoundTrips() throws {
    let store = try Fixture.store()
    let map = try store.map()
    #expect(map.positions == Fixture.map.positions)
    #expect(map.claims == Fixture.map.claims)
    #expect(Set(map.relations) == Set(Fixture.map.relations))
    #expect(map.relations.count == Fixture.map.relations.count)
    // Only sources that claims cite.
    #expect(map.sources.map(\.id) == ["blog", "discussion"])
    // Importing the export into a fresh store reproduces it.
    let copy = try MapStore.inMemory()
    try copy.importMap(map)
    #expect(try copy.map() == map)
  }

  @Test func aPositionsMapIncludesItsDirectNeighboursFromElsewhere() throws {
    let store = try Fixture.store()
    let safety = try store.map(position: "safety")
    // blackmail-is-harm rebuts and lab-evidence supports models-roleplay, so it comes along;
    // claims two steps away (contrived-setup, realism-argument) do not.
    #expect(
      safety.claims.map(\.id) == [
        "models-roleplay", "refusal-is-not-subversion", "blackmail-is-harm", "deployment-risk",
        "lab-evidence",
      ])
    #expect(safety.positions.map(\.id) == ["realism", "safety"])
    #expect(
      Set(safety.relations) == [
        Fixture.relations[3], Fixture.relations[4], Fixture.relations[5], Fixture.relations[6],
      ])
    #expect(Set(safety.sources.map(\.id)) == ["discussion", "blog"])

    let realism = try store.map(position: "realism")
    #expect(
      realism.claims.map(\.id) == [
        "models-roleplay", "contrived-setup", "realism-argument", "blackmail-is-harm",
        "lab-evidence",
      ])
    #expect(realism.relations.count == 5)

    // A position without claims still exports itself, so its map can be re-imported.
    let empty = try store.map(position: "empty-position")
    #expect(empty == ArgumentMap(positions: [Fixture.empty]))

    #expect(throws: StoreError.notFound(.position, id: "safty", suggestion: "safety")) {
      try store.map(position: "safty")
    }
  }
}

@Suite("MapStore edits")
struct EditTests {
  @Test func linkAddsARelation() throws {
    let store = try Fixture.store()
    #expect(try store.link(Relation(from: "loose-end", to: "deployment-risk", kind: .supports)))
    #expect(try store.relationKinds()["loose-end>deployment-risk"] == .supports)
    #expect(try store.detail(ofClaim: "deployment-risk").incoming.map(\.claim.id) == ["loose-end"])
  }

  @Test func linkingTheSameWayAgainChangesNothing() throws {
    let store = try Fixture.store()
    let before = try store.dump()
    #expect(!(try store.link(Fixture.relations[0])))
    #expect(try store.dump() == before)
  }

  @Test func linkingTheOtherWayIsRefused() throws {
    let store = try Fixture.store()
    let before = try store.dump()
    var conflicting = Fixture.relations[0]
    conflicting.kind = .rebuts
    let error = #expect(throws: StoreError.self) { try store.link(conflicting) }
    guard case .invalid(let message) = error else {
      Issue.record("expected .invalid, got \(String(describing: error))")
      return
    }
    #expect(message.contains("already supports"))
    #expect(try store.dump() == before)
  }

  @Test func theReversePairIsADifferentRelation() throws {
    let store = try Fixture.store()
    #expect(
      try store.link(Relation(from: "realism-argument", to: "contrived-setup", kind: .rebuts)))
    let kinds = try store.relationKinds()
    #expect(kinds["contrived-setup>realism-argument"] == .supports)
    #expect(kinds["realism-argument>contrived-setup"] == .rebuts)
  }

  /// Argdown accepts a claim related to itself; a self-attack is a textbook case.
  @Test(arguments: RelationKind.allCases.filter { $0 != .undercuts })
  func aClaimMayBeLinkedToItself(kind: RelationKind) throws {
    let store = try Fixture.store()
    #expect(try store.link(Relation(from: "loose-end", to: "loose-end", kind: kind)))
    #expect(try store.relationKinds()["loose-end>loose-end"] == kind)
  }

  @Test func aStatementCannotUndercutItself() throws {
    let store = try Fixture.store()
    #expect(throws: StoreError.self) {
      try store.link(Relation(from: "loose-end", to: "loose-end", kind: .undercuts))
    }
  }

  @Test func linkingAnUnknownClaimSuggests() throws {
    let store = try Fixture.store()
    #expect(throws: StoreError.notFound(.claim, id: "lose-end", suggestion: "loose-end")) {
      try store.link(Relation(from: "lose-end", to: "deployment-risk", kind: .supports))
    }
    #expect(throws: StoreError.notFound(.claim, id: "nothing-like-it", suggestion: nil)) {
      try store.link(Relation(from: "loose-end", to: "nothing-like-it", kind: .supports))
    }
  }

  @Test func unlinkRemovesTheRelationAndReturnsIt() throws {
    let store = try Fixture.store()
    let removed = try store.unlink(from: "blackmail-is-harm", to: "models-roleplay")
    #expect(removed == Fixture.relations[3])
    #expect(try store.relationKinds()["blackmail-is-harm>models-roleplay"] == nil)
    #expect(try store.relationKinds().count == 6)
    // Both claims stay.
    #expect(try store.claims().count == 8)
    #expect(throws: StoreError.self) {
      try store.unlink(from: "blackmail-is-harm", to: "models-roleplay")
    }
  }

  @Test func unlinkingTheWrongWaySuggestsTheOtherDirection() throws {
    let store = try Fixture.store()
    let before = try store.dump()
    let error = #expect(throws: StoreError.self) {
      try store.unlink(from: "models-roleplay", to: "blackmail-is-harm")
    }
    #expect(
      error
        == .notFound(
          .relation, id: "models-roleplay → blackmail-is-harm",
          suggestion: "blackmail-is-harm → models-roleplay"))
    #expect(
      error?.description
        == "no relation with id 'models-roleplay → blackmail-is-harm'; did you mean 'blackmail-is-harm → models-roleplay'?"
    )
    #expect(try store.dump() == before)
  }

  @Test func unlinkingAnUnrelatedPairHasNoSuggestion() throws {
    let store = try Fixture.store()
    #expect(
      throws: StoreError.notFound(.relation, id: "loose-end → lab-evidence", suggestion: nil)
    ) {
      try store.unlink(from: "loose-end", to: "lab-evidence")
    }
    #expect(throws: StoreError.notFound(.claim, id: "ghost", suggestion: nil)) {
      try store.unlink(from: "ghost", to: "lab-evidence")
    }
  }

  @Test func addPositionAndClaim() throws {
    let store = try Fixture.store()
    try store.addPosition(Position(id: "new-position", title: "New"))
    try store.addClaim(Claim(id: "new-claim", text: "New", position: "new-position", tags: ["t"]))
    #expect(try store.claims(inPosition: "new-position").map(\.id) == ["new-claim"])
    #expect(try store.claim(id: "new-claim").tags == ["t"])
    #expect(try store.positions().last?.claimCount == 1)
  }

  @Test func addingADuplicateIsRefused() throws {
    let store = try Fixture.store()
    let before = try store.dump()
    #expect(throws: StoreError.alreadyExists(.position, id: "realism")) {
      try store.addPosition(Position(id: "realism", title: "Again"))
    }
    #expect(throws: StoreError.alreadyExists(.claim, id: "loose-end")) {
      try store.addClaim(Claim(id: "loose-end", text: "Again"))
    }
    #expect(try store.dump() == before)
  }

  @Test func addingWithABadIDOrPositionIsRefused() throws {
    let store = try Fixture.store()
    let before = try store.dump()
    #expect(throws: StoreError.self) {
      try store.addPosition(Position(id: "two words", title: "x"))
    }
    #expect(throws: StoreError.self) { try store.addClaim(Claim(id: "_", text: "x")) }
    #expect(throws: StoreError.notFound(.position, id: "safty", suggestion: "safety")) {
      try store.addClaim(Claim(id: "fine-id", text: "x", position: "safty"))
    }
    #expect(try store.dump() == before)
  }

  @Test func removeClaimTakesItsRelationsAndTagsAlong() throws {
    let store = try Fixture.store()
    try store.removeClaim(id: "models-roleplay")
    #expect(throws: StoreError.self) { try store.claim(id: "models-roleplay") }
    #expect(try store.relationKinds().count == 3)
    #expect(try store.sqlInt("SELECT count(*) FROM claim_tags WHERE tag = 'framing'") == 1)
    #expect(try store.detail(ofClaim: "blackmail-is-harm").outgoing.isEmpty)
    #expect(try store.positions().map(\.claimCount) == [2, 4, 0])
    #expect(throws: StoreError.notFound(.claim, id: "models-roleplay", suggestion: nil)) {
      try store.removeClaim(id: "models-roleplay")
    }
  }
}
