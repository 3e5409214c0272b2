import Argmap

extension Commands {
  static let check = CommandSpec(
    path: ["check"],
    abstract:
      "Find weak spots: unsupported or unanswered claims, support cycles, isolated claims, and quotes their sources do not hold.",
    discussion: """
      unsupported            rebutted, yet nothing supports it
      unanswered             a rebuttal that nothing rebuts in turn: an open objection
      support-cycle          claims that support each other in a circle
      isolated               a claim with no relation at all
      no-provenance          a claim without a source and quote
      quote-not-found        a quote its source's text does not hold (the nearest
                             passage is shown)
      quote-outside-comment  a quote in its source, but not in the comment named

      A quote is found when it occurs verbatim, or once runs of white space are read as
      one space and typographic quotes and apostrophes as straight ones. Quotes are checked
      against the sources whose text the map holds ('argmap sources' says which).

      With '--json', an object with one member per kind found: the ids of its claims; for
      support-cycle one array of ids per cycle; for the quote kinds one object per quote.
      """,
    options: [
      .init(name: "--quotes", help: "Check only that quotes are in their sources."),
      .init(name: "--strict", help: "Exit with 1 when any problem is found."),
      CommandSpec.json,
    ]
  ) { command, context throws(CLIError) in
    let store = try context.store()
    let problems = try attempt {
      command.has("--quotes") ? try store.checkQuotes() : try store.check()
    }
    context.emit(
      command,
      json: json(problems),
      text: { text(problems) })
    if command.has("--strict"), !problems.isEmpty {
      throw CLIError(
        code: .problemsFound, message: "\(TextLayout.plural(problems.count, "problem")) found")
    }
  }

  /// The problems grouped by kind, in the kinds' order.
  private static func json(_ problems: [MapProblem]) -> JSONValue {
    .object(
      MapProblem.Kind.allCases.compactMap { kind in
        let matching = problems.filter { $0.kind == kind }
        guard !matching.isEmpty else { return nil }
        let ids = { (problem: MapProblem) in problem.claimIDs.map(JSONValue.string) }
        if kind == .supportCycle {
          return (kind.rawValue, .array(matching.map { .array(ids($0)) }))
        }
        if matching.contains(where: { $0.quote != nil }) {
          return (
            kind.rawValue,
            .array(
              matching.map { problem in
                var object = JSONObject([("claim", .string(problem.claimIDs.joined()))])
                if case .object(let quote) = problem.quote.map(json) ?? .null {
                  for member in quote.members { object.append(member.key, member.value) }
                }
                return .object(object)
              })
          )
        }
        return (kind.rawValue, .array(matching.flatMap(ids)))
      })
  }

  private static func json(_ problem: QuoteProblem) -> JSONValue {
    .object([
      ("source", .string(problem.source)), ("comment", JSONValue(problem.comment)),
      ("quote", .string(problem.quote)),
      (
        "passage",
        problem.passage.map {
          .object([
            ("firstLine", .int($0.lines.lowerBound)), ("lastLine", .int($0.lines.upperBound)),
            ("text", .string($0.context)),
          ])
        } ?? .null
      ),
    ])
  }

  /// A quote problem: the claim and its quote, then where the quote is or what is nearest.
  private static func lines(_ problem: MapProblem, _ quote: QuoteProblem) -> [String] {
    var lines = TextLayout.paragraph(
      "\(problem.claimIDs.joined()) (\(quote.source)\(quote.comment.map { ", " + $0 } ?? "")): “\(quote.quote)”"
    )
    let label = problem.kind == .quoteNotFound ? "nearest" : "found at"
    if let passage = quote.passage {
      lines += TextLayout.paragraph(
        "\(label) \(location(quote.source, passage)): “\(passage.context)”", indent: "    ")
    } else {
      lines.append("    nothing in the source is like it")
    }
    return lines
  }

  /// `source:line`, or `source:first-last` for a passage over several lines.
  static func location(_ source: String, _ match: SourceText.Match) -> String {
    let lines = match.lines
    return "\(source):\(lines.lowerBound)"
      + (lines.count > 1 ? "-\(lines.upperBound)" : "")
  }

  private static func text(_ problems: [MapProblem]) -> [String] {
    guard !problems.isEmpty else { return ["no problems found"] }
    var lines: [String] = []
    for kind in MapProblem.Kind.allCases {
      let matching = problems.filter { $0.kind == kind }
      guard !matching.isEmpty else { continue }
      if !lines.isEmpty { lines.append("") }
      lines.append("\(kind.rawValue) (\(matching.count)):")
      for problem in matching {
        if let quote = problem.quote {
          lines += Self.lines(problem, quote)
          continue
        }
        let joiner = kind == .supportCycle ? " → " : ", "
        let cycleEnd = kind == .supportCycle ? " → " + (problem.claimIDs.first ?? "") : ""
        lines += TextLayout.paragraph(problem.claimIDs.joined(separator: joiner) + cycleEnd)
      }
    }
    lines.append("")
    lines.append("\(TextLayout.plural(problems.count, "problem")) found")
    return lines
  }
}
