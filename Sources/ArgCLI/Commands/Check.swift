import Argmap

extension Commands {
  static let check = CommandSpec(
    path: ["check"],
    abstract: "Find weak spots: unsupported or unanswered claims, support cycles, isolated claims.",
    discussion: """
      unsupported    rebutted, yet nothing supports it
      unanswered     a rebuttal that nothing rebuts in turn: an open objection
      support-cycle  claims that support each other in a circle
      isolated       a claim with no relation at all
      no-provenance  a claim without a source and quote

      With '--json', an object with one member per kind found: the ids of its claims, or for
      support-cycle one array of ids per cycle.
      """,
    options: [
      .init(name: "--strict", help: "Exit with 1 when any problem is found."),
      CommandSpec.json,
    ]
  ) { command, context throws(CLIError) in
    let problems = try attempt { try context.store().check() }
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
        return (
          kind.rawValue,
          kind == .supportCycle
            ? .array(matching.map { .array(ids($0)) }) : .array(matching.flatMap(ids))
        )
      })
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
