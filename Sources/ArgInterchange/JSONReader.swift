import ArgExport
import ArgdownSyntax

/// Reads JSON text (RFC 8259) into ``JSONNode``s, reporting the first syntax error with its
/// file, line and column and what was expected there.
///
/// Strict: no comments, trailing commas, single quotes, raw control characters in strings or
/// lone surrogates (a Swift string cannot hold one). A leading byte order mark is skipped.
/// Integers that fit an `Int` are read as `.int`, every other number as `.double`.
/// The parser keeps its own stack instead of recursing, and refuses nesting deeper than
/// `maximumDepth`, so hostile input can neither overflow the stack nor build a value too deep
/// for the recursive code that later walks it.
public enum JSONReader {
  public static let maximumDepth = 512

  public static func parse(_ file: SourceFile) throws(Diagnostic) -> JSONNode {
    var text = file.text
    let result = text.withUTF8 { bytes in
      var parser = JSONParser(bytes: bytes)
      return Result { () throws(JSONSyntaxError) in try parser.parseDocument() }
    }
    switch result {
    case .success(let node): return node
    case .failure(let error): throw LineIndex(file).diagnostic(error.message, at: error.offset)
    }
  }

  /// The document as a plain value; see ``parse(_:)``.
  public static func value(_ file: SourceFile) throws(Diagnostic) -> JSONValue {
    try parse(file).value
  }
}

struct JSONSyntaxError: Error {
  var offset: Int
  var message: String
}

private struct JSONParser {
  let bytes: UnsafeBufferPointer<UInt8>
  var index = 0

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// An array or object whose elements are still being read.
  fileprivate struct Frame {
    var start: Int
    var isObject: Bool
    var elements: [JSONNode] = []
    var members: [JSONNode.Member] = []
    /// The key of the member whose value is being read.
    var key = ""
    var keyOffset = 0
  }

  mutating func parseDocument() throws(JSONSyntaxError) -> JSONNode {
    index = byteOrderMarkLength(bytes)
    var stack: [Frame] = []
    readValue: while true {
      skipWhitespace()
      var node: JSONNode
      if var opened = try openContainer(depth: stack.count) {
        if let empty = try closeEmpty(&opened) {
          node = empty
        } else {
          stack.append(opened)
          continue readValue
        }
      } else {
        node = try parseScalar()
      }
      // Hand the finished value to its container; close containers that end here.
      while !stack.isEmpty {
        stack[stack.count - 1].add(node)
        skipWhitespace()
        if peek == UInt8(ascii: ",") {
          index += 1
          if stack[stack.count - 1].isObject { try readKey(into: &stack[stack.count - 1]) }
          continue readValue
        }
        let frame = stack.removeLast()
        try expectClose(of: frame)
        node = frame.node
      }
      skipWhitespace()
      guard index == bytes.count else { throw expected("the end of the document") }
      return node
    }
  }

  /// A new frame when the next byte opens an array or object, with an object's first key read.
  private mutating func openContainer(depth: Int) throws(JSONSyntaxError) -> Frame? {
    guard let byte = peek, byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") else {
      return nil
    }
    guard depth < JSONReader.maximumDepth else {
      throw JSONSyntaxError(
        offset: index, message: "nesting deeper than \(JSONReader.maximumDepth) levels")
    }
    let frame = Frame(start: index, isObject: byte == UInt8(ascii: "{"))
    index += 1
    return frame
  }

  /// The finished empty container when `frame` closes right away; otherwise reads an object's
  /// first key and returns nil.
  private mutating func closeEmpty(_ frame: inout Frame) throws(JSONSyntaxError) -> JSONNode? {
    skipWhitespace()
    if peek == frame.closer {
      index += 1
      return frame.node
    }
    if frame.isObject { try readKey(into: &frame) }
    return nil
  }

  private mutating func expectClose(of frame: Frame) throws(JSONSyntaxError) {
    guard peek == frame.closer else {
      throw expected(frame.isObject ? "',' or '}'" : "',' or ']'")
    }
    index += 1
  }

  /// Reads `"key":` and leaves the parser before the member's value.
  private mutating func readKey(into frame: inout Frame) throws(JSONSyntaxError) {
    skipWhitespace()
    guard peek == UInt8(ascii: "\"") else { throw expected("a string as the member's key") }
    frame.keyOffset = index
    frame.key = try parseString()
    skipWhitespace()
    guard peek == UInt8(ascii: ":") else { throw expected("':' after the key") }
    index += 1
  }

  private mutating func parseScalar() throws(JSONSyntaxError) -> JSONNode {
    let start = index
    let content: JSONNode.Content
    switch peek ?? 0 {
    case UInt8(ascii: "\""): content = .string(try parseString())
    case UInt8(ascii: "t"): content = try parseLiteral("true", .bool(true))
    case UInt8(ascii: "f"): content = try parseLiteral("false", .bool(false))
    case UInt8(ascii: "n"): content = try parseLiteral("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): content = try parseNumber()
    default: throw expected("a value")
    }
    return JSONNode(offset: start, content: content)
  }

  private mutating func parseLiteral(_ word: StaticString, _ content: JSONNode.Content)
    throws(JSONSyntaxError) -> JSONNode.Content
  {
    let word = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    guard bytes[index...].starts(with: word) else { throw expected("a value") }
    index += word.count
    return content
  }

  // MARK: Numbers

  private mutating func parseNumber() throws(JSONSyntaxError) -> JSONNode.Content {
    let start = index
    if peek == UInt8(ascii: "-") { index += 1 }
    if peek == UInt8(ascii: "0") {
      index += 1
    } else {
      try digits(after: "'-'")
    }
    var isInteger = true
    if peek == UInt8(ascii: ".") {
      index += 1
      isInteger = false
      try digits(after: "'.'")
    }
    if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
      index += 1
      isInteger = false
      if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
      try digits(after: "the exponent's 'e'")
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    if isInteger, let int = Int(text) { return .int(int) }
    // The grammar is checked above, and Swift reads every valid JSON number as a Double.
    guard let double = Double(text), double.isFinite else {
      throw JSONSyntaxError(offset: start, message: "number '\(text)' is out of range")
    }
    return .double(double)
  }

  private mutating func digits(after what: String) throws(JSONSyntaxError) {
    guard let first = peek, isDigit(first) else { throw expected("a digit after \(what)") }
    while let byte = peek, isDigit(byte) { index += 1 }
  }

  private func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  // MARK: Strings

  private mutating func parseString() throws(JSONSyntaxError) -> String {
    let opening = index
    index += 1
    var result = ""
    var runStart = index
    while true {
      guard let byte = peek else {
        throw JSONSyntaxError(
          offset: opening, message: "expected '\"' to close the string started here")
      }
      switch byte {
      case UInt8(ascii: "\""):
        result += String(decoding: bytes[runStart..<index], as: UTF8.self)
        index += 1
        return result
      case UInt8(ascii: "\\"):
        result += String(decoding: bytes[runStart..<index], as: UTF8.self)
        result.unicodeScalars.append(try parseEscape())
        runStart = index
      case 0..<0x20:
        throw JSONSyntaxError(
          offset: index,
          message: "expected '\\u00\(hex(byte))' for a control character in a string")
      default:
        index += 1
      }
    }
  }

  private mutating func parseEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
    let backslash = index
    index += 1
    guard let letter = peek else { throw expected("an escape after '\\'") }
    index += 1
    switch letter {
    case UInt8(ascii: "\""): return "\""
    case UInt8(ascii: "\\"): return "\\"
    case UInt8(ascii: "/"): return "/"
    case UInt8(ascii: "b"): return "\u{8}"
    case UInt8(ascii: "f"): return "\u{C}"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "u"): return try parseUnicodeEscape(startingAt: backslash)
    default:
      index -= 1
      throw expected("one of '\"', '\\', '/', 'b', 'f', 'n', 'r', 't', 'u' after '\\'")
    }
  }

  /// The scalar of `\uXXXX`, or of a `\uD8xx\uDCxx` surrogate pair.
  private mutating func parseUnicodeEscape(startingAt backslash: Int) throws(JSONSyntaxError)
    -> Unicode.Scalar
  {
    let unit = try hexQuad()
    switch unit {
    case 0xD800..<0xDC00:
      guard bytes[index...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) else {
        throw JSONSyntaxError(
          offset: backslash, message: "expected a low surrogate '\\uDC00'…'\\uDFFF' to follow")
      }
      index += 2
      let low = try hexQuad()
      guard (0xDC00..<0xE000).contains(low) else {
        throw JSONSyntaxError(
          offset: index - 6, message: "expected a low surrogate '\\uDC00'…'\\uDFFF'")
      }
      return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))!
    case 0xDC00..<0xE000:
      throw JSONSyntaxError(
        offset: backslash, message: "expected a high surrogate before this low surrogate")
    default:
      return Unicode.Scalar(unit)!
    }
  }

  private mutating func hexQuad() throws(JSONSyntaxError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let byte = peek, let digit = hexValue(byte) else {
        throw expected("four hex digits after '\\u'")
      }
      value = value << 4 | digit
      index += 1
    }
    return value
  }

  private func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
  }

  private func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return digits.count == 1 ? "0" + digits : digits
  }

  // MARK: Reading

  private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

  private mutating func skipWhitespace() {
    while let byte = peek,
      byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
        || byte == UInt8(ascii: "\t")
    {
      index += 1
    }
  }

  /// "expected X, found Y" at the current byte.
  private func expected(_ what: String) -> JSONSyntaxError {
    JSONSyntaxError(offset: index, message: "expected \(what), found \(found)")
  }

  /// The next character, quoted, or "the end of the document".
  private var found: String {
    guard index < bytes.count else { return "the end of the document" }
    let rest = String(decoding: bytes[index..<min(index + 4, bytes.count)], as: UTF8.self)
    guard let scalar = rest.unicodeScalars.first else { return "the end of the document" }
    if scalar.value < 0x20 { return "a control character U+00\(hex(UInt8(scalar.value)))" }
    return "'\(scalar)'"
  }
}

extension JSONParser.Frame {
  fileprivate var closer: UInt8 { isObject ? UInt8(ascii: "}") : UInt8(ascii: "]") }

  fileprivate var node: JSONNode {
    JSONNode(offset: start, content: isObject ? .object(members) : .array(elements))
  }

  fileprivate mutating func add(_ node: JSONNode) {
    if isObject {
      members.append(JSONNode.Member(key: key, keyOffset: keyOffset, value: node))
    } else {
      elements.append(node)
    }
  }
}
