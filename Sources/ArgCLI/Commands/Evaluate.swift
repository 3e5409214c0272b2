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
    let map = try evaluationMap(command, context)
    let assumptions = try parseAssumptions(command)
    let result = try settings.run { budget in
      try Evaluation.evaluate(
        map, semantics: settings.semantics, support: settings.support, assuming: assumptions,
        budget: budget)
    }
    let baseline =
      assumptions.isEmpty
      ? nil
      : try settings.run { budget in
        try Evaluation.evaluate(
          map, semantics: settings.semantics, support: settings.support, budget: budget)
      }
    let changes = baseline.map { Evaluation.changes(from: $0, to: result) } ?? []
    let shown = result.listing(only: try tagged(command, context))
    context.emit(
      command, json: json(shown, changes: changes, assumed: baseline != nil),
      text: { text(shown, map: map, changes: changes, assumed: baseline != nil) })
  }

  /// What evaluating commands read: the lean map, with texts only for text output's lines.
  static func evaluationMap(_ command: ParsedCommand, _ context: Context) throws(CLIError)
    -> ArgumentMap
  {
    try attempt { try context.store().frameworkMap(withTexts: !command.wantsJSON) }
  }

  /// The ids of the claims carrying `--tag`, or nil to list every claim.
  static func tagged(_ command: ParsedCommand, _ context: Context) throws(CLIError) -> Set<String>?
  {
    guard let tag = command.value("--tag") else { return nil }
    return try attempt { try context.store().claimIDs(taggedWith: tag) }
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

  private static func json(
    _ result: Evaluation.Result,
    changes: [(id: String, before: Evaluation.Standing, after: Evaluation.Standing)],
    assumed: Bool
  ) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("semantics", .string(result.semantics.rawValue)),
      ("support", .string(result.support.rawValue)),
      ("labellings", .int(result.labellings.count)),
      (
        "claims",
        .array(
          zip(result.claimIDs, result.standings).enumerated().map { index, pair in
            .object([
              ("id", .string(pair.0)),
              ("standing", result.labellings.isEmpty ? .null : .string(pair.1.rawValue)),
              (
                "labels",
                .array(result.labellings.map { .string($0[index].description) })
              ),
            ])
          })
      ),
    ]
    if assumed {
      members.append(
        (
          "changes",
          .array(
            changes.map {
              .object([
                ("id", .string($0.id)), ("before", .string($0.before.rawValue)),
                ("after", .string($0.after.rawValue)),
              ])
            })
        ))
    }
    return .object(members)
  }

  private static func text(
    _ result: Evaluation.Result, map: ArgumentMap,
    changes: [(id: String, before: Evaluation.Standing, after: Evaluation.Standing)],
    assumed: Bool
  ) -> [String] {
    let count = result.labellings.count
    var lines = [
      "\(result.semantics.rawValue) semantics, \(result.support.rawValue) support: "
        + (count == 0
          ? "no \(result.semantics.rawValue) labelling exists"
          : TextLayout.plural(count, "labelling"))
    ]
    // Without a labelling no claim has a standing, not even undecided.
    guard count > 0 else { return lines }
    let listed = listedClaims(result, map)
    let idWidth = TextLayout.idWidth(map.claims)
    for standing in Evaluation.Standing.allCases {
      let indices = result.standings.indices.filter { result.standings[$0] == standing }
      guard !indices.isEmpty else { continue }
      lines.append("")
      lines.append("\(standing.rawValue) (\(indices.count)):")
      lines += indices.map { TextLayout.claimLine(map.claims[listed[$0]], idWidth: idWidth) }
    }
    if assumed {
      lines.append("")
      lines.append(
        changes.isEmpty
          ? "the assumption changes no other claim"
          : "changed by the assumption (\(changes.count)):")
      lines += changes.map { "  \($0.id): \($0.before.rawValue) → \($0.after.rawValue)" }
    }
    return lines
  }

  /// For each claim `result` lists, its index in `map`. A result lists a subsequence of the
  /// map's claims in map order, so one walk matches them, without hashing every id.
  private static func listedClaims(_ result: Evaluation.Result, _ map: ArgumentMap) -> [Int] {
    var listed: [Int] = []
    listed.reserveCapacity(result.claimIDs.count)
    for (index, claim) in map.claims.enumerated()
    where listed.count < result.claimIDs.count && result.claimIDs[listed.count] == claim.id {
      listed.append(index)
    }
    return listed
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

extension Evaluation.Result {
  /// The same result listing only `ids` (all claims when nil), in map order.
  func listing(only ids: Set<String>?) -> Evaluation.Result {
    guard let ids else { return self }
    let kept = claimIDs.indices.filter { ids.contains(claimIDs[$0]) }
    var result = self
    result.claimIDs = kept.map { claimIDs[$0] }
    result.standings = kept.map { standings[$0] }
    result.labellings = labellings.map { labelling in kept.map { labelling[$0] } }
    return result
  }
}
