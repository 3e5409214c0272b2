/// The Dung semantics the solver decides.
public enum Semantics: String, CaseIterable, Sendable {
  case grounded, complete, preferred, stable
  /// Complete labellings with the fewest UNDEC (⊆-maximal IN ∪ OUT); stable ones when any exist.
  case semiStable = "semi-stable"
  /// Conflict-free sets with ⊆-maximal range (the set and what it attacks); OUT is what the
  /// set attacks, UNDEC the rest.
  case stage
  /// The largest admissible set inside every preferred extension: exactly one.
  case ideal
}

/// How long a search may run before it gives up; checked every few thousand search steps.
public struct SolverBudget: Sendable {
  public var timeout: Duration?

  public static let unlimited = SolverBudget(timeout: nil)

  public init(timeout: Duration?) {
    self.timeout = timeout
  }
}

/// A search that ran out of its budget: the answer is unknown, never guessed.
public enum SolverError: Error, Equatable, Sendable {
  case gaveUp(after: Duration)
}

/// The running clock of one solver call: `tick()` is cheap and reads the clock only every
/// `interval` steps.
struct Deadline {
  /// When the call gives up; a SAT solver's terminate callback reads it too.
  let end: ContinuousClock.Instant?
  private let timeout: Duration
  private var steps = 0
  private static let interval = 4096

  init(_ budget: SolverBudget) {
    timeout = budget.timeout ?? .zero
    end = budget.timeout.map { ContinuousClock.now.advanced(by: $0) }
  }

  mutating func tick() throws(SolverError) {
    guard let end else { return }
    steps &+= 1
    if steps % Self.interval == 0, ContinuousClock.now >= end {
      throw .gaveUp(after: timeout)
    }
  }

  /// The error of running out of this budget.
  var expired: SolverError { .gaveUp(after: timeout) }

  /// Checks the clock now, whatever the step count (between sub-searches).
  func check() throws(SolverError) {
    if let end, ContinuousClock.now >= end { throw .gaveUp(after: timeout) }
  }
}
