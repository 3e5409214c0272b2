import Argmap

/// What a command runs with: the console, the environment and the database the user chose.
final class Context {
  let console: Console
  let environment: [String: String]
  let databaseChoice: Workspace.DatabaseChoice
  /// The command as typed, after `argmap`: what a write records in the history.
  let commandLine: String
  private var openedStore: MapStore?

  init(
    console: Console, environment: [String: String], explicitDatabase: String?,
    commandLine: String = ""
  ) {
    self.console = console
    self.environment = environment
    self.commandLine = commandLine
    self.databaseChoice = Workspace.chooseDatabase(
      explicitPath: explicitDatabase, environment: environment)
  }

  /// The map, opened on first use. The default file is created from the built-in map when
  /// missing; an explicit path that is missing is an error suggesting `init`.
  func store() throws(CLIError) -> MapStore {
    if let openedStore { return openedStore }
    let store = try attempt { try Workspace.open(databaseChoice) }
    openedStore = store
    return store
  }

  /// Runs a change to the map as one write that the history records, so it can be undone.
  @discardableResult
  func write<T>(_ body: (MapStore) throws -> T) throws(CLIError) -> T {
    let store = try store()
    return try attempt { try store.recording(commandLine) { try body(store) } }
  }

  /// The database as a person would name it: under the home folder, with `~`.
  var databaseName: String {
    let path = databaseChoice.path
    guard let home = environment["HOME"], !home.isEmpty, path.hasPrefix(home + "/") else {
      return path
    }
    return "~" + path.dropFirst(home.count)
  }

  /// Says what a write did, and where: "added claim 'x' to position 'y' in map.db", or with
  /// `--json` the same as `{"done": …, "database": …}` and any `details`.
  func reportWrite(
    _ what: String, _ command: ParsedCommand, details: [(String, JSONValue)] = []
  ) {
    emit(
      command,
      json: .object(
        [("done", .string(what)), ("database", .string(databaseChoice.path))] + details),
      text: { ["\(what) in \(databaseName)"] })
  }

  /// Prints `json` when the user asked for JSON, else the text `lines`.
  func emit(_ command: ParsedCommand, json: @autoclosure () -> JSONValue, text: () -> [String]) {
    if command.wantsJSON {
      console.stream { json().write(to: &$0, pretty: true) }
      console.line()
    } else {
      for line in text() { console.line(line) }
    }
  }
}
