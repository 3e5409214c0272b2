import ArgModel

/// Quoting for the kinds of string a DOT file holds: IDs, escString labels and tooltips, and
/// the text of HTML-like labels.
///
/// Inside a quoted string Graphviz's lexer treats only `\"` and the pair `\\` specially;
/// escString attributes then turn `\\` into `\` and give `\n`, `\l`, `\N`, `\G` … their
/// meanings. So every backslash is doubled: the string always ends where it should, and a
/// claim's literal `\N` shows as `\N` rather than as the node's name.
///
/// Graphviz copies text into SVG as XML, where most C0 controls, U+FFFE and U+FFFF are not
/// allowed at all, so those become U+FFFD wherever they appear.
enum DOTEscaping {
  /// A quoted DOT ID, for node and cluster names. Distinct strings give distinct IDs, except
  /// for ones that differ only in characters XML forbids. (Graphviz keeps a doubled backslash
  /// doubled in a name; the ids the model accepts contain none.)
  static func writeID(_ string: String, to output: inout OutputBuffer) {
    output.write(ascii: UInt8(ascii: "\""))
    write(string, newlines: false, to: &output) { piece in
      switch piece {
      case .ascii(UInt8(ascii: "\"")): "\\\""
      case .ascii(UInt8(ascii: "\\")): "\\\\"
      default: nil
      }
    }
    output.write(ascii: UInt8(ascii: "\""))
  }

  /// A quoted escString label (graph or cluster) that shows exactly `string`: line breaks (any
  /// `Character.isNewline`, `\r\n` as one) become centred `\n` breaks and tabs become spaces.
  /// `&` becomes `&amp;`, as Graphviz decodes entities in labels and would show `&lt;` as `<`.
  static func writeLabel(_ string: String, to output: inout OutputBuffer) {
    writeEscString(backslash: "\\\\", to: &output) { $0(string) }
  }

  /// A quoted escString tooltip that reads as `string`, as ``writeLabel(_:to:)`` does.
  ///
  /// Graphviz 2.43 runs its `\N`/`\G`/`\E` substitution over node and edge tooltips twice, so
  /// a doubled backslash before a letter would still be substituted. Each backslash is followed
  /// by U+2060 WORD JOINER, which is invisible and ends any escape sequence in every version.
  static func writeTooltip(_ string: String, to output: inout OutputBuffer) {
    writeTooltip(to: &output) { $0(string) }
  }

  /// The tooltip of the strings `parts` gives, joined, for a caller that holds them apart.
  static func writeTooltip(to output: inout OutputBuffer, parts: ((String) -> Void) -> Void) {
    writeEscString(backslash: "\\\\\u{2060}", to: &output, parts: parts)
  }

  /// Escapes each part by itself, which is escaping them joined: only a CR ending one part and
  /// an LF starting the next would read differently, as one line break, and the LF is dropped.
  private static func writeEscString(
    backslash: String, to output: inout OutputBuffer, parts: ((String) -> Void) -> Void
  ) {
    output.write(ascii: UInt8(ascii: "\""))
    var afterCR = false
    parts { part in
      var part = part
      part.withUTF8 { utf8 in
        guard !utf8.isEmpty else { return }
        // LF is a grapheme cluster of its own, so this drops that one byte.
        let utf8 =
          afterCR && utf8[0] == 0x0A ? UnsafeBufferPointer(rebasing: utf8.dropFirst()) : utf8
        afterCR = utf8.last == 0x0D
        write(utf8: utf8, newlines: true, to: &output) { piece in
          switch piece {
          case .newline: "\\n"
          case .ascii(UInt8(ascii: "\"")): "\\\""
          case .ascii(UInt8(ascii: "\\")): backslash
          case .ascii(UInt8(ascii: "&")): "&amp;"
          case .ascii(UInt8(ascii: "\t")): " "
          default: nil
          }
        }
      }
    }
    output.write(ascii: UInt8(ascii: "\""))
  }

  /// Text for an HTML-like label (between `<` and `>`), which Graphviz parses as XML: `&`, `<`,
  /// `>` and `"` become entities, and line breaks and tabs become spaces (use `<BR/>` to break).
  /// Graphviz also substitutes `\N`, `\G` and `\E` in the parsed text and reads `\\` as one
  /// backslash, so backslashes are doubled here too; an entity such as `&#92;` would not help,
  /// as it is decoded before the substitution.
  static func writeHTML(_ text: String, to output: inout OutputBuffer) {
    var text = text
    text.withUTF8 { writeHTML(utf8: $0, to: &output) }
  }

  /// ``writeHTML(_:to:)`` for text given as its UTF-8 bytes, such as a wrapped label's words.
  static func writeHTML(utf8 text: UnsafeBufferPointer<UInt8>, to output: inout OutputBuffer) {
    write(utf8: text, newlines: true, to: &output) { piece in
      switch piece {
      case .newline, .ascii(UInt8(ascii: "\t")): " "
      case .ascii(UInt8(ascii: "&")): "&amp;"
      case .ascii(UInt8(ascii: "<")): "&lt;"
      case .ascii(UInt8(ascii: ">")): "&gt;"
      case .ascii(UInt8(ascii: "\"")): "&quot;"
      case .ascii(UInt8(ascii: "\\")): "\\\\"
      default: nil
      }
    }
  }

  /// The quoted ID, label and tooltip and the HTML text as strings, for the few that are not
  /// written straight out.
  static func id(_ string: String) -> String { text { writeID(string, to: &$0) } }
  static func label(_ string: String) -> String { text { writeLabel(string, to: &$0) } }
  static func tooltip(_ string: String) -> String { text { writeTooltip(string, to: &$0) } }
  static func html(_ string: String) -> String { text { writeHTML(string, to: &$0) } }

  private static func text(_ write: (inout OutputBuffer) -> Void) -> String {
    var output = OutputBuffer()
    write(&output)
    return output.text
  }

  /// A piece of UTF-8 text that an escaper may rewrite.
  private enum Piece: Equatable {
    /// One of the ASCII characters some escaper rewrites: `"`, `&`, `<`, `>`, `\`, tab.
    case ascii(UInt8)
    /// A `Character.isNewline` character: LF, VT, FF, CR, CR LF, NEL, U+2028 or U+2029. Each is
    /// a grapheme cluster of its own, so working on bytes cannot split a `Character`.
    case newline
    /// A scalar XML forbids (see ``XMLCharacters``), always written as U+FFFD.
    case forbidden
  }

  /// Writes `text` with each piece that `replacement` names rewritten and everything else
  /// copied in runs, byte for byte. Without `newlines`, line breaks are no pieces, except VT
  /// and FF, which XML forbids.
  private static func write(
    _ text: String, newlines: Bool, to output: inout OutputBuffer,
    replacement: (Piece) -> String?
  ) {
    var text = text
    text.withUTF8 { write(utf8: $0, newlines: newlines, to: &output, replacement: replacement) }
  }

  private static func write(
    utf8 bytes: UnsafeBufferPointer<UInt8>, newlines: Bool, to output: inout OutputBuffer,
    replacement: (Piece) -> String?
  ) {
    var copied = 0
    var index = 0
    while index < bytes.count {
      index = ByteBlocks.firstIndex(
        in: bytes, from: index, block: blockMayHoldPiece, byte: mayStartPiece)
      guard index < bytes.count,
        let found = piece(in: bytes, at: index, newlines: newlines),
        let text = found.piece == .forbidden ? "\u{FFFD}" : replacement(found.piece)
      else {
        index += 1
        continue
      }
      output.write(utf8: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
      output.write(text)
      index += found.length
      copied = index
    }
    output.write(utf8: UnsafeBufferPointer(rebasing: bytes[copied...]))
  }

  /// Whether `byte` may start a piece: a control, one of the ASCII characters some escaper
  /// rewrites, or the lead byte of NEL, U+2028, U+2029, U+FFFE or U+FFFF. Most bytes are not,
  /// and skip the closer look.
  private static func mayStartPiece(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x00..<0x20, 0x22, 0x26, 0x3C, 0x3E, 0x5C, 0xC2, 0xE2, 0xEF: true
    default: false
    }
  }

  /// True for every block of eight bytes holding a byte ``mayStartPiece(_:)`` is true of.
  private static func blockMayHoldPiece(_ block: UInt64) -> Bool {
    ByteBlocks.hasByte(below: 0x20, in: block) || ByteBlocks.hasNonASCII(block)
      || ByteBlocks.has(0x22, in: block) || ByteBlocks.has(0x26, in: block)
      || ByteBlocks.has(0x3C, in: block) || ByteBlocks.has(0x3E, in: block)
      || ByteBlocks.has(0x5C, in: block)
  }

  /// The piece starting at `index` and its length in bytes, or nil for a byte copied as it is.
  private static func piece(
    in bytes: UnsafeBufferPointer<UInt8>, at index: Int, newlines: Bool
  ) -> (piece: Piece, length: Int)? {
    func byte(_ offset: Int) -> UInt8? {
      index + offset < bytes.count ? bytes[index + offset] : nil
    }
    let first = bytes[index]
    if newlines {
      switch first {
      case 0x0A, 0x0B, 0x0C: return (.newline, 1)
      case 0x0D: return (.newline, byte(1) == 0x0A ? 2 : 1)
      case 0xC2 where byte(1) == 0x85: return (.newline, 2)
      case 0xE2 where byte(1) == 0x80 && (byte(2) == 0xA8 || byte(2) == 0xA9):
        return (.newline, 3)
      default: break
      }
    }
    switch first {
    case 0x0A, 0x0D: return nil
    case 0x09, 0x22, 0x26, 0x3C, 0x3E, 0x5C: return (.ascii(first), 1)
    case 0x00..<0x20: return (.forbidden, 1)
    case 0xEF where byte(1) == 0xBF && (byte(2) == 0xBE || byte(2) == 0xBF):
      return (.forbidden, 3)
    default: return nil
    }
  }
}
