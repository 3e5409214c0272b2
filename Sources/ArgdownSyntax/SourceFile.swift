/// One corpus file handed to the parser.
public struct SourceFile: Sendable {
  /// The path shown in diagnostics, e.g. `corpus/realism-critique.argdown`.
  public var path: String
  public var text: String

  public init(path: String, text: String) {
    self.path = path
    self.text = text
  }
}

/// A place in a source file. `line` and `column` are 1-based; `column` counts Unicode scalars,
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

/// A byte offset in one of the parsed files: cheap to keep for every claim, and turned into a
/// `SourceLocation` only when a diagnostic needs it.
struct SourcePosition: Hashable {
  var file: Int
  var offset: Int
}

/// Turns byte offsets into line and column numbers. Each file's table of line starts is built the
/// first time a diagnostic needs it, so a corpus without errors never pays for it.
final class LineTables {
  private let paths: [String]
  private let texts: [String]
  private var starts: [[Int]?]

  init(files: [SourceFile]) {
    paths = files.map(\.path)
    texts = files.map(\.text)
    starts = Array(repeating: nil, count: files.count)
  }

  func location(_ position: SourcePosition) -> SourceLocation {
    let lineStarts = table(position.file)
    // The last line start at or before the offset.
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= position.offset { low = mid } else { high = mid - 1 }
    }
    let utf8 = texts[position.file].utf8
    let from = utf8.index(utf8.startIndex, offsetBy: lineStarts[low])
    let to = utf8.index(utf8.startIndex, offsetBy: min(position.offset, utf8.count))
    // Count scalars: every byte that is not a UTF-8 continuation byte starts one.
    var column = 1
    for byte in utf8[from..<to] where byte & 0xC0 != 0x80 { column += 1 }
    return SourceLocation(file: paths[position.file], line: low + 1, column: column)
  }

  /// `line:column`, for messages that mention another place in the same file.
  func lineColumn(_ position: SourcePosition) -> String {
    let location = location(position)
    return "\(location.line):\(location.column)"
  }

  private func table(_ file: Int) -> [Int] {
    if let table = starts[file] { return table }
    let bytes = Array(texts[file].utf8)
    // Columns on the first line count from after a byte order mark.
    var index = FileParser.byteOrderMarkLength(bytes)
    var table = [index]
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if byte == ASCII.lineFeed {
        table.append(index)
      } else if byte == ASCII.carriageReturn {
        if index < bytes.count, bytes[index] == ASCII.lineFeed { index += 1 }
        table.append(index)
      }
    }
    starts[file] = table
    return table
  }
}
