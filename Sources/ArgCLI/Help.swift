import Argmap

/// Help screens, generated from the command specs.
enum Help {
  static let optionColumn = 26

  static func render(_ spec: CommandSpec, isRoot: Bool) -> String {
    var sections: [String] = [hanging("OVERVIEW: ", spec.abstract)]
    if let discussion = spec.discussion { sections.append(fitted(discussion)) }
    sections.append(hanging("USAGE: ", spec.usage))
    if !spec.arguments.isEmpty {
      sections.append(
        section("ARGUMENTS", spec.arguments.map { ("<\($0.name)>", $0.help) }))
    }
    let options =
      spec.options.map { (label(of: $0), $0.help) } + [
        ("-h, --help", "Show help for this command.")
      ]
    sections.append(
      section(isRoot ? "GLOBAL OPTIONS" : "OPTIONS", (isRoot ? globalOptions : []) + options))
    if !spec.subcommands.isEmpty {
      sections.append(
        section(
          isRoot ? "COMMANDS" : "SUBCOMMANDS", spec.subcommands.map { ($0.name, $0.abstract) }))
      sections.append("  See 'argmap help <command>' for a command's options.")
    }
    if isRoot {
      sections.append(databaseSection)
      sections.append(
        section("EXIT CODES", ExitCode.allCases.map { ("\($0.rawValue)", $0.meaning) }))
    }
    return sections.joined(separator: "\n\n") + "\n"
  }

  static let globalOptions: [(String, String)] = [
    ("--db <path>", "The map database to use (see DATABASE)."),
    ("--wide", "Never cut claim lines; else they fit the terminal, or $COLUMNS."),
    ("--version", "Print argmap's version."),
  ]

  static let databaseSection = """
    DATABASE:
      The map is '--db <path>', else $ARGMAP_DB, else the default file
      $XDG_DATA_HOME/argmap/argmap.db (~/.local/share/argmap/argmap.db without
      XDG_DATA_HOME), which is created from the built-in map on first use.
      An explicit path is your own map: create it with 'argmap --db <path> init'
      (or 'init --empty'); reads never create it.
    """

  /// `text` after `head`, wrapped to the terminal with its later lines under the first.
  static func hanging(_ head: String, _ text: String) -> String {
    let lines = TextWrap.wrap(text, width: TextLayout.standardWidth - 2 - head.count)
    let indent = String(repeating: " ", count: head.count)
    return ([head + (lines.first ?? "")] + lines.dropFirst().map { indent + $0 })
      .joined(separator: "\n")
  }

  /// Prose paragraphs are reflowed to the terminal; a paragraph laid out by hand (a list or
  /// a table, told by its runs of spaces) keeps its lines.
  private static func fitted(_ text: String) -> String {
    text.components(separatedBy: "\n\n").map { paragraph -> String in
      guard paragraph.contains("  ") else {
        let prose = paragraph.split(separator: "\n").joined(separator: " ")
        return TextWrap.wrap(prose, width: TextLayout.standardWidth - 2).joined(separator: "\n")
      }
      return paragraph
    }.joined(separator: "\n\n")
  }

  private static func label(of option: CommandSpec.Option) -> String {
    option.valueName.map { "\(option.name) <\($0)>" } ?? option.name
  }

  /// A titled two-column list; the right column wraps under itself.
  private static func section(_ title: String, _ rows: [(String, String)]) -> String {
    var lines = ["\(title):"]
    for (left, right) in rows {
      let wrapped = TextWrap.wrap(right, width: 78 - optionColumn)
      let head = "  " + left
      if head.count < optionColumn {
        lines.append(head.padding(to: optionColumn) + (wrapped.first ?? ""))
      } else {
        lines.append(head)
        lines.append(String(repeating: " ", count: optionColumn) + (wrapped.first ?? ""))
      }
      for line in wrapped.dropFirst() {
        lines.append(String(repeating: " ", count: optionColumn) + line)
      }
    }
    return lines.joined(separator: "\n")
  }
}

extension String {
  /// Pads with spaces to `width` characters; longer strings are returned as they are.
  func padding(to width: Int) -> String {
    let missing = width - characterCount
    return missing <= 0 ? self : self + String.spaces(missing)
  }

  /// Pads with spaces on the left, to right-align numbers.
  func leftPadded(to width: Int) -> String {
    let missing = width - characterCount
    return missing <= 0 ? self : String.spaces(missing) + self
  }

  /// Cuts to `width` characters, ending in '…' when something was cut.
  func truncated(to width: Int) -> String {
    // A string has at most as many characters as UTF-8 bytes, so a short one needs no count.
    guard width > 0, utf8.count > width else { return self }
    if isPlainASCII { return String(decoding: utf8.prefix(width - 1), as: UTF8.self) + "…" }
    guard count > width else { return self }
    return String(prefix(width - 1)) + "…"
  }

  /// `count`, read off the UTF-8 length when that is exact. Counting grapheme clusters walks
  /// the whole string, which took a quarter of a 10^5-claim listing.
  var characterCount: Int {
    isPlainASCII ? utf8.count : count
  }

  /// Every byte ASCII and none a carriage return: then each byte is one character (CR LF
  /// would be one character of two bytes; no other ASCII pair joins).
  private var isPlainASCII: Bool {
    var string = self
    return string.withUTF8 { bytes in
      // Branch-free over the buffer, so the loop vectorises.
      var high: UInt8 = 0
      var carriageReturns = 0
      for byte in bytes {
        high |= byte & 0x80
        carriageReturns &+= byte == 0x0D ? 1 : 0
      }
      return high == 0 && carriageReturns == 0
    }
  }

  private static let blanks = String(repeating: " ", count: 64)

  /// `count` spaces, cut from a shared run for the usual widths.
  static func spaces(_ count: Int) -> String {
    count <= blanks.utf8.count
      ? String(decoding: blanks.utf8.prefix(count), as: UTF8.self)
      : String(repeating: " ", count: count)
  }
}
