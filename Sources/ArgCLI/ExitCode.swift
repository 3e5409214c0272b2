/// Exit codes, one per class of failure, following BSD's sysexits where one fits. They are
/// listed in `argmap --help` and the README from `ExitCode.allCases`, so the three agree.
public enum ExitCode: Int32, CaseIterable, Sendable {
  case success = 0
  /// `check --strict` found problems in the map.
  case problemsFound = 1
  /// The command line was wrong: unknown command or option, missing or extra argument.
  case usage = 64
  /// The input was wrong: corpus parse errors, invalid ids, a relation the map forbids.
  case badInput = 65
  /// Something named does not exist: a claim, position, relation, file or database.
  case notFound = 66
  /// A program argmap needs is not installed: Graphviz's `dot` for `export html`.
  case unavailable = 69
  /// An internal error: a bug in argmap.
  case software = 70
  /// Something to be created exists already: a database, claim or position.
  case alreadyExists = 73
  /// The database could not be used: not argmap's, a newer schema, not writable, or an SQLite
  /// failure.
  case database = 74
  /// A solver ran out of the time '--timeout' gave it; no answer rather than a wrong one.
  case gaveUp = 75
  /// The map as it stands forbids the change: undoing a write that later writes build on,
  /// removing a position or source that still holds claims.
  case refused = 77

  var meaning: String {
    switch self {
    case .success: "success"
    case .problemsFound: "'check --strict' found problems in the map"
    case .usage: "usage error: unknown command or option, missing or extra argument"
    case .badInput: "bad input: corpus errors, invalid ids or relations; nothing was changed"
    case .notFound: "not found: no such claim, position, relation, file or database"
    case .unavailable: "unavailable: Graphviz's 'dot' is not installed (package graphviz)"
    case .software: "internal error in argmap"
    case .alreadyExists: "already exists: a database, claim or position of that name"
    case .gaveUp: "gave up: the solver ran out of the time '--timeout' allowed"
    case .database: "database trouble: not argmap's, newer schema, unwritable, SQLite error"
    case .refused: "refused: later writes depend on it, or it still holds claims; nothing changed"
    }
  }
}
