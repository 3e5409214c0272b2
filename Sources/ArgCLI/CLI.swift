import Argmap

/// The argmap command line. `run` is the only entry point: it parses, dispatches, prints and
/// returns the exit code; it never exits the process itself.
public enum CLI {
  public static let version = "0.1.0"

  static let root = CommandSpec(
    path: [],
    abstract: "Map a debate: its claims, their supports and rebuttals, and sources.",
    subcommands: [
      Commands.positions, Commands.claims, Commands.show, Commands.search, Commands.tree,
      Commands.path, Commands.export, Commands.initialize, Commands.importCorpus, Commands.add,
      Commands.edit, Commands.rename, Commands.link, Commands.unlink, Commands.remove,
      Commands.sources, Commands.source, Commands.history, Commands.undo, Commands.redo,
      Commands.check, Commands.stats, Commands.evaluate, Commands.why, Commands.strength,
      Commands.cruxes, Commands.af,
    ])

  public static func run(_ arguments: [String], environment: [String: String], console: Console)
    -> Int32
  {
    do {
      try dispatch(Array(arguments.dropFirst()), environment: environment, console: console)
      return ExitCode.success.rawValue
    } catch {
      report(error, to: console)
      return error.code.rawValue
    }
  }

  private static func dispatch(
    _ words: [String], environment: [String: String], console: Console
  ) throws(CLIError) {
    var words = words
    let database = try extractDatabaseOption(from: &words)
    let wide = extractFlag("--wide", from: &words)
    let options = words.prefix(while: { $0 != "--" })
    // Like --help, --version works after any command: 'argmap tree --version'.
    if options.contains("--version") {
      console.line("argmap \(version)")
      return
    }
    // `help x y`, `--help x y` and `x --help y` all ask about `x y`; `help help` about help.
    let asksForHelp = words.first == "help" || options.contains(where: isHelpFlag)
    if asksForHelp {
      if words.first == "help" { words.removeFirst() }
      words.removeAll { isHelpFlag($0) || $0 == "help" }
    }
    let (spec, rest) = resolve(words)
    if asksForHelp, let word = rest.first(where: { !$0.hasPrefix("-") }) {
      throw unknownCommand(word, under: spec)
    }
    if asksForHelp || (spec.run == nil && rest.isEmpty) {
      console.writeOut(Help.render(spec, isRoot: spec.path.isEmpty))
      return
    }
    guard let run = spec.run else { throw unknownCommand(rest[0], under: spec) }
    let parsed = try ArgumentParser.parse(rest, for: spec)
    let context = Context(
      console: console, environment: environment, explicitDatabase: database,
      commandLine: Self.commandLine(words))
    let width = TextLayout.width(wide: wide, environment: environment, console: console)
    do {
      try TextLayout.$width.withValue(width) { try run(parsed, context) }
    } catch let error as CLIError {
      throw error
    } catch {
      throw CLIError(code: .software, message: "\(error)")
    }
  }

  /// The words as the history shows them: `--db` left out (the history is the database's
  /// own), and any word with a blank or quote in it quoted.
  private static func commandLine(_ words: [String]) -> String {
    words.map { word in
      guard word.isEmpty || word.contains(where: { $0 == " " || $0 == "'" || $0 == "\"" }) else {
        return word
      }
      return "'" + word.replacing("'", with: "'\\''") + "'"
    }.joined(separator: " ")
  }

  private static func unknownCommand(_ word: String, under spec: CommandSpec) -> CLIError {
    if word == "-v" || word == "-V" {
      return .usage("unknown option '\(word)'; did you mean '--version'?", spec)
    }
    if word.hasPrefix("-") {
      return .usage("unknown option '\(word)'; options go after the command", spec)
    }
    let names = spec.subcommands.map(\.name)
    let synonym = spec.path.isEmpty ? commandSynonyms[word] : nil
    let near = synonym ?? closeName(to: word, among: names)
    let hint = near.map { ". Did you mean '\($0)'?" } ?? ""
    let what = spec.path.isEmpty ? "command" : "subcommand of '\(spec.fullName)'"
    return .usage("unknown \(what) '\(word)'\(hint)", spec)
  }

  /// Words other tools use for argmap's commands.
  private static let commandSynonyms = [
    "rm": "remove", "delete": "remove", "del": "remove", "mv": "rename", "new": "add",
    "ls": "claims", "list": "claims", "find": "search", "grep": "search", "load": "import",
    "save": "export", "log": "history", "verify": "check", "lint": "check",
  ]

  /// The name one or two slips from `word`, if any: close enough that it is likely what was
  /// meant. A short word is not close to every other short word.
  private static func closeName(to word: String, among names: [String]) -> String? {
    guard let near = Identifier.nearest(to: word, among: names) else { return nil }
    return Identifier.editDistance(word, near) <= max(1, word.count / 2) ? near : nil
  }

  /// Follows the words down the command tree as far as they name subcommands.
  private static func resolve(_ words: [String]) -> (CommandSpec, [String]) {
    var spec = root
    var rest = words[...]
    while let word = rest.first, let next = spec.subcommands.first(where: { $0.name == word }) {
      spec = next
      rest = rest.dropFirst()
    }
    return (spec, Array(rest))
  }

  /// `--db` is global: accepted anywhere before `--`, so `argmap show x --db m.db` works too.
  private static func extractDatabaseOption(from words: inout [String]) throws(CLIError) -> String?
  {
    var database: String?
    var index = 0
    while index < words.count, words[index] != "--" {
      let word = words[index]
      if word == "--db" {
        guard index + 1 < words.count else { throw .usage("'--db' needs a value <path>", root) }
        database = words[index + 1]
        words.removeSubrange(index...(index + 1))
      } else if word.hasPrefix("--db=") {
        database = String(word.dropFirst("--db=".count))
        words.remove(at: index)
      } else {
        index += 1
      }
    }
    if database == "" { throw .usage("'--db' needs a non-empty path", root) }
    return database
  }

  /// A global flag, accepted anywhere before `--` like `--db`: removed, and whether it was there.
  private static func extractFlag(_ flag: String, from words: inout [String]) -> Bool {
    let end = words.firstIndex(of: "--") ?? words.endIndex
    guard let index = words[..<end].firstIndex(of: flag) else { return false }
    words.remove(at: index)
    return true
  }

  private static func isHelpFlag(_ word: String) -> Bool {
    word == "--help" || word == "-h"
  }

  private static func report(_ error: CLIError, to console: Console) {
    for line in error.details { console.writeErr(line + "\n") }
    console.error(error.message)
    if error.code == .usage, let spec = error.spec {
      console.writeErr("usage: \(spec.usage)\n")
      console.writeErr("  see '\(spec.fullName) --help'\n")
    }
  }
}
