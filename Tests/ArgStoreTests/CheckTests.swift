import ArgModel
import SQLiteKit
import Testing

@testable import ArgStore

@Suite("MapStore.check and stats")
struct CheckTests {
  private func problems(_ store: MapStore, _ kind: MapProblem.Kind) throws -> [[String]] {
    try store.check().filter { $0.kind == kind }.map(\.claimIDs)
  }

  @Test func reportsEveryKindOfProblemInTheFixture() throws {
    let store = try Fixture.store()
    #expect(
      try store.check() == [
        MapProblem(kind: .unsupported, claimIDs: ["refusal-is-not-subversion"]),
        MapProblem(kind: .unsupported, claimIDs: ["blackmail-is-harm"]),
        MapProblem(kind: .unanswered, claimIDs: ["deployment-risk"]),
        MapProblem(
          kind: .supportCycle, claimIDs: ["models-roleplay", "contrived-setup", "realism-argument"]),
        MapProblem(kind: .isolated, claimIDs: ["loose-end"]),
        MapProblem(kind: .noProvenance, claimIDs: ["realism-argument"]),
        MapProblem(kind: .noProvenance, claimIDs: ["deployment-risk"]),
        MapProblem(kind: .noProvenance, claimIDs: ["loose-end"]),
      ])
  }

  @Test func aSupportedClaimIsNotUnsupported() throws {
    let store = try Fixture.store()
    try store.link(Relation(from: "loose-end", to: "blackmail-is-harm", kind: .supports))
    #expect(try problems(store, .unsupported) == [["refusal-is-not-subversion"]])
    #expect(try problems(store, .isolated) == [])
  }

  @Test func answeringARebuttalClosesIt() throws {
    let store = try Fixture.store()
    try store.link(Relation(from: "loose-end", to: "deployment-risk", kind: .rebuts))
    #expect(try problems(store, .unanswered) == [["loose-end"]])
  }

  @Test func aCycleIsReportedOnceWhereverItIsEntered() throws {
    let store = try MapStore.inMemory()
    // Defined out of cycle order, with a tail leading in and a chord making a second cycle.
    try store.importMap(
      ArgumentMap(
        claims: ["d", "b", "a", "c", "tail"].map { Claim(id: $0, text: $0) },
        relations: [
          Relation(from: "a", to: "b", kind: .supports),
          Relation(from: "b", to: "c", kind: .supports),
          Relation(from: "c", to: "d", kind: .supports),
          Relation(from: "d", to: "a", kind: .supports),
          Relation(from: "tail", to: "a", kind: .supports),
          Relation(from: "c", to: "a", kind: .supports),
        ]))
    // One group of circling claims, reported once: the shortest circle through its
    // earliest-defined claim, d (seq 1).
    #expect(try problems(store, .supportCycle) == [["d", "a", "b", "c"]])
  }

  @Test func aCycleThroughARebuttalIsNotASupportCycle() throws {
    let store = try MapStore.inMemory()
    try store.importMap(
      ArgumentMap(
        claims: ["a", "b", "c"].map { Claim(id: $0, text: $0) },
        relations: [
          Relation(from: "a", to: "b", kind: .supports),
          Relation(from: "b", to: "c", kind: .supports),
          Relation(from: "c", to: "a", kind: .rebuts),
        ]))
    #expect(try problems(store, .supportCycle) == [])
  }

  @Test func aMutualSupportIsATwoClaimCycle() throws {
    let store = try MapStore.inMemory()
    try store.importMap(
      ArgumentMap(
        claims: ["x", "y"].map { Claim(id: $0, text: $0) },
        relations: [
          Relation(from: "y", to: "x", kind: .supports),
          Relation(from: "x", to: "y", kind: .supports),
        ]))
    #expect(try problems(store, .supportCycle) == [["x", "y"]])
  }

  @Test(.timeLimit(.minutes(1)))
  func manyConvergingSupportsAreCheckedQuickly() throws {
    // Every claim supports every later one: no cycle, but 2^22 support paths. Walking each
    // path, as a naive cycle search does, takes many seconds here and doubles per claim added.
    let store = try Fixture.denseSupportStore(claims: 24)
    let start = ContinuousClock.now
    let cycles = try problems(store, .supportCycle)
    let elapsed = ContinuousClock.now - start
    #expect(cycles == [])
    #expect(elapsed < .seconds(3), "check took \(elapsed)")
    // One edge back closes circles through every claim in between: one group, shown by its
    // shortest circle.
    try store.link(Relation(from: "n3", to: "n0", kind: .supports))
    #expect(try problems(store, .supportCycle) == [["n0", "n3"]])
  }

  @Test func anEmptyMapHasNoProblems() throws {
    #expect(try MapStore.inMemory().check() == [])
  }

  @Test func statsCountTheFixture() throws {
    let store = try Fixture.store()
    let stats = try store.stats()
    #expect(
      stats
        == MapStats(
          schemaVersion: Schema.latestVersion, positions: 3, statements: 7, arguments: 1,
          relationCounts: [
            .supports: 4, .rebuts: 3, .undercuts: 0, .contradicts: 0, .rephrases: 0, .prefers: 0,
          ], sources: 2, tags: 4, comments: 4, claimsWithQuote: 5))
    #expect(stats.claims == 8)
    #expect(stats.relations == 7)
  }

  /// An undercut or a contradiction is an attack too: it makes its target unsupported and,
  /// unless answered, is an open objection. A contradiction's two sides answer each other.
  @Test func undercutsAndContradictionsCountAsAttacks() throws {
    let store = try MapStore.inMemory()
    try store.importMap(
      ArgumentMap(
        claims: [
          Claim(id: "arg", kind: .argument, text: "Arg"), Claim(id: "cut", text: "Cut"),
          Claim(id: "x", text: "X"), Claim(id: "y", text: "Y"),
        ],
        relations: [
          Relation(from: "cut", to: "arg", kind: .undercuts),
          Relation(from: "x", to: "y", kind: .contradicts),
        ]))
    let problems = try store.check()
    #expect(
      Set(problems.filter { $0.kind == .unsupported }.flatMap(\.claimIDs)) == ["arg", "x", "y"])
    #expect(problems.filter { $0.kind == .unanswered }.flatMap(\.claimIDs) == ["cut"])
    #expect(try store.stats().relationCounts[.undercuts] == 1)
    #expect(try store.stats().relations == 2)
  }

  @Test func statsOfAnEmptyStore() throws {
    let stats = try MapStore.inMemory().stats()
    #expect(stats.claims == 0 && stats.relations == 0 && stats.positions == 0)
    #expect(stats.sources == 0)
    #expect(stats.schemaVersion == Schema.latestVersion)
  }
}
