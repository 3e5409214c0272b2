import ArgModel
import ArgdownSyntax

/// Turns UTF-8 offsets in one file into line and column numbers the way the Argdown parser
/// counts them: lines end at LF, CRLF or CR; columns count Unicode scalars from 1, and on the
/// first line from after a byte order mark.
struct LineIndex {
  let path: String
  private let bytes: [UInt8]
  private let lineStarts: [Int]

  init(_ file: SourceFile) {
    path = file.path
    bytes = Array(file.text.utf8)
    var index = byteOrderMarkLength(bytes)
    var starts = [index]
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if byte == UInt8(ascii: "\n") {
        starts.append(index)
      } else if byte == UInt8(ascii: "\r") {
        if index < bytes.count, bytes[index] == UInt8(ascii: "\n") { index += 1 }
        starts.append(index)
      }
    }
    lineStarts = starts
  }

  func location(_ offset: Int) -> SourceLocation {
    // The last line start at or before the offset.
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    let start = min(lineStarts[low], bytes.count)
    let end = max(start, min(offset, bytes.count))
    // Every byte that is not a UTF-8 continuation byte starts a scalar.
    let column = 1 + bytes[start..<end].count { $0 & 0xC0 != 0x80 }
    return SourceLocation(file: path, line: low + 1, column: column)
  }

  func diagnostic(_ message: String, at offset: Int) -> Diagnostic {
    Diagnostic(location: location(offset), message: message)
  }
}

/// 3 when `bytes` start with the UTF-8 byte order mark, else 0.
func byteOrderMarkLength(_ bytes: some Collection<UInt8>) -> Int {
  bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
}
