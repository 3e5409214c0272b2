import Argmap

extension Commands {
  static let claims = CommandSpec(
    path: ["claims"], abstract: "List claims, grouped by position, in definition order.",
    options: [
      .init(name: "--position", valueName: "id", help: "Only the claims of this position."),
      CommandSpec.json,
    ]
  ) { command, context throws(CLIError) in
    let store = try context.store()
    let claims = try attempt { try store.claims(inPosition: command.value("--position")) }
    let titles = try attempt {
      Dictionary(
        uniqueKeysWithValues: try store.positions().map { ($0.position.id, $0.position.title) })
    }
    context.emit(
      command, json: .array(claims.map(MapJSON.value(of:))),
      text: { groupedLines(claims, titles: titles) })
  }

  /// Claims under a heading per position, in the order positions first appear.
  private static func groupedLines(_ claims: [Claim], titles: [String: String]) -> [String] {
    let idWidth = TextLayout.idWidth(claims)
    var lines: [String] = []
    var current: String?? = .none
    for claim in claims {
      if current != .some(claim.position) {
        current = .some(claim.position)
        if !lines.isEmpty { lines.append("") }
        lines.append(claim.position.map { "\(titles[$0] ?? $0) (\($0))" } ?? "(no position)")
      }
      lines.append(TextLayout.claimLine(claim, idWidth: idWidth))
    }
    return lines
  }
}
