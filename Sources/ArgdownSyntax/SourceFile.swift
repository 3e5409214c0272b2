import ArgModel

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

/// A byte offset in one of the parsed files: cheap to keep for every claim, and turned into a
/// `SourceLocation` only when a diagnostic needs it.
struct SourcePosition: Hashable {
  // 32 bits each, as a parse keeps one for every claim it wrote. A file past 4 GiB, which
  // would not be read into memory anyway, gets its last place for the ones beyond.
  private let storedFile: UInt32
  private let storedOffset: UInt32

  var file: Int { Int(storedFile) }
  var offset: Int { Int(storedOffset) }

  init(file: Int, offset: Int) {
    storedFile = UInt32(clamping: file)
    storedOffset = UInt32(clamping: offset)
  }
}

/// Turns byte offsets into line and column numbers. Each file's table is made as the file is
/// read, so the file's text can be let go once it is parsed: a corpus of 10^6 claims would
/// otherwise hold all its texts until the last diagnostic is placed. A table is where each line
/// starts, and the bytes of the lines that hold non-ASCII text, whose columns count scalars;
/// in an ASCII line a column is a byte.
final class LineTables {
  private struct Table {
    var path: String
    var lineStarts: [Int]
    /// By line index.
    var nonASCIILines: [Int: [UInt8]]
  }

  private var tables: [Table] = []

  func path(ofFile file: Int) -> String { tables[file].path }

  /// Adds the next file's table, from its bytes as read (before comments are blanked).
  func add(path: String, bytes: UnsafeBufferPointer<UInt8>) {
    // Columns on the first line count from after a byte order mark.
    var index = FileParser.byteOrderMarkLength(bytes)
    var table = Table(path: path, lineStarts: [index], nonASCIILines: [:])
    var lineIsASCII = true
    func endLine(at end: Int) {
      if !lineIsASCII {
        let start = table.lineStarts[table.lineStarts.count - 1]
        table.nonASCIILines[table.lineStarts.count - 1] = Array(bytes[start..<end])
      }
      lineIsASCII = true
    }
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if byte == ASCII.lineFeed || byte == ASCII.carriageReturn {
        endLine(at: index)
        if byte == ASCII.carriageReturn, index < bytes.count, bytes[index] == ASCII.lineFeed {
          index += 1
        }
        table.lineStarts.append(index)
      } else if byte >= 0x80 {
        lineIsASCII = false
      }
    }
    endLine(at: index)
    tables.append(table)
  }

  func location(_ position: SourcePosition) -> SourceLocation {
    let table = tables[position.file]
    let lineStarts = table.lineStarts
    // The last line start at or before the offset.
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= position.offset { low = mid } else { high = mid - 1 }
    }
    let offsetInLine = position.offset - lineStarts[low]
    var column = 1
    if let line = table.nonASCIILines[low] {
      // Count scalars: every byte that is not a UTF-8 continuation byte starts one.
      for byte in line.prefix(offsetInLine) where byte & 0xC0 != 0x80 { column += 1 }
    } else {
      column += offsetInLine
    }
    return SourceLocation(file: table.path, line: low + 1, column: column)
  }

  /// `line:column`, for messages that mention another place in the same file.
  func lineColumn(_ position: SourcePosition) -> String {
    let location = location(position)
    return "\(location.line):\(location.column)"
  }
}
