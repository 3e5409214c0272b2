import Argmap

extension Commands {
  static let history = CommandSpec(
    path: ["history"],
    abstract: "List the latest writes to the map, newest first.",
    discussion: """
      Every write is recorded with the command that made it and what it changed: rows added
      (+), changed (~) and removed (-), table by table. 'argmap undo' reverts them.
      """,
    options: [
      .init(
        name: "--limit", valueName: "n", help: "Show at most n writes (default 20; 0: all)."),
      CommandSpec.json,
    ]
  ) { command, context throws(CLIError) in
    let limit = try command.count("--limit") ?? 20
    let entries = try attempt { try context.store().history(limit: limit == 0 ? nil : limit) }
    context.emit(
      command, json: .array(entries.map(json)),
      text: { entries.isEmpty ? ["no writes recorded"] : entries.map(line) })
  }

  static let undo = CommandSpec(
    path: ["undo"],
    abstract: "Revert the latest write, or the one 'history' numbers.",
    discussion: """
      Undo restores exactly what the write changed, as a write of its own: undoing an undo is
      a redo. Repeated, 'undo' walks back through the history. A write that later writes
      changed the same rows of cannot be undone before them.
      """,
    arguments: [
      .init(name: "entry", help: "The write's number, e.g. 12 or #12.", isOptional: true)
    ],
    options: [CommandSpec.json]
  ) { command, context throws(CLIError) in
    let entry = try command.argument(0).map { word throws(CLIError) in
      guard let number = Int(word.hasPrefix("#") ? String(word.dropFirst()) : word) else {
        throw .usage("expected a history entry's number, not '\(word)'", command.spec)
      }
      return number
    }
    let undo = try attempt { try context.store().undo(entry, command: "undo") }
    context.reportWrite("undid \(describeUndone(undo, context))", command)
  }

  static let redo = CommandSpec(
    path: ["redo"],
    abstract: "Revert the latest undo: the write it reverted is back.",
    options: [CommandSpec.json]
  ) { command, context throws(CLIError) in
    let redo = try attempt { try context.store().redo(command: "redo") }
    // The redo reverted an undo; what it brought back is the write that undo had reverted.
    let undone = redo.undoes.flatMap { undo in try? context.store().historyEntry(undo) }
    context.reportWrite(
      "redid \(undone.map { describeUndone($0, context) } ?? "#\(redo.seq)")", command)
  }

  /// "#3 (import a.argdown)": the entry an undo reverted, as history lists it.
  private static func describeUndone(_ undo: HistoryEntry, _ context: Context) -> String {
    guard let target = undo.undoes else { return "#\(undo.seq)" }
    let command = (try? context.store().historyEntry(target))?.command ?? ""
    return "#\(target) (\(command))"
  }

  private static func line(_ entry: HistoryEntry) -> String {
    var line = "#\(entry.seq)  \(entry.at)  \(entry.command)"
    let changes = entry.changes.map { change in
      [("+", change.added), ("~", change.changed), ("-", change.removed)]
        .filter { $0.1 > 0 }.map { "\($0.0)\(TextLayout.grouped($0.1))" }.joined(separator: " ")
        + " \(change.what)"
    }
    if !changes.isEmpty { line += "  (" + changes.joined(separator: ", ") + ")" }
    if let by = entry.undoneBy { line += "  [undone by #\(by)]" }
    return line
  }

  private static func json(_ entry: HistoryEntry) -> JSONValue {
    .object([
      ("seq", .int(entry.seq)),
      ("at", .string(entry.at)),
      ("command", .string(entry.command)),
      ("undoes", entry.undoes.map(JSONValue.int) ?? .null),
      ("undoneBy", entry.undoneBy.map(JSONValue.int) ?? .null),
      (
        "changes",
        .object(
          entry.changes.map { change in
            (
              change.what,
              .object([
                ("added", .int(change.added)), ("changed", .int(change.changed)),
                ("removed", .int(change.removed)),
              ])
            )
          })
      ),
    ])
  }
}
