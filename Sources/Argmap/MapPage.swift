/// `export html`: the map drawn by Graphviz, with every status view, as one HTML page.
public enum MapPage {
  public struct Settings: Sendable {
    public var title: String?
    /// The status view the page opens with: `grounded`, `preferred` or `strength`.
    public var initialStatus: String?
    public var support: SupportMode
    /// How long preferred semantics may take; past it the page offers no preferred view.
    public var preferredBudget: SolverBudget
    public var layout: DOTLayout
    /// Where to look for `dot`: a `PATH`-style list of folders.
    public var searchPath: String

    public init(
      title: String? = nil, initialStatus: String? = nil, support: SupportMode = .derived,
      preferredBudget: SolverBudget = SolverBudget(timeout: .seconds(10)),
      layout: DOTLayout = .auto, searchPath: String = Graphviz.defaultSearchPath
    ) {
      self.title = title
      self.initialStatus = initialStatus
      self.support = support
      self.preferredBudget = preferredBudget
      self.layout = layout
      self.searchPath = searchPath
    }
  }

  /// Writes the page for the map `rows` gives, with standings judged over `whole` (the map
  /// it was selected from), so a claim's colour does not depend on which part is drawn. The
  /// DOT, the SVG and the page pass through scratch files, so argmap holds none of them whole;
  /// the page is handed to `deliver` in pieces only once all of it is written, so a failure
  /// delivers nothing.
  public static func write<Rows: MapRows>(
    _ rows: Rows, judgedIn whole: ArgumentMap, settings: Settings,
    to deliver: (String) -> Void
  ) throws(ArgmapError) where Rows.Failure: ArgmapErrorConvertible {
    try ScratchFiles.withFolder { folder throws(ArgmapError) in
      let (dot, svg, page) = (folder + "/map.dot", folder + "/map.svg", folder + "/map.html")
      let claims = try converting { () throws(Rows.Failure) in
        try rows.claimCounts().values.reduce(0, +)
      }
      try ScratchFiles.write(dot) { file throws(ArgmapError) in
        try converting { () throws(Rows.Failure) in
          var buffer = file.buffer()
          defer { buffer.flush() }
          try DOTExporter.write(rows, options: DOTOptions(layout: settings.layout), to: &buffer)
        }
      }
      try Graphviz.svg(
        fromDOTFile: dot, to: svg, options: claims > largeMap ? quickLayout : [],
        searchPath: settings.searchPath)
      let (views, unavailable) = statusViews(whole, settings: settings)
      let options = HTMLOptions(
        title: settings.title, statuses: views, unavailable: unavailable,
        initialStatus: settings.initialStatus)
      try ScratchFiles.write(page) { file throws(ArgmapError) in
        var svgError: ArgmapError?
        try converting { () throws(Rows.Failure) in
          try HTMLPage.write(rows, options: options, to: &file) { target in
            var inliner = SVGInliner()
            do throws(ArgmapError) {
              try ScratchFiles.forEachLine(svg) { inliner.feed($0, to: &target) }
            } catch {
              svgError = error
            }
          }
        }
        if let svgError { throw svgError }
      }
      try ScratchFiles.forEachPiece(page, deliver)
    }
  }

  /// The page as text; see ``write(_:judgedIn:settings:to:)``.
  public static func render(_ map: ArgumentMap, judgedIn whole: ArgumentMap, settings: Settings)
    throws(ArgmapError) -> String
  {
    var page = ""
    try write(map, judgedIn: whole, settings: settings) { page += $0 }
    return page
  }

  private static func converting<Result, Failure: ArgmapErrorConvertible>(
    _ body: () throws(Failure) -> Result
  ) throws(ArgmapError) -> Result {
    do {
      return try body()
    } catch {
      throw error.argmapError
    }
  }

  /// Above this many claims, `dot` runs with its iteration limits lowered: crossing
  /// minimisation and network simplex dominate its time, and at 10^4 claims the limits cut
  /// minutes to about one, for a drawing whose crossings the reader zooms past anyway.
  static let largeMap = 2_000
  static let quickLayout = ["-Gmclimit=0.05", "-Gnslimit=1", "-Gnslimit1=1", "-Gremincross=false"]

  /// Grounded and preferred standings and strengths, each with a reason per claim. A
  /// semantics that runs out of its budget is listed as unavailable rather than guessed.
  public static func statusViews(_ map: ArgumentMap, settings: Settings) -> (
    [HTMLStatusView], [HTMLOptions.Unavailable]
  ) {
    let attacks = Attacks(map, support: settings.support)
    var views: [HTMLStatusView] = []
    var unavailable: [HTMLOptions.Unavailable] = []
    for semantics in [Semantics.grounded, .preferred] {
      do {
        let result = try Evaluation.evaluate(
          map, semantics: semantics, support: settings.support,
          budget: semantics == .grounded ? .unlimited : settings.preferredBudget)
        views.append(view(of: result, ids: map.claims.map(\.id), attacks: attacks))
      } catch SolverError.gaveUp(let after) {
        unavailable.append(.init(id: semantics.rawValue, reason: "gave up after \(after)"))
      } catch {
        unavailable.append(.init(id: semantics.rawValue, reason: "\(error)"))
      }
    }
    views.append(strengthView(map, attacks: attacks))
    return (views, unavailable)
  }

  private static func view(of result: Evaluation.Result, ids: [String], attacks: Attacks)
    -> HTMLStatusView
  {
    let standings = Dictionary(
      zip(ids, result.standings), uniquingKeysWith: { first, _ in first })
    var claims: [String: HTMLStatusView.ClaimStatus] = [:]
    for (id, standing) in standings {
      claims[id] = .init(
        standing: standing.rawValue, strength: nil, note: standing.rawValue,
        reason: reason(for: id, standing, result: result, standings: standings, attacks: attacks))
    }
    return HTMLStatusView(
      id: result.semantics.rawValue,
      title: "\(result.semantics.rawValue) semantics, \(result.support.rawValue) support",
      claims: claims)
  }

  /// One line on why a claim has its standing, naming a direct attacker where one decides it.
  private static func reason(
    for id: String, _ standing: Evaluation.Standing, result: Evaluation.Result,
    standings: [String: Evaluation.Standing], attacks: Attacks
  ) -> String {
    let attackers = attacks.attackers(of: id)
    switch standing {
    case .accepted:
      if attackers.isEmpty { return "nothing rebuts it, and no attack through support stands" }
      let named = attackers.prefix(3).joined(separator: ", ")
      let more = attackers.count > 3 ? " and \(attackers.count - 3) more" : ""
      return "every claim that attacks it falls (\(named)\(more))"
    case .rejected:
      if let winner = attackers.first(where: { standings[$0] == .accepted }) {
        return "\(winner) attacks it and stands"
      }
      if let chain = attacks.derived(of: id).first(where: { standings[$0.first ?? ""] == .accepted }
      ) {
        return "\(chain[0]) stands and " + attacks.describe(chain)
      }
      return "a claim that stands attacks it through a chain of supports"
    case .credulous:
      let count = result.labellings.count
      return "it stands in some of the \(count) \(result.semantics.rawValue) labellings, not all"
    case .undecided:
      return "caught in a cycle of attacks that the semantics leaves open"
    }
  }

  private static func strengthView(_ map: ArgumentMap, attacks: Attacks) -> HTMLStatusView {
    let strengths = zip(map.claims, DFQuAD.strengths(of: map).strengths).map { ($0.id, $1) }
    let bases = Dictionary(
      map.claims.map { ($0.id, $0.base ?? Claim.defaultBase) }, uniquingKeysWith: { a, _ in a })
    var claims: [String: HTMLStatusView.ClaimStatus] = [:]
    for (id, strength) in strengths where claims[id] == nil {
      let base = Evaluation.formatted(bases[id] ?? Claim.defaultBase)
      let supporters = attacks.supporters(of: id).count
      let attackers = attacks.attackers(of: id).count
      claims[id] = .init(
        standing: nil, strength: strength, note: Evaluation.formatted(strength),
        reason:
          "base \(base), \(counted(supporters, "supporter")), \(counted(attackers, "attacker"))"
      )
    }
    return HTMLStatusView(id: "strength", title: "DF-QuAD strength", claims: claims)
  }

  private static func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }

  /// Each claim's direct attackers (rebuts, undercuts, both ends of a contradiction) and
  /// supporters, in map order, and with derived support the attacks that supports carry.
  private struct Attacks {
    private var attackersByClaim: [String: [String]] = [:]
    private var supportersByClaim: [String: [String]] = [:]
    /// Target → the chains (attacker first, target last) of its derived attackers.
    private var derivedByClaim: [String: [[String]]] = [:]
    /// The kind of the relation from one claim to another, keyed by both ids.
    private var kinds: [[String]: RelationKind] = [:]

    init(_ map: ArgumentMap, support: SupportMode) {
      let bipolar = BipolarFramework(map: map, support: support)
      let names = bipolar.framework.names
      for derivation in bipolar.derivations {
        derivedByClaim[names[derivation.target], default: []].append(
          derivation.via.map { names[$0] })
      }
      for relation in map.relations {
        kinds[[relation.from, relation.to]] = relation.kind
        if relation.kind == .supports {
          supportersByClaim[relation.to, default: []].append(relation.from)
        } else if relation.kind.isAttack {
          attackersByClaim[relation.to, default: []].append(relation.from)
          if relation.kind.isSymmetric {
            attackersByClaim[relation.from, default: []].append(relation.to)
          }
        }
      }
    }

    func attackers(of id: String) -> [String] { attackersByClaim[id] ?? [] }
    func supporters(of id: String) -> [String] { supportersByClaim[id] ?? [] }
    func derived(of id: String) -> [[String]] { derivedByClaim[id] ?? [] }

    /// A chain of relations from its first claim to its last: "supports b, which rebuts it".
    func describe(_ chain: [String]) -> String {
      var text = ""
      for (index, (from, to)) in zip(chain, chain.dropFirst()).enumerated() {
        let verb = kinds[[from, to]]?.rawValue ?? "bears on"
        text += (index == 0 ? "" : ", which ") + verb + " "
        if index == chain.count - 2 { text += "it" } else { text += to }
      }
      return text
    }
  }
}
