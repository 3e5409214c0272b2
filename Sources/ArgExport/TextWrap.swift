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
      case .text(let utf8): lines[lines.count - 1] += String(decoding: utf8, as: UTF8.self)
      }
    }
    return lines
  }

  /// What `wrap` makes lines of, in order, for a writer that copies them out without building
  /// the lines: `.line` starts each line, then `.text` gives its words and the spaces between,
  /// as UTF-8 bytes that are valid only during the call.
  enum Piece {
    case line
    case text(UnsafeBufferPointer<UInt8>)
  }

  /// The pieces of `wrap(text, width:)`; see ``Piece``. Leading empty lines are never started,
  /// and empty lines are held back until a line with words follows, so trailing ones are not.
  static func forEachPiece(of text: String, width: Int, _ body: (Piece) -> Void) {
    var lines = Lines(width: width)
    // In ASCII text without CR every byte is one `Character`, so bytes can be split, counted
    // and cut directly, and words handed over as byte ranges with no `Substring` between;
    // CR is left to the general path, where `\r\n` is a single line break. Words one space
    // apart go out joined, as they stand in the text.
    let ascii = !text.utf8Contains { $0 >= 0x80 || $0 == 0x0D }
    let wrapped = text.utf8.withContiguousStorageIfAvailable { bytes in
      guard ascii else { return false }
      withoutActuallyEscaping(body) { body in
        var runs = Runs(in: bytes, body)
        forEachASCIIWord(in: bytes) { start, end in
          guard start < end else { return lines.endParagraph() }
          lines.add(
            UnsafeBufferPointer(rebasing: bytes[start..<end]), count: end - start,
            { runs.add($0) }
          ) { _ in width }
        }
        runs.flush()
      }
      return true
    }
    if wrapped == true { return }
    for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      for word in paragraph.split(whereSeparator: \.isWhitespace) {
        var word = word
        let count = word.count
        word.withUTF8 { utf8 in
          lines.add(utf8, count: count, body, cut: firstCharacters(width))
        }
      }
      lines.endParagraph()
    }
  }

  /// Joins a line's words back into the run of `source` they came from where one space parted
  /// them there, so that a writer escapes and copies a line at a time rather than a word.
  private struct Runs {
    let source: UnsafeBufferPointer<UInt8>
    let body: (Piece) -> Void
    /// The part of `source` not yet handed on, and whether a space follows it.
    var pending: Range<Int>?
    var spaced = false

    init(in source: UnsafeBufferPointer<UInt8>, _ body: @escaping (Piece) -> Void) {
      self.source = source
      self.body = body
    }

    mutating func add(_ piece: Piece) {
      guard case .text(let text) = piece else {
        flush()
        return body(piece)
      }
      // A piece from elsewhere is the space between words, a literal of its own.
      guard let start = offset(of: text) else {
        if pending != nil && !spaced { return spaced = true }
        flush()
        return body(piece)
      }
      if let run = pending {
        if spaced, run.upperBound + 1 == start, source[run.upperBound] == UInt8(ascii: " ") {
          pending = run.lowerBound..<start + text.count
          spaced = false
          return
        }
        flush()
      }
      pending = start..<start + text.count
    }

    mutating func flush() {
      guard let run = pending else { return }
      body(.text(UnsafeBufferPointer(rebasing: source[run])))
      if spaced { body(.text(Lines.space)) }
      (pending, spaced) = (nil, false)
    }

    /// Where `text` starts in `source`, if it lies there.
    private func offset(of text: UnsafeBufferPointer<UInt8>) -> Int? {
      guard let base = source.baseAddress, let address = text.baseAddress,
        address >= base, address + text.count <= base + source.count
      else { return nil }
      return address - base
    }
  }

  /// How many bytes the first `count` `Character`s of a UTF-8 run take.
  private static func firstCharacters(_ count: Int) -> (UnsafeBufferPointer<UInt8>) -> Int {
    { utf8 in
      let text = String(decoding: utf8, as: UTF8.self)
      return text.utf8.distance(
        from: text.startIndex, to: text.index(text.startIndex, offsetBy: count))
    }
  }

  /// Calls `body` with the byte range of each word of ASCII text, and with an empty range at
  /// the end of each paragraph. Words are split by space and tab, paragraphs by LF, VT and FF:
  /// the ASCII characters that are `Character.isWhitespace` and `Character.isNewline`, CR
  /// aside.
  private static func forEachASCIIWord(
    in bytes: UnsafeBufferPointer<UInt8>, _ body: (_ start: Int, _ end: Int) -> Void
  ) {
    var wordStart: Int?
    for index in 0...bytes.count {
      let byte = index < bytes.count ? bytes[index] : 0x0A
      let newline = (0x0A...0x0C).contains(byte)
      if newline || byte == 0x20 || byte == 0x09 {
        if let start = wordStart { body(start, index) }
        wordStart = nil
        if newline { body(index, index) }
      } else if wordStart == nil {
        wordStart = index
      }
    }
  }

  /// Fills lines with a paragraph's words, greedily.
  private struct Lines {
    let width: Int
    /// How many characters the current line holds; 0 before a paragraph's first word.
    var lineCount = 0
    /// Whether any line has been started.
    var started = false
    /// Empty lines met since the last line with words, started only if another one follows.
    var heldEmpty = 0

    /// Adds a word of `count` characters; `cut` says how many bytes of a longer one's first
    /// `width` characters take.
    mutating func add(
      _ word: UnsafeBufferPointer<UInt8>, count: Int, _ body: (Piece) -> Void,
      cut: (UnsafeBufferPointer<UInt8>) -> Int
    ) {
      if lineCount > 0 && (width < 1 || lineCount + 1 + count <= width) {
        body(.text(Self.space))
        body(.text(word))
        lineCount += 1 + count
        return
      }
      for _ in 0..<heldEmpty { body(.line) }
      heldEmpty = 0
      started = true
      var (word, count) = (word, count)
      while width > 0 && count > width {
        let length = cut(word)
        body(.line)
        body(.text(UnsafeBufferPointer(rebasing: word[..<length])))
        word = UnsafeBufferPointer(rebasing: word[length...])
        count -= width
      }
      body(.line)
      body(.text(word))
      lineCount = count
    }

    /// A space between words, from a literal that lives as long as the program.
    static var space: UnsafeBufferPointer<UInt8> {
      let literal: StaticString = " "
      return UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
    }

    /// Ends a paragraph: the next word starts a line, and a paragraph without words is an empty
    /// line, held back.
    mutating func endParagraph() {
      if lineCount == 0 && started { heldEmpty += 1 }
      lineCount = 0
    }
  }
}
