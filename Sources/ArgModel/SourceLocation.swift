/// A place in a source file: where a parser found something, and where an import's store
/// reports a problem with what was read there. `line` and `column` are 1-based; `column` counts Unicode scalars,
/// so a line starting with `é` puts the next character at column 2 whatever its UTF-8 length.
/// A tab is one column here (indentation depth is measured differently, see `ArgdownParser`).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:column`, the form editors and terminals turn into links.
  public var description: String { "\(file):\(line):\(column)" }
}
