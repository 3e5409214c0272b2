import Argmap

extension Commands {
  static let importCorpus = CommandSpec(
    path: ["import"],
    abstract: "Import maps from Argdown, AIF JSON, argmap JSON or Kialo files, all or nothing.",
    discussion: """
      Each file's format is told by its name and content: .argdown and .ad are Argdown; a
      .json file is AIF (AIFdb or OVA) when it has "nodes", "AIF" or AIF's "nodeID",
      "edgeID" or "fromID" keys, argmap's own dump when it has "claims"; a .txt file is a
      Kialo export when it opens with 'Discussion Title:' or 'Discussion Name:' (Kialo's
      classic and current layouts). A folder is searched for such files (a .txt that is
      not a Kialo export is skipped); '--format' names the format instead. '-' reads
      standard input, told by its content (Argdown unless it is JSON or a Kialo export).
      All files are read as one corpus; references may point at claims already in the
      database. Files are written one by one inside one transaction: any error rolls it
      back, leaving the database as it was, and every error is listed, at its
      file:line:column where the file gives one. Re-importing is idempotent: changed
      claims are updated and new relations added. '--replace' first drops the claims of every
      position the files define, so a position can be rebuilt from its edited file;
      relations that other positions' claims hold into claims that come back are kept.
      A claim stays in the position it is stored in; a file that defines it elsewhere gets a
      warning saying how to move it. The map's title changes only with '--title' (the files'
      title is taken when the map has none). '--dry-run' says what would change and writes
      nothing. Each import is one write in 'argmap history', and 'argmap undo' reverts it.
      Warnings (an AIF scheme node without premise or conclusion, which is skipped, a
      relation from a claim to itself, which is kept, or a second relation between two
      claims, which is dropped) are printed to stderr; '--strict' makes them errors, so
      the import stops and exits 65 as for any corpus error.
      """,
    arguments: [
      .init(
        name: "path", help: "A file, a folder searched for them, or '-' for standard input.",
        isVariadic: true)
    ],
    options: [
      .init(
        name: "--format", valueName: "format",
        help: "argdown, aif, json or kialo: read every file in this format."),
      .init(name: "--replace", help: "Rebuild the positions the files define."),
      .init(name: "--title", valueName: "title", help: "Give the map this title."),
      .init(name: "--dry-run", help: "Say what would change, and write nothing."),
      .init(name: "--strict", help: "Treat the readers' warnings as errors."),
      .init(
        name: "--source-file", valueName: "id=path",
        help: "Store this file as the text of source <id>; repeat for more.", isRepeatable: true),
      CommandSpec.json,
    ]
  ) { command, context throws(CLIError) in
    let format = try command.value("--format").map { name throws(CLIError) in
      guard let format = InterchangeFormat(rawValue: name) else {
        throw .usage(
          "unknown format '\(name)'; use "
            + InterchangeFormat.allCases.map(\.rawValue).joined(separator: ", "), command.spec)
      }
      return format
    }
    let sourceFiles = try command.all("--source-file").map { pair throws(CLIError) in
      guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
        throw .usage("'--source-file' takes <id>=<path>, not '\(pair)'", command.spec)
      }
      return (id: String(pair[..<equals]), path: String(pair[pair.index(after: equals)...]))
    }
    let report = try attempt {
      defer { context.console.progress(nil) }
      return try Workspace.importFiles(
        command.positionals, into: context.databaseChoice, replacing: command.has("--replace"),
        format: format, strict: command.has("--strict"), title: command.value("--title"),
        dryRun: command.has("--dry-run"), command: context.commandLine, sourceFiles: sourceFiles,
        // The lists of added claims and relations are printed only as JSON; at 10^6 claims they
        // would cost more memory than the rest of the import.
        listing: command.has("--json"), progress: { showProgress($0, context.console) })
    }
    for warning in report.warnings { context.console.writeErr(warning.description + "\n") }
    let dryRun = command.has("--dry-run")
    context.emit(
      command, json: json(report, dryRun: dryRun),
      text: { text(report, into: context.databaseName, dryRun: dryRun) })
  }

  private static func showProgress(_ progress: Workspace.ImportProgress, _ console: Console) {
    switch progress {
    case .reading(let done, let total):
      // Redrawing for every one of 10^5 files would cost more than reading them.
      if done == total || done % 64 == 0 {
        console.progress(
          "reading \(TextLayout.grouped(done)) of \(TextLayout.plural(total, "file"))")
      }
    case .writing: console.progress("writing the map")
    }
  }

  private static func json(_ report: Workspace.ImportReport, dryRun: Bool) -> JSONValue {
    let summary = report.summary
    let ids = { (values: [String]) in JSONValue.array(values.map(JSONValue.string)) }
    let relations = { (values: [Relation]) in JSONValue.array(values.map(MapJSON.value(of:))) }
    return .object([
      ("files", ids(report.files)),
      ("skipped", ids(report.skipped)),
      (
        "formats",
        .object(
          InterchangeFormat.allCases.compactMap { format in
            report.formats[format].map { (format.rawValue, .int($0)) }
          })
      ),
      ("claims", .int(report.claims)),
      ("relations", .int(report.relations)),
      ("positionsAdded", ids(summary.positionsAdded)),
      ("positionsUpdated", ids(summary.positionsUpdated)),
      ("claimsAdded", ids(summary.claimsAdded)),
      ("claimsUpdated", ids(summary.claimsUpdated)),
      ("claimsRemoved", ids(summary.claimsRemoved)),
      ("relationsAdded", relations(summary.relationsAdded)),
      ("relationsChanged", relations(summary.relationsChanged)),
      ("relationsRemoved", relations(summary.relationsRemoved)),
      ("sourcesAdded", ids(summary.sourcesAdded)),
      ("dryRun", .bool(dryRun)),
    ])
  }

  private static func text(_ report: Workspace.ImportReport, into database: String, dryRun: Bool)
    -> [String]
  {
    let summary = report.summary
    let changes: [(verb: String, count: Int, noun: String)] = [
      ("added", summary.positionsAdded.count, "position"),
      ("updated", summary.positionsUpdated.count, "position"),
      ("added", summary.claimsAddedCount, "claim"),
      ("updated", summary.claimsUpdated.count, "claim"),
      ("removed", summary.claimsRemoved.count, "claim"),
      ("added", summary.relationsAddedCount, "relation"),
      ("changed", summary.relationsChanged.count, "relation"),
      ("removed", summary.relationsRemoved.count, "relation"),
      ("registered", summary.sourcesAdded.count, "source"),
    ]
    var parts = changes.filter { $0.count > 0 }.map {
      "\($0.verb) \(TextLayout.plural($0.count, $0.noun))"
    }
    if let title = summary.titleSet { parts.append("titled the map '\(title)'") }
    var lines = [
      parts.isEmpty
        ? (dryRun ? "would change nothing" : "nothing changed")
        : (dryRun ? "would have " : "") + parts.joined(separator: ", ")
    ]
    let listed: [(String, [String])] = [
      ("updated", summary.claimsUpdated), ("removed", summary.claimsRemoved),
      ("changed", summary.relationsChanged.map(describe)),
      ("removed", summary.relationsRemoved.map(describe)),
      ("skipped", report.skipped),
    ]
    for (verb, items) in listed {
      lines += items.map { "  \(verb) \($0)" }
    }
    let what =
      "\(TextLayout.plural(report.claims, "claim")), "
      + "\(TextLayout.plural(report.relations, "relation")) from "
      + "\(TextLayout.plural(report.files.count, "file")) into \(database)"
    lines.append(
      dryRun
        ? "dry run: would import \(what); nothing was written"
        : "imported \(what) in \(seconds(report.duration))")
    return lines
  }

  /// One decimal: the figure is for a person, and finer digits would only be noise.
  private static func seconds(_ duration: Duration) -> String {
    let (whole, attoseconds) = duration.components
    let tenths =
      Int(whole) * 10 + Int((attoseconds + 50_000_000_000_000_000) / 100_000_000_000_000_000)
    return "\(tenths / 10).\(tenths % 10) s"
  }

  static func describe(_ relation: Relation) -> String {
    "\(relation.from) \(relation.kind.rawValue) \(relation.to)"
  }
}
