/// Why a claim has its standing: a short dialectical proof that a reader can check by hand.
///
/// The proof is about the framework argmap evaluates (with `--support derived`, attacks carried
/// along supports are attacks too, each with the chain of relations that makes it). Under
/// grounded semantics it is the labelling with the order it was found in
/// (`GroundedCertificate`): an accepted claim has every attacker defeated by a claim accepted
/// earlier, recursively; a rejected one has an accepted attacker. Under the other semantics it
/// is the labellings that witness the standing: all of them for a claim accepted or rejected in
/// every one, one each way for a credulous claim, one leaving an undecided claim open.
public struct Proof: Sendable {
  public let claimID: String
  public let semantics: Semantics
  public let support: SupportMode
  /// The standing the proof shows, read off the certificate (not copied from `evaluate`).
  public let standing: Evaluation.Standing
  /// The framework proved about: the claim's region or the whole map, with assumptions made
  /// as interventions (their added attackers are named `assumed out: ID`).
  public let framework: AbstractFramework
  public let claim: Int
  public let certificate: Certificate
  private let derivations: [UInt64: BipolarFramework.Derivation]
  private let relationKinds: [UInt64: RelationKind]

  public enum Certificate: Sendable {
    case grounded(GroundedCertificate)
    /// Labellings of the semantics; none when it has no labelling.
    case witnesses([[Label]])
  }

  /// An attack, and when it is derived, the chain of the map's relations that makes it: every
  /// step a support but one, the rebuttal (or undercut or contradiction).
  public struct Attack: Hashable, Sendable {
    public var attacker: String
    public var target: String
    public var chain: [Relation]
    public var derivedKind: BipolarFramework.Derivation.Kind?
  }

  /// One line of the proof as a tree, depth-first.
  public struct Node: Hashable, Sendable {
    public enum Note: String, Sendable {
      /// An IN claim whose attackers follow, one level deeper.
      case defended
      /// An IN claim nothing attacks.
      case unattacked
      /// An IN claim whose defence is given earlier in the tree.
      case shownAbove = "shown above"
      /// An IN claim whose defence is left out at the depth asked for.
      case notExpanded = "not expanded"
      /// An OUT claim: the next line is its accepted attacker.
      case defeated
    }

    public var depth: Int
    public var claim: String
    public var label: Label
    /// How this node's claim attacks the claim of the node above it.
    public var attack: Attack?
    public var note: Note
  }

  /// Explains `id`'s standing in `map` (a lean framework map will do).
  public init(
    claim id: String, in map: ArgumentMap, semantics: Semantics, support: SupportMode,
    assuming: [String: Label] = [:], budget: SolverBudget = .unlimited
  ) throws {
    let bipolar = BipolarFramework(map: map, support: support)
    // The first claim with an id answers to it, as in `ClaimGraph(map:)`.
    let index = Dictionary(
      map.claims.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    guard let claim = index[id] else {
      throw StoreError.notFound(.claim, id: id, suggestion: nil)
    }
    var fixed: [Int: Label] = [:]
    for (assumed, label) in assuming {
      guard let argument = index[assumed] else {
        throw StoreError.notFound(
          .claim, id: assumed,
          suggestion: Identifier.nearest(to: assumed, among: map.claims.map(\.id)))
      }
      fixed[argument] = label
    }
    let framework = fixed.isEmpty ? bipolar.framework : bipolar.framework.intervened(fixed)
    self.claimID = id
    self.semantics = semantics
    self.support = support
    self.framework = framework
    self.claim = claim
    derivations = Dictionary(
      bipolar.derivations.map { (Self.key($0.attacker, $0.target), $0) },
      uniquingKeysWith: { first, _ in first })
    var kinds: [UInt64: RelationKind] = [:]
    for relation in map.relations {
      guard let from = index[relation.from], let to = index[relation.to] else { continue }
      kinds[Self.key(from, to)] = relation.kind
      if relation.kind.isSymmetric { kinds[Self.key(to, from)] = relation.kind }
    }
    relationKinds = kinds
    if semantics == .grounded {
      let certificate = GroundedCertificate(framework)
      self.certificate = .grounded(certificate)
      standing = Evaluation.standing(of: claim, in: [certificate.labels])
    } else {
      let all = try Solver.labellings(framework, semantics: semantics, budget: budget)
      let standing = Evaluation.standing(of: claim, in: all)
      self.standing = standing
      certificate = .witnesses(Self.witnesses(all, claim: claim, standing: standing))
    }
  }

  /// The labellings that show `standing`: all of them when it holds in every one; else one
  /// with the claim IN and one without (credulous), or one with it UNDEC (undecided).
  private static func witnesses(_ all: [[Label]], claim: Int, standing: Evaluation.Standing)
    -> [[Label]]
  {
    switch standing {
    case .accepted, .rejected: return all
    case .credulous:
      return [all.first { $0[claim] == .in }, all.first { $0[claim] != .in }].compactMap { $0 }
    case .undecided: return all.first { $0[claim] == .undec }.map { [$0] } ?? []
    }
  }

  public func name(_ argument: Int) -> String { framework.name(argument) }

  /// An ordered pair of argument numbers as one dictionary key.
  private static func key(_ from: Int, _ to: Int) -> UInt64 {
    UInt64(UInt32(from)) << 32 | UInt64(UInt32(to))
  }

  /// `attacker` attacks `target` in the framework: directly, or by a derivation.
  public func attack(_ attacker: Int, _ target: Int) -> Attack {
    let key = Self.key(attacker, target)
    // A pair can be linked by a support and attack by derivation: a supports b, b rebuts a.
    guard relationKinds[key]?.isAttack != true, let derivation = derivations[key] else {
      return Attack(attacker: name(attacker), target: name(target), chain: [], derivedKind: nil)
    }
    let steps = zip(derivation.via, derivation.via.dropFirst()).map { from, to in
      Relation(
        from: name(from), to: name(to),
        kind: relationKinds[Self.key(from, to)] ?? .rebuts)
    }
    return Attack(
      attacker: name(attacker), target: name(target), chain: steps,
      derivedKind: derivation.kind)
  }

  /// The labelling the proof rests on: grounded's, or the first witness.
  public var labels: [Label]? {
    switch certificate {
    case .grounded(let certificate): certificate.labels
    case .witnesses(let all): all.first
    }
  }

  /// The accepted attacker that defeats the claim: grounded's defeater, or under the other
  /// semantics one that every witness accepts, if there is one.
  public var defeater: Int? {
    switch certificate {
    case .grounded(let certificate):
      let defeater = certificate.defeaters[claim]
      return defeater >= 0 ? defeater : nil
    case .witnesses(let all):
      guard standing == .rejected else { return nil }
      return framework.attackers(of: claim).map { Int($0) }.first { attacker in
        all.allSatisfy { $0[attacker] == .in }
      }
    }
  }

  /// The cycle of attacks that keeps an undecided claim open, as a chain of attacks ending
  /// at the claim: the first attack closes the cycle.
  public var openCycle: [Attack]? {
    guard standing == .undecided, let labels,
      let (chain, start) = GroundedCertificate.undecidedCycle(
        in: framework, labels: labels, from: claim)
    else { return nil }
    // chain[i + 1] attacks chain[i], and chain[start] attacks the last one.
    var attacks = [attack(chain[start], chain[chain.count - 1])]
    for index in stride(from: chain.count - 1, to: 0, by: -1) {
      attacks.append(attack(chain[index], chain[index - 1]))
    }
    return attacks
  }

  /// The grounded proof as a tree: the claim, then for an IN claim each attacker with the
  /// claim that defeats it, and so on; for an OUT claim its defeater and why it stands.
  /// `depth` limits how many accepted claims deep defences are expanded (nil: all).
  public func groundedTree(depth: Int?) -> [Node] {
    guard case .grounded(let certificate) = certificate else { return [] }
    var nodes: [Node] = []
    var expanded: Set<Int> = []
    func accepted(_ argument: Int, _ level: Int, _ attack: Attack?, _ budget: Int?) {
      let attackers = framework.attackers(of: argument).map { Int($0) }
      let note: Node.Note =
        attackers.isEmpty
        ? .unattacked
        : expanded.contains(argument) ? .shownAbove : budget == 0 ? .notExpanded : .defended
      nodes.append(
        Node(depth: level, claim: name(argument), label: .in, attack: attack, note: note))
      guard note == .defended else { return }
      expanded.insert(argument)
      for attacker in attackers {
        defeated(attacker, level + 1, self.attack(attacker, argument), budget.map { $0 - 1 })
      }
    }
    func defeated(_ argument: Int, _ level: Int, _ attack: Attack?, _ budget: Int?) {
      nodes.append(
        Node(depth: level, claim: name(argument), label: .out, attack: attack, note: .defeated))
      let defeater = certificate.defeaters[argument]
      accepted(defeater, level + 1, self.attack(defeater, argument), budget)
    }
    switch certificate.labels[claim] {
    case .in: accepted(claim, 0, nil, depth)
    case .out: defeated(claim, 0, nil, depth ?? 1)
    case .undec: break
    }
    return nodes
  }
}

extension Evaluation {
  /// Explains one claim's standing. Under grounded, complete and preferred semantics a claim
  /// stands in its region (everything with a chain of relations into it) as in the whole map,
  /// so only the region is read; stable semantics and assumptions need the whole map.
  public static func proof(
    ofClaim id: String, in store: MapStore, semantics: Semantics, support: SupportMode,
    assuming: [String: Label] = [:], budget: SolverBudget = .unlimited
  ) throws -> Proof {
    let map =
      semantics == .stable || !assuming.isEmpty
      ? try store.frameworkMap() : try store.framework(regionOf: id).map
    if map.claim(withID: id) == nil { _ = try store.claim(id: id) }
    return try Proof(
      claim: id, in: map, semantics: semantics, support: support, assuming: assuming,
      budget: budget)
  }
}
