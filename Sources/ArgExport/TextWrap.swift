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
    // In ASCII text without CR every byte is one `Character`, so bytes can be split, counted
    // and cut directly, and words handed over as byte ranges with no `Substring` between;
    // CR is left to the general path, where `\r\n` is a single line break.
    let wrapped = text.utf8.withContiguousStorageIfAvailable { bytes in
      if width > 0 && isSingleSpacedASCII(bytes) {
        wrapSingleSpaced(bytes, width: width, body)
        return true
      }
      guard isASCIIWithoutCR(bytes) else { return false }
      var lines = Lines(width: width, source: bytes)
      forEachASCIIWord(in: bytes) { start, end in
        guard start < end else { return lines.endParagraph() }
        lines.add(UnsafeBufferPointer(rebasing: bytes[start..<end]), count: end - start, body) {
          _ in width
        }
      }
      lines.flush(body)
      return true
    }
    if wrapped == true { return }
    var lines = Lines(width: width, source: nil)
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

  /// Greedy wrapping of ``isSingleSpacedASCII(_:)`` text, a line at a time: a line ends at the
  /// last space that leaves it at most `width` long, found by looking back from there, with no
  /// word-by-word bookkeeping. A word longer than `width` is cut as the word path cuts it, and
  /// its last piece begins a line like any word.
  private static func wrapSingleSpaced(
    _ bytes: UnsafeBufferPointer<UInt8>, width: Int, _ body: (Piece) -> Void
  ) {
    var start = 0
    while bytes.count - start > width {
      var end = start + width
      while end > start && bytes[end] != UInt8(ascii: " ") { end -= 1 }
      body(.line)
      if end == start {
        body(.text(UnsafeBufferPointer(rebasing: bytes[start..<start + width])))
        start += width
      } else {
        body(.text(UnsafeBufferPointer(rebasing: bytes[start..<end])))
        start = end + 1
      }
    }
    body(.line)
    body(.text(UnsafeBufferPointer(rebasing: bytes[start...])))
  }

  /// Whether the text is ASCII words one space apart, with no space at either end and no
  /// control characters: most claims' texts, which wrap without being split into words.
  private static func isSingleSpacedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let space = UInt8(ascii: " ")
    guard let first = bytes.first, first != space, bytes.last != space else { return false }
    let firstOther = ByteBlocks.firstIndex(
      in: bytes, from: 0,
      block: { ByteBlocks.hasNonASCII($0) || ByteBlocks.hasByte(below: 0x20, in: $0) },
      byte: { $0 >= 0x80 || $0 < 0x20 })
    return firstOther == bytes.count && !hasDoubledSpace(bytes)
  }

  /// Whether two spaces stand together, tested eight pairs at a time: a block and the block one
  /// byte on are both spaces in some lane where their bits, each taken from spaces, are zero.
  private static func hasDoubledSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let spaces: UInt64 = 0x2020_2020_2020_2020
    var offset = 0
    while offset + 9 <= bytes.count {
      let pairs =
        (ByteBlocks.load(bytes, at: offset) ^ spaces)
        | (ByteBlocks.load(bytes, at: offset + 1) ^ spaces)
      if ByteBlocks.has(0, in: pairs) { return true }
      offset += 8
    }
    let space = UInt8(ascii: " ")
    for index in offset..<max(offset, bytes.count - 1)
    where bytes[index] == space && bytes[index + 1] == space {
      return true
    }
    return false
  }

  /// Whether every byte is ASCII and none is CR, tested eight bytes at a time: every label's
  /// text is tested, and most pass.
  private static func isASCIIWithoutCR(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let first = ByteBlocks.firstIndex(
      in: bytes, from: 0,
      block: { ByteBlocks.hasNonASCII($0) || ByteBlocks.has(0x0D, in: $0) },
      byte: { $0 >= 0x80 || $0 == 0x0D })
    return first == bytes.count
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
    var wordStart = -1
    for index in bytes.indices {
      let byte = bytes[index]
      // Every separator is at most a space; most bytes are not, and are words.
      guard byte <= 0x20, byte == 0x20 || byte == 0x09 || (0x0A...0x0C).contains(byte) else {
        if wordStart < 0 { wordStart = index }
        continue
      }
      if wordStart >= 0 { body(wordStart, index) }
      wordStart = -1
      if byte != 0x20 && byte != 0x09 { body(index, index) }
    }
    // The end of the text ends its last word and paragraph.
    if wordStart >= 0 { body(wordStart, bytes.count) }
    body(bytes.count, bytes.count)
  }

  /// Fills lines with a paragraph's words, greedily.
  private struct Lines {
    let width: Int
    /// The text every word lies in, when the words are known to lie in it: a line's words one
    /// space apart there then go out joined, as one run of it, so that a writer escapes and
    /// copies a line at a time rather than a word.
    let source: UnsafeBufferPointer<UInt8>?
    /// How many characters the current line holds; 0 before a paragraph's first word.
    var lineCount = 0
    /// Whether any line has been started.
    var started = false
    /// Empty lines met since the last line with words, started only if another one follows.
    var heldEmpty = 0
    /// The run of `source` on the current line not yet handed on.
    var pending: Range<Int>?

    /// Adds a word of `count` characters; `cut` says how many bytes of a longer one's first
    /// `width` characters take.
    mutating func add(
      _ word: UnsafeBufferPointer<UInt8>, count: Int, _ body: (Piece) -> Void,
      cut: (UnsafeBufferPointer<UInt8>) -> Int
    ) {
      if lineCount > 0 && (width < 1 || lineCount + 1 + count <= width) {
        if !joined(word) {
          flush(body)
          body(.text(Self.space))
          hold(word, body)
        }
        lineCount += 1 + count
        return
      }
      flush(body)
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
      hold(word, body)
      lineCount = count
    }

    /// Hands on the pending run, if any.
    mutating func flush(_ body: (Piece) -> Void) {
      guard let run = pending, let source else { return }
      body(.text(UnsafeBufferPointer(rebasing: source[run])))
      pending = nil
    }

    /// Keeps `word` as the pending run where words are joined; hands it on otherwise.
    private mutating func hold(_ word: UnsafeBufferPointer<UInt8>, _ body: (Piece) -> Void) {
      guard let start = offset(of: word) else { return body(.text(word)) }
      pending = start..<start + word.count
    }

    /// Whether `word` follows the pending run after one space in `source`, and now ends it.
    private mutating func joined(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
      guard let source, let run = pending, let start = offset(of: word),
        start == run.upperBound + 1, source[run.upperBound] == UInt8(ascii: " ")
      else { return false }
      pending = run.lowerBound..<start + word.count
      return true
    }

    /// Where `word` starts in `source`; nil when words are not joined.
    private func offset(of word: UnsafeBufferPointer<UInt8>) -> Int? {
      guard let base = source?.baseAddress, let address = word.baseAddress else { return nil }
      return address - base
    }

    /// A space between words, from a literal that lives as long as the program.
    private static var space: UnsafeBufferPointer<UInt8> {
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
