import Argmap
import TestSupport
import Testing

/// `why`'s proofs, each checked by a verifier written here against the semantics' definitions
/// and the map's own relations, trusting nothing the solver computed; and each agreeing with
/// `evaluate`.
@Suite struct WhyTests {
  @Test(arguments: [Semantics.grounded, .preferred, .stable], SupportMode.allCases)
  func everyBuiltinProofIsValidAndAgreesWithEvaluate(semantics: Semantics, support: SupportMode)
    throws
  {
    let map = try BuiltinCorpus.map()
    let store = try MapStore.inMemory()
    try store.importMap(map)
    let whole = try Evaluation.evaluate(map, semantics: semantics, support: support)
    let verifier = Verifier(map, support: support)
    for (index, id) in map.claims.map(\.id).enumerated() {
      // Through the store, as the CLI asks: the claim's region, or the whole map for stable.
      let proof = try Evaluation.proof(
        ofClaim: id, in: store, semantics: semantics, support: support)
      #expect(proof.standing == whole.standings[index], "\(id)")
      let regional = Verifier(
        try semantics == .stable ? map : store.framework(regionOf: id).map, support: support)
      #expect(regional.problems(proof) == [], "\(id)")
      // The whole map's proof too, against the whole map's labellings.
      let full = try Proof(claim: id, in: map, semantics: semantics, support: support)
      #expect(verifier.problems(full, labellings: whole.labellings) == [], "\(id)")
    }
  }

  /// Thousands of small random maps, with cycles of attacks and supports, every relation kind.
  @Test(arguments: [(Semantics.grounded, 2000), (.preferred, 500), (.stable, 500)])
  func randomProofsAreValidAndAgreeWithEvaluate(semantics: Semantics, maps: Int) throws {
    var generator = SeededGenerator(seed: 21)
    var checked: [Evaluation.Standing: Int] = [:]
    for _ in 0..<maps {
      let map = Self.randomMap(&generator)
      for support in SupportMode.allCases {
        let whole = try Evaluation.evaluate(map, semantics: semantics, support: support)
        let verifier = Verifier(map, support: support)
        for (index, id) in map.claims.map(\.id).enumerated() {
          let proof = try Proof(claim: id, in: map, semantics: semantics, support: support)
          #expect(proof.standing == whole.standings[index], "\(id) \(map.relations)")
          let problems = verifier.problems(
            proof, labellings: whole.labellings, checkMaximality: semantics == .preferred)
          #expect(problems == [], "\(id) \(map.relations)")
          checked[proof.standing, default: 0] += 1
        }
      }
    }
    // The maps reach every standing the semantics has.
    let expected: Set<Evaluation.Standing> =
      semantics == .grounded
      ? [.accepted, .rejected, .undecided] : Set(Evaluation.Standing.allCases)
    #expect(Set(checked.keys) == expected)
  }

  /// With an assumption, grounded `why` agrees with `evaluate --assume`, and the assumed
  /// claim's attacker shows up as the intervention that defeats it.
  @Test func assumptionsAreExplainedAsInterventions() throws {
    let map = try BuiltinCorpus.map()
    let id = "refusal-is-not-subversion"
    let proof = try Proof(
      claim: id, in: map, semantics: .grounded, support: .derived, assuming: [id: .out])
    #expect(proof.standing == .rejected)
    #expect(proof.defeater.map(proof.name) == "assumed out: \(id)")
    let result = try Evaluation.evaluate(
      map, semantics: .grounded, support: .derived, assuming: [id: .out])
    for (index, other) in map.claims.map(\.id).enumerated() {
      let explained = try Proof(
        claim: other, in: map, semantics: .grounded, support: .derived, assuming: [id: .out])
      #expect(explained.standing == result.standings[index], "\(other)")
    }
  }

  /// A rejected claim's defence is shown one level deep unless more is asked for: in the
  /// chain a -> b -> c -> d -> e -> f, f falls to e, e stands because c defeats d, and so on.
  @Test func rejectedProofsStopAtTheAskedDepth() throws {
    let ids = ["a", "b", "c", "d", "e", "f"]
    let map = ArgumentMap(
      claims: ids.map { Claim(id: $0, text: $0) },
      relations: zip(ids, ids.dropFirst()).map { Relation(from: $0, to: $1, kind: .rebuts) })
    let proof = try Proof(claim: "f", in: map, semantics: .grounded, support: .ignore)
    #expect(proof.standing == .rejected)
    let line = { (node: Proof.Node) in "\(node.depth) \(node.label) \(node.claim) \(node.note)" }
    #expect(
      proof.groundedTree(depth: nil).map(line) == [
        "0 out f defeated", "1 in e defended", "2 out d defeated", "3 in c notExpanded",
      ])
    #expect(
      proof.groundedTree(depth: 2).map(line) == [
        "0 out f defeated", "1 in e defended", "2 out d defeated", "3 in c defended",
        "4 out b defeated", "5 in a unattacked",
      ])
    #expect(Verifier(map, support: .ignore).problems(proof) == [])
  }

  static func randomMap(_ generator: inout SeededGenerator) -> ArgumentMap {
    let count = 2 + Int(generator.next() % 7)
    let ids = (0..<count).map { "c\($0)" }
    var relations: [Relation] = []
    var pairs: Set<[Int]> = []
    for _ in 0..<(count * 2) {
      let from = Int(generator.next() % UInt64(count))
      let to = Int(generator.next() % UInt64(count))
      guard pairs.insert([from, to]).inserted, !pairs.contains([to, from]) else { continue }
      let kinds: [RelationKind] = [
        .supports, .supports, .rebuts, .rebuts, .undercuts, .contradicts,
      ]
      let kind = kinds[Int(generator.next() % UInt64(kinds.count))]
      // A claim may rebut itself; supporting itself says nothing.
      if from == to, kind != .rebuts { continue }
      relations.append(Relation(from: ids[from], to: ids[to], kind: kind))
    }
    return ArgumentMap(
      claims: ids.map { Claim(id: $0, kind: .argument, text: $0) }, relations: relations)
  }
}

/// Checks proofs against the definitions: attacks from the map's relations (with derived
/// support, `a` attacks `c` when `a` supports* `x`, `x` attacks `y` and `y` supports* `c`),
/// and labellings against the conditions of complete, stable and preferred semantics.
struct Verifier {
  let ids: [String]
  let index: [String: Int]
  let direct: Set<[Int]>
  let supports: Set<[Int]>
  let attacks: Set<[Int]>

  init(_ map: ArgumentMap, support: SupportMode) {
    ids = map.claims.map(\.id)
    index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
    var direct: Set<[Int]> = []
    var supports: Set<[Int]> = []
    for relation in map.relations {
      guard let from = index[relation.from], let to = index[relation.to] else { continue }
      switch relation.kind {
      case .rebuts, .undercuts: direct.insert([from, to])
      case .contradicts: direct.formUnion([[from, to], [to, from]])
      case .supports: supports.insert([from, to])
      case .rephrases, .prefers: break
      }
    }
    self.direct = direct
    self.supports = supports
    guard support == .derived else {
      attacks = direct
      return
    }
    // supports*, reflexive, by repeated squaring of a boolean matrix: small maps only.
    let n = ids.count
    var reach = (0..<n).map { a in (0..<n).map { b in a == b || supports.contains([a, b]) } }
    for k in 0..<n {
      for a in 0..<n where reach[a][k] { for b in 0..<n where reach[k][b] { reach[a][b] = true } }
    }
    var attacks: Set<[Int]> = []
    for pair in direct {
      for a in 0..<n where reach[a][pair[0]] {
        for c in 0..<n where reach[pair[1]][c] { attacks.insert([a, c]) }
      }
    }
    self.attacks = attacks
  }

  func attackers(of argument: Int) -> [Int] {
    (0..<ids.count).filter { attacks.contains([$0, argument]) }
  }

  /// Everything wrong with `proof`; `labellings` are evaluate's, for the witnesses.
  func problems(
    _ proof: Proof, labellings: [[Label]]? = nil, checkMaximality: Bool = false
  ) -> [String] {
    var problems = frameworkProblems(proof)
    guard problems.isEmpty else { return problems }
    switch proof.certificate {
    case .grounded(let certificate):
      problems += groundedProblems(certificate)
      problems += treeProblems(proof, certificate)
      if proof.standing == .undecided { problems += cycleProblems(proof, certificate.labels) }
      if Evaluation.standing(of: proof.claim, in: [certificate.labels]) != proof.standing {
        problems.append("the standing is not the certificate's")
      }
    case .witnesses(let witnesses):
      problems += witnessProblems(proof, witnesses, labellings, checkMaximality)
    }
    return problems
  }

  /// The proof's framework must be the map's, as defined here, and its attacks explained.
  private func frameworkProblems(_ proof: Proof) -> [String] {
    var problems: [String] = []
    let framework = proof.framework
    guard framework.names == ids else { return ["the framework's arguments are not the map's"] }
    for a in ids.indices {
      for b in ids.indices where framework.attacks(a, b) != attacks.contains([a, b]) {
        problems.append("attack \(ids[a]) → \(ids[b]) is wrong")
      }
      for b in attackers(of: a) { problems += attackProblems(proof.attack(b, a)) }
    }
    return problems
  }

  /// A direct attack is a relation; a derived one a chain of supports around one attack.
  private func attackProblems(_ attack: Proof.Attack) -> [String] {
    guard let from = index[attack.attacker], let to = index[attack.target] else {
      return ["unknown claims in \(attack)"]
    }
    guard let kind = attack.derivedKind else {
      return direct.contains([from, to]) ? [] : ["\(attack) is not a direct attack"]
    }
    let steps = attack.chain.compactMap { step in
      index[step.from].flatMap { a in index[step.to].map { b in (a, b, step.kind) } }
    }
    guard steps.count == attack.chain.count, steps.first?.0 == from, steps.last?.1 == to,
      zip(steps, steps.dropFirst()).allSatisfy({ $0.1 == $1.0 })
    else { return ["\(attack)'s chain does not lead from attacker to target"] }
    let attacking = steps.filter { $0.2 != .supports }
    guard attacking.count == 1, direct.contains([attacking[0].0, attacking[0].1]),
      steps.allSatisfy({ $0.2 != .supports || supports.contains([$0.0, $0.1]) })
    else { return ["\(attack)'s chain is not supports around one attack"] }
    let startsWithSupport = steps[0].2 == .supports
    return startsWithSupport == (kind == .supported) ? [] : ["\(attack) is misnamed \(kind)"]
  }

  /// IN: every attacker OUT in an earlier round. OUT: an IN defeater from no later round.
  /// UNDEC: no attacker IN, one not OUT. Then the IN and OUT labels are well founded, so
  /// inside the grounded labelling, and the labelling is complete, so it contains it.
  private func groundedProblems(_ certificate: GroundedCertificate) -> [String] {
    var problems: [String] = []
    let labels = certificate.labels
    let rounds = certificate.rounds
    for argument in ids.indices {
      let attackers = attackers(of: argument)
      switch labels[argument] {
      case .in:
        if !attackers.allSatisfy({ labels[$0] == .out && rounds[$0] < rounds[argument] }) {
          problems.append("\(ids[argument]) is IN without every attacker OUT before it")
        }
      case .out:
        let defeater = certificate.defeaters[argument]
        if !(defeater >= 0 && attacks.contains([defeater, argument]) && labels[defeater] == .in
          && rounds[defeater] <= rounds[argument])
        {
          problems.append("\(ids[argument]) is OUT without an earlier IN defeater")
        }
      case .undec:
        if attackers.contains(where: { labels[$0] == .in })
          || attackers.allSatisfy({ labels[$0] == .out })
        {
          problems.append("\(ids[argument]) is UNDEC but its attackers decide it")
        }
      }
    }
    return problems
  }

  /// The tree: IN nodes answer every attacker, OUT nodes are followed by their defeater.
  private func treeProblems(_ proof: Proof, _ certificate: GroundedCertificate) -> [String] {
    let nodes = proof.groundedTree(depth: nil)
    var problems: [String] = []
    var expanded: Set<String> = []
    for (position, node) in nodes.enumerated() {
      guard let argument = index[node.claim], certificate.labels[argument] == node.label else {
        problems.append("node \(node.claim) has the wrong label")
        continue
      }
      let children = nodes[(position + 1)...].prefix { $0.depth > node.depth }
        .filter { $0.depth == node.depth + 1 }
      for child in children where child.attack?.target != node.claim {
        problems.append("\(child.claim) under \(node.claim) does not attack it")
      }
      switch (node.label, node.note) {
      case (.in, .defended):
        expanded.insert(node.claim)
        if Set(children.map(\.claim)) != Set(attackers(of: argument).map { ids[$0] }) {
          problems.append("\(node.claim)'s defence does not answer every attacker")
        }
      case (.in, .unattacked):
        if !attackers(of: argument).isEmpty { problems.append("\(node.claim) is attacked") }
      case (.in, .notExpanded):
        if attackers(of: argument).isEmpty { problems.append("\(node.claim) has no defence") }
      case (.in, .shownAbove):
        if !expanded.contains(node.claim) { problems.append("\(node.claim) was not shown") }
      case (.out, .defeated):
        if children.count != 1 || children.first?.label != .in {
          problems.append("\(node.claim) has no single defeater")
        }
      default:
        problems.append("\(node.claim) has note \(node.note) with label \(node.label)")
      }
    }
    if nodes.first?.claim != (certificate.labels[proof.claim] == .undec ? nil : proof.claimID) {
      problems.append("the tree is not about the claim")
    }
    return problems
  }

  /// The cycle: a walk of attacks between UNDEC claims ending at the claim, the first closing
  /// back onto the walk.
  private func cycleProblems(_ proof: Proof, _ labels: [Label]) -> [String] {
    guard let cycle = proof.openCycle, let last = cycle.last else { return ["no cycle given"] }
    var problems: [String] = []
    if last.target != proof.claimID { problems.append("the cycle does not end at the claim") }
    for attack in cycle {
      guard let from = index[attack.attacker], let to = index[attack.target],
        attacks.contains([from, to]), labels[from] == .undec, labels[to] == .undec
      else {
        problems.append("\(attack) is not an attack between undecided claims")
        continue
      }
    }
    // After the first attack, a walk to the claim; the first attack comes from a claim on
    // the walk and lands on its start, closing the cycle.
    let walk = Array(cycle.dropFirst())
    for (earlier, later) in zip(walk, walk.dropFirst()) where earlier.target != later.attacker {
      problems.append("the walk breaks at \(earlier.target)")
    }
    let start = walk.first?.attacker ?? proof.claimID
    let onWalk = walk.map(\.attacker) + [proof.claimID]
    if cycle[0].target != start || !onWalk.contains(cycle[0].attacker) {
      problems.append("the first attack does not close the cycle")
    }
    return problems
  }

  private func witnessProblems(
    _ proof: Proof, _ witnesses: [[Label]], _ labellings: [[Label]]?, _ checkMaximality: Bool
  ) -> [String] {
    var problems: [String] = []
    if witnesses.isEmpty {
      // No labelling at all: only stable semantics may have none, and then truly none.
      if proof.semantics != .stable || labellings?.isEmpty == false || hasStableExtension() {
        problems.append("no witness, yet a labelling exists")
      }
      return problems
    }
    for witness in witnesses {
      problems += completeProblems(witness)
      if proof.semantics == .stable, witness.contains(.undec) {
        problems.append("a stable witness has UNDEC claims")
      }
      if checkMaximality, !isMaximal(witness) { problems.append("a witness is not preferred") }
      if let labellings, !labellings.contains(witness) {
        problems.append("a witness is not among evaluate's labellings")
      }
    }
    let labels = witnesses.map { $0[proof.claim] }
    let all = labellings?.count ?? witnesses.count
    switch proof.standing {
    case .accepted:
      if labels.count != all || labels.contains(where: { $0 != .in }) {
        problems.append("accepted, but not IN in every labelling")
      }
    case .rejected:
      if labels.count != all || labels.contains(where: { $0 != .out }) {
        problems.append("rejected, but not OUT in every labelling")
      }
    case .credulous:
      if !(labels.contains(.in) && labels.contains { $0 != .in }) {
        problems.append("credulous without a witness each way")
      }
    case .undecided:
      if !labels.contains(.undec) || labellings?.contains(where: { $0[proof.claim] == .in }) == true
      {
        problems.append("undecided without an UNDEC witness, or IN somewhere")
      }
    }
    return problems
  }

  private func completeProblems(_ labels: [Label]) -> [String] {
    ids.indices.compactMap { argument in
      let attackers = attackers(of: argument).map { labels[$0] }
      let expected: Label =
        attackers.allSatisfy { $0 == .out } ? .in : attackers.contains(.in) ? .out : .undec
      return labels[argument] == expected ? nil : "\(ids[argument]) breaks completeness"
    }
  }

  /// Whether some conflict-free set attacks every claim outside it (brute force).
  private func hasStableExtension() -> Bool {
    let n = ids.count
    return (0..<(1 << n)).contains { mask in
      let set = (0..<n).filter { mask & (1 << $0) != 0 }
      let conflictFree = !set.contains { a in set.contains { attacks.contains([a, $0]) } }
      return conflictFree
        && (0..<n).allSatisfy { b in
          set.contains(b) || set.contains { attacks.contains([$0, b]) }
        }
    }
  }

  /// No admissible set strictly contains the witness's IN set (brute force: small maps only).
  private func isMaximal(_ labels: [Label]) -> Bool {
    let n = ids.count
    let inside = (0..<n).filter { labels[$0] == .in }
    for mask in 0..<(1 << n) {
      let set = (0..<n).filter { mask & (1 << $0) != 0 }
      guard set.count > inside.count, inside.allSatisfy(set.contains) else { continue }
      let conflictFree = !set.contains { a in set.contains { attacks.contains([a, $0]) } }
      let defended = set.allSatisfy { a in
        attackers(of: a).allSatisfy { b in set.contains { attacks.contains([$0, b]) } }
      }
      if conflictFree && defended { return false }
    }
    return true
  }
}
