/// `--assume`: what if a claim held, or fell? An assumption is an intervention on the
/// framework, so that every semantics answers it the same way:
/// - `x = in`: the attacks on `x` lose their effect: they are removed, and `x` is unattacked;
/// - `x = out`: an unattacked attacker of `x` is added.
/// Nothing else changes: `x` still attacks what it attacks. Every admissibility-based semantics
/// (grounded, complete, preferred, stable, semi-stable, ideal) labels an unattacked argument IN
/// and anything it attacks OUT, so `x` gets its assumed label in every labelling, and
/// complete, grounded and preferred labellings always exist. Stable ones may still not exist,
/// when the rest of the map has none (an odd cycle of attacks). Stage semantics is the
/// exception: it asks only for a conflict-free set of maximal range, which may leave an
/// unattacked argument out, so under stage the assumption changes the framework alike but
/// need not hold in every labelling.
///
/// Restricting to the labellings that happen to give `x` the label would not do: when none
/// does (an unattacked claim assumed OUT), the question would have no answer. For grounded
/// semantics the intervention is the least fixpoint with `x` fixed, as `Solver.grounded`
/// computes it.
extension AbstractFramework {
  /// The framework with `assumptions` applied: the added attackers are numbered after the
  /// framework's own arguments, in ascending order of the argument each attacks.
  public func intervened(_ assumptions: [Int: Label]) -> AbstractFramework {
    precondition(
      assumptions.allSatisfy { (0..<argumentCount).contains($0.key) && $0.value != .undec },
      "an assumption names an argument and fixes it IN or OUT")
    var keys: [UInt64] = []
    keys.reserveCapacity(attackCount + assumptions.count)
    for target in 0..<argumentCount where assumptions[target] != .in {
      for attacker in attackers(of: target) { keys.append(BipolarGraph.key(Int(attacker), target)) }
    }
    var names = isNamed ? self.names : nil
    var count = argumentCount
    for target in assumptions.keys.sorted() where assumptions[target] == .out {
      keys.append(BipolarGraph.key(count, target))
      names?.append("assumed out: " + name(target))
      count += 1
    }
    return AbstractFramework(argumentCount: count, names: names, attackKeys: keys)
  }
}

extension Solver {
  /// The labellings of `af` with `assumptions` made as interventions (`intervened`), each over
  /// `af`'s own arguments. For grounded this is the least fixpoint with the assumed arguments
  /// fixed (`grounded(_:assuming:)`), which the intervention equals.
  public static func labellings(
    _ af: AbstractFramework, semantics: Semantics, intervening assumptions: [Int: Label],
    budget: SolverBudget = .unlimited
  ) throws(SolverError) -> [[Label]] {
    var deadline = Deadline(budget)
    return try labellings(af, semantics: semantics, intervening: assumptions, &deadline)
  }

  static func labellings(
    _ af: AbstractFramework, semantics: Semantics, intervening assumptions: [Int: Label],
    _ deadline: inout Deadline
  ) throws(SolverError) -> [[Label]] {
    if semantics == .grounded || assumptions.isEmpty {
      return try labellings(
        af, semantics: semantics, assuming: assumptions, deadline: &deadline, limit: nil)
    }
    // The added attackers are IN in every labelling; they are none of the caller's arguments.
    return try labellings(
      af.intervened(assumptions), semantics: semantics, assuming: [:], deadline: &deadline,
      limit: nil
    ).map { Array($0.prefix(af.argumentCount)) }
  }
}
