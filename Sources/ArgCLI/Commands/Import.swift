import Argmap

extension Commands {
  static let importCorpus = CommandSpec(
    path: ["import"],
    abstract: "Import .argdown files or folders of them, all or nothing.",
    discussion: """
      All files are parsed as one corpus; references may point at claims already in the
      database. Any error stops the import before the database is touched, and every error is
      listed as file:line:column. Re-importing is idempotent: changed claims are updated and
      new relations added. '--replace' first drops the claims of every position the files
      define, so a position can be rebuilt from its edited file; relations that other
      positions' claims hold into claims that come back are kept.
      """,
    arguments: [
      .init(
        name: "path", help: "An .argdown file, or a folder searched for them.", isVariadic: true)
    ],
    options: [
      .init(name: "--replace", help: "Rebuild the positions the files define."),
      CommandSpec.json,
    ]
  ) { command, context throws(CLIError) in
    let report = try attempt {
      try Workspace.importFiles(
        command.positionals, into: context.databaseChoice, replacing: command.has("--replace"))
    }
    for warning in report.warnings { context.console.writeErr(warning.description + "\n") }
    context.emit(command, json: json(report), text: { text(report) })
  }

  private static func json(_ report: Workspace.ImportReport) -> JSONValue {
    let summary = report.summary
    let ids = { (values: [String]) in JSONValue.array(values.map(JSONValue.string)) }
    let relations = { (values: [Relation]) in JSONValue.array(values.map(MapJSON.value(of:))) }
    return .object([
      ("files", ids(report.files)),
      ("positionsAdded", ids(summary.positionsAdded)),
      ("positionsUpdated", ids(summary.positionsUpdated)),
      ("claimsAdded", ids(summary.claimsAdded)),
      ("claimsUpdated", ids(summary.claimsUpdated)),
      ("claimsRemoved", ids(summary.claimsRemoved)),
      ("relationsAdded", relations(summary.relationsAdded)),
      ("relationsChanged", relations(summary.relationsChanged)),
      ("relationsRemoved", relations(summary.relationsRemoved)),
      ("sourcesAdded", ids(summary.sourcesAdded)),
    ])
  }

  private static func text(_ report: Workspace.ImportReport) -> [String] {
    let summary = report.summary
    let files = TextLayout.plural(report.files.count, "file")
    guard !summary.changedNothing else { return ["imported \(files): nothing changed"] }
    let changes: [(verb: String, count: Int, noun: String)] = [
      ("added", summary.positionsAdded.count, "position"),
      ("updated", summary.positionsUpdated.count, "position"),
      ("added", summary.claimsAdded.count, "claim"),
      ("updated", summary.claimsUpdated.count, "claim"),
      ("removed", summary.claimsRemoved.count, "claim"),
      ("added", summary.relationsAdded.count, "relation"),
      ("changed", summary.relationsChanged.count, "relation"),
      ("removed", summary.relationsRemoved.count, "relation"),
      ("registered", summary.sourcesAdded.count, "source"),
    ]
    let parts = changes.filter { $0.count > 0 }.map {
      "\($0.verb) \(TextLayout.plural($0.count, $0.noun))"
    }
    var lines = ["imported \(files): " + parts.joined(separator: ", ")]
    let listed: [(String, [String])] = [
      ("updated", summary.claimsUpdated), ("removed", summary.claimsRemoved),
      ("changed", summary.relationsChanged.map(describe)),
      ("removed", summary.relationsRemoved.map(describe)),
    ]
    for (verb, items) in listed {
      lines += items.map { "  \(verb) \($0)" }
    }
    return lines
  }

  static func describe(_ relation: Relation) -> String {
    "\(relation.from) \(relation.kind.rawValue) \(relation.to)"
  }
}
