import ArgModel

/// Greedy word wrapping, measured in `Character`s (grapheme clusters), for node labels and for
/// the CLI's text output.
public enum TextWrap {
  /// Splits `text` into lines of at most `width` characters.
  ///
  /// - Line breaks in `text` (any `Character.isNewline`, `\r\n` included) are kept as hard
  ///   breaks; an empty line between paragraphs stays an empty line, but leading and trailing
  ///   empty lines are dropped.
  /// - Within a paragraph, runs of whitespace collapse to one space and lines break between
  ///   words. A word longer than `width` is cut into pieces of `width` characters, and the next
  ///   word may follow its last piece on the same line.
  /// - A `width` less than 1 disables wrapping: each paragraph becomes one line.
  /// - Text with no words gives no lines.
  ///
  /// Every character counts as one column, including wide CJK characters and emoji.
  public static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    forEachPiece(of: text, width: width) { piece in
      switch piece {
      case .line: lines.append("")
      case .text(let text): lines[lines.count - 1] += text
      }
    }
    return lines
  }

  /// What `wrap` makes lines of, in order, for a writer that copies them out without building
  /// the lines: `.line` starts each line, then `.text` gives its words and the spaces between.
  enum Piece {
    case line
    case text(Substring)
  }

  /// The pieces of `wrap(text, width:)`; see ``Piece``. Leading empty lines are never started,
  /// and empty lines are held back until a line with words follows, so trailing ones are not.
  static func forEachPiece(of text: String, width: Int, _ body: (Piece) -> Void) {
    // In ASCII text without CR every byte is one `Character`, so bytes can be split and counted
    // directly; CR is left to the general path, where `\r\n` is a single line break.
    let ascii = !text.utf8Contains { $0 >= 0x80 || $0 == 0x0D }
    let paragraphs =
      ascii
      ? text.utf8.split(omittingEmptySubsequences: false, whereSeparator: isASCIINewline)
        .map(Substring.init)
      : text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    var lines = Lines(width: width)
    for paragraph in paragraphs {
      let words =
        ascii
        ? paragraph.utf8.split(whereSeparator: isASCIIBlank).map(Substring.init)
        : paragraph.split(whereSeparator: \.isWhitespace)
      if words.isEmpty { lines.heldEmpty += lines.started ? 1 : 0 }
      for word in words {
        lines.add(word, count: ascii ? word.utf8.count : word.count, body)
      }
      lines.end()
    }
  }

  /// LF, VT and FF: the ASCII characters other than CR that are `Character.isNewline`.
  private static func isASCIINewline(_ byte: UInt8) -> Bool { (0x0A...0x0C).contains(byte) }

  /// Space and tab: the ASCII characters that are `Character.isWhitespace` within a paragraph.
  private static func isASCIIBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

  /// Fills lines with a paragraph's words, greedily.
  private struct Lines {
    let width: Int
    /// How many characters the current line holds; 0 before a paragraph's first word.
    var lineCount = 0
    /// Whether any line has been started.
    var started = false
    /// Empty lines met since the last line with words, started only if another one follows.
    var heldEmpty = 0

    mutating func add(_ word: Substring, count: Int, _ body: (Piece) -> Void) {
      if lineCount > 0 && (width < 1 || lineCount + 1 + count <= width) {
        body(.text(" "))
        body(.text(word))
        lineCount += 1 + count
        return
      }
      for _ in 0..<heldEmpty { body(.line) }
      heldEmpty = 0
      started = true
      var (word, count) = (word, count)
      while width > 0 && count > width {
        let cut = word.index(word.startIndex, offsetBy: width)
        body(.line)
        body(.text(word[..<cut]))
        word = word[cut...]
        count -= width
      }
      body(.line)
      body(.text(word))
      lineCount = count
    }

    /// Ends a paragraph: the next word starts a line.
    mutating func end() {
      lineCount = 0
    }
  }
}
