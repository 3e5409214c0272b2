#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Files in a private temporary folder, through which a drawing's DOT, SVG and page pass, so
/// that none of them is held whole in memory.
enum ScratchFiles {
  /// Runs `body` with a new private folder, removed after with whatever is in it.
  static func withFolder<Result>(_ body: (String) throws(ArgmapError) -> Result)
    throws(ArgmapError) -> Result
  {
    let base =
      getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    var template = Array((base + "/argmap-dot-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else {
      throw .unwritable(path: base, reason: String(cString: strerror(errno)))
    }
    let folder = String(cString: made)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    return try body(folder)
  }

  /// Writes the file at `path` through `body`; fails unless all of it reached the file.
  static func write(_ path: String, _ body: (inout TextFile) throws(ArgmapError) -> Void)
    throws(ArgmapError)
  {
    guard let handle = fopen(path, "w") else { throw unwritable(path) }
    var file = TextFile(handle: handle)
    do {
      try body(&file)
    } catch {
      fclose(handle)
      throw error
    }
    let failed = ferror(handle) != 0
    guard fclose(handle) == 0, !failed else { throw unwritable(path) }
  }

  /// Each line of the file at `path`, with its line break, one at a time.
  static func forEachLine(_ path: String, _ body: (Substring) -> Void) throws(ArgmapError) {
    guard let handle = fopen(path, "r") else { throw unreadable(path) }
    defer { fclose(handle) }
    var line: UnsafeMutablePointer<CChar>? = nil
    var capacity = 0
    defer { free(line) }
    while true {
      let length = getline(&line, &capacity, handle)
      guard length > 0, let line else { break }
      let bytes = UnsafeRawBufferPointer(start: line, count: length)
      body(Substring(String(decoding: bytes, as: UTF8.self)))
    }
    guard ferror(handle) == 0 else { throw unreadable(path) }
  }

  /// The text of the file at `path` in pieces of about 64 KiB, each ending on a whole
  /// character, so that no piece splits one.
  static func forEachPiece(_ path: String, _ body: (String) -> Void) throws(ArgmapError) {
    guard let handle = fopen(path, "r") else { throw unreadable(path) }
    defer { fclose(handle) }
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    var held = 0
    while true {
      let read = buffer.withUnsafeMutableBytes {
        fread($0.baseAddress! + held, 1, $0.count - held, handle)
      }
      guard read > 0 else { break }
      let filled = held + read
      let whole = wholeCharacters(buffer[..<filled])
      body(String(decoding: buffer[..<whole], as: UTF8.self))
      held = filled - whole
      buffer.replaceSubrange(0..<held, with: buffer[whole..<filled])
    }
    guard ferror(handle) == 0 else { throw unreadable(path) }
    if held > 0 { body(String(decoding: buffer[..<held], as: UTF8.self)) }
  }

  /// How many of `bytes` (UTF-8 text) make whole characters: all but a last character cut
  /// short.
  static func wholeCharacters(_ bytes: ArraySlice<UInt8>) -> Int {
    // A character is at most four bytes: look back past at most three continuation bytes.
    var lead = bytes.endIndex - 1
    while lead > bytes.startIndex, bytes.endIndex - lead < 4, bytes[lead] & 0xC0 == 0x80 {
      lead -= 1
    }
    guard lead >= bytes.startIndex else { return 0 }
    let length =
      switch bytes[lead] {
      case 0xF0...: 4
      case 0xE0...: 3
      case 0xC0...: 2
      default: 1
      }
    let complete = bytes.endIndex - lead >= length
    return (complete ? bytes.endIndex : lead) - bytes.startIndex
  }

  private static func unwritable(_ path: String) -> ArgmapError {
    .unwritable(path: path, reason: String(cString: strerror(errno)))
  }

  private static func unreadable(_ path: String) -> ArgmapError {
    .unreadable(path: path, reason: String(cString: strerror(errno)))
  }
}

/// A file written through C's buffered stdio; see ``ScratchFiles/write(_:_:)``.
struct TextFile: TextOutputStream {
  let handle: UnsafeMutablePointer<FILE>

  mutating func write(_ string: String) {
    var string = string
    string.withUTF8 { _ = fwrite($0.baseAddress, 1, $0.count, handle) }
  }

  /// A byte buffer that drains into this file, for writers that take one.
  func buffer() -> OutputBuffer {
    let handle = handle
    return OutputBuffer { _ = fwrite($0.baseAddress, 1, $0.count, handle) }
  }
}
