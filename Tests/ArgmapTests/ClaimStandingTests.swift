import Argmap
import TestSupport
import Testing

/// `show` evaluates only the region that can reach a claim; that must agree with evaluating the
/// whole map, claim by claim.
@Suite struct ClaimStandingTests {
  @Test func everyBuiltinClaimStandsAsInTheWholeMap() throws {
    let map = try BuiltinCorpus.map()
    try expectRegionsAgree(map)
  }

  /// Random maps with every relation kind, cycles and converging chains included.
  @Test func randomMapsAgreeClaimByClaim() throws {
    var generator = SeededGenerator(seed: 7)
    for _ in 0..<40 {
      let count = 2 + Int(generator.next() % 12)
      let ids = (0..<count).map { "c\($0)" }
      var relations: [Relation] = []
      var pairs: Set<[Int]> = []
      for _ in 0..<(count * 2) {
        let from = Int(generator.next() % UInt64(count))
        let to = Int(generator.next() % UInt64(count))
        guard from != to, pairs.insert([from, to]).inserted, !pairs.contains([to, from]) else {
          continue
        }
        let kinds: [RelationKind] = [.supports, .rebuts, .contradicts, .rephrases, .prefers]
        relations.append(
          Relation(
            from: ids[from], to: ids[to], kind: kinds[Int(generator.next() % UInt64(kinds.count))]))
      }
      try expectRegionsAgree(
        ArgumentMap(claims: ids.map { Claim(id: $0, text: $0) }, relations: relations))
    }
  }

  private func expectRegionsAgree(_ map: ArgumentMap) throws {
    let store = try MapStore.inMemory()
    try store.importMap(map)
    let whole = try Evaluation.evaluate(map, semantics: .grounded, support: .derived)
    let strengths = Dictionary(
      uniqueKeysWithValues: zip(map.claims.map(\.id), DFQuAD.strengths(of: map).strengths))
    for (index, id) in map.claims.map(\.id).enumerated() {
      let standing = try Evaluation.standing(ofClaim: id, in: store).standing
      #expect(standing.grounded == whole.standings[index], "\(id)")
      #expect(abs(standing.strength - (strengths[id] ?? -1)) < 1e-9, "\(id)")
    }
  }
}
