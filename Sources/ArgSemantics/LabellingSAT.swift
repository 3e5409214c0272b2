import SATKit

/// A framework's labellings as a SAT instance, in the labelling encodings of Besnard and
/// Doutre that µ-toksia and cegartix use: per argument `a` a variable `in(a)` and a variable
/// `out(a)` (UNDEC is neither), and, when asked for, `range(a)` ⇔ `in(a) ∨ out(a)`.
///
/// One CaDiCaL instance serves a whole task incrementally: blocking clauses stay, and clauses
/// meant for one step hang on a fresh activation variable that the step assumes and then
/// retires with a unit clause.
final class LabellingSAT {
  /// Which sets the models are.
  enum Base {
    /// Conflict-free sets: OUT is exactly what IN attacks (the base of stage).
    case conflictFree
    /// Complete labellings: IN ⇔ every attacker OUT, OUT ⇔ some attacker IN.
    case complete
    /// Complete labellings without UNDEC.
    case stable
  }

  let count: Int
  private let solver = SATSolver()
  private var lastVariable: Int32
  private let deadline: Deadline
  /// Activation variables whose clauses are done with, retired before the next call (a clause
  /// added now would discard the model the caller is about to read).
  private var retired: [Int32] = []

  init(_ af: AbstractFramework, base: Base, range: Bool = false, deadline: Deadline) {
    count = af.argumentCount
    lastVariable = Int32(3 * count)
    self.deadline = deadline
    for argument in 0..<count { encode(argument, af, base) }
    if range {
      for argument in 0..<count {
        let r = rangeLiteral(argument)
        solver.add([-r, inLiteral(argument), outLiteral(argument)])
        solver.add([r, -inLiteral(argument)])
        solver.add([r, -outLiteral(argument)])
      }
    }
  }

  func inLiteral(_ argument: Int) -> Int32 { Int32(argument + 1) }
  func outLiteral(_ argument: Int) -> Int32 { Int32(count + argument + 1) }
  func rangeLiteral(_ argument: Int) -> Int32 { Int32(2 * count + argument + 1) }

  private func encode(_ argument: Int, _ af: AbstractFramework, _ base: Base) {
    let inA = inLiteral(argument)
    let outA = outLiteral(argument)
    let attackers = af.attackers(of: argument).map { Int($0) }
    solver.add([-inA, -outA])
    // OUT ⇔ some attacker IN.
    solver.add([-outA] + attackers.map(inLiteral))
    for attacker in attackers { solver.add([outA, -inLiteral(attacker)]) }
    guard base != .conflictFree else { return }
    // IN ⇔ every attacker OUT.
    for attacker in attackers { solver.add([-inA, outLiteral(attacker)]) }
    solver.add([inA] + attackers.map { -outLiteral($0) })
    if base == .stable { solver.add([inA, outA]) }
  }

  /// The literals that pin the assumed labels.
  func literals(_ assuming: [Int: Label]) -> [Int32] {
    assuming.sorted { $0.key < $1.key }.flatMap { argument, label -> [Int32] in
      precondition((0..<count).contains(argument), "assumption names no argument")
      switch label {
      case .in: return [inLiteral(argument)]
      case .out: return [outLiteral(argument)]
      case .undec: return [-inLiteral(argument), -outLiteral(argument)]
      }
    }
  }

  /// Whether the clauses have a model under the assumptions; throws when the budget runs out.
  func solve(_ assumptions: [Int32]) throws(SolverError) -> Bool {
    for activation in retired { solver.add([-activation]) }
    retired.removeAll()
    for literal in assumptions { solver.assume(literal) }
    guard let answer = solver.solve(until: deadline.end) else { throw deadline.expired }
    return answer
  }

  /// Adds a clause for good (after which the last model is gone).
  func add(_ clause: [Int32]) { solver.add(clause) }

  /// Solves with `clause` added for this call only (through an activation variable).
  func solve(_ assumptions: [Int32], adding clause: [Int32]) throws(SolverError) -> Bool {
    lastVariable += 1
    let activation = lastVariable
    solver.add([-activation] + clause)
    let answer = try solve(assumptions + [activation])
    retired.append(activation)
    return answer
  }

  /// The last model's labelling.
  var labelling: [Label] {
    (0..<count).map { argument in
      solver.value(inLiteral(argument))
        ? .in : solver.value(outLiteral(argument)) ? .out : .undec
    }
  }

  /// Blocks exactly this labelling's IN set (for bases where IN decides the labelling).
  func block(_ labelling: [Label]) {
    add(labelling.indices.map { labelling[$0] == .in ? -inLiteral($0) : inLiteral($0) })
  }
}
