import Argmap

extension Commands {
  static let sources = CommandSpec(
    path: ["sources"],
    abstract: "List the sources with how many claims and comments cite each, and their texts.",
    options: [CommandSpec.json]
  ) { command, context throws(CLIError) in
    let summaries = try attempt { try context.store().sourceSummaries() }
    context.emit(
      command,
      json: .array(
        summaries.map {
          .object([
            ("id", .string($0.source.id)), ("title", .string($0.source.title)),
            ("url", JSONValue($0.source.url)), ("claims", .int($0.claims)),
            ("comments", .int($0.comments)), ("lines", $0.lines.map(JSONValue.int) ?? .null),
          ])
        }),
      text: {
        let idWidth = summaries.map(\.source.id.count).max() ?? 0
        return summaries.map {
          let text = $0.lines.map { "\(TextLayout.plural($0, "line"))" } ?? "no text"
          let head =
            $0.source.id.padding(to: idWidth)
            + "  \(TextLayout.plural($0.claims, "claim")), \(TextLayout.plural($0.comments, "comment")), \(text)  "
          return head + $0.source.title.truncated(to: max(20, TextLayout.width - head.count))
        }
      })
  }

  static let source = CommandSpec(
    path: ["source"], abstract: "Add a source with its text, or show one.",
    subcommands: [sourceAdd, sourceShow])

  static let sourceAdd = CommandSpec(
    path: ["source", "add"],
    abstract: "Add a source, or describe one already cited; '--file' stores its text.",
    discussion: """
      With its text stored, 'check' looks for every quote drawn from the source in it, and
      'show' prints each quote in its context.
      """,
    arguments: [.init(name: "id", help: "The source's id: letters, digits, '-', '_' and '.'.")],
    options: [
      .init(name: "--title", valueName: "title", help: "Its title.", isRequired: true),
      .init(name: "--url", valueName: "url", help: "Where it is published."),
      .init(
        name: "--file", valueName: "path", help: "A UTF-8 file holding its text ('-' reads stdin)."),
    ]
  ) { command, context throws(CLIError) in
    let text = try command.value("--file").map { path throws(CLIError) in
      try attempt { try Workspace.readSourceText(path) }
    }
    let source = Source(
      id: command.positionals[0], title: command.value("--title") ?? "",
      url: command.value("--url"), text: text)
    let isNew = try attempt { try context.store().saveSource(source) }
    let lines = text.map { ", " + TextLayout.plural(SourceText($0).lines.count, "line") } ?? ""
    context.console.line("\(isNew ? "added" : "updated") source '\(source.id)'\(lines)")
  }

  static let sourceShow = CommandSpec(
    path: ["source", "show"],
    abstract: "Print a source's text, numbered by line, or one comment's part of it.",
    arguments: [.init(name: "id", help: "The source's id.")],
    options: [
      .init(name: "--comment", valueName: "id", help: "Only this comment's lines, e.g. C7."),
      CommandSpec.json,
    ]
  ) { command, context throws(CLIError) in
    let source = try attempt { try context.store().source(id: command.positionals[0]) }
    guard let text = source.text else {
      throw .badInput(
        "the map does not hold the text of '\(source.id)'; add it with 'argmap source add \(source.id) --title … --file PATH'"
      )
    }
    let lines = SourceText(text).lines.map { String($0) }
    let shown =
      try command.value("--comment").map { comment throws(CLIError) in
        try lineIndices(of: comment, in: source)
      } ?? Array(lines.indices)
    context.emit(
      command,
      json: .object([
        ("id", .string(source.id)), ("title", .string(source.title)),
        ("url", JSONValue(source.url)),
        (
          "lines",
          .array(shown.map { .object([("line", .int($0 + 1)), ("text", .string(lines[$0]))]) })
        ),
      ]),
      text: {
        var output = ["\(source.id): \(source.title)"]
        if let url = source.url { output.append(url) }
        return output + [""] + numbered(lines, shown)
      })
  }

  /// The indices of the lines of `comment`'s spans, or an error naming the comments known.
  private static func lineIndices(of comment: String, in source: Source) throws(CLIError)
    -> [Int]
  {
    let spans = source.spans.filter { $0.comment == comment }
    guard !spans.isEmpty else {
      var known: [String] = []
      for span in source.spans where !known.contains(span.comment) { known.append(span.comment) }
      let hint =
        known.isEmpty ? "it knows no comment's lines" : "it knows " + known.joined(separator: ", ")
      throw CLIError(
        code: .notFound,
        message: "source '\(source.id)' has no lines for comment '\(comment)'; \(hint)")
    }
    return spans.flatMap { Array(($0.lines.lowerBound - 1)...($0.lines.upperBound - 1)) }
  }

  /// The lines at `shown`, each wrapped under its number, with `…` where lines are left out.
  private static func numbered(_ lines: [String], _ shown: [Int]) -> [String] {
    let width = String(lines.count).count
    let blank = String(repeating: " ", count: width)
    var output: [String] = []
    var previous: Int?
    for index in shown {
      if let previous, index != previous + 1 { output.append(blank + "  …") }
      let wrapped = TextWrap.wrap(lines[index], width: TextLayout.width - width - 2)
      for (offset, part) in wrapped.enumerated() {
        let number = offset == 0 ? String(index + 1).leftPadded(to: width) : blank
        output.append(number + "  " + part)
      }
      previous = index
    }
    return output
  }
}
