import Argmap

extension Commands {
  static let semanticsOption = CommandSpec.Option(
    name: "--semantics", valueName: "name",
    help: "grounded (default), complete, preferred, stable, semi-stable, stage or ideal.")
  static let supportOption = CommandSpec.Option(
    name: "--support", valueName: "mode",
    help: "derived (default): supports carry attacks; ignore: rebuts only.")
  static let tagOption = CommandSpec.Option(
    name: "--tag", valueName: "tag",
    help: "List only claims with this tag (the whole map is still evaluated).")
  static let timeoutOption = CommandSpec.Option(
    name: "--timeout", valueName: "seconds", help: "Give up after this many seconds.")

  static let evaluate = CommandSpec(
    path: ["evaluate"],
    abstract: "Which claims stand: label every claim by an argumentation semantics.",
    discussion: """
      Claims attack what they rebut. With '--support derived' a supporter also attacks what
      the claim it supports rebuts (supported attack), and an attacker of a claim also attacks
      what that claim supports (secondary attack). Each claim is then accepted (in in every
      labelling), credulous (in in some), rejected (out in every) or undecided.

      '--assume ID=in|out' asks what if a claim held, or fell, and shows which claims change.
      It is an intervention, the same under every semantics: ID=in removes the attacks on the
      claim, ID=out adds an unattacked attacker of it. Where the semantics then has no
      labelling (stable, with an odd cycle of attacks), argmap says so and lists no claim.
      """,
    options: [
      semanticsOption, supportOption,
      .init(
        name: "--assume", valueName: "id=in|out", help: "Fix a claim's label; repeat for more.",
        isRepeatable: true),
      tagOption, timeoutOption, CommandSpec.json,
    ]
  ) { command, context throws(CLIError) in
    let settings = try EvaluationSettings(command)
    let store = try context.store()
    let graph = try attempt { try store.claimGraph() }
    let assumptions = try parseAssumptions(command)
    let fixed = try attempt { try Evaluation.numbered(assumptions, in: graph, store: store) }
    let result = try settings.run { budget in
      try Evaluation.evaluate(
        graph, semantics: settings.semantics, support: settings.support, assuming: fixed,
        budget: budget)
    }
    let baseline =
      assumptions.isEmpty
      ? nil
      : try settings.run { budget in
        try Evaluation.evaluate(
          graph, semantics: settings.semantics, support: settings.support, budget: budget)
      }
    let listing = EvaluationListing(
      graph: graph, result: result, store: store,
      listed: try listedClaims(of: graph, command, context),
      changes: baseline.map { Evaluation.changes(from: $0, to: result) })
    if command.wantsJSON {
      let json = try listing.json()
      context.console.stream { json.write(to: &$0, pretty: true) }
      context.console.line()
    } else {
      try listing.writeText(to: context.console)
    }
  }

  /// The claims (by number in `graph`) a listing shows: those carrying `--tag`, or all.
  static func listedClaims(of graph: ClaimGraph, _ command: ParsedCommand, _ context: Context)
    throws(CLIError) -> [Int]
  {
    guard let tag = command.value("--tag") else { return Array(0..<graph.count) }
    let seqs = try attempt { try context.store().claimSeqs(taggedWith: tag) }
    return graph.seqs.indices.filter { seqs.contains(graph.seqs[$0]) }
  }

  /// Writes the claim lines of `claims` (numbers in `graph`), in that order, reading only
  /// their ids and texts; `indent` gives each line's lead.
  static func writeClaimLines(
    _ claims: [Int], of graph: ClaimGraph, store: MapStore, idWidth: Int,
    indent: (Int) -> String = { _ in "  " }, to console: Console
  ) throws(CLIError) {
    try attempt {
      try store.forEachClaim(seqs: claims.lazy.map { graph.seqs[$0] }, withTexts: true) {
        seq, id, text in
        let index = graph.index(ofSeq: seq) ?? 0
        console.line(
          TextLayout.claimLine(
            Claim(id: id, text: text), indent: indent(index), idWidth: idWidth))
      }
    }
  }

  /// The width of the id column in listings: that of the map's longest id, capped.
  static func listingIDWidth(_ store: MapStore) throws(CLIError) -> Int {
    min(TextLayout.idWidthCap, try attempt { try store.longestClaimIDLength() })
  }

  /// The ids of `claims` (numbers in `graph`), in that order.
  static func ids(of claims: [Int], in graph: ClaimGraph, store: MapStore) throws(CLIError)
    -> [String]
  {
    var ids: [String] = []
    ids.reserveCapacity(claims.count)
    try attempt {
      try store.forEachClaim(seqs: claims.lazy.map { graph.seqs[$0] }, withTexts: false) {
        _, id, _ in ids.append(id)
      }
    }
    return ids
  }

  static func parseAssumptions(_ command: ParsedCommand) throws(CLIError) -> [String:
    Label]
  {
    var assumptions: [String: Label] = [:]
    for value in command.all("--assume") {
      let parts = value.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2, let label = Label(cliName: parts[1]), label != .undec else {
        throw .usage("'--assume' takes ID=in or ID=out, not '\(value)'", command.spec)
      }
      if let earlier = assumptions[parts[0]], earlier != label {
        throw .usage("'\(parts[0])' is assumed both in and out", command.spec)
      }
      assumptions[parts[0]] = label
    }
    return assumptions
  }
}

/// What `evaluate` prints: the listed claims by standing, and what an assumption changed. Ids
/// and texts are read only for the claims printed, as they are printed.
private struct EvaluationListing {
  var graph: ClaimGraph
  var result: Evaluation.Result
  var store: MapStore
  /// The claims listed, by number, ascending.
  var listed: [Int]
  /// What the assumptions changed, or nil without assumptions.
  var changes: [(claim: Int, before: Evaluation.Standing, after: Evaluation.Standing)]?

  func json() throws(CLIError) -> JSONValue {
    let ids = try Commands.ids(of: listed, in: graph, store: store)
    var members: [(String, JSONValue)] = [
      ("semantics", .string(result.semantics.rawValue)),
      ("support", .string(result.support.rawValue)),
      ("labellings", .int(result.labellings.count)),
      (
        "claims",
        .array(
          zip(listed, ids).map { index, id in
            .object([
              ("id", .string(id)),
              (
                "standing",
                result.labellings.isEmpty ? .null : .string(result.standings[index].rawValue)
              ),
              ("labels", .array(result.labellings.map { .string($0[index].description) })),
            ])
          })
      ),
    ]
    if let changes {
      let changedIDs = try Commands.ids(of: changes.map(\.claim), in: graph, store: store)
      members.append(
        (
          "changes",
          .array(
            zip(changes, changedIDs).map { change, id in
              .object([
                ("id", .string(id)), ("before", .string(change.before.rawValue)),
                ("after", .string(change.after.rawValue)),
              ])
            })
        ))
    }
    return .object(members)
  }

  func writeText(to console: Console) throws(CLIError) {
    let count = result.labellings.count
    console.line(
      "\(result.semantics.rawValue) semantics, \(result.support.rawValue) support: "
        + (count == 0
          ? "no \(result.semantics.rawValue) labelling exists"
          : TextLayout.plural(count, "labelling")))
    // Without a labelling no claim has a standing, not even undecided.
    guard count > 0 else { return }
    let idWidth = try Commands.listingIDWidth(store)
    for standing in Evaluation.Standing.allCases {
      let claims = listed.filter { result.standings[$0] == standing }
      guard !claims.isEmpty else { continue }
      console.line()
      console.line("\(standing.rawValue) (\(claims.count)):")
      try Commands.writeClaimLines(
        claims, of: graph, store: store, idWidth: idWidth, to: console)
    }
    guard let changes else { return }
    console.line()
    console.line(
      changes.isEmpty
        ? "the assumption changes no other claim"
        : "changed by the assumption (\(changes.count)):")
    let ids = try Commands.ids(of: changes.map(\.claim), in: graph, store: store)
    for (change, id) in zip(changes, ids) {
      console.line("  \(id): \(change.before.rawValue) → \(change.after.rawValue)")
    }
  }
}

/// The options that every evaluating command shares.
struct EvaluationSettings {
  var semantics: Semantics
  var support: SupportMode
  var timeout: Int?

  init(_ command: ParsedCommand, defaultSemantics: Semantics = .grounded) throws(CLIError) {
    let semanticsName = command.value("--semantics") ?? defaultSemantics.rawValue
    guard let semantics = Semantics(rawValue: semanticsName) else {
      throw .usage(
        "unknown semantics '\(semanticsName)'; use "
          + Semantics.allCases.map(\.rawValue).joined(separator: ", "),
        command.spec)
    }
    let supportName = command.value("--support") ?? SupportMode.derived.rawValue
    guard let support = SupportMode(rawValue: supportName) else {
      throw .usage("'--support' takes derived or ignore, not '\(supportName)'", command.spec)
    }
    self.semantics = semantics
    self.support = support
    self.timeout = try command.count("--timeout")
  }

  var budget: SolverBudget {
    SolverBudget(timeout: timeout.map { .seconds($0) })
  }

  /// Runs a solver call with the budget; `attempt` gives running out of time its own code.
  func run<T>(_ body: (SolverBudget) throws -> T) throws(CLIError) -> T {
    try attempt { try body(budget) }
  }
}

extension Label {
  /// `in` and `out` as typed on the command line; `undec` is not assumable.
  init?(cliName: String) {
    switch cliName.lowercased() {
    case "in": self = .in
    case "out": self = .out
    case "undec": self = .undec
    default: return nil
    }
  }
}
