/// Which claims of a map stand: its positions judged by an argumentation semantics over the
/// rebuttals (and, by default, the attacks that supports carry), and by gradual strength.
public enum Evaluation {
  /// How one claim fares across every labelling of a semantics.
  public enum Standing: String, Sendable, CaseIterable {
    /// IN in every labelling: it stands whatever else is decided.
    case accepted
    /// IN in some labellings but not all: it can stand, depending on other choices.
    case credulous
    /// OUT in every labelling: it falls.
    case rejected
    /// Never IN, and not OUT everywhere.
    case undecided
  }

  public struct Result: Sendable {
    public var semantics: Semantics
    public var support: SupportMode
    /// Every labelling, each indexed like the claims of the graph evaluated; empty when, say,
    /// no stable one exists.
    public var labellings: [[Label]]
    /// Each claim's standing across the labellings, indexed like the graph's claims.
    public var standings: [Standing]
  }

  /// Labels every claim of `graph`. `assuming` makes claims (by number) IN or OUT (what if?) by
  /// an intervention, the same under every semantics: see `AbstractFramework.intervened`.
  public static func evaluate(
    _ graph: ClaimGraph, semantics: Semantics, support: SupportMode,
    assuming: [Int: Label] = [:], budget: SolverBudget = .unlimited
  ) throws -> Result {
    let labellings: [[Label]]
    if semantics == .grounded, support == .derived {
      // Derived attacks can be quadratic in number; the grounded labels do not need them.
      labellings = [DerivedGrounded(graph: graph).labelling(assuming: assuming)]
    } else {
      labellings = try Solver.labellings(
        BipolarFramework(graph: graph, support: support).framework, semantics: semantics,
        intervening: assuming, budget: budget)
    }
    return Result(
      semantics: semantics, support: support, labellings: labellings,
      standings: (0..<graph.count).map { standing(of: $0, in: labellings) })
  }

  /// Labels every claim of a map held in memory, indexed like `map.claims`; `assuming` names
  /// claims by id.
  public static func evaluate(
    _ map: ArgumentMap, semantics: Semantics, support: SupportMode,
    assuming: [String: Label] = [:], budget: SolverBudget = .unlimited
  ) throws -> Result {
    var fixed: [Int: Label] = [:]
    for (id, label) in assuming {
      guard let index = map.claims.firstIndex(where: { $0.id == id }) else {
        throw StoreError.notFound(
          .claim, id: id, suggestion: Identifier.nearest(to: id, among: map.claims.map(\.id)))
      }
      fixed[index] = label
    }
    return try evaluate(
      ClaimGraph(map: map), semantics: semantics, support: support, assuming: fixed,
      budget: budget)
  }

  /// `assuming` with each claim id replaced by the claim's number in `graph`, read from the
  /// store: an id no claim has is not found, with the nearest id suggested.
  public static func numbered(
    _ assuming: [String: Label], in graph: ClaimGraph, store: MapStore
  ) throws -> [Int: Label] {
    var fixed: [Int: Label] = [:]
    for (id, label) in assuming {
      let seq = try store.seq(ofClaim: id)
      guard let index = graph.index(ofSeq: seq) else {
        throw StoreError.notFound(.claim, id: id, suggestion: nil)
      }
      fixed[index] = label
    }
    return fixed
  }

  /// The claims (by number) whose standing differs between two results over the same graph.
  public static func changes(from before: Result, to after: Result) -> [(
    claim: Int, before: Standing, after: Standing
  )] {
    before.standings.indices.compactMap { index in
      before.standings[index] == after.standings[index]
        ? nil : (index, before.standings[index], after.standings[index])
    }
  }

  /// One claim's grounded standing (supports deriving attacks) and DF-QuAD strength.
  public struct ClaimStanding: Hashable, Sendable {
    public var grounded: Standing
    public var strength: Double
  }

  /// Evaluates only what can reach the claim: every claim with a chain of relations into it.
  /// That region is closed under attack, derived attack (their chains run through claims that
  /// reach it too) and support, so the claim stands there exactly as in the whole map, and a
  /// query about one claim costs what its region costs, not what the map costs. The region is
  /// read once: its grounded proof gives the standing, and its graph the strength.
  public static func standing(ofClaim id: String, in store: MapStore) throws -> (
    standing: ClaimStanding, proof: Proof
  ) {
    let region = try store.framework(regionOf: id)
    let proof = try Proof(claim: id, in: region.map, semantics: .grounded, support: .derived)
    let strength = DFQuAD.strengths(of: region.graph).strengths[proof.claim]
    return (ClaimStanding(grounded: proof.standing, strength: strength), proof)
  }

  public static func standing(of argument: Int, in labellings: [[Label]]) -> Standing {
    guard !labellings.isEmpty else { return .undecided }
    let labels = labellings.map { $0[argument] }
    if labels.allSatisfy({ $0 == .in }) { return .accepted }
    if labels.contains(.in) { return .credulous }
    if labels.allSatisfy({ $0 == .out }) { return .rejected }
    return .undecided
  }

  /// Claims (by number) ranked by how many other claims change label when theirs is flipped.
  public static func cruxes(
    _ graph: ClaimGraph, semantics: Semantics, support: SupportMode, top: Int,
    budget: SolverBudget = .unlimited
  ) throws -> [Crux] {
    try Cruxes.rank(
      BipolarFramework(graph: graph, support: support).framework, semantics: semantics, top: top,
      budget: budget)
  }

  /// The graph as an abstract framework, for `export apx|tgf|i23`: argument `i` is claim `i`.
  public static func framework(_ graph: ClaimGraph, support: SupportMode) -> AbstractFramework {
    BipolarFramework(graph: graph, support: support).framework
  }

  /// Colours for `export dot --status`: claims by standing, or by strength from red (0) through
  /// pale yellow (0.5) to green (1).
  /// `claims` names the claims drawn, each with its number in the graph evaluated.
  public static func shading(_ result: Result, claims: [(id: String, index: Int)]) -> DOTShading {
    let colours: [Standing: String] = [
      .accepted: "#a5d6a7", .credulous: "#c5e1a5", .rejected: "#ef9a9a", .undecided: "#e0e0e0",
    ]
    var fills: [String: String] = [:]
    var notes: [String: String] = [:]
    for (id, index) in claims {
      fills[id] = colours[result.standings[index]]
      notes[id] = result.standings[index].rawValue
    }
    let present = Standing.allCases.filter { result.standings.contains($0) }
    return DOTShading(
      title: "\(result.semantics.rawValue) semantics", fills: fills, notes: notes,
      swatches: present.map { .init(label: $0.rawValue, colour: colours[$0] ?? "#ffffff") })
  }

  /// Strength colours for the claims drawn, each with its number in the graph evaluated.
  public static func shading(strengths: [Double], claims: [(id: String, index: Int)])
    -> DOTShading
  {
    var fills: [String: String] = [:]
    var notes: [String: String] = [:]
    for (id, index) in claims {
      let strength = strengths[index]
      fills[id] = colour(forStrength: strength)
      notes[id] = formatted(strength)
    }
    return DOTShading(
      title: "DF-QuAD strength", fills: fills, notes: notes,
      swatches: [0, 0.25, 0.5, 0.75, 1].map {
        .init(label: formatted($0), colour: colour(forStrength: $0))
      })
  }

  /// Two decimals, as the CLI and the DOT notes show strengths.
  public static func formatted(_ strength: Double) -> String {
    let hundredths = Int((strength * 100).rounded())
    let digits = String(hundredths % 100)
    return "\(hundredths / 100)." + (digits.count == 1 ? "0" + digits : digits)
  }

  private static func colour(forStrength strength: Double) -> String {
    let red = (239, 154, 154)
    let yellow = (255, 245, 200)
    let green = (165, 214, 167)
    let t = min(1, max(0, strength))
    let (from, to, f) = t < 0.5 ? (red, yellow, t * 2) : (yellow, green, (t - 0.5) * 2)
    let mix = { (a: Int, b: Int) in Int((Double(a) + (Double(b) - Double(a)) * f).rounded()) }
    return "#" + [mix(from.0, to.0), mix(from.1, to.1), mix(from.2, to.2)].map(hex).joined()
  }

  private static func hex(_ value: Int) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[value / 16], digits[value % 16]])
  }
}
