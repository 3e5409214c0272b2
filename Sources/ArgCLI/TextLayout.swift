import Argmap

/// Shared text layouts, sized to the output: the terminal's width when stdout is one,
/// `COLUMNS` when set, 80 columns otherwise, and no limit with `--wide`.
enum TextLayout {
  /// Set for the run of one command (`CLI.dispatch`); task-local, so it is no global state.
  @TaskLocal static var width = standardWidth

  /// What help and pipes get: a width every terminal and editor shows whole.
  static let standardWidth = 80

  /// The width for a command's output: `--wide` never cuts; `COLUMNS` wins over the
  /// terminal's own report, as in other command-line tools.
  static func width(wide: Bool, environment: [String: String], console: Console) -> Int {
    if wide { return Int.max / 4 }
    if let columns = environment["COLUMNS"].flatMap(Int.init), columns >= 40 { return columns }
    return console.terminalColumns.map { max(40, $0) } ?? standardWidth
  }

  /// `id  text` on one line, the text cut to fit; ids are padded to `idWidth` to form a column.
  static func claimLine(_ claim: Claim, indent: String = "  ", idWidth: Int, marker: String = "")
    -> String
  {
    let words = words(of: claim)
    guard !words.isEmpty else { return indent + marker + claim.id }
    let head = indent + marker + claim.id.padding(to: idWidth) + "  "
    return head + words.truncated(to: max(20, width - head.characterCount))
  }

  /// What a claim says on one line: its text, after its title where it has one (as Argdown
  /// writes `[Title]: text`), the title alone for a node without words, and nothing for an
  /// untitled one, whose id already names it.
  static func words(of claim: Claim) -> String {
    guard let title = claim.title else { return claim.text }
    return claim.text.isEmpty ? title : title + ": " + claim.text
  }

  /// The widest id column: longer ids push their text along rather than squeeze every line.
  static let idWidthCap = 42

  /// The width of the id column for `claims`, capped so long ids do not squeeze out the text.
  static func idWidth(_ claims: [Claim], cap: Int = idWidthCap) -> Int {
    min(cap, claims.lazy.map(\.id.characterCount).max() ?? 0)
  }

  /// `text` wrapped to the terminal, each line indented.
  static func paragraph(_ text: String, indent: String = "  ") -> [String] {
    TextWrap.wrap(text, width: width - indent.count).map { indent + $0 }
  }

  /// `1243` → `1,243`: counts in summaries are read at a glance.
  static func grouped(_ count: Int) -> String {
    let digits = String(count.magnitude)
    var grouped = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
      grouped.append(digit)
    }
    return (count < 0 ? "-" : "") + grouped
  }

  static func plural(_ count: Int, _ noun: String) -> String {
    "\(grouped(count)) \(noun)\(count == 1 ? "" : "s")"
  }
}
