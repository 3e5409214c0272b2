import ArgModel
import ArgSemantics
import TestSupport
import Testing

/// The strengths of `bipolarMap(ids, relations, bases:)` by claim id.
private func strengths(
  _ ids: [String], _ relations: [String], bases: [String: Double] = [:]
) -> [String: Double] {
  let result = DFQuAD.strengths(of: bipolarMap(ids, relations, bases: bases))
  #expect(result.isAcyclic)
  #expect(result.converged && result.iterations == 1)
  return Dictionary(uniqueKeysWithValues: zip(ids, result.strengths))
}

private func close(_ lhs: Double?, _ rhs: Double, within tolerance: Double = 1e-12) -> Bool {
  guard let lhs else { return false }
  return abs(lhs - rhs) <= tolerance
}

/// The textbook definition, written independently: one Jacobi sweep of
/// σ(a) = C(τ(a), F(attackers), F(supporters)) over plain edge lists.
private func naiveSweep(
  _ strength: [Double], base: [Double], rebuts: [(Int, Int)], supports: [(Int, Int)]
) -> [Double] {
  (0..<base.count).map { node in
    let attack = 1 - rebuts.filter { $0.1 == node }.reduce(1.0) { $0 * (1 - strength[$1.0]) }
    let support = 1 - supports.filter { $0.1 == node }.reduce(1.0) { $0 * (1 - strength[$1.0]) }
    let v0 = base[node]
    return attack >= support ? v0 - v0 * (attack - support) : v0 + (1 - v0) * (support - attack)
  }
}

@Suite struct DFQuADTests {
  @Test func withoutRelationsStrengthIsTheBase() {
    let result = strengths(["a", "b"], [], bases: ["a": 0.8])
    #expect(result == ["a": 0.8, "b": Claim.defaultBase])
  }

  @Test func oneAttackerWeakensByItsStrength() {
    // σ(b) = 0.8 − 0.8·0.5
    let result = strengths(["a", "b"], ["a x b"], bases: ["b": 0.8])
    #expect(close(result["b"], 0.4))
    #expect(result["a"] == 0.5)
  }

  @Test func oneSupporterStrengthensTowardOne() {
    // σ(b) = 0.8 + (1 − 0.8)·0.5
    let result = strengths(["a", "b"], ["a > b"], bases: ["b": 0.8])
    #expect(close(result["b"], 0.9))
  }

  @Test func equalAttackAndSupportLeaveTheBase() {
    let result = strengths(
      ["a", "b", "c"], ["a x c", "b > c"], bases: ["a": 0.6, "b": 0.6, "c": 0.3])
    #expect(result["c"] == 0.3)
  }

  @Test func chainsPropagateBottomUp() {
    // A certain attacker silences b, which then no longer weakens c.
    let attacks = strengths(["a", "b", "c"], ["a x b", "b x c"], bases: ["a": 1])
    #expect(attacks["b"] == 0)
    #expect(attacks["c"] == 0.5)
    // Supports compound: b = 0.5 + 0.5·0.5 = 0.75, c = 0.5 + 0.5·0.75 = 0.875.
    let supports = strengths(["a", "b", "c"], ["a > b", "b > c"])
    #expect(close(supports["b"], 0.75))
    #expect(close(supports["c"], 0.875))
  }

  @Test func severalAttackersAndSupportersAggregateByProbabilisticSum() {
    // F(0.5, 0.5, 0.2) = 1 − 0.5·0.5·0.8 = 0.8 against F(0.4) = 0.4: 0.6 − 0.6·0.4 = 0.36.
    let attacked = strengths(
      ["a1", "a2", "a3", "s", "d"], ["a1 x d", "a2 x d", "a3 x d", "s > d"],
      bases: ["a3": 0.2, "s": 0.4, "d": 0.6])
    #expect(close(attacked["d"], 0.36))
    // F(0.5, 0.5) = 0.75 against F(0.25) = 0.25: 0.6 + 0.4·0.5 = 0.8.
    let supported = strengths(
      ["s1", "s2", "a", "d"], ["s1 > d", "s2 > d", "a x d"], bases: ["a": 0.25, "d": 0.6])
    #expect(close(supported["d"], 0.8))
  }

  @Test func aRelationListedTwiceCountsOnceAndUnknownClaimsAreSkipped() {
    let result = strengths(["a", "b"], ["a x b", "a x b", "ghost x b", "a > ghost"])
    #expect(close(result["b"], 0.25))
  }

  @Test func basesOutsideTheUnitIntervalAreClamped() {
    let result = strengths(["a", "b"], ["a > b"], bases: ["a": 3, "b": -1])
    #expect(result["a"] == 1)
    #expect(result["b"] == 1)
  }

  /// Random DAGs in shuffled map order: the single pass equals the naive fixpoint, reached
  /// here by sweeping until nothing changes.
  @Test func acyclicPassIsExact() {
    var random = SeededGenerator(seed: 11)
    for _ in 0..<200 {
      let count = 1 + random.below(12)
      // A hidden topological rank, so edges never close a cycle whatever the map order.
      let rank = (0..<count).map { _ in random.next() }
      var rebuts: [(Int, Int)] = []
      var supports: [(Int, Int)] = []
      for _ in 0..<random.below(3 * count + 1) {
        let from = random.below(count)
        let to = random.below(count)
        guard rank[from] < rank[to] else { continue }
        if random.below(2) == 0 { rebuts.append((from, to)) } else { supports.append((from, to)) }
      }
      rebuts = uniqued(rebuts)
      supports = uniqued(supports)
      let base = (0..<count).map { _ in random.below(4) == 0 ? Claim.defaultBase : random.unit() }
      let map = ArgumentMap(
        claims: (0..<count).map { Claim(id: "c\($0)", text: "C.", base: base[$0]) },
        relations: rebuts.map { Relation(from: "c\($0.0)", to: "c\($0.1)", kind: .rebuts) }
          + supports.map { Relation(from: "c\($0.0)", to: "c\($0.1)", kind: .supports) })
      let result = DFQuAD.strengths(of: map)
      var naive = base
      for _ in 0...count {
        naive = naiveSweep(naive, base: base, rebuts: rebuts, supports: supports)
      }
      #expect(result.isAcyclic && result.converged && result.iterations == 1)
      #expect(
        zip(result.strengths, naive).allSatisfy { abs($0 - $1) <= 1e-12 },
        "\(result.strengths) vs \(naive)")
    }
  }

  @Test func mutualAttackConvergesToItsFixedPoint() {
    // σ = 0.5 − 0.5·σ for both: σ = 1/3.
    let result = DFQuAD.strengths(
      of: bipolarMap(["a", "b", "c"], ["a x b", "b x a", "c > a"], bases: ["c": 0]))
    #expect(!result.isAcyclic)
    #expect(result.converged)
    #expect(result.iterations > 1)
    #expect(abs(result.strengths[0] - 1.0 / 3) < 1e-8)
    #expect(abs(result.strengths[1] - 1.0 / 3) < 1e-8)
    #expect(result.strengths[2] == 0)
  }

  @Test func supportCycleConvergesTowardOne() {
    // σ = 0.5 + 0.5·σ for both: σ = 1; the claim it rebuts then falls to 0.
    let result = DFQuAD.strengths(of: bipolarMap(["a", "b", "d"], ["a > b", "b > a", "b x d"]))
    #expect(result.converged && !result.isAcyclic)
    #expect(abs(result.strengths[0] - 1) < 1e-8)
    #expect(abs(result.strengths[2]) < 1e-8)
  }

  @Test func anOddCycleOfCertainClaimsDoesNotConverge() {
    let map = bipolarMap(
      ["a", "b", "c"], ["a x b", "b x c", "c x a"], bases: ["a": 1, "b": 1, "c": 1])
    let result = DFQuAD.strengths(of: ClaimGraph(map: map), maxIterations: 50)
    #expect(!result.converged)
    #expect(!result.isAcyclic)
    #expect(result.iterations == 50)
    #expect(result.strengths.allSatisfy { (0...1).contains($0) })
  }

  /// Random maps with cycles: every strength stays in [0, 1], and a converged answer is a
  /// fixed point of the definition.
  @Test func cyclicResultsStayInTheUnitIntervalAndConvergedOnesAreFixedPoints() {
    var random = SeededGenerator(seed: 5)
    var convergedCount = 0
    for _ in 0..<200 {
      let count = 2 + random.below(8)
      var rebuts: [(Int, Int)] = []
      var supports: [(Int, Int)] = []
      for _ in 0..<random.below(3 * count) + 2 {
        let edge = (random.below(count), random.below(count))
        if random.below(2) == 0 { rebuts.append(edge) } else { supports.append(edge) }
      }
      rebuts = uniqued(rebuts)
      supports = uniqued(supports)
      let base = (0..<count).map { _ in random.unit() }
      let map = ArgumentMap(
        claims: (0..<count).map { Claim(id: "c\($0)", text: "C.", base: base[$0]) },
        relations: rebuts.map { Relation(from: "c\($0.0)", to: "c\($0.1)", kind: .rebuts) }
          + supports.map { Relation(from: "c\($0.0)", to: "c\($0.1)", kind: .supports) })
      let result = DFQuAD.strengths(
        of: ClaimGraph(map: map), tolerance: 1e-12, maxIterations: 2_000)
      #expect(result.strengths.allSatisfy { (0...1).contains($0) })
      if result.converged {
        convergedCount += 1
        let again = naiveSweep(result.strengths, base: base, rebuts: rebuts, supports: supports)
        #expect(zip(result.strengths, again).allSatisfy { abs($0 - $1) <= 1e-9 })
      }
    }
    #expect(convergedCount > 100)
  }

  @Test func emptyMap() {
    #expect(
      DFQuAD.strengths(of: ArgumentMap())
        == StrengthResult(strengths: [], converged: true, iterations: 1, isAcyclic: true))
  }

  /// 10^5 claims in a random tree: one linear pass.
  @Test func largeRandomTreeIsFast() {
    let count = 100_000
    var random = SeededGenerator(seed: 99)
    var claims: [Claim] = []
    var relations: [Relation] = []
    for index in 0..<count {
      claims.append(
        Claim(id: "c\(index)", text: "C.", base: random.below(3) == 0 ? random.unit() : nil))
      if index > 0 {
        relations.append(
          Relation(
            from: "c\(index)", to: "c\(random.below(index))",
            kind: random.below(2) == 0 ? .supports : .rebuts))
      }
    }
    let map = ArgumentMap(claims: claims, relations: relations)
    let clock = ContinuousClock()
    var result: StrengthResult?
    let elapsed = clock.measure { result = DFQuAD.strengths(of: map) }
    #expect(result!.isAcyclic && result!.iterations == 1)
    #expect(result!.strengths.count == count)
    #expect(result!.strengths.allSatisfy { (0...1).contains($0) })
    // The leaves (claims nothing points at) keep their base.
    let pointedAt = Set(relations.map(\.to))
    for (index, claim) in claims.enumerated().suffix(1_000) where !pointedAt.contains(claim.id) {
      #expect(result!.strengths[index] == (claim.base ?? Claim.defaultBase))
    }
    #expect(elapsed < .seconds(10), "DF-QuAD on 10^5 claims took \(elapsed)")
  }
}

private func uniqued(_ edges: [(Int, Int)]) -> [(Int, Int)] {
  var seen = Set<[Int]>()
  return edges.filter { seen.insert([$0.0, $0.1]).inserted }
}
