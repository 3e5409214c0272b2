/// Errors of the library's front door: files, corpora and databases as the user names them.
public enum ArgmapError: Error, Sendable, CustomStringConvertible {
  /// The corpus has errors; nothing was imported. Every diagnostic is listed.
  case corpus([Diagnostic])
  case store(StoreError)
  /// A file or folder named as input does not exist.
  case fileNotFound(path: String)
  /// A file or folder exists but could not be read; `reason` is the system's.
  case unreadable(path: String, reason: String)
  /// A corpus file is not UTF-8 text.
  case notText(path: String)
  /// A database file or its folder could not be written.
  case unwritable(path: String, reason: String)
  /// A read was asked of a database file that does not exist.
  case databaseMissing(path: String)
  /// `init` was asked to create a file that exists, without `force`.
  case databaseExists(path: String)
  /// A folder was named as input but holds no file argmap can import: most likely the wrong
  /// folder.
  case noCorpusFiles(path: String)
  /// Neither the file's name nor its content says which format it is in.
  case unknownFormat(path: String)
  /// The database path names a folder.
  case databaseIsAFolder(path: String)
  /// The database path names no file, e.g. SQLite's `:memory:`, where a map would be lost.
  case notAFilePath(String)
  /// Graphviz's `dot`, which lays out the drawings argmap embeds, is not installed.
  case graphvizMissing(searchPath: String)
  /// `dot` ran but failed on argmap's DOT; `message` is what it printed.
  case graphvizFailed(status: Int32, message: String)

  public var description: String {
    switch self {
    case .corpus(let diagnostics):
      let errors = diagnostics.filter { $0.severity == .error }.count
      return "the corpus has \(errors) error\(errors == 1 ? "" : "s"); nothing was imported"
    case .store(let error):
      return error.description
    case .fileNotFound(let path):
      return "no such file or folder: '\(path)'"
    case .unreadable(let path, let reason):
      return "cannot read '\(path)': \(reason)"
    case .notText(let path):
      return "'\(path)' is not UTF-8 text"
    case .unwritable(let path, let reason):
      return "cannot write '\(path)': \(reason)"
    case .databaseMissing(let path):
      return "no database at '\(path)'"
    case .databaseExists(let path):
      return "'\(path)' already exists"
    case .noCorpusFiles(let path):
      return "no files to import in '\(path)' (looked for "
        + InterchangeFormat.knownExtensions.map { "." + $0 }.joined(separator: ", ") + ")"
    case .unknownFormat(let path):
      return "cannot tell the format of '\(path)'; name it with --format "
        + InterchangeFormat.allCases.map(\.rawValue).joined(separator: "|")
    case .databaseIsAFolder(let path):
      return "'\(path)' is a folder, not a database file"
    case .notAFilePath(let path):
      return "'\(path)' is not a file path; a map kept there would be lost when argmap exits"
    case .graphvizMissing(let searchPath):
      return "Graphviz's 'dot' is not installed (looked in \(searchPath)); it lays out the map: "
        + "install the graphviz package, e.g. 'apt-get install graphviz'"
    case .graphvizFailed(let status, let message):
      let detail = message.split(whereSeparator: \.isNewline).prefix(5).joined(separator: "; ")
      return "Graphviz's 'dot' failed (status \(status))" + (detail.isEmpty ? "" : ": " + detail)
    }
  }
}

/// An error the library's front door reports as an ``ArgmapError``: what reading a map's rows
/// can fail with.
public protocol ArgmapErrorConvertible: Error {
  var argmapError: ArgmapError { get }
}

extension StoreError: ArgmapErrorConvertible {
  public var argmapError: ArgmapError { .store(self) }
}

extension Never: ArgmapErrorConvertible {
  public var argmapError: ArgmapError { switch self {} }
}
