import Argmap

/// A failure to report: a message for stderr and the exit code of its class.
struct CLIError: Error {
  var code: ExitCode
  var message: String
  /// For usage errors: the command whose usage line to show.
  var spec: CommandSpec?
  /// Lines printed before the message, e.g. every corpus diagnostic.
  var details: [String] = []

  static func usage(_ message: String, _ spec: CommandSpec) -> CLIError {
    CLIError(code: .usage, message: message, spec: spec)
  }

  static func badInput(_ message: String) -> CLIError {
    CLIError(code: .badInput, message: message)
  }

  init(code: ExitCode, message: String, spec: CommandSpec? = nil, details: [String] = []) {
    self.code = code
    self.message = message
    self.spec = spec
    self.details = details
  }

  init(_ error: StoreError) {
    switch error {
    case .notArgmapDatabase, .newerSchema, .sqlite:
      self.init(code: .database, message: error.description)
    case .notFound:
      self.init(code: .notFound, message: error.description)
    case .alreadyExists:
      self.init(code: .alreadyExists, message: error.description)
    case .invalid:
      self.init(code: .badInput, message: error.description)
    case .refused:
      self.init(code: .refused, message: error.description)
    }
  }

  init(_ error: ArgmapError) {
    switch error {
    case .store(let error):
      self.init(error)
    case .corpus(let diagnostics):
      self.init(
        code: .badInput, message: error.description, details: diagnostics.map(\.description))
    case .fileNotFound, .unreadable, .noCorpusFiles:
      self.init(code: .notFound, message: error.description)
    case .notText, .unknownFormat:
      self.init(code: .badInput, message: error.description)
    case .unwritable, .databaseIsAFolder:
      self.init(code: .database, message: error.description)
    case .notAFilePath:
      self.init(code: .usage, message: error.description)
    case .graphvizMissing:
      self.init(code: .unavailable, message: error.description)
    case .graphvizFailed:
      self.init(code: .software, message: error.description)
    case .databaseMissing(let path):
      let hint =
        "; create it with 'argmap --db \(path) init' (the built-in map) or 'init --empty'"
      self.init(code: .notFound, message: error.description + hint)
    case .databaseExists:
      self.init(
        code: .alreadyExists, message: error.description + "; pass '--force' to replace it")
    }
  }
}

/// Runs a library call, turning its errors into `CLIError`.
func attempt<T>(_ body: () throws -> T) throws(CLIError) -> T {
  do {
    return try body()
  } catch let error as CLIError {
    throw error
  } catch let error as StoreError {
    throw CLIError(error)
  } catch let error as ArgmapError {
    throw CLIError(error)
  } catch SolverError.gaveUp(let after) {
    throw CLIError(
      code: .gaveUp, message: "gave up after \(after); raise '--timeout' or simplify the map")
  } catch {
    throw CLIError(code: .software, message: "\(error)")
  }
}
