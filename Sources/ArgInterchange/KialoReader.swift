import ArgModel
import ArgdownSyntax

/// Reads the plain-text export Kialo gives of a discussion:
///
///     Discussion Title: Should …?
///
///     1. Thesis text
///     1.1. Pro: a pro argument
///     1.1.1. Con: text that can
///     continue on following lines
///     1.2. Con: -> See 1.1.1.
///
/// - The discussion becomes one position, whose id is the title's slug (the file name's when the
///   title has no ASCII letters or digits) and whose title is the discussion's.
/// - Every numbered line starts a claim `<position>-<number>`, e.g. `should-we-1.1.2`; its text is
///   the rest of the line and the lines up to the next claim, white space collapsed as in Argdown.
///   Markdown in the text (links, Kialo's `\(` escapes) is kept as written.
/// - `Pro:` claims support their parent (the number without its last part) and `Con:` claims
///   rebut it. `-> See 1.2.3.` is a link: claim 1.2.3 also supports or rebuts this parent, and no
///   claim is made for the link's own number.
/// - The first claim, `1.`, is the thesis. In a multi-thesis discussion it is the question, and
///   its children carry no `Pro:` or `Con:`: they are the theses, kept without a relation to the
///   question, which none of argmap's relation kinds describes. A later line that starts with
///   a single number, such as `2. …`, is a numbered list inside a claim's text: Kialo numbers
///   every claim below the one root.
/// - Provenance: the source is the file (its id the file name's slug), the comment the claim's
///   Kialo number, and the quote the start of its text, verbatim.
///
/// Kialo's current export lays the same tree out differently, and is told apart by its first
/// line:
///
///     Discussion Name:
///     Should …?
///
///     1. Thesis:
///     Thesis text
///         1.1. Pro:
///         A pro argument, citing a source [1].
///             1.1.1. Con:
///             -> See 1.2.
///
///     Sources:
///     [1] https://example.org/report
///     "The excerpt the claim cites,
///     over one or more lines."
///
/// - The title is on the line after `Discussion Name:`; every claim's number line carries a
///   label, `Thesis:`, `Pro:` or `Con:`, and its text follows on the next lines, indented as
///   the number is. Only a labelled number starts a claim.
/// - Each footnote of the closing `Sources:` section becomes a source `<file>-<n>`, its title
///   and URL the footnote's URL. A claim whose text cites it (`[n]`) takes it as provenance,
///   the excerpt (white space collapsed, enclosing quotation marks dropped) as its quote; the
///   marks of listed footnotes leave the claim's text. A claim that cites several takes the
///   first; one that cites none is attributed to the file as in the classic layout.
///
/// Every problem in the file is reported, with its line and column; the map is then partial.
public enum KialoReader {
  public static func parse(_ file: SourceFile) -> ParsedCorpus {
    var reader = Reader(file: file)
    return reader.read()
  }
}

private enum Stance {
  case pro
  case con

  var relation: RelationKind { self == .pro ? .supports : .rebuts }
}

/// The two ways Kialo has laid out its export; see ``KialoReader``.
private enum Layout {
  case classic
  case current

  var titleLabel: String { self == .classic ? "Discussion Title:" : "Discussion Name:" }
}

/// A footnote of the current layout's `Sources:` section.
private struct Footnote {
  var number: String
  var url: String
  var excerpt: [Substring] = []

  /// The excerpt on one line, without the quotation marks Kialo puts around it.
  var quote: String? {
    var text = Claim.normalizedText(excerpt.joined(separator: " "))[...]
    if text.count >= 2, let first = text.first, let last = text.last,
      (first == "\"" && last == "\"") || (first == "\u{201C}" && last == "\u{201D}")
    {
      text = text.dropFirst().dropLast()
    }
    return text.isEmpty ? nil : String(text)
  }
}

/// One numbered line and the lines that continue its text.
private struct Entry {
  /// Without the final dot: `1.2.3`.
  var number: String
  var line: Int
  var stance: Stance?
  /// Where the label or, without one, the text starts.
  var labelColumn: Int
  /// The whole numbered line, which columns count from.
  var firstLine: Substring
  /// The text after the label, then each continuation line.
  var text: [Substring]

  var parent: String? {
    number.lastIndex(of: ".").map { String(number[..<$0]) }
  }
}

private struct Reader {
  let file: SourceFile
  private var diagnostics: [Diagnostic] = []
  private var layout = Layout.classic
  private var footnotes: [String: Footnote] = [:]

  init(file: SourceFile) {
    self.file = file
  }

  mutating func read() -> ParsedCorpus {
    var lines = Self.lines(of: file.text)[...]
    let title = readTitle(&lines)
    let entries = readEntries(&lines)
    readFootnotes(lines)
    let map = build(title: title, entries: entries)
    diagnostics.sort {
      ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column)
    }
    return ParsedCorpus(map: map, diagnostics: diagnostics)
  }

  /// The lines with their 1-based numbers; a byte order mark is not part of the first.
  private static func lines(of text: String) -> [(number: Int, text: Substring)] {
    let body = text.hasPrefix("\u{FEFF}") ? text.dropFirst() : text[...]
    // "\r\n" is one Character, so this splits on exactly the line ends the line tables count.
    return body.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    ).enumerated().map { ($0.offset + 1, $0.element) }
  }

  // MARK: Reading lines

  /// The discussion's title from the first line that is not blank, which is consumed only when
  /// it is a title line, and which tells the layout. Without one, the file name stands in so the
  /// rest can still be checked.
  private mutating func readTitle(_ lines: inout ArraySlice<(number: Int, text: Substring)>)
    -> String
  {
    let fallback = fileStem
    guard let first = lines.firstIndex(where: { !isBlank($0.text) }) else {
      error(line: 1, column: 1, "expected 'Discussion Title:' and the discussion's title")
      return fallback
    }
    let (number, text) = lines[first]
    guard let layout = [Layout.classic, .current].first(where: { text.hasPrefix($0.titleLabel) })
    else {
      error(
        line: number, column: 1, "expected 'Discussion Title:' and the discussion's title first")
      return fallback
    }
    self.layout = layout
    lines = lines[(first + 1)...]
    var title = Claim.normalizedText(String(text.dropFirst(layout.titleLabel.count)))
    if title.isEmpty, layout == .current,
      let next = lines.firstIndex(where: { !isBlank($0.text) }),
      Self.labelledEntry(lines[next].text, line: lines[next].number) == nil
    {
      title = Claim.normalizedText(String(lines[next].text))
      lines = lines[(next + 1)...]
    }
    if title.isEmpty {
      error(
        line: number, column: layout.titleLabel.count + 1,
        "expected the discussion's title after '\(layout.titleLabel)'")
      return fallback
    }
    return title
  }

  /// The claims, up to the current layout's `Sources:` line, which is left in `lines` with the
  /// footnotes after it.
  private mutating func readEntries(_ lines: inout ArraySlice<(number: Int, text: Substring)>)
    -> [Entry]
  {
    var entries: [Entry] = []
    while let (number, text) = lines.first {
      if layout == .current, !entries.isEmpty, text.trimmed == "Sources:" { break }
      lines = lines.dropFirst()
      let entry =
        layout == .classic
        ? Self.entry(text, line: number, isFirst: entries.isEmpty)
        : Self.labelledEntry(text, line: number)
      if let entry {
        entries.append(entry)
      } else if !entries.isEmpty {
        entries[entries.count - 1].text.append(text)
      } else if !isBlank(text) {
        error(
          line: number, column: 1,
          layout == .classic
            ? "expected the thesis, numbered '1.'" : "expected the thesis, as '1. Thesis:'")
      }
    }
    return entries
  }

  /// The footnotes after `Sources:`: each `[n] URL` line, and the excerpt on the lines below it.
  private mutating func readFootnotes(_ lines: ArraySlice<(number: Int, text: Substring)>) {
    var current: Footnote?
    let keep = { (footnote: Footnote?, footnotes: inout [String: Footnote]) in
      if let footnote { footnotes[footnote.number] = footnote }
    }
    for (number, text) in lines.dropFirst() {
      let line = text.drop(while: \.isWhitespace)
      if line.first == "[", let close = line.firstIndex(of: "]"),
        case let digits = line[line.index(after: line.startIndex)..<close],
        !digits.isEmpty, digits.allSatisfy(isDigit)
      {
        keep(current, &footnotes)
        let url = line[line.index(after: close)...].trimmed
        if url.isEmpty {
          error(
            line: number, column: column(of: close, in: text) + 1,
            "expected the URL of source [\(digits)]")
        }
        current = Footnote(number: String(digits), url: url)
      } else if current != nil {
        current?.excerpt.append(text)
      } else if !isBlank(text) {
        error(line: number, column: 1, "expected a source, as '[1] https://…', after 'Sources:'")
      }
    }
    keep(current, &footnotes)
  }

  /// The current layout's claim line: indentation, a number, and a label. The thesis's label is
  /// `Thesis:`, which takes no side, like the classic layout's unlabelled theses. A single
  /// number starts a claim only with that label; otherwise it numbers a list in a claim's text.
  private static func labelledEntry(_ text: Substring, line: Int) -> Entry? {
    let indented = text.drop(while: \.isWhitespace)
    guard var entry = entry(indented, line: line, isFirst: true) else { return nil }
    var label = entry.text[0].drop(while: \.isWhitespace)
    if entry.stance == nil {
      let isThesis = label.hasPrefix("Thesis:")
      guard isThesis || entry.parent != nil else { return nil }
      if isThesis { label = label.dropFirst("Thesis:".count) }
    }
    entry.text[0] = label
    entry.firstLine = text
    // Columns were counted from the number; the line starts with the indentation.
    entry.labelColumn += column(of: indented.startIndex, in: text) - 1
    return entry
  }

  /// The claim a line starts, if it starts one: a number such as `1.2.3.` and a space. A single
  /// number starts only the first claim; later it is a numbered list in a claim's text.
  private static func entry(_ text: Substring, line: Int, isFirst: Bool) -> Entry? {
    var rest = text
    var parts: [Substring] = []
    while true {
      let digits = rest.prefix(while: isDigit)
      guard !digits.isEmpty, rest.dropFirst(digits.count).first == "." else { break }
      parts.append(digits)
      rest = rest.dropFirst(digits.count + 1)
    }
    guard !parts.isEmpty, rest.isEmpty || rest.first == " ", parts.count > 1 || isFirst else {
      return nil
    }
    rest = rest.dropFirst()
    var stance: Stance?
    var afterLabel = rest
    if parts.count > 1 {
      for (label, value) in [("Pro:", Stance.pro), ("Con:", .con)] where rest.hasPrefix(label) {
        stance = value
        afterLabel = rest.dropFirst(label.count)
      }
    }
    return Entry(
      number: parts.joined(separator: "."), line: line, stance: stance,
      labelColumn: column(of: rest.startIndex, in: text), firstLine: text, text: [afterLabel])
  }

  // MARK: Building the map

  private mutating func build(title: String, entries: [Entry]) -> ArgumentMap {
    let positionID = Self.slug(title) ?? Self.slug(fileStem) ?? "kialo"
    let sourceID = Self.slug(fileStem) ?? "kialo"
    let claimID = { (number: String) in "\(positionID)-\(number)" }
    let graph = EntryGraph(entries: entries, index: indexNumbers(entries))
    let thesesAreUnlabelled = Self.thesesAreUnlabelled(entries)
    var claims: [Claim] = []
    var relations: [Relation] = []
    var seenRelations: Set<Relation> = []
    for (offset, entry) in entries.enumerated() where graph.index[entry.number] == offset {
      var from = claimID(entry.number)
      if let link = graph.link(entry) {
        guard let target = graph.claimNumber(link.target) else {
          error(
            line: link.line, column: link.column,
            "expected the number of a claim in this file after '-> See', not '\(link.target).'")
          continue
        }
        from = claimID(target)
      } else if let claim = claim(entry, id: from, position: positionID, source: sourceID) {
        claims.append(claim)
      }
      guard let parent = entry.parent else { continue }
      checkLabel(entry, isThesis: parent == entries.first?.number && thesesAreUnlabelled)
      guard let stance = entry.stance else { continue }
      guard let parentNumber = graph.claimNumber(parent) else {
        error(
          line: entry.line, column: 1,
          "expected a claim numbered '\(parent).' for '\(entry.number).' to answer")
        continue
      }
      let relation = Relation(from: from, to: claimID(parentNumber), kind: stance.relation)
      if checkNotSelf(relation, entry: entry), seenRelations.insert(relation).inserted {
        relations.append(relation)
      }
    }
    // The export is the discussion's text: each numbered entry, with its continuation lines,
    // is a comment whose quote `check` can find there.
    let spans = entries.map { entry in
      // Blank lines that end an entry separate it from the next; they are not its words.
      let last = entry.text.lastIndex { !isBlank($0) } ?? 0
      return CommentSpan(comment: entry.number, lines: entry.line...(entry.line + last))
    }
    return ArgumentMap(
      sources: sources(
        of: claims,
        fileSource: Source(
          id: sourceID, title: title, text: Self.plainText(file.text), spans: spans)),
      positions: [Position(id: positionID, title: title)],
      claims: claims, relations: relations)
  }

  /// Each number's entry: the first, as a repeated number is an error.
  private mutating func indexNumbers(_ entries: [Entry]) -> [String: Int] {
    var index: [String: Int] = [:]
    for (offset, entry) in entries.enumerated() {
      if let first = index[entry.number] {
        error(
          line: entry.line, column: 1,
          "'\(entry.number).' is numbered like the claim on line \(entries[first].line)")
      } else {
        index[entry.number] = offset
      }
    }
    return index
  }

  /// Whether the root's children are a multi-thesis discussion's theses. A label mistyped on
  /// one child must not make a discussion multi-thesis, so the children's majority decides.
  private static func thesesAreUnlabelled(_ entries: [Entry]) -> Bool {
    let children = entries.filter { $0.parent != nil && $0.parent == entries.first?.number }
    let unlabelled = children.count { $0.stance == nil }
    return unlabelled > children.count - unlabelled
  }

  /// A link to the claim's own parent would make the claim support or rebut itself.
  private mutating func checkNotSelf(_ relation: Relation, entry: Entry) -> Bool {
    guard relation.from == relation.to else { return true }
    error(
      line: entry.line, column: entry.labelColumn,
      "a claim cannot \(relation.kind.verb) itself: '\(entry.number).' links to its parent")
    return false
  }

  /// Below the thesis every claim is a `Pro:` or a `Con:`; a multi-thesis discussion's theses
  /// are neither.
  private mutating func checkLabel(_ entry: Entry, isThesis: Bool) {
    switch (entry.stance, isThesis) {
    case (nil, false):
      error(
        line: entry.line, column: entry.labelColumn,
        "expected 'Pro:' or 'Con:' after '\(entry.number).'")
    case (.some, true):
      error(
        line: entry.line, column: entry.labelColumn,
        "expected a thesis without 'Pro:' or 'Con:', like the discussion's other theses")
    default: break
    }
  }

  private mutating func claim(_ entry: Entry, id: String, position: String, source: String)
    -> Claim?
  {
    let text = Claim.normalizedText(entry.text.joined(separator: " "))
    guard !text.isEmpty else {
      let label = entry.stance.map { $0 == .pro ? " Pro:" : " Con:" } ?? ""
      error(
        line: entry.line, column: column(of: entry.text[0].endIndex, in: entry.firstLine),
        "expected the text of claim '\(entry.number).\(label)'")
      return nil
    }
    let (cleaned, footnote) = citing(text)
    guard let footnote else {
      return Claim(
        id: id, text: text, position: position,
        provenance: Provenance(source: source, comment: entry.number, quote: Self.quote(entry)))
    }
    return Claim(
      id: id, text: cleaned, position: position,
      provenance: Provenance(
        source: Self.sourceID(of: footnote, in: source), comment: entry.number,
        quote: footnote.quote))
  }

  /// `text` without the marks of the footnotes `Sources:` lists (and the space before each),
  /// and the first footnote it cites.
  private func citing(_ text: String) -> (text: String, footnote: Footnote?) {
    guard !footnotes.isEmpty else { return (text, nil) }
    var kept = ""
    var first: Footnote?
    var rest = text[...]
    while let open = rest.firstIndex(of: "[") {
      let afterOpen = rest.index(after: open)
      if let close = rest[afterOpen...].firstIndex(of: "]"),
        let footnote = footnotes[String(rest[afterOpen..<close])]
      {
        kept += rest[..<open]
        kept = String(kept.reversed().drop(while: \.isWhitespace).reversed())
        first = first ?? footnote
        rest = rest[rest.index(after: close)...]
      } else {
        kept += rest[...open]
        rest = rest[afterOpen...]
      }
    }
    kept += rest
    return (Claim.normalizedText(kept), first)
  }

  /// The source a footnote becomes: `<file>-<n>`, named by its URL.
  private static func sourceID(of footnote: Footnote, in fileSource: String) -> String {
    "\(fileSource)-\(footnote.number)"
  }

  /// The sources the claims cite: the file, and the footnotes, in the order first cited.
  private func sources(of claims: [Claim], fileSource: Source) -> [Source] {
    var sources: [Source] = []
    var seen: Set<String> = []
    let footnoteSources = Dictionary(
      footnotes.values.map { footnote in
        let id = Self.sourceID(of: footnote, in: fileSource.id)
        return (id, Source(id: id, title: footnote.url, url: footnote.url))
      }, uniquingKeysWith: { first, _ in first })
    for claim in claims {
      guard let id = claim.provenance?.source, seen.insert(id).inserted else { continue }
      sources.append(id == fileSource.id ? fileSource : footnoteSources[id] ?? fileSource)
    }
    return sources
  }

  /// The start of the claim's first line of text, verbatim: at most 60 characters, cut at a
  /// word break when there is one.
  private static func quote(_ entry: Entry) -> String? {
    guard let line = entry.text.first(where: { !isBlank($0) }) else { return nil }
    let text = line.drop(while: \.isWhitespace)
    var quote = text.prefix(60)
    if quote.count < text.count, let space = quote.lastIndex(where: \.isWhitespace) {
      quote = quote[..<space]
    }
    // A tab inside the line is one space, as in the claim's text.
    return Claim.normalizedText(String(quote))
  }

  // MARK: Helpers

  /// The export as a source's text: Windows line ends and a byte order mark are the file's
  /// encoding, not its words. ("\r\n" is one Character in Swift.)
  private static func plainText(_ text: String) -> String {
    let lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
    let joined = lines.joined(separator: "\n")
    return joined.hasPrefix("\u{FEFF}") ? String(joined.dropFirst()) : joined
  }

  private var fileStem: String {
    let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
    return String(name[..<dot])
  }

  private static func slug(_ text: String) -> String? {
    let slug = Identifier.slug(from: text)
    return slug.isEmpty ? nil : slug
  }

  private mutating func error(line: Int, column: Int, _ message: String) {
    diagnostics.append(
      Diagnostic(
        location: SourceLocation(file: file.path, line: line, column: column), message: message))
  }
}

/// The numbers of the file's claims and links, and which claim each number stands for.
private struct EntryGraph {
  let entries: [Entry]
  let index: [String: Int]

  /// A `-> See 1.2.3.` text, on the number's line (classic layout) or the one below (current):
  /// the number it refers to, and the line and column where that number starts.
  func link(_ entry: Entry) -> (target: String, line: Int, column: Int)? {
    let written = entry.text.indices.filter { !isBlank(entry.text[$0]) }
    guard written.count == 1, let index = written.first else { return nil }
    let text = entry.text[index].drop(while: \.isWhitespace)
    let marker = "-> See "
    guard text.hasPrefix(marker) else { return nil }
    let target = text.dropFirst(marker.count).prefix { !$0.isWhitespace }
    let number = target.hasSuffix(".") ? target.dropLast() : target
    guard !number.isEmpty,
      number.split(separator: ".", omittingEmptySubsequences: false)
        .allSatisfy({ !$0.isEmpty && $0.allSatisfy(isDigit) })
    else { return nil }
    // Continuation lines are kept whole, so each is its own line's text.
    let line = index == 0 ? entry.firstLine : entry.text[index]
    return (String(number), entry.line + index, column(of: target.startIndex, in: line))
  }

  /// The number of the claim that `number` stands for: itself for a claim, the claim a link
  /// refers to, through any chain of links; nil when there is none.
  func claimNumber(_ number: String) -> String? {
    var seen: Set<String> = []
    var current = number
    while seen.insert(current).inserted {
      guard let offset = index[current] else { return nil }
      guard let link = link(entries[offset]) else { return current }
      current = link.target
    }
    return nil
  }
}

private func isBlank(_ text: Substring) -> Bool {
  text.allSatisfy(\.isWhitespace)
}

/// The 1-based column, in Unicode scalars, of `index` in `line`.
private func column(of index: Substring.Index, in line: Substring) -> Int {
  line.unicodeScalars[line.startIndex..<index].count + 1
}

/// Kialo numbers claims with ASCII digits only; `Character.isNumber` would take `½` and `٣`.
private func isDigit(_ character: Character) -> Bool {
  character.isASCII && character.isWholeNumber
}
