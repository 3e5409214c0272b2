import Argmap

extension Commands {
  static let strength = CommandSpec(
    path: ["strength"],
    abstract: "Gradual strength of every claim (DF-QuAD), strongest first.",
    discussion: """
      Each claim starts from its base score ({base: 0.7} in the corpus; 0.5 when absent).
      Its attackers pull it down and its supporters push it up, each by their own strength
      combined as a probabilistic sum (Rago, Toni, Aurisicchio and Baroni, 2016). A map
      without cycles is computed exactly in one pass; cycles are iterated to a fixed point.
      """,
    options: [
      .init(name: "--top", valueName: "n", help: "Only the strongest n claims."),
      tagOption, CommandSpec.json,
    ]
  ) { command, context throws(CLIError) in
    let store = try context.store()
    let graph = try attempt { try store.claimGraph() }
    let result = DFQuAD.strengths(of: graph)
    let strengths = result.strengths
    // Claim numbers, strongest first, ties in map order.
    var ranked = try listedClaims(of: graph, command, context).sorted {
      (strengths[$1], $0) < (strengths[$0], $1)
    }
    if let top = try command.count("--top") { ranked = Array(ranked.prefix(top)) }
    if !result.converged {
      context.console.warning(
        "strengths did not settle after \(result.iterations) iterations; they are approximate")
    }
    if command.wantsJSON {
      let ids = try ids(of: ranked, in: graph, store: store)
      let json = JSONValue.array(
        zip(ranked, ids).map { index, id in
          .object([("id", .string(id)), ("strength", .double(strengths[index]))])
        })
      context.console.stream { json.write(to: &$0, pretty: true) }
      context.console.line()
    } else {
      try writeClaimLines(
        ranked, of: graph, store: store, idWidth: try listingIDWidth(store),
        indent: { Evaluation.formatted(strengths[$0]) + "  " }, to: context.console)
    }
  }

  static let cruxes = CommandSpec(
    path: ["cruxes"],
    abstract: "The claims the debate turns on: flipping them changes the most other labels.",
    discussion: """
      For each claim, argmap flips its label (in to out, out or undecided to in), lets the
      semantics settle around it, and counts the other claims whose label changes.
      """,
    options: [
      semanticsOption, supportOption,
      .init(name: "--top", valueName: "n", help: "How many to list (default 10)."),
      timeoutOption, CommandSpec.json,
    ]
  ) { command, context throws(CLIError) in
    let settings = try EvaluationSettings(command)
    let top = try command.count("--top") ?? 10
    let store = try context.store()
    let graph = try attempt { try store.claimGraph() }
    let ranked = try settings.run { budget in
      try Evaluation.cruxes(
        graph, semantics: settings.semantics, support: settings.support, top: top,
        budget: budget)
    }
    let cruxes = try named(ranked, in: graph, store: store)
    context.emit(
      command,
      json: .array(
        cruxes.map {
          .object([
            ("id", .string($0.id)), ("flippedTo", .string($0.flippedTo.description)),
            ("changed", .array($0.changed.map(JSONValue.string))),
          ])
        }),
      text: {
        cruxes.flatMap { crux in
          [
            "\(crux.id): flipped to \(crux.flippedTo), "
              + "\(TextLayout.plural(crux.changed.count, "other claim")) "
              + (crux.changed.count == 1 ? "changes" : "change")
          ] + TextLayout.paragraph(crux.changed.joined(separator: ", "), indent: "    ")
        }
      })
  }

  /// The cruxes with their claims named: only those printed are looked up.
  private static func named(_ cruxes: [Crux], in graph: ClaimGraph, store: MapStore)
    throws(CLIError) -> [(id: String, flippedTo: Label, changed: [String])]
  {
    let printed = cruxes.flatMap { [$0.argument] + $0.changed }
    let ids = try ids(of: printed, in: graph, store: store)
    var next = ids.makeIterator()
    return cruxes.map { crux in
      let id = next.next() ?? ""
      return (id, crux.flippedTo, crux.changed.map { _ in next.next() ?? "" })
    }
  }
}
