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
    public var claimIDs: [String]
    /// Every labelling, each indexed like `claimIDs`; empty when, say, no stable one exists.
    public var labellings: [[Label]]
    /// Each claim's standing across the labellings, indexed like `claimIDs`.
    public var standings: [Standing]
  }

  /// Labels every claim of `map`. `assuming` makes claims IN or OUT (what if?) by an
  /// intervention, the same under every semantics: see `AbstractFramework.intervened`.
  public static func evaluate(
    _ map: ArgumentMap, semantics: Semantics, support: SupportMode,
    assuming: [String: Label] = [:], budget: SolverBudget = .unlimited
  ) throws -> Result {
    let labellings: [[Label]]
    let ids: [String]
    if semantics == .grounded, support == .derived {
      // Derived attacks can be quadratic in number; the grounded labels do not need them.
      let derived = DerivedGrounded(map: map)
      ids = derived.claimIDs
      labellings = [derived.labelling(assuming: try indices(of: assuming, ids, derived.index))]
    } else {
      let bipolar = BipolarFramework(map: map, support: support)
      ids = bipolar.framework.names
      labellings = try Solver.labellings(
        bipolar.framework, semantics: semantics,
        intervening: try indices(of: assuming, ids, bipolar.index), budget: budget)
    }
    return Result(
      semantics: semantics, support: support, claimIDs: ids, labellings: labellings,
      standings: ids.indices.map { standing(of: $0, in: labellings) })
  }

  /// The claims whose standing differs between two results over the same map.
  public static func changes(from before: Result, to after: Result) -> [(
    id: String, before: Standing, after: Standing
  )] {
    zip(before.claimIDs.indices, before.claimIDs).compactMap { index, id in
      before.standings[index] == after.standings[index]
        ? nil : (id, before.standings[index], after.standings[index])
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
  /// query about one claim costs what its region costs, not what the map costs.
  public static func standing(ofClaim id: String, in store: MapStore) throws -> ClaimStanding {
    let region = try store.frameworkMap(treeOf: id)
    let result = try evaluate(region, semantics: .grounded, support: .derived)
    guard let index = result.claimIDs.firstIndex(of: id) else {
      throw StoreError.notFound(.claim, id: id, suggestion: nil)
    }
    let strength = strengths(region).strengths.first { $0.id == id }?.strength
    return ClaimStanding(
      grounded: result.standings[index], strength: strength ?? Claim.defaultBase)
  }

  public static func standing(of argument: Int, in labellings: [[Label]]) -> Standing {
    guard !labellings.isEmpty else { return .undecided }
    let labels = labellings.map { $0[argument] }
    if labels.allSatisfy({ $0 == .in }) { return .accepted }
    if labels.contains(.in) { return .credulous }
    if labels.allSatisfy({ $0 == .out }) { return .rejected }
    return .undecided
  }

  /// Claims ranked by how many other claims change label when theirs is flipped.
  public static func cruxes(
    _ map: ArgumentMap, semantics: Semantics, support: SupportMode, top: Int,
    budget: SolverBudget = .unlimited
  ) throws -> [(id: String, flippedTo: Label, changed: [String])] {
    let bipolar = BipolarFramework(map: map, support: support)
    let names = bipolar.framework.names
    return try Cruxes.rank(bipolar.framework, semantics: semantics, top: top, budget: budget)
      .map { (names[$0.argument], $0.flippedTo, $0.changed.map { names[$0] }) }
  }

  /// DF-QuAD strengths by claim id, with whether the computation converged.
  public static func strengths(_ map: ArgumentMap) -> (
    strengths: [(id: String, strength: Double)], result: StrengthResult
  ) {
    let result = DFQuAD.strengths(of: map)
    return (zip(map.claims, result.strengths).map { ($0.id, $1) }, result)
  }

  /// The map as an abstract framework, for `export apx|tgf|i23`.
  public static func framework(_ map: ArgumentMap, support: SupportMode) -> AbstractFramework {
    BipolarFramework(map: map, support: support).framework
  }

  /// Colours for `export dot --status`: claims by standing, or by strength from red (0) through
  /// pale yellow (0.5) to green (1).
  public static func shading(_ result: Result) -> DOTShading {
    let colours: [Standing: String] = [
      .accepted: "#a5d6a7", .credulous: "#c5e1a5", .rejected: "#ef9a9a", .undecided: "#e0e0e0",
    ]
    var fills: [String: String] = [:]
    var notes: [String: String] = [:]
    for (id, standing) in zip(result.claimIDs, result.standings) {
      fills[id] = colours[standing]
      notes[id] = standing.rawValue
    }
    let present = Standing.allCases.filter { result.standings.contains($0) }
    return DOTShading(
      title: "\(result.semantics.rawValue) semantics", fills: fills, notes: notes,
      swatches: present.map { .init(label: $0.rawValue, colour: colours[$0] ?? "#ffffff") })
  }

  public static func shading(strengths: [(id: String, strength: Double)]) -> DOTShading {
    var fills: [String: String] = [:]
    var notes: [String: String] = [:]
    for (id, strength) in strengths {
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

  /// The assumptions by argument number, where `index` numbers the claims named `ids`.
  private static func indices(
    of assumptions: [String: Label], _ ids: [String], _ index: (String) -> Int?
  ) throws -> [Int: Label] {
    var fixed: [Int: Label] = [:]
    for (id, label) in assumptions {
      guard let argument = index(id) else {
        throw StoreError.notFound(
          .claim, id: id, suggestion: Identifier.nearest(to: id, among: ids))
      }
      fixed[argument] = label
    }
    return fixed
  }
}
