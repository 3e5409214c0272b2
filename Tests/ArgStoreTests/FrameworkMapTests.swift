import ArgModel
import Testing

@testable import ArgStore

@Suite("MapStore.claimGraph and frameworkMap")
struct FrameworkMapTests {
  /// The integer graph holds what the semantics read from the full map: base scores in map
  /// order, and every relation's ends (as claim numbers) and kind; the named map adds ids and
  /// kinds, and its relations are the graph's.
  static func expectLean(_ store: MapStore) throws {
    let full = try store.map()
    let graph = try store.claimGraph()
    #expect(graph == ClaimGraph(map: full).withSeqs(graph.seqs).sortedRelations(like: graph))
    #expect(graph.seqs == graph.seqs.sorted())
    let named = try store.frameworkMap()
    #expect(
      named.claims == full.claims.map { Claim(id: $0.id, kind: $0.kind, text: "", base: $0.base) })
    #expect(
      Set(named.relations)
        == Set(full.relations.map { Relation(from: $0.from, to: $0.to, kind: $0.kind) }))
    #expect(named.relations.count == full.relations.count)
  }

  @Test func keepsWhatTheSemanticsRead() throws {
    try Self.expectLean(try Fixture.store())
  }

  /// A claim's region holds what `map(treeOf:)` holds: for every claim, support cycle and
  /// isolated claim of the fixture.
  @Test func regionsMatchTheFullRegions() throws {
    let store = try Fixture.store()
    for claim in try store.claims() {
      let full = try store.map(treeOf: claim.id)
      let (graph, named) = try store.framework(regionOf: claim.id)
      #expect(graph == ClaimGraph(map: full).withSeqs(graph.seqs).sortedRelations(like: graph))
      #expect(named.claims.map(\.id) == full.claims.map(\.id))
      #expect(
        Set(named.relations)
          == Set(full.relations.map { Relation(from: $0.from, to: $0.to, kind: $0.kind) }))
    }
    #expect(throws: StoreError.self) { try store.framework(regionOf: "no-such-claim") }
  }

  /// Removing claims leaves gaps in their seqs; relations must still find their ends, and
  /// claims looked up by seq must still be the right ones.
  @Test func findsClaimsAcrossGapsInTheirNumbering() throws {
    let store = try Fixture.store()
    let first = try #require(try store.claims().first)
    try store.removeClaim(id: first.id)
    try store.addClaim(Claim(id: "late-claim", text: "Added after a removal.", base: 0.25))
    #expect(try store.link(Relation(from: "late-claim", to: "loose-end", kind: .rebuts)))
    try Self.expectLean(store)
    let graph = try store.claimGraph()
    let late = try #require(graph.index(ofSeq: try store.seq(ofClaim: "late-claim")))
    let end = try #require(graph.index(ofSeq: try store.seq(ofClaim: "loose-end")))
    #expect(
      graph.relations.contains { $0 == .init(from: Int32(late), to: Int32(end), kind: .rebuts) })
    #expect(graph.bases[late] == 0.25)
  }

  /// Claims are named in the order asked, in batches larger than one statement's, duplicates
  /// and all; seqs of no claim are skipped.
  @Test func claimsAreNamedInTheOrderAsked() throws {
    let store = try Fixture.store()
    let claims = try store.claims()
    let graph = try store.claimGraph()
    let order = Array((graph.seqs + graph.seqs.reversed()).prefix(600)) + [-7] + graph.seqs
    var named: [(Int, String, String)] = []
    try store.forEachClaim(seqs: order, withTexts: true) { named.append(($0, $1, $2)) }
    let expected = order.compactMap { seq in
      graph.index(ofSeq: seq).map { (seq, claims[$0].id, claims[$0].text) }
    }
    #expect(named.map(\.0) == expected.map(\.0))
    #expect(named.map(\.1) == expected.map(\.1))
    #expect(named.map(\.2) == expected.map(\.2))
    var ids: [String] = []
    try store.forEachClaimID { ids.append($0) }
    #expect(ids == claims.map(\.id))
    #expect(try store.seqs(ofClaims: [claims[1].id, "nope"]) == [graph.seqs[1], nil])
    #expect(try store.longestClaimIDLength() == claims.map(\.id.count).max())
    #expect(throws: StoreError.self) { try store.seq(ofClaim: "nope") }
  }

  @Test func claimSeqsByTag() throws {
    let store = try Fixture.store()
    let tagged = try store.claims().filter { !$0.tags.isEmpty }
    for tag in Set(tagged.flatMap(\.tags)) {
      #expect(
        try store.claimSeqs(taggedWith: tag)
          == Set(try tagged.filter { $0.tags.contains(tag) }.map { try store.seq(ofClaim: $0.id) }))
    }
    // An unknown tag is not an empty selection but a mistake, with the nearest tag suggested.
    let tag = tagged.first?.tags.first ?? ""
    #expect(throws: StoreError.notFound(.tag, id: tag + "x", suggestion: tag)) {
      try store.claimSeqs(taggedWith: tag + "x")
    }
  }
}

extension ClaimGraph {
  /// The same graph with the store's seqs, for comparing with one made from a map.
  fileprivate func withSeqs(_ seqs: [Int]) -> ClaimGraph {
    ClaimGraph(seqs: seqs, bases: bases, relations: relations)
  }

  /// The same graph with its relations in `other`'s order, where both hold the same ones.
  fileprivate func sortedRelations(like other: ClaimGraph) -> ClaimGraph {
    guard Set(relations) == Set(other.relations), relations.count == other.relations.count
    else { return self }
    return ClaimGraph(seqs: seqs, bases: bases, relations: other.relations)
  }
}
