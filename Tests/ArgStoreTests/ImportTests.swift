import ArgModel
import SQLiteKit
import Testing

@testable import ArgStore

@Suite("MapStore.importMap")
struct ImportTests {
  @Test func aFirstImportAddsEverything() throws {
    let store = try MapStore.inMemory()
    let summary = try store.importMap(Fixture.map)
    #expect(summary.positionsAdded == ["realism", "safety", "empty-position"])
    #expect(summary.claimsAdded == Fixture.claims.map(\.id))
    #expect(summary.relationsAdded == Fixture.relations)
    // A new store holds no source: the fixture's claims cite two.
    #expect(summary.sourcesAdded == ["blog", "discussion"])
    #expect(summary.positionsUpdated.isEmpty && summary.claimsUpdated.isEmpty)
    #expect(summary.relationsChanged.isEmpty && summary.relationsRemoved.isEmpty)
    #expect(summary.claimsRemoved.isEmpty)
    #expect(!summary.changedNothing)

    // What went in comes out: claims with kinds, tags and provenance, in definition order.
    let map = try store.map()
    #expect(map.claims == Fixture.claims)
    #expect(Set(map.relations) == Set(Fixture.relations))
    #expect(map.positions == [Fixture.realism, Fixture.safety, Fixture.empty])
  }

  @Test func reimportingTheSameMapChangesNothing() throws {
    let store = try Fixture.store()
    let before = try store.dump()
    let summary = try store.importMap(Fixture.map)
    #expect(summary.changedNothing, "\(summary)")
    var unchanged = ImportSummary()
    unchanged.relationsStated = Fixture.relations.count
    #expect(summary == unchanged)
    #expect(try store.dump() == before)
  }

  @Test func changedTextTagsOrProvenanceUpdateTheClaim() throws {
    let store = try Fixture.store()
    var map = Fixture.map
    map.claims[0].text = "Models act out the scenario they are given"
    map.claims[1].setTags(["framing"])
    map.claims[3].provenance = Provenance(source: "discussion", comment: "C4", quote: "refusal")
    let summary = try store.importMap(map)
    #expect(
      summary.claimsUpdated == ["models-roleplay", "contrived-setup", "refusal-is-not-subversion"])
    #expect(summary.claimsAdded.isEmpty && summary.relationsAdded.isEmpty)
    #expect(try store.claim(id: "models-roleplay").text == map.claims[0].text)
    #expect(try store.claim(id: "contrived-setup").tags == ["framing"])
    #expect(try store.claim(id: "refusal-is-not-subversion").provenance?.comment == "C4")
    // Relations survive an update in place.
    #expect(try store.detail(ofClaim: "models-roleplay").incoming.count == 3)
    #expect(try store.importMap(map).changedNothing)
  }

  @Test func aChangedPositionIsUpdated() throws {
    let store = try Fixture.store()
    var map = Fixture.map
    map.positions[1].summary = "Why the behaviour is worrying"
    let summary = try store.importMap(map)
    #expect(summary.positionsUpdated == ["safety"])
    #expect(summary.positionsAdded.isEmpty && summary.claimsUpdated.isEmpty)
    #expect(try store.position(id: "safety").summary == "Why the behaviour is worrying")
  }

  @Test func newClaimsAndRelationsAreAdded() throws {
    let store = try Fixture.store()
    let addition = ArgumentMap(
      claims: [Claim(id: "new-point", text: "A new point", position: "safety")],
      relations: [
        Relation(from: "new-point", to: "deployment-risk", kind: .supports),
        Relation(from: "loose-end", to: "lab-evidence", kind: .rebuts),
      ])
    let summary = try store.importMap(addition)
    #expect(summary.claimsAdded == ["new-point"])
    #expect(summary.relationsAdded == addition.relations)
    #expect(summary.claimsUpdated.isEmpty && summary.relationsChanged.isEmpty)
    let kinds = try store.relationKinds()
    #expect(kinds["new-point>deployment-risk"] == .supports)
    #expect(kinds["loose-end>lab-evidence"] == .rebuts)
    #expect(kinds.count == 9)
  }

  /// As with `link`, a file cannot silently turn a support into a rebuttal.
  @Test func aRelationThatChangesKindIsRefused() throws {
    let store = try Fixture.store()
    var map = Fixture.map
    map.relations[6].kind = .rebuts
    #expect(throws: StoreError.self) { try store.importMap(map) }
    #expect(try store.relationKinds()["lab-evidence>models-roleplay"] == .supports)
  }

  @Test func aClaimOfAnotherPositionCannotBeRewrittenFromElsewhere() throws {
    let store = try Fixture.store()
    let hijack = ArgumentMap(
      positions: [Position(id: "mine", title: "Mine")],
      claims: [Claim(id: "models-roleplay", text: "Something else entirely", position: "mine")])
    #expect(throws: StoreError.self) { try store.importMap(hijack) }
    #expect(try store.claim(id: "models-roleplay") == Fixture.modelsRoleplay)
  }

  @Test func textWithControlCharactersOrTooLongIsRefused() throws {
    let store = try Fixture.store()
    for text in ["two\nlines", "bell\u{07}", String(repeating: "word ", count: 2_001)] {
      #expect(throws: StoreError.self) {
        try store.importMap(ArgumentMap(claims: [Claim(id: "odd", text: text)]))
      }
    }
    #expect(throws: StoreError.self) { try store.addPosition(Position(id: "untitled", title: " ")) }
  }

  @Test func citedSourcesAreRegisteredUnderTheirID() throws {
    let store = try Fixture.store()
    #expect(
      try store.sources() == [
        Source(id: "blog", title: "blog"), Source(id: "discussion", title: "discussion"),
      ])
    // A later description of the source fills in its title and url.
    let described = ArgumentMap(sources: [
      Source(id: "blog", title: "A blog post", url: "https://example.org/post")
    ])
    try store.importMap(described)
    #expect(try store.sources().first == described.sources[0])
  }

  @Test func aNewDescribedSourceIsReported() throws {
    let store = try Fixture.store()
    let map = ArgumentMap(
      sources: [Source(id: "paper", title: "A paper", url: "https://example.org/paper")],
      claims: [
        Claim(
          id: "from-paper", text: "Stated in a paper",
          provenance: Provenance(source: "paper", quote: "stated"))
      ])
    let summary = try store.importMap(map)
    #expect(summary.sourcesAdded == ["paper"])
    #expect(try store.sources().last == map.sources[0])
    // A map that only adds a source still changed something.
    let onlySource = try store.importMap(
      ArgumentMap(sources: [Source(id: "book", title: "A book")]))
    #expect(onlySource.sourcesAdded == ["book"])
    #expect(!onlySource.changedNothing)
  }

  @Test func addClaimRegistersItsSource() throws {
    let store = try Fixture.store()
    try store.addClaim(
      Claim(id: "cited", text: "Cited", provenance: Provenance(source: "forum", comment: "post 3")))
    #expect(try store.sources().map(\.id) == ["blog", "discussion", "forum"])
    #expect(
      try store.claim(id: "cited").provenance == Provenance(source: "forum", comment: "post 3"))
  }

  // MARK: - Replacing positions

  /// The realism position rewritten: `realism-argument` is gone, `models-roleplay` has new
  /// text, `contrived-setup` is unchanged and now supports `models-roleplay` directly.
  private var rewrittenRealism: ArgumentMap {
    ArgumentMap(
      positions: [Fixture.realism],
      claims: [
        Claim(
          id: "models-roleplay", text: "Models play the role the scenario gives them",
          position: "realism", tags: ["framing"],
          provenance: Fixture.modelsRoleplay.provenance),
        Fixture.contrivedSetup,
      ],
      relations: [
        Relation(from: "models-roleplay", to: "contrived-setup", kind: .supports),
        Relation(from: "contrived-setup", to: "models-roleplay", kind: .rebuts),
        Relation(from: "blackmail-is-harm", to: "models-roleplay", kind: .rebuts),
      ])
  }

  @Test func replacingAPositionDropsWhatTheNewMapLeavesOut() throws {
    let store = try Fixture.store()
    let summary = try store.importMap(rewrittenRealism, replacingPositions: true)

    #expect(summary.claimsRemoved == ["realism-argument"])
    #expect(summary.claimsUpdated == ["models-roleplay"])
    #expect(summary.claimsAdded.isEmpty)
    #expect(summary.positionsAdded.isEmpty && summary.positionsUpdated.isEmpty)
    // Restored unchanged: models-roleplay → contrived-setup and blackmail → models-roleplay.
    #expect(summary.relationsAdded == [rewrittenRealism.relations[1]])
    #expect(
      Set(summary.relationsRemoved) == [
        Relation(from: "contrived-setup", to: "realism-argument", kind: .supports),
        Relation(from: "realism-argument", to: "models-roleplay", kind: .supports),
      ])

    #expect(
      try store.claims(inPosition: "realism").map(\.id) == ["models-roleplay", "contrived-setup"])
    #expect(throws: StoreError.self) { try store.claim(id: "realism-argument") }
    // Other positions keep their claims and their own relations.
    #expect(
      try store.claims(inPosition: "safety").map(\.id)
        == ["refusal-is-not-subversion", "blackmail-is-harm", "deployment-risk", "lab-evidence"])
    #expect(try store.claims().count == 7)
    let kinds = try store.relationKinds()
    #expect(kinds["refusal-is-not-subversion>blackmail-is-harm"] == .rebuts)
    #expect(kinds["contrived-setup>models-roleplay"] == .rebuts)
    // Another position's relation into a claim that came back is kept.
    #expect(kinds["lab-evidence>models-roleplay"] == .supports)
    #expect(kinds.count == 6)
    // Importing the same rewrite again replaces it with itself: nothing to report.
    #expect(try store.importMap(rewrittenRealism, replacingPositions: true).changedNothing)
  }

  @Test func replacingReportsAKindChangeAsAChange() throws {
    let store = try Fixture.store()
    var map = ArgumentMap(
      positions: [Fixture.realism],
      claims: [Fixture.modelsRoleplay, Fixture.contrivedSetup, Fixture.realismArgument],
      relations: Array(Fixture.relations[0..<3]))
    map.relations[0].kind = .rebuts
    let summary = try store.importMap(map, replacingPositions: true)
    #expect(summary.relationsChanged == [map.relations[0]])
    #expect(summary.relationsAdded.isEmpty)
    // Other positions' relations into realism's rebuilt claims are kept, not removed.
    #expect(summary.relationsRemoved.isEmpty)
    let kinds = try store.relationKinds()
    #expect(kinds["blackmail-is-harm>models-roleplay"] == .rebuts)
    #expect(kinds["lab-evidence>models-roleplay"] == .supports)
    #expect(summary.claimsUpdated.isEmpty && summary.claimsRemoved.isEmpty)
  }

  @Test func withoutReplacingNothingIsRemoved() throws {
    let store = try Fixture.store()
    let summary = try store.importMap(rewrittenRealism)
    #expect(summary.claimsRemoved.isEmpty && summary.relationsRemoved.isEmpty)
    #expect(try store.claims().count == 8)
    // contrived-setup → models-roleplay is a new ordered pair (the cycle runs the other way).
    #expect(summary.relationsAdded == [rewrittenRealism.relations[1]])
    #expect(summary.relationsChanged.isEmpty)
  }

  // MARK: - Failing imports change nothing

  private static let failingMaps: [(label: String, map: ArgumentMap, replacing: Bool)] = [
    (
      "relation to an unknown claim",
      ArgumentMap(
        claims: [Claim(id: "fresh", text: "Fresh", position: "safety")],
        relations: [Relation(from: "fresh", to: "no-such-claim", kind: .supports)]),
      false
    ),
    (
      "relation from an unknown claim",
      ArgumentMap(relations: [Relation(from: "nobody", to: "loose-end", kind: .rebuts)]), false
    ),
    ("invalid claim id", ArgumentMap(claims: [Claim(id: "has space", text: "x")]), false),
    ("claim id with a leading dash", ArgumentMap(claims: [Claim(id: "-dash", text: "x")]), false),
    ("non-ASCII claim id", ArgumentMap(claims: [Claim(id: "naïve", text: "x")]), false),
    ("empty claim id", ArgumentMap(claims: [Claim(id: "", text: "x")]), false),
    ("invalid position id", ArgumentMap(positions: [Position(id: "a/b", title: "x")]), false),
    (
      "undercut of a statement",
      ArgumentMap(
        claims: [Claim(id: "fresh", text: "Fresh")],
        relations: [Relation(from: "fresh", to: "fresh", kind: .undercuts)]),
      false
    ),
    (
      "blank title",
      ArgumentMap(claims: [Claim(id: "fresh", text: "Fresh", title: "  ")]), false
    ),
    (
      "claim in an unknown position",
      ArgumentMap(claims: [Claim(id: "fresh", text: "Fresh", position: "nowhere")]), false
    ),
    ("empty tag", ArgumentMap(claims: [Claim(id: "fresh", text: "Fresh", tags: [""])]), false),
    (
      "replace that then fails on a relation",
      ArgumentMap(
        positions: [Fixture.realism], claims: [Fixture.modelsRoleplay],
        relations: [Relation(from: "models-roleplay", to: "realism-argument", kind: .rebuts)]),
      true
    ),
  ]

  /// A file that restates a claim to answer it leaves the claim's provenance, tags and
  /// position as they were.
  @Test func restatingAKnownClaimKeepsWhatItLeavesUnsaid() throws {
    let store = try Fixture.store()
    let restated = ArgumentMap(
      positions: [Position(id: "reply", title: "A reply")],
      claims: [
        Claim(id: "models-roleplay", text: Fixture.modelsRoleplay.text, position: "reply"),
        Claim(id: "answer", text: "An answer", position: "reply"),
      ],
      relations: [Relation(from: "answer", to: "models-roleplay", kind: .rebuts)])
    let summary = try store.importMap(restated)
    #expect(summary.claimsUpdated.isEmpty)
    #expect(try store.claim(id: "models-roleplay") == Fixture.modelsRoleplay)

    var edited = Claim(id: "models-roleplay", text: "Models play along with the scenario")
    edited.provenance = Provenance(source: "discussion", comment: "C9")
    #expect(try store.importMap(ArgumentMap(claims: [edited])).claimsUpdated == ["models-roleplay"])
    let stored = try store.claim(id: "models-roleplay")
    #expect(stored.text == "Models play along with the scenario")
    #expect(
      stored.provenance == Provenance(source: "discussion", comment: "C9", quote: "just roleplay"))
    #expect(stored.tags == ["framing"])
    #expect(stored.position == "realism")
  }

  @Test func aHeadingWithoutASummaryKeepsTheStoredOne() throws {
    let store = try Fixture.store()
    let summary = try store.importMap(
      ArgumentMap(positions: [Position(id: "realism", title: "Realism critique")]))
    #expect(summary.changedNothing)
    #expect(try store.position(id: "realism").summary == Fixture.realism.summary)
  }

  @Test func claimInAnUnknownPositionIsNotFoundWithASuggestion() throws {
    let store = try Fixture.store()
    #expect(throws: StoreError.notFound(.position, id: "safty", suggestion: "safety")) {
      try store.importMap(
        ArgumentMap(claims: [Claim(id: "fresh", text: "Fresh", position: "safty")]))
    }
  }

  @Test(arguments: 0..<failingMaps.count)
  func aFailingImportLeavesTheDatabaseExactlyAsItWas(index: Int) throws {
    let (label, map, replacing) = Self.failingMaps[index]
    let store = try Fixture.store()
    let before = try store.dump()
    #expect(throws: StoreError.self, "\(label)") {
      try store.importMap(map, replacingPositions: replacing)
    }
    #expect(try store.dump() == before, "\(label)")
    // The store is still usable afterwards.
    #expect(try store.importMap(Fixture.map).changedNothing)
  }

  @Test func aFailedImportInsideALargerTransactionRollsBackAlone() throws {
    let store = try Fixture.store()
    try store.transaction {
      #expect(throws: StoreError.self) {
        try store.importMap(
          ArgumentMap(
            claims: [Claim(id: "half-done", text: "Half done")],
            relations: [Relation(from: "half-done", to: "ghost", kind: .supports)]))
      }
      try store.addClaim(Claim(id: "after", text: "After the failed import"))
    }
    #expect(throws: StoreError.self) { try store.claim(id: "half-done") }
    #expect(try store.claim(id: "after").text == "After the failed import")
  }

  @Test func aFailedAddClaimDoesNotRegisterItsSource() throws {
    let store = try Fixture.store()
    let before = try store.dump()
    #expect(throws: StoreError.self) {
      try store.addClaim(
        Claim(id: "tagged", text: "x", tags: [""], provenance: Provenance(source: "brand-new")))
    }
    #expect(try store.dump() == before)
  }

  @Test func textSurvivesExactly() throws {
    let store = try MapStore.inMemory()
    let text = "Quotes \"double\" and 'single', a tab-free line, emoji 🧭, e\u{301}, ‹›, ß"
    try store.importMap(
      ArgumentMap(
        positions: [Position(id: "p", title: "Title with ' and \"", summary: "Line one\nline two")],
        claims: [Claim(id: "odd-text", text: text, position: "p", tags: ["ünïcode tag", "a b"])]))
    let claim = try store.claim(id: "odd-text")
    #expect(claim.text == text)
    #expect(claim.tags == ["a b", "ünïcode tag"])
    #expect(try store.position(id: "p").summary == "Line one\nline two")
    #expect(try store.search("emoji").map(\.claim.id) == ["odd-text"])
    #expect(try store.importMap(store.map()).changedNothing)
  }

  @Test func failingImportsSayWhy() throws {
    let store = try Fixture.store()
    #expect(throws: StoreError.notFound(.claim, id: "loose-nd", suggestion: "loose-end")) {
      try store.importMap(
        ArgumentMap(relations: [Relation(from: "lab-evidence", to: "loose-nd", kind: .rebuts)]))
    }
    #expect(
      throws: StoreError.invalid("claim 'fresh' has a blank title, or a control character in it")
    ) {
      try store.importMap(ArgumentMap(claims: [Claim(id: "fresh", text: "F", title: "a\nb")]))
    }
    let error = #expect(throws: StoreError.self) {
      try store.importMap(ArgumentMap(claims: [Claim(id: "bad id", text: "x")]))
    }
    guard case .invalid(let message) = error else {
      Issue.record("expected .invalid, got \(String(describing: error))")
      return
    }
    #expect(message.contains("'bad id'"))
  }

  @Test func aFailedImportInsideAFileLeavesTheFileReadable() throws {
    try withTemporaryDirectory { dir in
      let path = dir.appendingPathComponent("map.argmap").path
      do {
        let store = try MapStore.open(path: path, initializeEmpty: true)
        try store.importMap(Fixture.map)
        #expect(throws: StoreError.self) {
          try store.importMap(
            ArgumentMap(
              claims: [Claim(id: "fresh", text: "Fresh")],
              relations: [Relation(from: "fresh", to: "ghost", kind: .supports)]))
        }
      }
      let reopened = try MapStore.open(path: path)
      #expect(try reopened.map() == Fixture.store().map())
      #expect(try directoryListing(dir) == ["map.argmap"])
    }
  }
}

/// An import indexes the claims it adds in one statement at the end, with the insert trigger
/// set aside meanwhile; the index must end as the triggers alone would leave it.
@Suite("MapStore.importMap's search index")
struct ImportIndexTests {
  /// FTS5 checks its index against the content table (the claims) when the rank is 1.
  private func checkIndex(_ store: MapStore) throws {
    try store.database.run(
      "INSERT INTO claims_fts (claims_fts, rank) VALUES ('integrity-check', 1)")
  }

  private func searches(_ store: MapStore) throws -> [[SearchHit]] {
    try ["scenario", "refusal", "models", "misaligned", "contrived", "roleplay"].map {
      try store.search($0)
    }
  }

  @Test func theIndexEqualsTheOneTheTriggersBuild() throws {
    let store = try Fixture.store()
    var map = Fixture.map
    // A stored claim edited, a new one, and a new one defined twice (the second time it is
    // merged into the row the first inserted, whose old text must be in the index by then).
    map.claims[0].text = "Models act out the contrived scenario they are given"
    let fresh = Claim(id: "fresh-claim", text: "A misaligned scenario nobody stored yet")
    var again = fresh
    again.text = "A misaligned scenario, restated"
    map.claims += [fresh, again]
    try store.importMap(map)
    try checkIndex(store)

    let rebuilt = try Fixture.store()
    try rebuilt.importMap(map)
    try rebuilt.database.run("INSERT INTO claims_fts (claims_fts) VALUES ('rebuild')")
    #expect(try searches(store) == searches(rebuilt))
    #expect(try store.search("restated").map(\.claim.id) == ["fresh-claim"])
  }

  @Test func theTriggerIsBackAfterAnImportAndAfterAFailedOne() throws {
    let store = try Fixture.store()
    let trigger = "SELECT sql FROM sqlite_schema WHERE name = 'claims_fts_insert'"
    let before = try store.database.prepare(trigger).first { $0.string(0) }
    // A new claim goes in, then a stored one clashes: the import fails inside the claims step.
    let clash = Claim(id: "models-roleplay", text: "Something else entirely", position: "safety")
    let broken = ArgumentMap(claims: [Claim(id: "doomed", text: "Rolled back"), clash])
    #expect(throws: StoreError.self) { try store.importMap(broken) }
    #expect(try store.database.prepare(trigger).first { $0.string(0) } == before)
    try store.addClaim(Claim(id: "added-later", text: "Indexed by the trigger itself"))
    #expect(try store.search("trigger").map(\.claim.id) == ["added-later"])
    try checkIndex(store)
  }
}
