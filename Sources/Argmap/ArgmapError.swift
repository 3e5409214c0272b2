/// Errors of the library's front door: files, corpora and databases as the user names them.
public enum ArgmapError: Error, Sendable, CustomStringConvertible {
  /// The corpus has errors; nothing was imported. Every diagnostic is listed.
  case corpus([Diagnostic])
  case store(StoreError)
  /// A file or folder could not be read or written.
  case file(path: String, reason: String)
  /// A read was asked of a database file that does not exist.
  case databaseMissing(path: String)
  /// `init` was asked to create a file that exists, without `force`.
  case databaseExists(path: String)

  public var description: String {
    switch self {
    case .corpus(let diagnostics):
      let errors = diagnostics.filter { $0.severity == .error }.count
      return "the corpus has \(errors) error\(errors == 1 ? "" : "s"); nothing was imported"
    case .store(let error):
      return error.description
    case .file(let path, let reason):
      return "cannot read '\(path)': \(reason)"
    case .databaseMissing(let path):
      return "no database at '\(path)'"
    case .databaseExists(let path):
      return "'\(path)' already exists"
    }
  }
}
