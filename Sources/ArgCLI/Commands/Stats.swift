import Argmap

extension Commands {
  static let stats = CommandSpec(
    path: ["stats"], abstract: "Counts that describe the map at a glance.",
    options: [CommandSpec.json]
  ) { command, context throws(CLIError) in
    let stats = try attempt { try context.store().stats() }
    let relationRows = RelationKind.allCases.map { ($0.rawValue, stats.relationCounts[$0] ?? 0) }
    let rows: [(String, Int)] =
      [
        ("positions", stats.positions), ("claims", stats.claims),
        ("statements", stats.statements), ("arguments", stats.arguments),
        ("relations", stats.relations),
      ] + relationRows + [
        ("sources", stats.sources), ("comments", stats.comments),
        ("quoted", stats.claimsWithQuote), ("tags", stats.tags),
        ("schemaVersion", stats.schemaVersion),
      ]
    context.emit(
      command, json: .object(rows.map { ($0.0, .int($0.1)) }),
      text: {
        ["database: \(context.databaseChoice.path)"]
          + rows.map { (label(for: $0.0) + ":").padding(to: 15) + "\($0.1)".leftPadded(to: 6) }
      })
  }

  /// JSON keys are camelCase; text labels are words.
  private static func label(for key: String) -> String {
    key == "schemaVersion" ? "schema version" : key
  }
}
