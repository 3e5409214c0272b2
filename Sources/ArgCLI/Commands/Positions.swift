import Argmap

enum Commands {}

extension Commands {
  static let positions = CommandSpec(
    path: ["positions"], abstract: "List the positions with their claim counts.",
    options: [CommandSpec.json]
  ) { command, context throws(CLIError) in
    let positions = try attempt { try context.store().positions() }
    context.emit(
      command,
      json: .array(
        positions.map {
          .object([
            ("id", .string($0.position.id)), ("title", .string($0.position.title)),
            ("summary", JSONValue($0.position.summary)), ("claims", .int($0.claimCount)),
          ])
        }),
      text: {
        let idWidth = positions.map(\.position.id.count).max() ?? 0
        return positions.map {
          let head =
            $0.position.id.padding(to: idWidth) + "\($0.claimCount)".leftPadded(to: 5) + "  "
          return head + $0.position.title.truncated(to: TextLayout.width - head.count)
        }
      })
  }
}
