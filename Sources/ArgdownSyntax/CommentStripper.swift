/// Removes comments before lines are parsed, by overwriting them with `ASCII.commentFill`.
/// Line breaks inside block comments are kept, so every byte keeps its offset and every line its
/// number, and a diagnostic's position needs no mapping back.
///
/// - `// …` runs to the end of the line, and starts only at the start of a line or after a
///   blank, so `https://example.org` is text.
/// - `/* … */` and `<!-- … -->` may span lines.
/// - A backslash before ASCII punctuation escapes it, so `\//` and `\<!--` are text.
/// - Inside a metadata mapping `{…}` nothing is a comment (as in Argdown, whose lexer takes the
///   whole mapping as one token), so a quoted value may contain `//` or `/*`. A blank line ends
///   the mapping for this purpose, so an unclosed `{` cannot hide comments beyond its paragraph.
enum CommentStripper {
  struct Unterminated: Equatable {
    /// Offset of the opening `/*` or `<!--`.
    var start: Int
    var opener: String
    var closer: String
  }

  private enum State {
    case text
    /// Inside `{…}`, expecting a key.
    case key
    /// After `key:`, before the value's first non-blank.
    case valueStart
    /// Inside a bare value, or after a quoted one.
    case value
    /// Inside a double-quoted value.
    case quoted
  }

  /// Blanks every comment. Returns the unterminated block comment, if any (it runs to the end).
  static func blank(_ bytes: UnsafeMutableBufferPointer<UInt8>) -> Unterminated? {
    let count = bytes.count
    var index = 0
    var state = State.text
    var previous = ASCII.lineFeed
    var lineIsBlank = true

    func fill(_ range: Range<Int>) {
      for offset in range where !ASCII.isLineBreak(bytes[offset]) {
        bytes[offset] = ASCII.commentFill
      }
    }

    /// The offset just past `closer` at or after `from`, if it occurs.
    func end(of closer: StaticString, from: Int) -> Int? {
      let length = closer.utf8CodeUnitCount
      let pattern = closer.utf8Start
      var offset = from
      while offset + length <= count {
        var matches = true
        for k in 0..<length where bytes[offset + k] != pattern[k] {
          matches = false
          break
        }
        if matches { return offset + length }
        offset += 1
      }
      return nil
    }

    while index < count {
      let byte = bytes[index]
      if ASCII.isLineBreak(byte) {
        if lineIsBlank { state = .text }
        lineIsBlank = true
        previous = ASCII.lineFeed
        index += 1
        continue
      }
      if byte != ASCII.space && byte != ASCII.tab { lineIsBlank = false }
      switch state {
      case .text:
        if byte == ASCII.backslash {
          if index + 1 < count, ASCII.isPunctuation(bytes[index + 1]) {
            previous = bytes[index + 1]
            index += 2
          } else {
            previous = byte
            index += 1
          }
          continue
        }
        let next = index + 1 < count ? bytes[index + 1] : 0
        if byte == ASCII.slash && next == ASCII.slash
          && (ASCII.isBlank(previous) || previous == ASCII.lineFeed)
        {
          var stop = index
          while stop < count, !ASCII.isLineBreak(bytes[stop]) { stop += 1 }
          fill(index..<stop)
          index = stop
          continue
        }
        let isBlock = byte == ASCII.slash && next == ASCII.asterisk
        let isHTML =
          byte == ASCII.less && next == ASCII.exclamation && index + 3 < count
          && bytes[index + 2] == ASCII.minus && bytes[index + 3] == ASCII.minus
        if isBlock || isHTML {
          let found = isBlock ? end(of: "*/", from: index + 2) : end(of: "-->", from: index + 4)
          guard let stop = found else {
            fill(index..<count)
            return Unterminated(
              start: index, opener: isBlock ? "/*" : "<!--", closer: isBlock ? "*/" : "-->")
          }
          fill(index..<stop)
          index = stop
          previous = ASCII.commentFill
          continue
        }
        if byte == ASCII.openBrace { state = .key }
      case .key:
        if byte == ASCII.colon {
          state = .valueStart
        } else if byte == ASCII.closeBrace {
          state = .text
        }
      case .valueStart:
        if byte == ASCII.quote {
          state = .quoted
        } else if byte == ASCII.comma {
          state = .key
        } else if byte == ASCII.closeBrace {
          state = .text
        } else if !ASCII.isBlank(byte) {
          state = .value
        }
      case .value:
        if byte == ASCII.comma {
          state = .key
        } else if byte == ASCII.closeBrace {
          state = .text
        }
      case .quoted:
        if byte == ASCII.backslash, index + 1 < count,
          bytes[index + 1] == ASCII.quote || bytes[index + 1] == ASCII.backslash
        {
          index += 2
          continue
        }
        if byte == ASCII.quote { state = .value }
      }
      previous = byte
      index += 1
    }
    return nil
  }
}
