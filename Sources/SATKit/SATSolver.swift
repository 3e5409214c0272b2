import CCaDiCaL

/// One CaDiCaL instance, used incrementally: clauses added stay, assumptions last for one
/// `solve`. Literals are non-zero `Int32`s, DIMACS style (`-v` is the negation of `v`).
/// Variables exist once a literal names them.
public final class SATSolver {
  private let handle: OpaquePointer
  /// When the running `solve` should give up; read by CaDiCaL's terminate callback.
  private var end: ContinuousClock.Instant?

  public init() {
    handle = ccadical_init()
    // CaDiCaL reports some events on standard output unless quiet; argmap owns that stream.
    ccadical_set_option(handle, "quiet", 1)
    ccadical_set_terminate(handle, Unmanaged.passUnretained(self).toOpaque()) { state in
      guard let state else { return 0 }
      let solver = Unmanaged<SATSolver>.fromOpaque(state).takeUnretainedValue()
      guard let end = solver.end else { return 0 }
      return ContinuousClock.now >= end ? 1 : 0
    }
  }

  deinit { ccadical_release(handle) }

  /// Adds the clause (the disjunction of the literals) for good.
  public func add(_ clause: some Sequence<Int32>) {
    for literal in clause {
      precondition(literal != 0, "0 ends a clause; it is not a literal")
      ccadical_add(handle, literal)
    }
    ccadical_add(handle, 0)
  }

  /// Assumes the literal for the next `solve` only.
  public func assume(_ literal: Int32) {
    ccadical_assume(handle, literal)
  }

  /// Whether the clauses and this call's assumptions are satisfiable; nil when `end` came
  /// first (the answer is unknown).
  public func solve(until end: ContinuousClock.Instant? = nil) -> Bool? {
    if let end, ContinuousClock.now >= end { return nil }
    self.end = end
    defer { self.end = nil }
    switch ccadical_solve(handle) {
    case 10: return true
    case 20: return false
    default: return nil
    }
  }

  /// The literal's value in the model the last satisfiable `solve` found.
  public func value(_ literal: Int32) -> Bool {
    ccadical_val(handle, literal) > 0
  }

  /// Whether the assumption was part of why the last `solve` was unsatisfiable.
  public func failed(_ literal: Int32) -> Bool {
    ccadical_failed(handle, literal) != 0
  }
}
