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
    // In ASCII text without CR every byte is one `Character`, so bytes can be split and counted
    // directly; CR is left to the general path, where `\r\n` is a single line break.
    let ascii = text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    let paragraphs =
      ascii
      ? text.utf8.split(omittingEmptySubsequences: false, whereSeparator: isASCIINewline)
        .map(Substring.init)
      : text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    var lines: [String] = []
    for paragraph in paragraphs {
      let words =
        ascii
        ? paragraph.utf8.split(whereSeparator: isASCIIBlank).map(Substring.init)
        : paragraph.split(whereSeparator: \.isWhitespace)
      if words.isEmpty {
        lines.append("")
      } else {
        wrap(words, width: width, count: ascii ? \.utf8.count : \.count, into: &lines)
      }
    }
    guard let first = lines.firstIndex(where: { !$0.isEmpty }),
      let last = lines.lastIndex(where: { !$0.isEmpty })
    else { return [] }
    return Array(lines[first...last])
  }

  /// LF, VT and FF: the ASCII characters other than CR that are `Character.isNewline`.
  private static func isASCIINewline(_ byte: UInt8) -> Bool { (0x0A...0x0C).contains(byte) }

  /// Space and tab: the ASCII characters that are `Character.isWhitespace` within a paragraph.
  private static func isASCIIBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

  /// `count` measures a word in characters.
  private static func wrap(
    _ words: [Substring], width: Int, count: (Substring) -> Int, into lines: inout [String]
  ) {
    guard width > 0 else {
      lines.append(words.joined(separator: " "))
      return
    }
    var line = ""
    var lineCount = 0
    for word in words {
      var word = word
      var wordCount = count(word)
      if lineCount > 0 && lineCount + 1 + wordCount <= width {
        line += " "
        line += word
        lineCount += 1 + wordCount
        continue
      }
      if lineCount > 0 {
        lines.append(line)
      }
      while wordCount > width {
        let cut = word.index(word.startIndex, offsetBy: width)
        lines.append(String(word[..<cut]))
        word = word[cut...]
        wordCount -= width
      }
      line = String(word)
      lineCount = wordCount
    }
    if lineCount > 0 {
      lines.append(line)
    }
  }
}
