import ArgModel

/// How a map's supports count when it is read as a Dung framework.
public enum SupportMode: String, CaseIterable, Sendable {
  /// Supports carry attacks: supported and secondary attacks (Cayrol & Lagasquie-Schiex 2013).
  case derived
  /// Supports are dropped: the attacks are exactly the direct ones (rebuts, undercuts, contradictions).
  case ignore
}

/// A claim graph as an abstract framework over its claims: argument `i` is claim `i`.
/// Relations naming claims that are not in the map are skipped.
///
/// With `.ignore` the attacks are the direct ones. With `.derived` a rebut also reaches along
/// supports, as in Cayrol & Lagasquie-Schiex, "Bipolarity in argumentation graphs: towards a
/// better understanding" (IJAR 2013):
/// - a *supported attack*: `a` supports `b` (through a chain of one or more supports) and `b`
///   rebuts `c`, so `a` attacks `c`;
/// - a *secondary attack*: `a` rebuts `b` and `b` supports `c` (through one or more supports),
///   so `a` attacks `c`.
///
/// Both rules are applied until nothing changes, so they combine: `a` attacks `z` exactly when
/// `a` supports* `x`, `x` rebuts `y` and `y` supports* `z`, where supports* is a chain of zero
/// or more supports. A direct rebut is an attack as well.
///
/// Self-attacks follow from the definitions and are kept: when `a` supports `b` and `b` rebuts
/// `a`, then `a` attacks itself (a supported attack: accepting `a` backs the claim that denies
/// it), `b` attacks itself (a secondary attack: `b` denies the claim that backs it), and `a`
/// even attacks `b` (a > b x a > b). In general a claim attacks itself exactly when it lies on
/// a cycle made of supports and one rebut; such a claim can never be accepted.
///
/// Cost: one breadth-first search backwards over supports per claim that rebuts something,
/// one forwards per rebut, and one step per (attacker, target) pair found. When supports form a
/// tree (or forest) the searches visit a subtree and a path to the root, and a map of 10^5
/// claims closes in milliseconds. The worst case is quadratic in attacks, and no method avoids
/// it: `k` claims supporting a chain into `x`, `x` rebutting `y`, and `k` claims supported by a
/// chain from `y` give `k²` attacks; time is then O(r·(n + s) + pairs) for `r` rebuts and `s`
/// supports. Kialo-shaped debates, whose support trees are deep, reach tens of derived attacks
/// per claim, so the framework keeps each only as a pair and explains attacks (`derivations`)
/// only when asked. Grounded labels need no materialised attacks at all: see `DerivedGrounded`.
public struct BipolarFramework: Sendable {
  public let framework: AbstractFramework
  private let graph: BipolarGraph
  private let support: SupportMode

  /// Why `attacker` attacks `target` although it does not rebut it.
  public struct Derivation: Sendable, Hashable {
    public var attacker: Int
    public var target: Int
    public var kind: Kind
    /// The chain of claim indices from `attacker` to `target`, both included: every step is a
    /// support except one, the rebut. A shortest such chain is kept; between chains of equal
    /// length, the one whose rebutting claim comes first in the map.
    public var via: [Int]

    public enum Kind: String, Sendable {
      /// The chain starts with supports: the attacker backs the claim that rebuts (and the
      /// rebut may in turn reach along supports beyond the rebutted claim). With nothing after
      /// the rebut, the rebut is the last step: "a supports b and b rebuts c".
      case supported
      /// The chain starts with the attacker's own rebut, followed by supports: "a rebuts b and
      /// b supports c".
      case secondary
    }

    public init(attacker: Int, target: Int, kind: Kind, via: [Int]) {
      self.attacker = attacker
      self.target = target
      self.kind = kind
      self.via = via
    }
  }

  /// The framework over the graph's claims, argument `i` being claim `i`, unnamed: see
  /// `AbstractFramework.name`.
  public init(graph: ClaimGraph, support: SupportMode) {
    self.init(BipolarGraph(graph), support: support, names: nil)
  }

  /// The framework over the map's claims, each argument named by its claim's id.
  public init(map: ArgumentMap, support: SupportMode) {
    self.init(BipolarGraph(ClaimGraph(map: map)), support: support, names: map.claims.map(\.id))
  }

  private init(_ graph: BipolarGraph, support: SupportMode, names: [String]?) {
    var keys = graph.attacks.map { BipolarGraph.key(Int($0.0), Int($0.1)) }
    if support == .derived {
      // Only the pairs: the framework deduplicates them, and chains are built on demand.
      BipolarFramework.forEachDerivedAttack(graph) { attacker, target, _, _, _ in
        keys.append(BipolarGraph.key(attacker, target))
      }
    }
    self.graph = graph
    self.support = support
    framework = AbstractFramework(argumentCount: graph.count, names: names, attackKeys: keys)
  }

  /// For each derived attack that is not a direct rebut, why it exists, sorted by attacker
  /// and then target. Computed on each call, as it costs a chain per attack.
  public var derivations: [Derivation] {
    support == .derived ? BipolarFramework.derivations(graph) : []
  }

  /// Every attack the closure adds beyond the rebuts, each with a shortest chain explaining it.
  private static func derivations(_ graph: BipolarGraph) -> [Derivation] {
    let direct = Set(graph.attacks.map { BipolarGraph.key(Int($0.0), Int($0.1)) })
    var found: [UInt64: Int] = [:]
    var derivations: [Derivation] = []
    forEachDerivedAttack(graph) { attacker, target, rebutter, length, chain in
      let key = BipolarGraph.key(attacker, target)
      if direct.contains(key) { return }
      if let existing = found[key], derivations[existing].via.count <= length { return }
      let derivation = Derivation(
        attacker: attacker, target: target,
        kind: attacker == rebutter ? .secondary : .supported, via: chain())
      if let existing = found[key] {
        derivations[existing] = derivation
      } else {
        found[key] = derivations.count
        derivations.append(derivation)
      }
    }
    derivations.sort { ($0.attacker, $0.target) < ($1.attacker, $1.target) }
    return derivations
  }

  /// Calls `body(attacker, target, rebutter, length, chain)` for every way a rebut reaches
  /// along supports, rebutters in map order: `attacker` supports* `rebutter`, which rebuts a
  /// claim that supports* `target`, by a chain of `length` claims that `chain()` lists. A pair
  /// can come more than once (through other rebuts), and direct rebuts come too unless the
  /// chain is the rebut alone.
  private static func forEachDerivedAttack(
    _ graph: BipolarGraph,
    _ body: (_ attacker: Int, _ target: Int, _ rebutter: Int, _ length: Int, _ chain: () -> [Int])
      -> Void
  ) {
    let count = graph.count
    guard !graph.supports.isEmpty, !graph.attacks.isEmpty else { return }
    let rebutTargets = BipolarAdjacency(count: count, edges: graph.attacks)
    let supported = BipolarAdjacency(count: count, edges: graph.supports)
    let supporters = BipolarAdjacency(count: count, edges: graph.supports.map { ($0.1, $0.0) })
    var backwards = BipolarSearch(count: count)
    var forwards = BipolarSearch(count: count)
    for rebutter in 0..<count where rebutTargets.degree(rebutter) > 0 {
      // Everything that supports* the rebutter, each with its chain of supports to it.
      backwards.run(from: rebutter, along: supporters)
      for rebutted in rebutTargets[rebutter] {
        // Everything the rebutted claim supports*.
        forwards.run(from: Int(rebutted), along: supported)
        if backwards.reached.count == 1, forwards.reached.count == 1 { continue }
        for attacker in backwards.reached {
          let attackerIndex = Int(attacker)
          for target in forwards.reached {
            let targetIndex = Int(target)
            let length = Int(backwards.depth[attackerIndex] + forwards.depth[targetIndex]) + 2
            body(attackerIndex, targetIndex, rebutter, length) {
              backwards.pathToSource(from: attackerIndex)
                + forwards.pathToSource(from: targetIndex).reversed()
            }
          }
        }
      }
    }
  }
}
