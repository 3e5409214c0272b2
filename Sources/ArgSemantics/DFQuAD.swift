import ArgModel

/// Every claim's gradual strength, and how it was reached.
public struct StrengthResult: Sendable, Equatable {
  /// By claim index, in map order; each in [0, 1].
  public var strengths: [Double]
  /// False when a cyclic map hit the iteration cap before the strengths settled.
  public var converged: Bool
  /// 1 for an acyclic map (one exact pass); otherwise the number of sweeps made.
  public var iterations: Int
  /// Whether the supports and rebuts together form no cycle.
  public var isAcyclic: Bool

  public init(strengths: [Double], converged: Bool, iterations: Int, isAcyclic: Bool) {
    self.strengths = strengths
    self.converged = converged
    self.iterations = iterations
    self.isAcyclic = isAcyclic
  }
}

/// DF-QuAD gradual strength (Rago, Toni, Aurisicchio & Baroni, "Discontinuity-free decision
/// support with quantitative argumentation debates", KR 2016) over the map's supports and
/// rebuts:
///
///     σ(a) = C(τ(a), F(σ of a's attackers), F(σ of a's supporters))
///     F(v₁ … vₙ) = 1 − ∏(1 − vᵢ)            (F of nothing = 0)
///     C(v₀, vₐ, vₛ) = v₀ − v₀·(vₐ − vₛ)        if vₐ ≥ vₛ
///                   = v₀ + (1 − v₀)·(vₛ − vₐ)  otherwise
///
/// τ(a) is the claim's base score, `claim.base ?? Claim.defaultBase`, clamped to [0, 1] (a NaN
/// base counts as the default). Attackers are the claims that rebut `a`, supporters those that
/// support it; a relation listed twice counts once, and relations naming claims not in the map
/// are skipped.
public enum DFQuAD {
  /// Acyclic maps are solved exactly by one bottom-up pass in topological order (Kahn's
  /// algorithm), linear in claims plus relations, and report one iteration. In a cyclic map
  /// the claims outside every cycle's reach are still exact from that pass; the rest are swept
  /// in map order, each update using the newest values (Gauss–Seidel), starting from their
  /// base scores, until no strength moves by more than `tolerance` in a sweep. Hitting
  /// `maxIterations` sweeps first reports `converged == false` with the last values: DF-QuAD
  /// need not converge on cycles (an odd cycle of rebuts between claims of base 1 oscillates).
  public static func strengths(
    of claims: ClaimGraph, tolerance: Double = 1e-9, maxIterations: Int = 10_000
  ) -> StrengthResult {
    let graph = BipolarGraph(claims)
    let count = graph.count
    let base = claims.bases.map(baseScore)
    let evaluator = Evaluator(
      base: base,
      attackers: BipolarAdjacency(count: count, edges: graph.attacks.map { ($0.1, $0.0) }),
      supporters: BipolarAdjacency(count: count, edges: graph.supports.map { ($0.1, $0.0) }))
    let successors = BipolarAdjacency(count: count, edges: graph.attacks + graph.supports)

    var strength = base
    var pending = (0..<count).map {
      evaluator.attackers.degree($0) + evaluator.supporters.degree($0)
    }
    var order: [Int32] = []
    order.reserveCapacity(count)
    for node in 0..<count where pending[node] == 0 { order.append(Int32(node)) }
    var head = 0
    while head < order.count {
      let node = Int(order[head])
      head += 1
      strength[node] = evaluator.strength(of: node, given: strength)
      for next in successors[node] {
        pending[Int(next)] -= 1
        if pending[Int(next)] == 0 { order.append(next) }
      }
    }
    if order.count == count {
      return StrengthResult(strengths: strength, converged: true, iterations: 1, isAcyclic: true)
    }

    let remaining = (0..<count).filter { pending[$0] > 0 }
    var iterations = 0
    while iterations < maxIterations {
      iterations += 1
      var largestChange = 0.0
      for node in remaining {
        let updated = evaluator.strength(of: node, given: strength)
        largestChange = max(largestChange, abs(updated - strength[node]))
        strength[node] = updated
      }
      if largestChange <= tolerance {
        return StrengthResult(
          strengths: strength, converged: true, iterations: iterations, isAcyclic: false)
      }
    }
    return StrengthResult(
      strengths: strength, converged: false, iterations: iterations, isAcyclic: false)
  }

  /// The strengths of a map held in memory, by claim index.
  public static func strengths(of map: ArgumentMap) -> StrengthResult {
    strengths(of: ClaimGraph(map: map))
  }

  /// τ: the claim's base score, clamped to [0, 1].
  static func baseScore(_ base: Double) -> Double {
    if base.isNaN { return Claim.defaultBase }
    return min(max(base, 0), 1)
  }

  /// F: the probabilistic sum, 0 for no values.
  static func aggregate<Values: Sequence<Double>>(_ values: Values) -> Double {
    var remainder = 1.0
    for value in values { remainder *= 1 - value }
    return 1 - remainder
  }

  /// C: moves the base score toward 0 by the attack's excess, or toward 1 by the support's.
  static func combine(base: Double, attack: Double, support: Double) -> Double {
    if attack >= support {
      return base - base * (attack - support)
    }
    return base + (1 - base) * (support - attack)
  }

  private struct Evaluator {
    let base: [Double]
    let attackers: BipolarAdjacency
    let supporters: BipolarAdjacency

    func strength(of node: Int, given strength: [Double]) -> Double {
      let attack = DFQuAD.aggregate(attackers[node].lazy.map { strength[Int($0)] })
      let support = DFQuAD.aggregate(supporters[node].lazy.map { strength[Int($0)] })
      return DFQuAD.combine(base: base[node], attack: attack, support: support)
    }
  }
}
