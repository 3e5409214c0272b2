import Argmap

extension Commands {
  static let path = CommandSpec(
    path: ["path"],
    abstract: "The shortest chain of relations between two claims, in either direction.",
    discussion: """
      Each step shows how it is linked to the step above: '--supports-->' or '--rebuts-->'
      when the claim above supports or rebuts it, '<--supports--' or '<--rebuts--' when it
      supports or rebuts the claim above.
      """,
    arguments: [
      .init(name: "from", help: "The claim to start at."),
      .init(name: "to", help: "The claim to reach."),
    ],
    options: [CommandSpec.json]
  ) { command, context throws(CLIError) in
    let (from, to) = (command.positionals[0], command.positionals[1])
    guard let steps = try attempt({ try context.store().path(from: from, to: to) }) else {
      throw CLIError(code: .notFound, message: "no chain of relations links '\(from)' and '\(to)'")
    }
    context.emit(
      command,
      json: .array(
        steps.map {
          .object([
            ("id", .string($0.claim.id)), ("text", .string($0.claim.text)),
            ("relation", JSONValue($0.relation?.rawValue)),
            ("direction", JSONValue($0.direction?.rawValue)),
          ])
        }),
      text: { steps.map(pathLine) })
  }

  private static func pathLine(_ step: PathStep) -> String {
    var head = ""
    if let relation = step.relation {
      head =
        step.direction == .backward ? "<--\(relation.rawValue)-- " : "--\(relation.rawValue)--> "
    }
    head += "[\(step.claim.id)]"
    let room = TextLayout.width - head.count - 2
    let words = TextLayout.words(of: step.claim)
    return room < 12 || words.isEmpty ? head : head + ": " + words.truncated(to: room)
  }
}
