/// The semantics through CaDiCaL (see `LabellingSAT`): one incremental SAT call per complete
/// or stable labelling, and CEGAR loops for the ones defined by maximality (preferred: of IN;
/// semi-stable and stage: of the range IN ∪ OUT), as µ-toksia and cegartix do.
enum SATSemantics {
  /// Every labelling of the semantics that agrees with the assumptions, each once, in the
  /// order found; `visit` returns whether to go on.
  static func labellings(
    _ af: AbstractFramework, semantics: Semantics, assuming: [Int: Label],
    deadline: Deadline, visit: ([Label]) throws(SolverError) -> Bool
  ) throws(SolverError) {
    switch semantics {
    case .grounded:
      let labelling = Solver.grounded(af, assuming: assuming)
      _ = try visit(labelling)
    case .complete, .stable:
      let sat = LabellingSAT(
        af, base: semantics == .stable ? .stable : .complete, deadline: deadline)
      let assumptions = sat.literals(assuming)
      while try sat.solve(assumptions) {
        let labelling = sat.labelling
        guard try visit(labelling) else { return }
        sat.block(labelling)
      }
    case .preferred:
      try preferred(af, assuming: assuming, deadline: deadline, visit: visit)
    case .semiStable, .stage:
      let sat = LabellingSAT(
        af, base: semantics == .stage ? .conflictFree : .complete, range: true,
        deadline: deadline)
      let assumptions = sat.literals(assuming)
      try rangeMaximal(sat, assumptions) { (range) throws(SolverError) -> Bool in
        let exact = assumptions + rangeLiterals(sat, range)
        while try sat.solve(exact) {
          let labelling = sat.labelling
          guard try visit(labelling) else { return false }
          sat.block(labelling)
        }
        return true
      }
    case .ideal:
      let labelling = try ideal(af, deadline: deadline)
      if assuming.allSatisfy({ labelling[$0.key] == $0.value }) { _ = try visit(labelling) }
    }
  }

  /// A labelling of the semantics with `argument` IN (`accepted`) or not IN, if any.
  static func witness(
    _ af: AbstractFramework, argument: Int, accepted: Bool, semantics: Semantics,
    deadline: Deadline
  ) throws(SolverError) -> [Label]? {
    switch semantics {
    case .grounded, .ideal:
      let labelling =
        semantics == .grounded ? Solver.grounded(af) : try ideal(af, deadline: deadline)
      return (labelling[argument] == .in) == accepted ? labelling : nil
    case .complete where !accepted:
      // The grounded labelling is the least complete one: IN there means IN in all.
      let labelling = Solver.grounded(af)
      return labelling[argument] == .in ? nil : labelling
    case .complete, .preferred, .stable:
      if semantics == .preferred && !accepted {
        return try preferredCounterexample(af, argument: argument, deadline: deadline)
      }
      // Credulous preferred is credulous complete: every complete labelling extends to a
      // preferred one with at least its IN arguments.
      let sat = LabellingSAT(
        af, base: semantics == .stable ? .stable : .complete, deadline: deadline)
      let literal = accepted ? sat.inLiteral(argument) : -sat.inLiteral(argument)
      return try sat.solve([literal]) ? sat.labelling : nil
    case .semiStable, .stage:
      let sat = LabellingSAT(
        af, base: semantics == .stage ? .conflictFree : .complete, range: true,
        deadline: deadline)
      let literal = accepted ? sat.inLiteral(argument) : -sat.inLiteral(argument)
      var found: [Label]?
      try rangeMaximal(sat, []) { (range) throws(SolverError) -> Bool in
        if try sat.solve(rangeLiterals(sat, range) + [literal]) { found = sat.labelling }
        return found == nil
      }
      return found
    }
  }

  // MARK: Preferred

  /// CEGAR: a complete labelling that agrees with the assumptions and lies inside no preferred
  /// extension found so far, grown (without the assumptions: maximality is global) to a
  /// preferred one, which is reported when it agrees and then blocked with all its subsets.
  static func preferred(
    _ af: AbstractFramework, assuming: [Int: Label], deadline: Deadline,
    visit: ([Label]) throws(SolverError) -> Bool
  ) throws(SolverError) {
    let sat = LabellingSAT(af, base: .complete, deadline: deadline)
    let assumptions = sat.literals(assuming)
    while try sat.solve(assumptions) {
      let labelling = try grow(sat, sat.labelling, keeping: [])
      if assuming.allSatisfy({ labelling[$0.key] == $0.value }) {
        guard try visit(labelling) else { return }
      }
      sat.add(outside(sat, labelling))
    }
  }

  /// A preferred labelling with `argument` not IN, if any (the two-oracle loop): a complete
  /// labelling without it, grown to a ⊆-maximal one among those without it; that one is
  /// preferred unless some complete labelling has more IN, and if one has, every larger one
  /// holds the argument, so all its subsets can be blocked.
  static func preferredCounterexample(
    _ af: AbstractFramework, argument: Int, deadline: Deadline
  ) throws(SolverError) -> [Label]? {
    if Solver.grounded(af)[argument] == .in { return nil }
    let sat = LabellingSAT(af, base: .complete, deadline: deadline)
    let without = -sat.inLiteral(argument)
    while try sat.solve([without]) {
      let labelling = try grow(sat, sat.labelling, keeping: [without])
      let larger = outside(sat, labelling)
      if try !sat.solve(insideLiterals(sat, labelling), adding: larger) { return labelling }
      sat.add(larger)
    }
    return nil
  }

  /// Adds IN arguments to a complete labelling under the assumptions `keeping` until no
  /// complete labelling has a strictly larger IN set.
  private static func grow(
    _ sat: LabellingSAT, _ labelling: [Label], keeping: [Int32]
  ) throws(SolverError) -> [Label] {
    var current = labelling
    while try sat.solve(keeping + insideLiterals(sat, current), adding: outside(sat, current)) {
      current = sat.labelling
    }
    return current
  }

  /// The IN literals of the labelling's IN arguments.
  private static func insideLiterals(_ sat: LabellingSAT, _ labelling: [Label]) -> [Int32] {
    labelling.indices.filter { labelling[$0] == .in }.map(sat.inLiteral)
  }

  /// The clause "some argument not IN in the labelling is IN".
  private static func outside(_ sat: LabellingSAT, _ labelling: [Label]) -> [Int32] {
    labelling.indices.filter { labelling[$0] != .in }.map(sat.inLiteral)
  }

  // MARK: Semi-stable and stage

  /// CEGAR over ranges: a model under the assumptions whose range lies inside no maximal
  /// range found so far, grown to a ⊆-maximal range, which `visit` gets (and may query with
  /// `rangeLiterals`); then that range and its subsets are blocked.
  private static func rangeMaximal(
    _ sat: LabellingSAT, _ assumptions: [Int32],
    visit: ([Bool]) throws(SolverError) -> Bool
  ) throws(SolverError) {
    while try sat.solve(assumptions) {
      var range = sat.labelling.map { $0 != .undec }
      while try sat.solve(
        range.indices.filter { range[$0] }.map(sat.rangeLiteral),
        adding: range.indices.filter { !range[$0] }.map(sat.rangeLiteral))
      {
        range = sat.labelling.map { $0 != .undec }
      }
      guard try visit(range) else { return }
      sat.add(range.indices.filter { !range[$0] }.map(sat.rangeLiteral))
    }
  }

  /// Assumptions that fix the range to exactly `range`.
  private static func rangeLiterals(_ sat: LabellingSAT, _ range: [Bool]) -> [Int32] {
    range.indices.map { range[$0] ? sat.rangeLiteral($0) : -sat.rangeLiteral($0) }
  }

  // MARK: Ideal

  /// The ideal labelling. With CA the credulously accepted arguments (preferred), the ideal
  /// extension is the largest admissible subset of CA minus what CA attacks or is attacked
  /// by: an admissible set there neither attacks nor is attacked by a preferred extension, so
  /// joins each one. That candidate set is conflict-free, so the largest admissible subset
  /// is the greatest fixpoint of "keep what the set defends".
  static func ideal(_ af: AbstractFramework, deadline: Deadline) throws(SolverError) -> [Label] {
    let credulous = try credulouslyAccepted(af, deadline: deadline)
    var candidate = credulous
    for argument in 0..<af.argumentCount where credulous[argument] {
      for target in af.targets(of: argument) { candidate[Int(target)] = false }
      for attacker in af.attackers(of: argument) { candidate[Int(attacker)] = false }
    }
    var changed = true
    while changed {
      changed = false
      let attacked = attackedBy(candidate, af)
      for argument in 0..<af.argumentCount where candidate[argument] {
        if af.attackers(of: argument).contains(where: { !attacked[Int($0)] }) {
          candidate[argument] = false
          changed = true
        }
      }
    }
    let out = attackedBy(candidate, af)
    return (0..<af.argumentCount).map { candidate[$0] ? .in : out[$0] ? .out : .undec }
  }

  /// Arguments IN in some complete labelling: each model names all its IN arguments at once,
  /// and the next call asks only for one not yet seen.
  private static func credulouslyAccepted(
    _ af: AbstractFramework, deadline: Deadline
  ) throws(SolverError) -> [Bool] {
    let sat = LabellingSAT(af, base: .complete, deadline: deadline)
    var accepted = Solver.grounded(af).map { $0 == .in }
    while try sat.solve(
      [], adding: accepted.indices.filter { !accepted[$0] }.map(sat.inLiteral))
    {
      for (argument, label) in sat.labelling.enumerated() where label == .in {
        accepted[argument] = true
      }
    }
    return accepted
  }

  private static func attackedBy(_ set: [Bool], _ af: AbstractFramework) -> [Bool] {
    var attacked = [Bool](repeating: false, count: af.argumentCount)
    for argument in 0..<af.argumentCount where set[argument] {
      for target in af.targets(of: argument) { attacked[Int(target)] = true }
    }
    return attacked
  }
}
