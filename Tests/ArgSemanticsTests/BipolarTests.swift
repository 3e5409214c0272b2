import ArgModel
import ArgSemantics
import TestSupport
import Testing

/// A map over claims named by `ids`, with relations written `"a > b"` (a supports b) and
/// `"a x b"` (a rebuts b).
func bipolarMap(_ ids: [String], _ relations: [String], bases: [String: Double] = [:])
  -> ArgumentMap
{
  ArgumentMap(
    claims: ids.map { Claim(id: $0, text: "Claim \($0).", base: bases[$0]) },
    relations: relations.map { line in
      let parts = line.split(separator: " ").map(String.init)
      precondition(parts.count == 3 && (parts[1] == ">" || parts[1] == "x"), "bad relation \(line)")
      return Relation(from: parts[0], to: parts[2], kind: parts[1] == ">" ? .supports : .rebuts)
    })
}

/// The framework's attacks as `"a→b"` names, sorted.
private func attacks(_ bipolar: BipolarFramework) -> [String] {
  let framework = bipolar.framework
  return (0..<framework.argumentCount).flatMap { attacker in
    framework.targets(of: attacker).map {
      "\(framework.names[attacker])→\(framework.names[Int($0)])"
    }
  }.sorted()
}

/// A derivation with claim names instead of indices, for readable expectations.
func bipolarExplained(_ derivation: BipolarFramework.Derivation, _ names: [String]) -> String {
  "\(names[derivation.attacker])→\(names[derivation.target]) \(derivation.kind.rawValue) "
    + derivation.via.map { names[$0] }.joined(separator: ",")
}

extension SeededGenerator {
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
  mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

@Suite struct BipolarTests {
  /// Undercuts attack the argument they aim at; a contradiction attacks both ways; rephrasing
  /// and preference neither support nor attack.
  @Test func everyAttackKindBecomesAnAttack() {
    let map = ArgumentMap(
      claims: ["arg", "cut", "x", "y", "same", "better"].map { Claim(id: $0, text: $0) },
      relations: [
        Relation(from: "cut", to: "arg", kind: .undercuts),
        Relation(from: "x", to: "y", kind: .contradicts),
        Relation(from: "same", to: "x", kind: .rephrases),
        Relation(from: "better", to: "y", kind: .prefers),
      ])
    let bipolar = BipolarFramework(map: map, support: .derived)
    #expect(attacks(bipolar) == ["cut→arg", "x→y", "y→x"])
    #expect(bipolar.derivations.isEmpty)
  }

  @Test func ignoreModeKeepsExactlyTheRebuts() {
    let map = bipolarMap(["a", "b", "c", "d"], ["a > b", "b x c", "d x a", "c > d"])
    let bipolar = BipolarFramework(map: map, support: .ignore)
    #expect(attacks(bipolar) == ["b→c", "d→a"])
    #expect(bipolar.derivations.isEmpty)
    #expect(bipolar.framework.names == ["a", "b", "c", "d"])
  }

  @Test func supportedAttackFromThePaper() {
    // a supports b, b rebuts c: a attacks c.
    let bipolar = BipolarFramework(
      map: bipolarMap(["a", "b", "c"], ["a > b", "b x c"]), support: .derived)
    #expect(attacks(bipolar) == ["a→c", "b→c"])
    #expect(
      bipolar.derivations == [.init(attacker: 0, target: 2, kind: .supported, via: [0, 1, 2])])
  }

  @Test func secondaryAttackFromThePaper() {
    // a rebuts b, b supports c: a attacks c.
    let bipolar = BipolarFramework(
      map: bipolarMap(["a", "b", "c"], ["a x b", "b > c"]), support: .derived)
    #expect(attacks(bipolar) == ["a→b", "a→c"])
    #expect(
      bipolar.derivations == [.init(attacker: 0, target: 2, kind: .secondary, via: [0, 1, 2])])
  }

  @Test func supportsDoNotAttackOnTheirOwn() {
    let map = bipolarMap(["a", "b", "c"], ["a > b", "b > c", "c > a"])
    let bipolar = BipolarFramework(map: map, support: .derived)
    #expect(bipolar.framework.attackCount == 0)
    #expect(bipolar.derivations.isEmpty)
  }

  @Test func chainsOfSupportsOnBothSidesOfARebut() {
    // s1 > s2 > s3 x t, t > u > w: every claim up to s3 attacks everything from t on.
    let ids = ["s1", "s2", "s3", "t", "u", "w"]
    let bipolar = BipolarFramework(
      map: bipolarMap(ids, ["s1 > s2", "s2 > s3", "s3 x t", "t > u", "u > w"]), support: .derived)
    let expected = ["s1", "s2", "s3"].flatMap { a in ["t", "u", "w"].map { "\(a)→\($0)" } }
    #expect(attacks(bipolar) == expected.sorted())
    let names = bipolar.framework.names
    #expect(
      bipolar.derivations.map { bipolarExplained($0, names) } == [
        "s1→t supported s1,s2,s3,t",
        "s1→u supported s1,s2,s3,t,u",
        "s1→w supported s1,s2,s3,t,u,w",
        "s2→t supported s2,s3,t",
        "s2→u supported s2,s3,t,u",
        "s2→w supported s2,s3,t,u,w",
        "s3→u secondary s3,t,u",
        "s3→w secondary s3,t,u,w",
      ])
  }

  @Test func theClosureAlsoRunsThroughDerivedAttacks() {
    // a > b x c > d: the supported attack a→c carries on down c's support to d.
    let bipolar = BipolarFramework(
      map: bipolarMap(["a", "b", "c", "d"], ["a > b", "b x c", "c > d"]), support: .derived)
    #expect(attacks(bipolar) == ["a→c", "a→d", "b→c", "b→d"])
    #expect(bipolar.framework.attacks(0, 3))
  }

  /// A claim that supports what rebuts it attacks itself, and so does the rebutter; the
  /// supporter even attacks the claim it supports (a > b x a > b). All of it follows from the
  /// paper's two rules closed under chains, and neither claim can then be accepted.
  @Test func supportingYourOwnRebutterMakesBothSelfAttacking() {
    let bipolar = BipolarFramework(
      map: bipolarMap(["a", "b"], ["a > b", "b x a"]), support: .derived)
    #expect(attacks(bipolar) == ["a→a", "a→b", "b→a", "b→b"])
    let names = bipolar.framework.names
    #expect(
      bipolar.derivations.map { bipolarExplained($0, names) } == [
        "a→a supported a,b,a",
        "a→b supported a,b,a,b",
        "b→b secondary b,a,b",
      ])
    // Without derived attacks nothing attacks itself.
    #expect(
      attacks(BipolarFramework(map: bipolarMap(["a", "b"], ["a > b", "b x a"]), support: .ignore))
        == ["b→a"])
  }

  @Test func aDirectRebutIsNotReportedAsDerived() {
    // a rebuts c directly and also through b: one attack, no derivation.
    let bipolar = BipolarFramework(
      map: bipolarMap(["a", "b", "c"], ["a > b", "b x c", "a x c"]), support: .derived)
    #expect(attacks(bipolar) == ["a→c", "b→c"])
    #expect(bipolar.derivations.isEmpty)
  }

  @Test func theShortestChainExplainsAnAttack() {
    // a reaches d through b and c, and more directly through c alone.
    let bipolar = BipolarFramework(
      map: bipolarMap(["a", "b", "c", "d"], ["a > b", "b > c", "a > c", "c x d"]), support: .derived
    )
    let names = bipolar.framework.names
    #expect(
      bipolar.derivations.map { bipolarExplained($0, names) } == [
        "a→d supported a,c,d", "b→d supported b,c,d",
      ])
  }

  @Test func unknownClaimsAreSkippedAndIndicesFollowMapOrder() {
    let map = bipolarMap(
      ["b", "a", "c"], ["a > b", "b x c", "ghost x a", "a > ghost", "c x c", "c x c"])
    let bipolar = BipolarFramework(map: map, support: .derived)
    #expect(bipolar.framework.names == ["b", "a", "c"])
    #expect(attacks(bipolar) == ["a→c", "b→c", "c→c"])
  }

  @Test func emptyMap() {
    let bipolar = BipolarFramework(map: ArgumentMap(), support: .derived)
    #expect(bipolar.framework.argumentCount == 0)
    #expect(bipolar.derivations.isEmpty)
  }

  /// Random small maps: the derived attacks equal a naive fixpoint of the paper's two rules,
  /// and every derivation is a well-formed chain in the map.
  @Test func derivedAttacksMatchTheNaiveClosureAndEachIsExplained() {
    var random = SeededGenerator(seed: 7)
    for _ in 0..<300 {
      let count = 1 + random.below(8)
      let ids = (0..<count).map { "c\($0)" }
      var supports = Set<[Int]>()
      var rebuts = Set<[Int]>()
      for _ in 0..<random.below(3 * count) {
        let edge = [random.below(count), random.below(count)]
        if random.below(2) == 0 { supports.insert(edge) } else { rebuts.insert(edge) }
      }
      let relations =
        supports.map { "c\($0[0]) > c\($0[1])" } + rebuts.map { "c\($0[0]) x c\($0[1])" }
      let bipolar = BipolarFramework(map: bipolarMap(ids, relations), support: .derived)

      // Naive closure: apply "a supports b, b attacks c ⇒ a attacks c" and "a attacks b, b
      // supports c ⇒ a attacks c" until nothing changes (this also chains supports).
      var closure = rebuts
      var changed = true
      while changed {
        changed = false
        for attack in closure {
          for support in supports {
            if support[1] == attack[0], closure.insert([support[0], attack[1]]).inserted {
              changed = true
            }
            if support[0] == attack[1], closure.insert([attack[0], support[1]]).inserted {
              changed = true
            }
          }
        }
      }
      var built = Set<[Int]>()
      for attacker in 0..<count {
        for target in bipolar.framework.targets(of: attacker) {
          built.insert([attacker, Int(target)])
        }
      }
      #expect(built == closure, "\(relations)")

      // One derivation per attack that is not a rebut, each a chain of supports with one rebut.
      #expect(
        Set(bipolar.derivations.map { [$0.attacker, $0.target] }) == closure.subtracting(rebuts))
      #expect(bipolar.derivations.count == closure.subtracting(rebuts).count)
      for derivation in bipolar.derivations {
        let via = derivation.via
        #expect(via.first == derivation.attacker && via.last == derivation.target)
        #expect(via.count >= 3)
        let steps = zip(via, via.dropFirst()).map { [$0, $1] }
        let rebutSteps = steps.indices.filter {
          rebuts.contains(steps[$0]) && !supports.contains(steps[$0])
        }
        let supportSteps = steps.indices.filter { supports.contains(steps[$0]) }
        #expect(steps.allSatisfy { supports.contains($0) || rebuts.contains($0) })
        #expect(rebutSteps.count <= 1)
        #expect(steps.count - supportSteps.count <= 1)
        let startsWithRebut = rebuts.contains(steps[0]) && !supports.contains(steps[0])
        if startsWithRebut { #expect(derivation.kind == .secondary) }
        if !rebuts.contains(steps[0]) { #expect(derivation.kind == .supported) }
      }
      #expect(
        bipolar.derivations.map { [$0.attacker, $0.target] }
          == bipolar.derivations.map { [$0.attacker, $0.target] }.sorted {
            $0.lexicographicallyPrecedes($1)
          })
    }
  }

  /// Random small maps, support cycles included: the linear-size grounded labelling equals the
  /// grounded labelling of the materialised derived framework, with and without assumptions.
  @Test func derivedGroundedMatchesTheMaterialisedFramework() {
    var random = SeededGenerator(seed: 11)
    for _ in 0..<500 {
      let count = 1 + random.below(9)
      let ids = (0..<count).map { "c\($0)" }
      let relations = (0..<random.below(3 * count)).map { _ in
        "c\(random.below(count)) \(random.below(3) == 0 ? "x" : ">") c\(random.below(count))"
      }
      let map = bipolarMap(ids, relations)
      let materialised = BipolarFramework(map: map, support: .derived).framework
      let derived = DerivedGrounded(graph: ClaimGraph(map: map))
      #expect(derived.claimCount == ids.count)
      #expect(derived.labelling() == Solver.grounded(materialised), "\(relations)")
      var assuming: [Int: Label] = [:]
      for _ in 0..<random.below(3) {
        assuming[random.below(count)] = random.below(2) == 0 ? .in : .out
      }
      #expect(
        derived.labelling(assuming: assuming)
          == Solver.grounded(materialised, assuming: assuming), "\(relations) \(assuming)")
    }
  }

  /// 10^5 claims in a random tree, each child supporting (70%) or rebutting its parent, as in a
  /// debate; the closure must stay near linear.
  @Test func largeRandomTreeIsFast() {
    let count = 100_000
    var random = SeededGenerator(seed: 42)
    var claims: [Claim] = []
    claims.reserveCapacity(count)
    var relations: [Relation] = []
    relations.reserveCapacity(count)
    var parent = [-1]
    var supportsParent = [false]
    for index in 0..<count {
      claims.append(Claim(id: "c\(index)", text: "Claim \(index)."))
      if index > 0 {
        let up = random.below(index)
        let supports = random.below(10) < 7
        parent.append(up)
        supportsParent.append(supports)
        relations.append(
          Relation(from: "c\(index)", to: "c\(up)", kind: supports ? .supports : .rebuts))
      }
    }
    let map = ArgumentMap(claims: claims, relations: relations)
    let clock = ContinuousClock()
    var bipolar: BipolarFramework?
    let elapsed = clock.measure { bipolar = BipolarFramework(map: map, support: .derived) }
    let framework = bipolar!.framework

    // Count the attacks independently: x rebuts y contributes (support-descendants of x,
    // inclusive) × (support-ancestors of y, inclusive); in a tree these pairs never repeat.
    var supportSubtree = [Int](repeating: 1, count: count)
    for index in stride(from: count - 1, to: 0, by: -1) where supportsParent[index] {
      supportSubtree[parent[index]] += supportSubtree[index]
    }
    var supportAncestors = [Int](repeating: 1, count: count)
    for index in 1..<count where supportsParent[index] {
      supportAncestors[index] = supportAncestors[parent[index]] + 1
    }
    var expected = 0
    for index in 1..<count where !supportsParent[index] {
      expected += supportSubtree[index] * supportAncestors[parent[index]]
    }
    #expect(framework.attackCount == expected)
    #expect(
      framework.attackCount == relations.count { $0.kind == .rebuts } + bipolar!.derivations.count)
    #expect(elapsed < .seconds(20), "derived attacks on 10^5 claims took \(elapsed)")
  }
}

/// The README's worked example: position 2 of the built-in corpus (never subvert users).
@Suite struct BipolarReadmeExampleTests {
  static let map = bipolarMap(
    [
      "blackmail-not-egregiously-misaligned", "llms-must-never-subvert-users",
      "explicit-instructions-strengthen-rule", "never-subvert-is-wrong",
      "developers-reject-never-subvert", "refusal-is-not-subversion",
      "refusal-vs-subversion-line", "blackmail-and-lying-are-subversion",
    ],
    [
      "llms-must-never-subvert-users x blackmail-not-egregiously-misaligned",
      "explicit-instructions-strengthen-rule > llms-must-never-subvert-users",
      "never-subvert-is-wrong x llms-must-never-subvert-users",
      "developers-reject-never-subvert > never-subvert-is-wrong",
      "refusal-is-not-subversion x developers-reject-never-subvert",
      "refusal-vs-subversion-line > llms-must-never-subvert-users",
      "refusal-is-not-subversion > refusal-vs-subversion-line",
      "blackmail-and-lying-are-subversion > refusal-vs-subversion-line",
      "refusal-vs-subversion-line x never-subvert-is-wrong",
    ])

  @Test func derivedAttacksOfPositionTwo() {
    let bipolar = BipolarFramework(map: Self.map, support: .derived)
    let names = bipolar.framework.names
    let lines = Set(bipolar.derivations.map { bipolarExplained($0, names) })
    #expect(
      lines.contains(
        "explicit-instructions-strengthen-rule→blackmail-not-egregiously-misaligned supported "
          + "explicit-instructions-strengthen-rule,llms-must-never-subvert-users,"
          + "blackmail-not-egregiously-misaligned"))
    #expect(
      lines.contains(
        "refusal-is-not-subversion→never-subvert-is-wrong secondary "
          + "refusal-is-not-subversion,developers-reject-never-subvert,never-subvert-is-wrong"))
    #expect(BipolarFramework(map: Self.map, support: .ignore).framework.attackCount == 4)
  }
}
