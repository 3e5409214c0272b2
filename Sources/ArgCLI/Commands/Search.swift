import Argmap

extension Commands {
  static let search = CommandSpec(
    path: ["search"],
    abstract: "Full-text search over claims' ids, texts, titles, quotes and speakers, best first.",
    discussion: """
      Words match in any order and by stem ('refuse' finds 'refusal'); every word must match.
      Words in double quotes must also stand in that order in the text, title or quote.
      Matched words are shown in [brackets], and each hit says which fields matched. '--raw'
      takes an SQLite FTS5 query instead, e.g. 'refus* OR (user AND text:subvert)'; the index
      keeps no word positions, so FTS5's phrases and NEAR are refused there.
      """,
    arguments: [.init(name: "text", help: "The words to find.", isVariadic: true)],
    options: [
      .init(name: "--limit", valueName: "n", help: "At most this many results (default 20)."),
      .init(name: "--raw", help: "Treat the text as an FTS5 query."),
      CommandSpec.json,
    ]
  ) { command, context throws(CLIError) in
    let text = command.positionals.joined(separator: " ")
    let limit = try command.count("--limit") ?? 20
    guard limit > 0 else { throw .usage("'--limit' must be at least 1", command.spec) }
    let hits = try attempt {
      try context.store().search(text, limit: limit, raw: command.has("--raw"))
    }
    context.emit(
      command,
      json: .array(
        hits.map {
          .object([
            ("id", .string($0.claim.id)), ("position", JSONValue($0.claim.position)),
            ("text", .string($0.claim.text)), ("snippet", .string($0.snippet)),
            ("rank", .double($0.rank)), ("matched", .array($0.matched.map(JSONValue.string))),
          ])
        }),
      text: {
        guard !hits.isEmpty else { return ["no claims match '\(text)'"] }
        var lines: [String] = []
        for hit in hits {
          let position = hit.claim.position.map { "  (\($0))" } ?? ""
          lines.append(hit.claim.id + position + "  matched " + hit.matched.joined(separator: ", "))
          lines += TextLayout.paragraph(hit.snippet, indent: "    ")
        }
        return lines
      })
  }
}
