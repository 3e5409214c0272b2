import ArgModel
import Testing

@testable import ArgStore

@Suite("MapStore.frameworkMap")
struct FrameworkMapTests {
  /// The lean map keeps what the semantics read from the full one: ids, kinds and base scores
  /// in map order, and every relation's ends and kind; texts only when asked for.
  static func expectLean(_ store: MapStore) throws {
    let full = try store.map()
    let strip = { (withTexts: Bool) in
      full.claims.map {
        Claim(id: $0.id, kind: $0.kind, text: withTexts ? $0.text : "", base: $0.base)
      }
    }
    let edges = { (map: ArgumentMap) in
      Set(map.relations.map { [$0.from, $0.to, $0.kind.rawValue] })
    }
    for withTexts in [false, true] {
      let lean = try store.frameworkMap(withTexts: withTexts)
      #expect(lean.claims == strip(withTexts))
      #expect(edges(lean) == edges(full))
      #expect(lean.relations.count == full.relations.count)
    }
  }

  @Test func keepsWhatTheSemanticsRead() throws {
    try Self.expectLean(try Fixture.store())
  }

  /// A claim's region, lean, holds what `map(treeOf:)` holds: for every claim, support cycle
  /// and isolated claim of the fixture.
  @Test func regionsMatchTheFullRegions() throws {
    let store = try Fixture.store()
    for claim in try store.claims() {
      let full = try store.map(treeOf: claim.id)
      let lean = try store.frameworkMap(treeOf: claim.id)
      #expect(
        lean.claims
          == full.claims.map { Claim(id: $0.id, kind: $0.kind, text: "", base: $0.base) })
      #expect(
        Set(lean.relations.map { [$0.from, $0.to, $0.kind.rawValue] })
          == Set(full.relations.map { [$0.from, $0.to, $0.kind.rawValue] }))
      #expect(lean.relations.count == full.relations.count)
    }
    #expect(throws: StoreError.self) { try store.frameworkMap(treeOf: "no-such-claim") }
  }

  /// Removing claims leaves gaps in their seqs; relations must still find their ends.
  @Test func findsClaimsAcrossGapsInTheirNumbering() throws {
    let store = try Fixture.store()
    let first = try #require(try store.claims().first)
    try store.removeClaim(id: first.id)
    try store.addClaim(Claim(id: "late-claim", text: "Added after a removal.", base: 0.25))
    #expect(try store.link(Relation(from: "late-claim", to: "loose-end", kind: .rebuts)))
    try Self.expectLean(store)
    #expect(
      try store.frameworkMap(withTexts: false).relations.contains {
        $0.from == "late-claim" && $0.to == "loose-end"
      })
  }

  @Test func claimIDsByTag() throws {
    let store = try Fixture.store()
    let tagged = try store.claims().filter { !$0.tags.isEmpty }
    for tag in Set(tagged.flatMap(\.tags)) {
      #expect(
        try store.claimIDs(taggedWith: tag)
          == Set(tagged.filter { $0.tags.contains(tag) }.map(\.id)))
    }
    // An unknown tag is not an empty selection but a mistake, with the nearest tag suggested.
    let tag = tagged.first?.tags.first ?? ""
    #expect(throws: StoreError.notFound(.tag, id: tag + "x", suggestion: tag)) {
      try store.claimIDs(taggedWith: tag + "x")
    }
  }
}
