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
    let map = try evaluationMap(command, context)
    let (strengths, result) = Evaluation.strengths(map)
    // Claim indices, strongest first, ties in map order.
    var ranked = strengths.indices.sorted {
      (strengths[$1].strength, $0) < (strengths[$0].strength, $1)
    }
    if let ids = try tagged(command, context) {
      ranked = ranked.filter { ids.contains(strengths[$0].id) }
    }
    if let top = try command.count("--top") { ranked = Array(ranked.prefix(top)) }
    if !result.converged {
      context.console.warning(
        "strengths did not settle after \(result.iterations) iterations; they are approximate")
    }
    let idWidth = TextLayout.idWidth(map.claims)
    context.emit(
      command,
      json: .array(
        ranked.map {
          .object([
            ("id", .string(strengths[$0].id)), ("strength", .double(strengths[$0].strength)),
          ])
        }),
      text: {
        ranked.map {
          TextLayout.claimLine(
            map.claims[$0], indent: Evaluation.formatted(strengths[$0].strength) + "  ",
            idWidth: idWidth)
        }
      })
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
    let map = try attempt { try context.store().frameworkMap(withTexts: false) }
    let cruxes = try settings.run { budget in
      try Evaluation.cruxes(
        map, semantics: settings.semantics, support: settings.support, top: top, budget: budget)
    }
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
}
