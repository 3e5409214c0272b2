import ArgModel

/// A problem found in the corpus, located precisely enough for an editor to jump to it.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
  public enum Severity: String, Sendable {
    case error
    case warning
  }

  /// A related place, such as the opening bracket an error failed to match or the first
  /// definition of a duplicated id.
  public struct Note: Hashable, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(location: SourceLocation, message: String) {
      self.location = location
      self.message = message
    }

    /// `file:line:column: note: message`
    public var description: String { "\(location): note: \(message)" }
  }

  public var severity: Severity
  public var location: SourceLocation
  /// Lowercase, without a final full stop; tokens are quoted with single quotes.
  public var message: String
  public var notes: [Note]

  public init(
    severity: Severity = .error, location: SourceLocation, message: String, notes: [Note] = []
  ) {
    self.severity = severity
    self.location = location
    self.message = message
    self.notes = notes
  }

  /// `file:line:column: error: message`, then one line per note.
  public var description: String {
    var text = "\(location): \(severity.rawValue): \(message)"
    for note in notes { text += "\n\(note)" }
    return text
  }
}

/// The result of parsing a corpus: the map and every problem found on the way.
public struct ParsedCorpus: Sendable {
  /// Complete when there are no errors; possibly partial otherwise, and then not to be imported.
  public var map: ArgumentMap
  /// Sorted by file (in the order the files were given), then by position in the file.
  public var diagnostics: [Diagnostic]
  /// Where the files define the claims that the database holds already, so that what the
  /// import keeps as stored can be pointed out where the file says otherwise.
  public var definitions: [String: SourceLocation]
  /// Where the map's title is given.
  public var titleLocation: SourceLocation?
  /// The claims a streamed parse wrote to its sink as it went, which `map` does not hold.
  public var claimsWritten = 0
  /// How many claims the files define, written early or in `map`.
  public var claimCount: Int { claimsWritten + map.claims.count }

  public init(
    map: ArgumentMap, diagnostics: [Diagnostic], definitions: [String: SourceLocation] = [:],
    titleLocation: SourceLocation? = nil
  ) {
    self.map = map
    self.diagnostics = diagnostics
    self.definitions = definitions
    self.titleLocation = titleLocation
  }

  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
