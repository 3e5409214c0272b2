/// Reads the bytes of a claim's text, or of a heading's title, across the lines it spans.
///
/// The text is a list of byte ranges of one file (one per line, without indentation); the line
/// break between two ranges reads as a single space.
struct TextCursor {
  let bytes: UnsafeBufferPointer<UInt8>
  let segments: [Range<Int>]
  private(set) var segment = 0
  /// The byte offset in the file; at a line break between segments, the end of the earlier one.
  private(set) var offset: Int

  init(bytes: UnsafeBufferPointer<UInt8>, segments: [Range<Int>]) {
    precondition(!segments.isEmpty, "a text has at least one segment")
    self.bytes = bytes
    self.segments = segments
    self.offset = segments[0].lowerBound
  }

  /// The current byte, a space between two segments, or `nil` at the end.
  var current: UInt8? {
    if offset < segments[segment].upperBound { return bytes[offset] }
    return segment + 1 < segments.count ? ASCII.space : nil
  }

  /// The byte after the current one.
  var next: UInt8? {
    var copy = self
    copy.advance()
    return copy.current
  }

  mutating func advance() {
    if offset < segments[segment].upperBound {
      offset += 1
    } else if segment + 1 < segments.count {
      segment += 1
      offset = segments[segment].lowerBound
    }
  }

  mutating func skipBlanks() {
    while let byte = current, ASCII.isBlank(byte) { advance() }
  }

  /// Whether the cursor is at the end of a line that a YAML block sequence item (`- item`)
  /// follows.
  var isBeforeListItemLine: Bool {
    guard offset == segments[segment].upperBound, segment + 1 < segments.count else {
      return false
    }
    let line = segments[segment + 1]
    return line.count >= 2 && bytes[line.lowerBound] == ASCII.minus
      && ASCII.isBlank(bytes[line.lowerBound + 1])
  }

  /// Skips blanks up to the end of the current line, not past it.
  mutating func skipBlanksInLine() {
    while offset < segments[segment].upperBound, ASCII.isBlank(bytes[offset]) { offset += 1 }
  }

  /// Moves to the end of the current line.
  mutating func skipToLineEnd() {
    offset = segments[segment].upperBound
  }

  /// Whether the cursor is at the end of a line that a line starting `key:` follows: in block
  /// metadata such a line break separates entries as a comma would.
  var isBeforeKeyLine: Bool {
    guard offset == segments[segment].upperBound, segment + 1 < segments.count else {
      return false
    }
    let line = segments[segment + 1]
    var end = line.lowerBound
    while end < line.upperBound, ASCII.isKeyCharacter(bytes[end]) { end += 1 }
    while end < line.upperBound, ASCII.isBlank(bytes[end]) { end += 1 }
    return end > line.lowerBound && end < line.upperBound && bytes[end] == ASCII.colon
  }
}

/// One `key: value` of a metadata mapping.
struct MetadataEntry {
  var key: String
  var keyOffset: Int
  var value: String
  var valueOffset: Int

  /// The items of a YAML flow list `[a, b]` with their offsets (approximate after a line
  /// break), or the value itself as the only item.
  func listItems() -> [(String, Int)] {
    guard value.hasPrefix("["), value.hasSuffix("]") else { return [(value, valueOffset)] }
    var items: [(String, Int)] = []
    var offset = valueOffset + 1
    for item in value.utf8.dropFirst().dropLast().split(
      separator: ASCII.comma, omittingEmptySubsequences: false)
    {
      let leading = item.prefix { ASCII.isBlank($0) }.count
      let text = String(decoding: item, as: UTF8.self).trimmingBlanks()
      if !text.isEmpty { items.append((text, offset + leading)) }
      offset += item.count + 1
    }
    return items
  }
}

extension String {
  fileprivate func trimmingBlanks() -> String {
    let utf8 = self.utf8
    let start = utf8.firstIndex { !ASCII.isBlank($0) && !ASCII.isLineBreak($0) } ?? utf8.endIndex
    let end = utf8.lastIndex { !ASCII.isBlank($0) && !ASCII.isLineBreak($0) }
    guard let end else { return "" }
    return String(decoding: utf8[start...end], as: UTF8.self)
  }
}

/// A claim's text or a heading's title once escapes, tags and metadata are read.
struct ParsedText {
  /// Unescaped, tags removed, runs of blanks collapsed to one space, trimmed.
  var text: String
  var tags: [String] = []
  var metadata: [MetadataEntry] = []
  /// Whether a syntax error cut the text short.
  var failed = false
}

/// Parses the text of a definition or heading:
/// - a backslash before ASCII punctuation stands for that character (CommonMark's rule);
///   before anything else it is a literal backslash;
/// - `#tag` and `#(tag with spaces)` at the start or after a blank are tags;
/// - one `{key: value, …}` mapping may end the text;
/// - `@[x]` and `@<x>` (mentions), links and emphasis are text like any other, kept verbatim.
struct TextParser {
  private var cursor: TextCursor
  private let session: ParseSession
  private let file: Int
  private var output: [UInt8]
  /// Holds a metadata value or a parenthesized tag while it is read.
  private var buffer: [UInt8] = []
  private var pendingSpace = false
  private var result = ParsedText(text: "")

  /// `scratch` is a buffer to reuse for the text being built; `takeScratch()` hands it back.
  init(
    session: ParseSession, file: Int, bytes: UnsafeBufferPointer<UInt8>, segments: [Range<Int>],
    scratch: [UInt8]
  ) {
    self.cursor = TextCursor(bytes: bytes, segments: segments)
    self.session = session
    self.file = file
    self.output = scratch
    self.output.removeAll(keepingCapacity: true)
  }

  mutating func takeScratch() -> [UInt8] {
    defer { output = [] }
    return output
  }

  /// - Parameters:
  ///   - keys: the metadata keys allowed here, in the order error messages list them.
  ///   - what: how tags are named in an error where they are not allowed, or `nil` if allowed.
  mutating func parse(keys: [String], tagsForbiddenIn what: String? = nil) -> ParsedText {
    var afterBlank = true
    while let byte = cursor.current {
      if ASCII.isBlank(byte) {
        pendingSpace = true
        afterBlank = true
        cursor.advance()
        continue
      }
      let wasAfterBlank = afterBlank
      afterBlank = false
      switch byte {
      case ASCII.backslash:
        cursor.advance()
        if let escaped = cursor.current, ASCII.isPunctuation(escaped) {
          emit(escaped)
          cursor.advance()
        } else {
          emit(ASCII.backslash)
        }
      case ASCII.hash where wasAfterBlank:
        let start = cursor.offset
        guard let next = cursor.next, next == ASCII.openParen || ASCII.isTagCharacter(next) else {
          emit(byte)
          cursor.advance()
          continue
        }
        guard let tag = readTag() else {
          result.failed = true
          return finish()
        }
        if let what {
          session.error("tags \(what) are not supported yet", at: position(start))
        } else {
          result.tags.append(tag)
        }
      case ASCII.openBrace:
        if !readMetadata(keys: keys) { result.failed = true }
        return finish()
      default:
        emit(byte)
        cursor.advance()
      }
    }
    return finish()
  }

  private mutating func finish() -> ParsedText {
    result.text = String(decoding: output, as: UTF8.self)
    return result
  }

  private func string(_ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: cursor.bytes[range]), as: UTF8.self)
  }

  private func position(_ offset: Int) -> SourcePosition {
    SourcePosition(file: file, offset: offset)
  }

  @inline(__always) private mutating func emit(_ byte: UInt8) {
    if pendingSpace && !output.isEmpty { output.append(ASCII.space) }
    pendingSpace = false
    output.append(byte)
  }

  // MARK: Tags

  /// Reads `#tag` or `#(tag)` at the cursor; `nil` after reporting an unclosed or empty tag.
  private mutating func readTag() -> String? {
    let hash = cursor.offset
    cursor.advance()
    if cursor.current != ASCII.openParen {
      // A bare tag never spans lines: a line break reads as a space, which ends it.
      let start = cursor.offset
      while let byte = cursor.current, ASCII.isTagCharacter(byte) { cursor.advance() }
      return string(start..<cursor.offset)
    }
    var tag = buffer
    buffer = []
    tag.removeAll(keepingCapacity: true)
    defer { buffer = tag }
    let paren = cursor.offset
    cursor.advance()
    var space = false
    while true {
      guard let byte = cursor.current else {
        session.error(
          "expected ')' to close the tag started at \(session.lines.lineColumn(position(hash)))",
          at: position(cursor.offset), notes: [(position(paren), "to match this '('")])
        return nil
      }
      cursor.advance()
      if byte == ASCII.closeParen { break }
      if ASCII.isBlank(byte) {
        space = true
        continue
      }
      var literal = byte
      if byte == ASCII.backslash, let escaped = cursor.current, ASCII.isPunctuation(escaped) {
        literal = escaped
        cursor.advance()
      }
      if space && !tag.isEmpty { tag.append(ASCII.space) }
      space = false
      tag.append(literal)
    }
    if tag.isEmpty {
      session.error("expected a tag between '#(' and ')'", at: position(hash))
      return nil
    }
    return String(decoding: tag, as: UTF8.self)
  }

  // MARK: Metadata

  /// Reads `{key: value, …}` at the cursor, which must end the text. Returns `false` after
  /// reporting a syntax error.
  private mutating func readMetadata(keys: [String]) -> Bool {
    let brace = position(cursor.offset)
    let session = self.session
    let file = self.file
    func fail(_ message: String, at offset: Int) {
      session.error(
        message, at: SourcePosition(file: file, offset: offset),
        notes: [(brace, "the metadata starts here")])
    }
    func unclosed(_ offset: Int) {
      session.error(
        "expected '}' to close the metadata started at \(session.lines.lineColumn(brace))",
        at: SourcePosition(file: file, offset: offset), notes: [(brace, "to match this '{'")])
    }
    cursor.advance()
    /// Unknown keys already reported, to report a repeated one as a duplicate.
    var unknown: [(String, Int)] = []
    var value = buffer
    buffer = []
    defer { buffer = value }

    cursor.skipBlanks()
    if cursor.current == ASCII.closeBrace {
      cursor.advance()
      return checkEnd()
    }
    while true {
      // Key.
      // A key never spans lines: a line break reads as a space, which ends it.
      let keyOffset = cursor.offset
      while let byte = cursor.current, ASCII.isKeyCharacter(byte) { cursor.advance() }
      guard cursor.offset > keyOffset else {
        if let byte = cursor.current {
          fail("expected a metadata key, found '\(Self.describe(byte, cursor))'", at: cursor.offset)
        } else {
          unclosed(cursor.offset)
        }
        return false
      }
      let name = string(keyOffset..<cursor.offset)
      cursor.skipBlanks()
      guard cursor.current == ASCII.colon else {
        if cursor.current == nil {
          unclosed(cursor.offset)
        } else {
          fail("expected ':' after the metadata key '\(name)'", at: cursor.offset)
        }
        return false
      }
      cursor.advance()
      cursor.skipBlanksInLine()
      let valueOffset = cursor.offset
      value.removeAll(keepingCapacity: true)
      if cursor.isBeforeListItemLine {
        readBlockList(into: &value)
      } else {
        cursor.skipBlanks()
      }

      // Value.
      if !value.isEmpty {
        // A block list, read above.
      } else if cursor.current == ASCII.quote {
        cursor.advance()
        while true {
          guard let byte = cursor.current else {
            fail(
              "expected closing '\"' for the value of '\(name)' started at \(session.lines.lineColumn(position(valueOffset)))",
              at: cursor.offset)
            return false
          }
          cursor.advance()
          if byte == ASCII.quote { break }
          if byte == ASCII.backslash, let escaped = cursor.current,
            escaped == ASCII.quote || escaped == ASCII.backslash
          {
            value.append(escaped)
            cursor.advance()
          } else {
            value.append(byte)
          }
        }
      } else {
        if cursor.current == ASCII.apostrophe {
          fail("single-quoted values are not supported yet; use double quotes", at: valueOffset)
          return false
        }
        readBareValue(into: &value)
      }
      if value.isEmpty {
        fail("expected a value for the metadata key '\(name)'", at: valueOffset)
        return false
      }

      let first =
        result.metadata.first { $0.key == name }?.keyOffset
        ?? unknown.first { $0.0 == name }?.1
      if let first {
        session.error(
          "duplicate metadata key '\(name)'", at: position(keyOffset),
          notes: [(position(first), "first given here")])
      } else if !keys.contains(name) {
        unknown.append((name, keyOffset))
        let expected = keys.map { "'\($0)'" }.joined(separator: ", ")
        session.warning(
          "unknown metadata key '\(name)' is ignored"
            + (keys.isEmpty ? "" : "; argmap reads \(expected)"),
          at: position(keyOffset))
      } else {
        result.metadata.append(
          MetadataEntry(
            key: name, keyOffset: keyOffset, value: String(decoding: value, as: UTF8.self),
            valueOffset: valueOffset))
      }

      // Separator: a comma, or a line break before the next key.
      let valueSegment = cursor.segment
      cursor.skipBlanks()
      if cursor.segment > valueSegment, let byte = cursor.current, ASCII.isKeyCharacter(byte) {
        continue
      }
      switch cursor.current {
      case ASCII.comma:
        cursor.advance()
        cursor.skipBlanks()
        if cursor.current == ASCII.closeBrace {
          cursor.advance()
          return checkEnd()
        }
      case ASCII.closeBrace:
        cursor.advance()
        return checkEnd()
      case nil:
        unclosed(cursor.offset)
        return false
      case let byte?:
        fail(
          "expected ',' or '}' after the value of '\(name)', found '\(Self.describe(byte, cursor))'",
          at: cursor.offset)
        return false
      }
    }
  }

  /// A YAML block sequence (`key:`, then a line `- item` for each item), read as the flow
  /// list `[item, item]` that a value may be.
  private mutating func readBlockList(into value: inout [UInt8]) {
    var items: [[UInt8]] = []
    while cursor.isBeforeListItemLine {
      cursor.advance()
      cursor.advance()
      cursor.skipBlanks()
      let start = cursor.offset
      cursor.skipToLineEnd()
      var item = Array(cursor.bytes[start..<cursor.offset])
      while let last = item.last, ASCII.isBlank(last) { item.removeLast() }
      items.append(item)
    }
    value =
      [ASCII.openBracket] + Array(items.joined(separator: [ASCII.comma, ASCII.space]))
      + [ASCII.closeBracket]
  }

  /// A bare value: it runs to a `,` or `}` outside brackets, or to a line break before a
  /// `key:` line; blanks at its end are dropped. `[…]` and `{…}` inside are kept whole.
  private mutating func readBareValue(into value: inout [UInt8]) {
    var depth = 0
    while let byte = cursor.current {
      if depth == 0 && (byte == ASCII.comma || byte == ASCII.closeBrace || cursor.isBeforeKeyLine) {
        break
      }
      switch byte {
      case ASCII.openBracket, ASCII.openBrace: depth += 1
      case ASCII.closeBracket, ASCII.closeBrace: depth -= 1
      default: break
      }
      value.append(byte)
      cursor.advance()
    }
    while let last = value.last, ASCII.isBlank(last) { value.removeLast() }
  }

  /// After the metadata only blanks may follow.
  private mutating func checkEnd() -> Bool {
    cursor.skipBlanks()
    guard cursor.current != nil else { return true }
    session.error(
      "unexpected text after the metadata; the metadata must end the text",
      at: position(cursor.offset))
    return false
  }

  /// The character at the cursor, for a message (whole, even when it takes several bytes).
  private static func describe(_ byte: UInt8, _ cursor: TextCursor) -> String {
    guard byte >= 0x80 else { return String(UnicodeScalar(byte)) }
    var end = cursor.offset + 1
    let limit = cursor.segments[cursor.segment].upperBound
    while end < limit, cursor.bytes[end] & 0xC0 == 0x80 { end += 1 }
    return String(
      decoding: UnsafeBufferPointer(rebasing: cursor.bytes[cursor.offset..<end]), as: UTF8.self)
  }
}
