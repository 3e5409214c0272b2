import Argmap

/// What a command runs with: the console, the environment and the database the user chose.
final class Context {
  let console: Console
  let environment: [String: String]
  let databaseChoice: Workspace.DatabaseChoice
  private var openedStore: MapStore?

  init(console: Console, environment: [String: String], explicitDatabase: String?) {
    self.console = console
    self.environment = environment
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
