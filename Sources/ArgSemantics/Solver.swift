/// Exact solving of Dung semantics: grounded in linear time; the others through CaDiCaL
/// (`SATSemantics`), or, on small frameworks where it is faster, by labelling-based
/// backtracking with propagation (`LabellingSearch`).
public enum Solver {
  /// Which engine answers: `automatic` picks by the framework's size.
  enum Engine {
    case automatic, search, sat

    /// Up to this many arguments the backtracking search beats setting up a SAT solver.
    /// Measured in release on 200 random frameworks per size (every labelling and one
    /// sceptical query): at 14 arguments the search took 0.04/0.21/0.06 s for complete,
    /// preferred and stable against CaDiCaL's 0.08/0.21/0.19 s; at 24, 0.64/3.7/0.64 s
    /// against 0.27/0.88/0.75 s; at 48, 19/80/2.6 s against 1.1/0.8/0.7 s.
    static let searchLimit = 16

    func resolved(_ af: AbstractFramework, _ semantics: Semantics) -> Engine {
      switch self {
      case .search where Self.searchable(semantics): .search
      case .automatic where Self.searchable(semantics) && af.argumentCount <= Self.searchLimit:
        .search
      default: .sat
      }
    }

    private static func searchable(_ semantics: Semantics) -> Bool {
      [.grounded, .complete, .preferred, .stable].contains(semantics)
    }
  }

  /// All labellings of the semantics (grounded and ideal: exactly one), each a [Label] of
  /// length argumentCount, in a deterministic order; `limit` stops after that many;
  /// assumptions restrict to labellings that give those arguments those labels. For
  /// grounded, the one labelling is the least fixpoint around the assumed labels
  /// (`grounded(_:assuming:)`).
  public static func labellings(
    _ af: AbstractFramework, semantics: Semantics, assuming: [Int: Label] = [:],
    budget: SolverBudget = .unlimited, limit: Int? = nil
  ) throws(SolverError) -> [[Label]] {
    var deadline = Deadline(budget)
    return try labellings(
      af, semantics: semantics, assuming: assuming, deadline: &deadline, limit: limit)
  }

  static func labellings(
    _ af: AbstractFramework, semantics: Semantics, assuming: [Int: Label],
    deadline: inout Deadline, limit: Int?, engine: Engine = .automatic
  ) throws(SolverError) -> [[Label]] {
    if let limit, limit <= 0 { return [] }
    var result: [[Label]] = []
    let collect = { (labelling: [Label]) -> Bool in
      result.append(labelling)
      return limit.map { result.count < $0 } ?? true
    }
    if semantics == .grounded { return [grounded(af, assuming: assuming)] }
    guard engine.resolved(af, semantics) == .search else {
      try SATSemantics.labellings(
        af, semantics: semantics, assuming: assuming, deadline: deadline, visit: collect)
      return result
    }
    switch semantics {
    case .preferred:
      try preferred(af, assuming: assuming, deadline: &deadline, visit: collect)
    default:
      let search = LabellingSearch(af, stable: semantics == .stable)
      restrict(search, assuming)
      try search.search(&deadline) { leaf in collect(leaf.map(LabellingSearch.label)) }
    }
    return result
  }

  public static func isCredulouslyAccepted(
    _ af: AbstractFramework, argument: Int, semantics: Semantics,
    budget: SolverBudget = .unlimited
  ) throws(SolverError) -> Bool {
    var deadline = Deadline(budget)
    return try credulousWitness(af, argument: argument, semantics: semantics, &deadline) != nil
  }

  public static func isSkepticallyAccepted(
    _ af: AbstractFramework, argument: Int, semantics: Semantics,
    budget: SolverBudget = .unlimited
  ) throws(SolverError) -> Bool {
    var deadline = Deadline(budget)
    return try skepticalCounterexample(af, argument: argument, semantics: semantics, &deadline)
      == nil
  }

  /// A labelling of the semantics with `argument` IN, if there is one.
  static func credulousWitness(
    _ af: AbstractFramework, argument: Int, semantics: Semantics, _ deadline: inout Deadline,
    engine: Engine = .automatic
  ) throws(SolverError) -> [Label]? {
    precondition((0..<af.argumentCount).contains(argument), "no such argument")
    guard engine.resolved(af, semantics) == .search else {
      return try SATSemantics.witness(
        af, argument: argument, accepted: true, semantics: semantics, deadline: deadline)
    }
    switch semantics {
    case .complete, .preferred, .stable:
      // Credulous acceptance is the same for complete and preferred (every complete
      // labelling extends to a preferred one with at least its IN arguments).
      // The witness is a complete labelling (for preferred, one that some preferred
      // labelling extends).
      let search = LabellingSearch(af, stable: semantics == .stable)
      search.restrict(argument, to: LabellingSearch.inBit)
      return try search.first(&deadline).map { $0.map(LabellingSearch.label) }
    default:
      let labelling = grounded(af)
      return labelling[argument] == .in ? labelling : nil
    }
  }

  /// A labelling of the semantics with `argument` not IN, if there is one (for stable, none
  /// at all when the framework has no stable labelling: then everything is sceptically
  /// accepted).
  static func skepticalCounterexample(
    _ af: AbstractFramework, argument: Int, semantics: Semantics, _ deadline: inout Deadline,
    engine: Engine = .automatic
  ) throws(SolverError) -> [Label]? {
    precondition((0..<af.argumentCount).contains(argument), "no such argument")
    guard engine.resolved(af, semantics) == .search else {
      return try SATSemantics.witness(
        af, argument: argument, accepted: false, semantics: semantics, deadline: deadline)
    }
    switch semantics {
    case .stable:
      let search = LabellingSearch(af, stable: true)
      search.restrict(argument, to: LabellingSearch.outBit)
      return try search.first(&deadline).map { $0.map(LabellingSearch.label) }
    case .preferred:
      if grounded(af)[argument] == .in { return nil }
      var found: [Label]?
      try preferred(
        af, mask: LabellingSearch.outBit | LabellingSearch.undecBit, on: argument,
        deadline: &deadline
      ) { labelling in
        found = labelling
        return false
      }
      return found
    default:
      // The grounded labelling is the least complete one: IN there means IN in all.
      let labelling = grounded(af)
      return labelling[argument] == .in ? nil : labelling
    }
  }

  private static func restrict(_ search: LabellingSearch, _ assuming: [Int: Label]) {
    for (argument, label) in assuming.sorted(by: { $0.key < $1.key }) {
      precondition((0..<search.count).contains(argument), "assumption names no argument")
      search.restrict(argument, to: LabellingSearch.bit(label))
    }
  }

  // MARK: Preferred

  /// Visits every preferred labelling that agrees with the assumptions, each once.
  ///
  /// Depth-first over complete labellings (IN first). A leaf is reported only when no
  /// complete labelling has a strictly larger IN set (checked in an unrestricted search:
  /// only arguments UNDEC in the leaf can join, so one query per such argument). A subtree
  /// is cut when every argument that can still be IN lies inside a preferred extension
  /// already found: its leaves could only repeat it or be smaller.
  static func preferred(
    _ af: AbstractFramework, assuming: [Int: Label], deadline: inout Deadline,
    visit: ([Label]) throws(SolverError) -> Bool
  ) throws(SolverError) {
    let search = LabellingSearch(af, stable: false)
    restrict(search, assuming)
    try preferred(af, search, deadline: &deadline, visit: visit)
  }

  private static func preferred(
    _ af: AbstractFramework, mask: UInt8, on argument: Int, deadline: inout Deadline,
    visit: ([Label]) throws(SolverError) -> Bool
  ) throws(SolverError) {
    let search = LabellingSearch(af, stable: false)
    search.restrict(argument, to: mask)
    try preferred(af, search, deadline: &deadline, visit: visit)
  }

  private static func preferred(
    _ af: AbstractFramework, _ search: LabellingSearch, deadline: inout Deadline,
    visit: ([Label]) throws(SolverError) -> Bool
  ) throws(SolverError) {
    let checker = LabellingSearch(af, stable: false)
    var found: [[Bool]] = []
    var innerDeadline = deadline
    try search.search(
      &deadline,
      prune: { domain in
        found.contains { extensionSet in
          domain.indices.allSatisfy {
            domain[$0] & LabellingSearch.inBit == 0 || extensionSet[$0]
          }
        }
      },
      visit: { (leaf) throws(SolverError) -> Bool in
        let labelling = leaf.map(LabellingSearch.label)
        guard try isMaximal(labelling, checker, &innerDeadline) else { return true }
        found.append(labelling.map { $0 == .in })
        return try visit(labelling)
      })
  }

  /// Whether no complete labelling has a strictly larger IN set than `labelling` (a complete
  /// one): only its UNDEC arguments could join.
  private static func isMaximal(
    _ labelling: [Label], _ checker: LabellingSearch, _ deadline: inout Deadline
  ) throws(SolverError) -> Bool {
    let inside = labelling.indices.filter { labelling[$0] == .in }
    for candidate in labelling.indices where labelling[candidate] == .undec {
      if try checker.hasLabelling(with: inside + [candidate], &deadline) { return false }
    }
    return true
  }
}
