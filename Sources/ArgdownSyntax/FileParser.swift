import ArgModel

/// Parses one file line by line into the session. Every line is classified by its first
/// non-blank characters; an error skips the rest of its line (and, for a broken definition or an
/// unsupported block, the text lines that continue it), and parsing resumes on the next line.
struct FileParser {
  private enum Direction {
    /// `+ X`, `<+ X`: X supports the parent.
    case supportsParent
    /// `- X`, `<- X`: X rebuts the parent.
    case rebutsParent
    /// `<_ X`, `_ X`: X undercuts the parent.
    case undercutsParent
    /// `>< X`: X contradicts the parent (and the parent X).
    case contradictsParent
    /// `+> X`: the parent supports X.
    case parentSupports
    /// `-> X`: the parent rebuts X.
    case parentRebuts
    /// `_> X`: the parent undercuts X.
    case parentUndercuts
  }

  private enum Marker {
    case relation(Direction)
    /// `--`: the inference line of a premise-conclusion structure.
    case inference
    case unknown
  }

  /// A line above that deeper relation lines attach to. `node` is `nil` for a line that could not
  /// be read: relations under it are dropped without further errors.
  private struct Frame {
    var indent: Int
    var node: ParseSession.Key?
    /// For an inference line or the conclusion below it: the reconstructed argument, which an
    /// undercut under the line is aimed at, as in Argdown, where it undercuts the inference.
    var inferenceOf: ParseSession.Key? = nil
  }

  private struct PendingDefinition {
    /// Nil for an untitled statement.
    var id: String?
    var key: ParseSession.Key
    var kind: ClaimKind
    /// The `[` or `<`, or the first byte of an untitled statement.
    var origin: Int
    /// Just after the `:`; `origin` for an untitled statement.
    var textStart: Int
    var annotatesReference = false
  }

  private enum Open {
    case nothing
    /// A definition whose text may continue on the next lines, held in `segments`.
    case definition(PendingDefinition)
    /// An inference line's text, held in `segments`, until the dashes that close it.
    case inference(origin: Int)
    /// Text lines that continue a line already reported; they are skipped silently.
    case skipped
  }

  private struct Node {
    var id: String?
    var key: ParseSession.Key?
    var kind: ClaimKind
    /// Just after the `:` of a definition; `nil` for a reference.
    var textStart: Int?
    /// Whether the text lines that follow belong to this broken line and should be skipped.
    var skipsText = false
    /// A reference followed by tags or metadata (`<A> #pro`), which Argdown allows: it adds
    /// them to the node without wording it.
    var annotatesReference = false
  }

  /// The premise-conclusion structure being read.
  private struct OpenReconstruction {
    var argument: ParseSession.Key
    var origin: Int
    var steps: [(key: ParseSession.Key, inference: String?)] = []
    /// The inference line read since the last step, which makes the next step a conclusion.
    var inference: (text: String, origin: Int)?
    var lastStep: Int
    /// Whether a step could not be read: the structure is then not checked any further.
    var failed = false
  }

  private let session: ParseSession
  private let file: Int
  private let bytes: UnsafeBufferPointer<UInt8>

  private var stack: [Frame] = []
  /// The lines of the open definition's text, one byte range each.
  private var segments: [Range<Int>] = []
  /// Reused for every text, so that reading one allocates only its results.
  private var scratch: [UInt8] = []
  private var stackEndedByBlankLine = false
  /// The indentation of the inference line being read.
  private var inferenceIndent = 0
  /// The relation lines open before the latest blank line: an indented relation right after a
  /// blank line, which Argdown's lexer reads but its parser refuses, still attaches to them.
  private var stackBeforeBlankLine: [Frame] = []
  private var open = Open.nothing
  /// The position claims defined now belong to, the level of its heading, and the heading's
  /// default source.
  private var position: String?
  private var positionLevel = 0
  private var defaultSource: String?
  /// The groups open below the position, outermost first, with their heading levels.
  private var groups: [(level: Int, index: Int?)] = []
  /// The argument of the latest top-level `<id>` line: a premise-conclusion structure below
  /// it reconstructs it.
  private var lastArgument: ParseSession.Key?
  private var reconstruction: OpenReconstruction?
  /// Whether anything but blanks and comments came before: front matter must come first.
  private var sawContent = false

  init(session: ParseSession, file: Int, bytes: UnsafeBufferPointer<UInt8>) {
    self.session = session
    self.file = file
    self.bytes = bytes
  }

  mutating func parse() {
    let count = bytes.count
    // A byte order mark, as some editors write, is not part of the first line.
    var lineStart = Self.byteOrderMarkLength(bytes)
    var resume = 0
    while lineStart < count {
      let lineEnd = lineEnd(from: lineStart)
      let next = lineBreakEnd(lineEnd)
      if lineStart >= resume, let skipTo = parseLine(lineStart, lineEnd, next) {
        resume = skipTo
      }
      lineStart = next
    }
    close()
    endReconstruction()
  }

  static func byteOrderMarkLength(_ bytes: some Collection<UInt8>) -> Int {
    bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
  }

  private func lineEnd(from lineStart: Int) -> Int {
    var lineEnd = lineStart
    while lineEnd < bytes.count, !ASCII.isLineBreak(bytes[lineEnd]) { lineEnd += 1 }
    return lineEnd
  }

  /// The start of the line after the one ending at `lineEnd` (`\n`, `\r\n` or `\r`).
  private func lineBreakEnd(_ lineEnd: Int) -> Int {
    guard lineEnd < bytes.count else { return lineEnd }
    if bytes[lineEnd] == ASCII.carriageReturn, lineEnd + 1 < bytes.count,
      bytes[lineEnd + 1] == ASCII.lineFeed
    {
      return lineEnd + 2
    }
    return lineEnd + 1
  }

  private func at(_ offset: Int) -> SourcePosition {
    SourcePosition(file: file, offset: offset)
  }

  private func string(_ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  private func error(_ message: String, at offset: Int, notes: [(Int, String)] = []) {
    session.error(message, at: at(offset), notes: notes.map { (at($0.0), $0.1) })
  }

  private func textParser(_ segments: [Range<Int>]) -> TextParser {
    TextParser(session: session, file: file, bytes: bytes, segments: segments, scratch: [])
  }

  // MARK: Lines

  /// Returns where to resume when the line starts a block to skip (front matter).
  private mutating func parseLine(_ start: Int, _ end: Int, _ next: Int) -> Int? {
    var first = start
    var indent = 0
    var sawComment = false
    while first < end, ASCII.isBlank(bytes[first]) {
      switch bytes[first] {
      case ASCII.tab: indent = indent / 4 * 4 + 4
      case ASCII.commentFill:
        sawComment = true
        indent += 1
      default: indent += 1
      }
      first += 1
    }
    if first == end {
      // A line holding only a comment is invisible; a truly empty one ends paragraphs.
      if !sawComment { blankLine() }
      return nil
    }
    var last = end
    while ASCII.isBlank(bytes[last - 1]) { last -= 1 }
    defer { sawContent = true }

    if case .inference(let origin) = open {
      inferenceText(first, last, origin: origin)
      return nil
    }
    let byte = bytes[first]
    if first == start {
      if byte == ASCII.hash {
        var hashes = first
        while hashes < end, bytes[hashes] == ASCII.hash { hashes += 1 }
        if hashes < end, bytes[hashes] == ASCII.space || bytes[hashes] == ASCII.tab {
          heading(level: hashes - first, at: first, title: hashes..<max(hashes, last))
          return nil
        }
      }
      if byte == ASCII.equals, isFrontMatterFence(first, last) {
        return frontMatter(at: first, next: next)
      }
    }
    if case .definition = open, isInsideMetadata() {
      // A line of a block of metadata, such as a YAML list item `- a`, is not a relation.
      segments.append(first..<last)
      return nil
    }
    if let content = blockQuoteContent(first, last) {
      // A Markdown block quote (quoted evidence) is text: its lines join the text they are in.
      if content < last { textLine(content, last, indent: indent) }
      return nil
    }
    if let (marker, length) = marker(at: first, last) {
      relationLine(marker, length: length, at: first, last, indent: indent)
      return nil
    }
    if let content = stepContent(first, last) {
      step(at: first, content: content, last, indent: indent)
      return nil
    }
    if let content = listItemContent(first, last) {
      listItem(at: first, content: content, last, indent: indent)
      return nil
    }
    if isNode(first, last) {
      rootNode(at: first, last, indent: indent)
      return nil
    }
    textLine(first, last, indent: indent)
    return nil
  }

  private mutating func blankLine() {
    close()
    if !stack.isEmpty {
      stackEndedByBlankLine = true
      stackBeforeBlankLine = stack
    }
    stack.removeAll(keepingCapacity: true)
  }

  /// Whether the open definition's lines so far leave a `{` of metadata unclosed. Braces in
  /// quoted values and escaped ones do not count.
  private func isInsideMetadata() -> Bool {
    var depth = 0
    var quoted = false
    for segment in segments {
      var offset = segment.lowerBound
      while offset < segment.upperBound {
        let byte = bytes[offset]
        if byte == ASCII.backslash {
          offset += 2
          continue
        }
        if byte == ASCII.quote, depth > 0 { quoted.toggle() }
        if !quoted {
          if byte == ASCII.openBrace { depth += 1 }
          if byte == ASCII.closeBrace { depth = max(0, depth - 1) }
        }
        offset += 1
      }
    }
    return depth > 0
  }

  /// Where the text of a `> quoted` line starts, if the line is a Markdown block quote.
  private func blockQuoteContent(_ first: Int, _ last: Int) -> Int? {
    guard bytes[first] == ASCII.greater else { return nil }
    var content = first + 1
    guard content == last || ASCII.isBlank(bytes[content]) else { return nil }
    while content < last, ASCII.isBlank(bytes[content]) { content += 1 }
    return content
  }

  /// Whether the line starts with `[` or `<` as a node; `[text](url)` is a Markdown link.
  private func isNode(_ first: Int, _ last: Int) -> Bool {
    guard bytes[first] == ASCII.openBracket || bytes[first] == ASCII.less else { return false }
    guard bytes[first] == ASCII.openBracket else { return true }
    var close = first + 1
    while close < last, bytes[close] != ASCII.closeBracket { close += 1 }
    return !(close + 1 < last && bytes[close + 1] == ASCII.openParen)
  }

  /// A line of text: it continues the definition above, or starts an untitled statement.
  private mutating func textLine(_ first: Int, _ last: Int, indent: Int) {
    switch open {
    case .definition, .inference:
      segments.append(first..<last)
    case .skipped:
      break
    case .nothing:
      startTree(at: first, last, indent: indent) { parser in
        parser.untitled(at: first, last)
      }
    }
  }

  /// Starts a new tree of relations at a top-level line, which ends any reconstruction above.
  private mutating func startTree(
    at first: Int, _ last: Int, indent: Int, _ node: (inout FileParser) -> ParseSession.Key?
  ) {
    close()
    endReconstruction()
    lastArgument = nil
    let key = node(&self)
    stack.removeAll(keepingCapacity: true)
    stack.append(Frame(indent: indent, node: key))
    stackEndedByBlankLine = false
  }

  /// Opens an untitled statement whose text starts at `first`.
  private mutating func untitled(at first: Int, _ last: Int) -> ParseSession.Key {
    let key = session.internUntitled()
    open = .definition(
      PendingDefinition(id: nil, key: key, kind: .statement, origin: first, textStart: first))
    segments.removeAll(keepingCapacity: true)
    segments.append(first..<last)
    return key
  }

  // MARK: Headings and front matter

  private mutating func heading(level: Int, at hash: Int, title: Range<Int>) {
    close()
    endReconstruction()
    lastArgument = nil
    stack.removeAll(keepingCapacity: true)
    stackEndedByBlankLine = false
    if let position, level > positionLevel {
      group(level: level, at: hash, title: title, position: position)
    } else {
      positionHeading(level: level, at: hash, title: title)
    }
  }

  private mutating func positionHeading(level: Int, at hash: Int, title: Range<Int>) {
    var parser = textParser([title])
    let parsed = parser.parse(keys: ["id", "summary", "source"])
    warnAboutTags(parsed, at: hash)
    var id: String?
    var summary: String?
    var source: String?
    for entry in parsed.metadata {
      switch entry.key {
      case "id": id = validID(entry, noun: "position")
      case "summary": summary = entry.value
      default: source = sourceID(entry)
      }
    }
    let hasID = parsed.metadata.contains { $0.key == "id" }
    if !hasID && !parsed.failed {
      if parsed.text.isEmpty {
        error("expected a title after '#'", at: hash)
      } else {
        let slug = Identifier.slug(from: parsed.text)
        if slug.isEmpty {
          error(
            "cannot make a position id from the title '\(parsed.text)'; add '{id: …}'", at: hash)
        } else {
          id = slug
        }
      }
    }
    position = id
    positionLevel = level
    groups.removeAll(keepingCapacity: true)
    defaultSource = source
    if let id {
      session.open(Position(id: id, title: parsed.text, summary: summary), at: at(hash))
    }
  }

  /// A heading deeper than the position's: a group inside the innermost shallower one.
  private mutating func group(level: Int, at hash: Int, title: Range<Int>, position: String) {
    var parser = textParser([title])
    let parsed = parser.parse(keys: ["id"])
    warnAboutTags(parsed, at: hash)
    let id = parsed.metadata.first.flatMap { validID($0, noun: "group") }
    if parsed.text.isEmpty && !parsed.failed {
      error("expected a title after '\(String(repeating: "#", count: level))'", at: hash)
    }
    while let innermost = groups.last, innermost.level >= level { groups.removeLast() }
    // Under a group that could not be read, claims keep to the nearest readable one.
    let parent = groups.last { $0.index != nil }?.index
    let index = session.openGroup(
      id: id, title: parsed.text, position: position, parent: parent, at: at(hash))
    groups.append((level, index))
  }

  /// Argdown tags sections for its map's colours; argmap's positions and groups have no tags.
  private func warnAboutTags(_ parsed: ParsedText, at hash: Int) {
    guard !parsed.tags.isEmpty else { return }
    session.warning(
      "tags on headings are ignored: "
        + parsed.tags.map { "#(\($0))" }.joined(separator: " "), at: at(hash))
  }

  /// The group claims defined now belong to.
  private var currentGroup: Int? {
    groups.last { $0.index != nil }?.index
  }

  /// Where a node first referred to here would be placed if the files never define it.
  private var site: ParseSession.Site {
    ParseSession.Site(position: position, group: currentGroup ?? -1)
  }

  private func isFrontMatterFence(_ first: Int, _ last: Int) -> Bool {
    guard last - first >= 3 else { return false }
    return (first..<last).allSatisfy { bytes[$0] == ASCII.equals }
  }

  /// `===` … `===` before anything else in the file: its `title` is the map's; other keys are
  /// ignored with a warning. Returns where to resume: after the closing fence, or, without one,
  /// after the paragraph the opening fence starts.
  private mutating func frontMatter(at first: Int, next: Int) -> Int? {
    close()
    if sawContent {
      error("front matter ('===') must come before anything else in the file", at: first)
    }
    var lineStart = next
    var entries: [(key: Range<Int>, value: [Range<Int>])] = []
    var strayLines: [Int] = []
    var paragraphEnd: Int?
    while lineStart < bytes.count {
      let lineEnd = lineEnd(from: lineStart)
      var content = lineStart
      while content < lineEnd, ASCII.isBlank(bytes[content]) { content += 1 }
      var last = lineEnd
      while last > content, ASCII.isBlank(bytes[last - 1]) { last -= 1 }
      if content == lineStart, isFrontMatterFence(content, last) {
        for line in strayLines { error("expected 'key: value' in the front matter", at: line) }
        if !sawContent { frontMatterEntries(entries) }
        return lineBreakEnd(lineEnd)
      }
      if content == last {
        paragraphEnd = paragraphEnd ?? lineStart
      } else if content == lineStart {
        if let entry = frontMatterEntry(content, last) {
          entries.append(entry)
        } else {
          strayLines.append(content)
        }
      } else if !entries.isEmpty {
        entries[entries.count - 1].value.append(content..<last)
      }
      lineStart = lineBreakEnd(lineEnd)
    }
    // Without a closing fence, only the paragraph the opening one starts is skipped.
    error("expected '===' to close the front matter", at: first)
    return paragraphEnd ?? bytes.count
  }

  /// `key: value` at the start of a front matter line; nil after an error.
  private func frontMatterEntry(_ first: Int, _ last: Int) -> (
    key: Range<Int>, value: [Range<Int>]
  )? {
    var colon = first
    while colon < last, ASCII.isKeyCharacter(bytes[colon]) { colon += 1 }
    guard colon > first, colon < last, bytes[colon] == ASCII.colon else { return nil }
    var value = colon + 1
    while value < last, ASCII.isBlank(bytes[value]) { value += 1 }
    return (first..<colon, value < last ? [value..<last] : [])
  }

  private mutating func frontMatterEntries(_ entries: [(key: Range<Int>, value: [Range<Int>])]) {
    for entry in entries {
      if string(entry.key) == "sources" {
        sourceEntries(entry.value)
        continue
      }
      if string(entry.key) == "source" {
        sourceEntry(entry)
        continue
      }
      guard string(entry.key) == "title" else {
        session.warning(
          "front matter key '\(string(entry.key))' is ignored; argmap reads only 'title', 'source' and 'sources'",
          at: at(entry.key.lowerBound))
        continue
      }
      let title = entry.value.map(string).joined(separator: " ")
      if title.isEmpty {
        error("expected a value for 'title'", at: entry.key.upperBound)
      } else {
        session.setTitle(Self.unquoted(title), at: at(entry.key.lowerBound))
      }
    }
  }

  /// `sources:` in front matter, one `id: title` line each, as argmap's export describes the
  /// sources its claims cite.
  private mutating func sourceEntries(_ lines: [Range<Int>]) {
    for line in lines {
      guard let (key, value) = frontMatterEntry(line.lowerBound, line.upperBound),
        let title = value.first.map({ Self.unquoted(string($0)) }), !title.isEmpty
      else {
        error("expected 'id: title' for a source", at: line.lowerBound)
        continue
      }
      let id = string(key)
      guard Identifier.isValid(id) else {
        error(Self.invalidID(id, noun: "source"), at: key.lowerBound)
        continue
      }
      session.describeSource(Source(id: id, title: title))
    }
  }

  /// `source: id=path`: the text of source `id` is in the file at `path`.
  private mutating func sourceEntry(_ entry: (key: Range<Int>, value: [Range<Int>])) {
    let value = Self.unquoted(entry.value.map(string).joined(separator: " "))
    guard let equals = value.firstIndex(of: "="),
      Identifier.isValid(String(value[..<equals])), value.index(after: equals) < value.endIndex
    else {
      error(
        "expected 'source: id=path', naming a source and the file with its text",
        at: entry.key.upperBound)
      return
    }
    session.source(
      String(value[..<equals]), textFile: String(value[value.index(after: equals)...]),
      at: at(entry.key.lowerBound))
  }

  /// A YAML double-quoted scalar's content (`\"` and `\\` escaped); anything else as it is.
  private static func unquoted(_ value: String) -> String {
    guard value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") else { return value }
    var result = ""
    var escaping = false
    for character in value.dropFirst().dropLast() {
      if !escaping && character == "\\" {
        escaping = true
        continue
      }
      escaping = false
      result.append(character)
    }
    return result
  }

  // MARK: Lists

  /// Where the content of a `* ` or `1. ` list item starts, if the line is one.
  private func listItemContent(_ first: Int, _ last: Int) -> Int? {
    var marker = first
    if bytes[first] == ASCII.asterisk {
      marker += 1
    } else {
      while marker < last, ASCII.isDigit(bytes[marker]) { marker += 1 }
      guard marker > first, marker < last, bytes[marker] == ASCII.dot else { return nil }
      marker += 1
    }
    guard marker == last || ASCII.isBlank(bytes[marker]) else { return nil }
    while marker < last, ASCII.isBlank(bytes[marker]) { marker += 1 }
    return marker
  }

  /// A list item holds what a top-level line holds: a node, or an untitled statement.
  private mutating func listItem(at first: Int, content: Int, _ last: Int, indent: Int) {
    guard content < last else {
      close()
      error("expected a statement or argument after the list item marker", at: first)
      return
    }
    if isNode(content, last) {
      rootNode(at: content, last, indent: indent)
    } else {
      startTree(at: content, last, indent: indent) { parser in
        parser.untitled(at: content, last)
      }
    }
  }

  // MARK: Premise-conclusion structures

  /// Where the content of a `(1)` step starts, if the line is one.
  private func stepContent(_ first: Int, _ last: Int) -> Int? {
    guard bytes[first] == ASCII.openParen else { return nil }
    var digits = first + 1
    while digits < last, ASCII.isDigit(bytes[digits]) { digits += 1 }
    guard digits > first + 1, digits < last, bytes[digits] == ASCII.closeParen else { return nil }
    var content = digits + 1
    while content < last, ASCII.isBlank(bytes[content]) { content += 1 }
    return content
  }

  /// `(n) [id]: text`, `(n) [id]` or `(n) text`: a step of the structure below the last
  /// argument line. Relation lines indented under it attach to its statement.
  private mutating func step(at first: Int, content: Int, _ last: Int, indent: Int) {
    close()
    // A `(1)` after steps starts another structure.
    let restarts = reconstruction.map {
      !$0.steps.isEmpty && string(first..<content).hasPrefix("(1)")
    }
    if restarts ?? true { beginReconstruction(at: first) }
    guard content < last else {
      error("expected a statement after '\(string(first..<content))'", at: content)
      return
    }
    let key: ParseSession.Key?
    if isNode(content, last) {
      let node = parseNode(at: content, last)
      if node.kind == .argument, node.key != nil {
        error(
          "a step of a premise-conclusion structure is a statement ('[id]'), not an argument",
          at: content)
        key = nil
      } else {
        key = node.key
        begin(node, at: content, last)
      }
    } else {
      key = untitled(at: content, last)
    }
    let concludes = reconstruction?.inference != nil
    stack = [
      Frame(indent: indent, node: key, inferenceOf: concludes ? reconstruction?.argument : nil)
    ]
    stackEndedByBlankLine = false
    guard let key else {
      reconstruction?.failed = true
      return
    }
    guard var open = reconstruction else { return }
    open.steps.append((key, open.inference?.text))
    open.inference = nil
    open.lastStep = first
    reconstruction = open
  }

  /// Starts a structure that reconstructs the argument line above it or, without one, an
  /// untitled argument of its own, as Argdown reads it.
  private mutating func beginReconstruction(at first: Int) {
    endReconstruction()
    let argument = lastArgument ?? untitledArgument(at: first)
    reconstruction = OpenReconstruction(argument: argument, origin: first, lastStep: first)
    lastArgument = nil
  }

  private func untitledArgument(at first: Int) -> ParseSession.Key {
    let key = session.internUntitledArgument()
    session.define(
      Claim(id: "", kind: .argument, text: "", position: position), key: key,
      group: currentGroup, at: at(first))
    return key
  }

  /// Records the structure read so far, which must end with a conclusion.
  private mutating func endReconstruction() {
    guard let open = reconstruction, !open.failed else {
      reconstruction = nil
      return
    }
    reconstruction = nil
    if let inference = open.inference {
      error("expected a conclusion step after the inference line", at: inference.origin)
      return
    }
    if open.steps.first?.inference != nil {
      error(
        "a premise-conclusion structure starts with a premise, not an inference line",
        at: open.origin)
      return
    }
    guard let last = open.steps.last else { return }
    guard last.inference != nil else {
      error(
        "expected an inference line ('----') before the last step: a premise-conclusion structure ends with its conclusion",
        at: open.lastStep)
      return
    }
    session.reconstruct(
      ParseSession.PendingReconstruction(
        argument: open.argument, steps: open.steps, origin: at(open.origin)))
  }

  /// `--` at the start of a line: `----`, `-- text --`, or `--` opening a text that runs to the
  /// next `--`.
  private mutating func inferenceLine(at first: Int, _ last: Int, indent: Int) {
    close()
    stack.removeAll(keepingCapacity: true)
    inferenceIndent = indent
    guard reconstruction != nil else {
      error(
        "an inference line ('--') belongs in a premise-conclusion structure, after a step such as '(1) …'",
        at: first)
      open = .skipped
      return
    }
    var text = first + 2
    while text < last, ASCII.isBlank(bytes[text]) { text += 1 }
    open = .inference(origin: first)
    segments.removeAll(keepingCapacity: true)
    if text < last { inferenceText(text, last, origin: first) }
  }

  /// A line inside an inference: text, and the dashes that end it.
  private mutating func inferenceText(_ first: Int, _ last: Int, origin: Int) {
    guard let dashes = closingDashes(first, last) else {
      segments.append(first..<last)
      return
    }
    if dashes > first { segments.append(withoutMetadata(first..<dashes)) }
    open = .nothing
    var text = ""
    if !segments.isEmpty {
      var parser = textParser(segments)
      text = parser.parse(keys: [], tagsForbiddenIn: "in inference lines").text
    }
    if dashes + 2 < last, let rest = (dashes..<last).first(where: { bytes[$0] != ASCII.minus }) {
      error("unexpected text after the inference line", at: rest)
    }
    reconstruction?.inference = (text, origin)
    if let argument = reconstruction?.argument {
      stack = [Frame(indent: inferenceIndent, node: argument, inferenceOf: argument)]
    }
  }

  /// The line without a `{…}` mapping in it: Argdown's inference lines carry YAML data
  /// (`{uses: [1, 2]}`) that argmap does not keep, so it is skipped whole, with a warning.
  private func withoutMetadata(_ range: Range<Int>) -> Range<Int> {
    var offset = range.lowerBound
    while offset < range.upperBound {
      if bytes[offset] == ASCII.backslash {
        offset += 2
        continue
      }
      if bytes[offset] == ASCII.openBrace {
        session.warning("metadata on an inference line is ignored", at: at(offset))
        return range.lowerBound..<offset
      }
      offset += 1
    }
    return range
  }

  /// The first unescaped `--` in the line.
  private func closingDashes(_ first: Int, _ last: Int) -> Int? {
    var offset = first
    while offset + 1 < last {
      if bytes[offset] == ASCII.backslash {
        offset += 2
        continue
      }
      if bytes[offset] == ASCII.minus && bytes[offset + 1] == ASCII.minus { return offset }
      offset += 1
    }
    return nil
  }

  // MARK: Relations

  /// The relation marker starting the line, if any, with its length.
  private func marker(at first: Int, _ last: Int) -> (Marker, Int)? {
    let byte = bytes[first]
    let second = first + 1 < last ? bytes[first + 1] : 0
    let found: (Marker, Int)
    switch byte {
    case ASCII.plus:
      found =
        second == ASCII.greater ? (.relation(.parentSupports), 2) : (.relation(.supportsParent), 1)
    case ASCII.minus:
      if second == ASCII.minus { return (.inference, 2) }
      found =
        second == ASCII.greater ? (.relation(.parentRebuts), 2) : (.relation(.rebutsParent), 1)
    case ASCII.less:
      switch second {
      case ASCII.plus: found = (.relation(.supportsParent), 2)
      case ASCII.minus: found = (.relation(.rebutsParent), 2)
      case ASCII.underscore: found = (.relation(.undercutsParent), 2)
      default: return nil
      }
    case ASCII.greater:
      guard second == ASCII.less else { return (.unknown, tokenLength(first, last)) }
      found = (.relation(.contradictsParent), 2)
    case ASCII.underscore:
      if second == ASCII.greater {
        found = (.relation(.parentUndercuts), 2)
      } else if second == 0 || ASCII.isBlank(second) {
        found = (.relation(.undercutsParent), 1)
      } else {
        return nil
      }
    default:
      return nil
    }
    // `++`, `+-`, `->>` and the like are markers this parser does not know.
    let after = first + found.1
    if after < last {
      switch bytes[after] {
      case ASCII.plus, ASCII.minus, ASCII.greater, ASCII.underscore, ASCII.equals:
        return (.unknown, tokenLength(first, last))
      default: break
      }
    }
    return found
  }

  private func tokenLength(_ first: Int, _ last: Int) -> Int {
    var end = first
    while end < last, !ASCII.isBlank(bytes[end]) { end += 1 }
    return end - first
  }

  private mutating func relationLine(
    _ marker: Marker, length: Int, at first: Int, _ last: Int, indent: Int
  ) {
    let direction: Direction
    switch marker {
    case .relation(let found):
      direction = found
    case .inference:
      inferenceLine(at: first, last, indent: indent)
      return
    case .unknown:
      close()
      error(
        "relation marker '\(string(first..<first + length))' is not supported; use '+', '-', '<+', '<-', '+>', '->', '<_', '_>', '_' or '><'",
        at: first)
      while let top = stack.last, top.indent >= indent { stack.removeLast() }
      stack.append(Frame(indent: indent, node: nil))
      open = .skipped
      return
    }
    close()
    let token = string(first..<first + length)
    if stack.isEmpty, stackEndedByBlankLine, indent > 0 {
      resumeAfterBlankLine(at: first, indent: indent)
    }
    while let top = stack.last, top.indent >= indent { stack.removeLast() }
    let parent = stack.last
    if parent == nil {
      let hint =
        stackEndedByBlankLine
        ? "a blank line ends the relations of the claim above"
        : "indent it under the claim it relates to"
      error("relation without a parent node; \(hint)", at: first)
    }

    var target = first + length
    while target < last, ASCII.isBlank(bytes[target]) { target += 1 }
    guard target < last else {
      error("expected a claim after '\(token)'", at: target)
      stack.append(Frame(indent: indent, node: nil))
      return
    }
    let child: ParseSession.Key?
    if isNode(target, last) {
      let node = parseNode(at: target, last)
      child = node.key
      begin(node, at: target, last)
    } else {
      child = untitled(at: target, last)
    }
    stack.append(Frame(indent: indent, node: child))
    if let child, let parentID = parent?.node {
      let target =
        direction == .undercutsParent ? parent?.inferenceOf ?? parentID : parentID
      relate(child, direction, target, at: first)
    }
  }

  /// Takes up the relations the blank line above ended, with a warning: the blank line reads
  /// as a mistake, since Argdown would refuse the file.
  private mutating func resumeAfterBlankLine(at first: Int, indent: Int) {
    stack = stackBeforeBlankLine
    stackEndedByBlankLine = false
    guard stack.contains(where: { $0.indent < indent }) else { return }
    session.warning(
      "a blank line comes before this relation, and Argdown ends the relations above at a blank line; argmap attaches it to the line above the blank one",
      at: at(first))
  }

  private func relate(
    _ child: ParseSession.Key, _ direction: Direction, _ parent: ParseSession.Key, at first: Int
  ) {
    let position = at(first)
    switch direction {
    case .supportsParent: session.relate(child, .supports, parent, at: position)
    case .rebutsParent: session.relate(child, .rebuts, parent, at: position)
    case .undercutsParent: session.relate(child, .undercuts, parent, at: position)
    case .contradictsParent: session.relate(child, .contradicts, parent, at: position)
    case .parentSupports: session.relate(parent, .supports, child, at: position)
    case .parentRebuts: session.relate(parent, .rebuts, child, at: position)
    case .parentUndercuts: session.relate(parent, .undercuts, child, at: position)
    }
  }

  private mutating func rootNode(at first: Int, _ last: Int, indent: Int) {
    var node = Node(kind: .statement)
    startTree(at: first, last, indent: indent) { parser in
      node = parser.parseNode(at: first, last)
      parser.begin(node, at: first, last)
      return node.key
    }
    if node.kind == .argument { lastArgument = node.key }
  }

  /// Opens the definition, records the reference, or skips what follows a broken node.
  private mutating func begin(_ node: Node, at origin: Int, _ last: Int) {
    if let textStart = node.textStart {
      if let id = node.id, let key = node.key {
        open = .definition(
          PendingDefinition(
            id: id, key: key, kind: node.kind, origin: origin, textStart: textStart,
            annotatesReference: node.annotatesReference))
        segments.removeAll(keepingCapacity: true)
        segments.append(textStart..<last)
      } else {
        open = .skipped
      }
    } else if let key = node.key {
      session.refer(to: key, kind: node.kind, site: site, at: at(origin))
    } else if node.skipsText {
      open = .skipped
    }
  }

  // MARK: Nodes

  /// `[title]`, `[title]: …`, `<title>` or `<title>: …` at `first`. A title that is a valid id
  /// is the id; any other title (Argdown allows `[Some Title]`) stands for its slug.
  private func parseNode(at first: Int, _ last: Int) -> Node {
    let kind: ClaimKind = bytes[first] == ASCII.openBracket ? .statement : .argument
    let close = kind == .statement ? ASCII.closeBracket : ASCII.greater
    let (noun, opening, closing) = kind == .statement ? ("claim", "[", "]") : ("argument", "<", ">")
    var end = first + 1
    while end < last, bytes[end] != close { end += 1 }
    guard end < last else {
      // Pointing past the id's characters shows where the closer was expected.
      var idEnd = first + 1
      while idEnd < last, ASCII.isIDCharacter(bytes[idEnd]) { idEnd += 1 }
      error(
        "expected '\(closing)' to close the \(noun) id started at \(session.lines.lineColumn(at(first)))",
        at: idEnd, notes: [(first, "to match this '\(opening)'")])
      return Node(id: nil, key: nil, kind: kind, textStart: nil, skipsText: true)
    }
    let title = Claim.normalizedText(string(first + 1..<end))
    if title.isEmpty {
      error(
        "expected \(noun == "claim" ? "a claim" : "an argument") title between '\(opening)' and '\(closing)'",
        at: end)
    } else if let problem = Self.titleProblem(title) {
      error(problem, at: first + 1)
      return Node(id: nil, key: nil, kind: kind, textStart: nil, skipsText: true)
    }
    // The id is settled once every title is known (`ParseSession.finish`); until then the
    // title stands for the node.
    let id = title
    let after = end + 1
    let key = id.isEmpty ? nil : session.intern(title: title)
    if after < last, bytes[after] == ASCII.colon {
      return Node(id: id.isEmpty ? nil : id, key: key, kind: kind, textStart: after + 1)
    }
    var rest = after
    while rest < last, ASCII.isBlank(bytes[rest]) { rest += 1 }
    if rest < last, bytes[rest] == ASCII.hash || bytes[rest] == ASCII.openBrace {
      return Node(
        id: id.isEmpty ? nil : id, key: key, kind: kind, textStart: after,
        annotatesReference: true)
    }
    if rest < last {
      let spelled = string(first..<after)
      error(
        "expected ':' after '\(spelled)' to define it, or nothing after it to refer to it",
        at: rest)
      return Node(id: nil, key: nil, kind: kind, textStart: nil, skipsText: true)
    }
    return Node(id: id, key: key, kind: kind, textStart: nil)
  }

  /// What is wrong with a title, if anything: a title names a node, so it is a line of text
  /// of reasonable length, without control characters that a terminal would act on.
  static func titleProblem(_ title: String) -> String? {
    if Identifier.containsControlCharacter(title) {
      return "a title cannot hold control characters"
    }
    if title.utf8.count > Claim.maximumTitleLength {
      return
        "a title is at most \(Claim.maximumTitleLength) bytes; put the words in the text after ':'"
    }
    return nil
  }

  /// The entry's value as a base score in [0, 1]; otherwise nil, with an error at the value.
  private func baseScore(_ entry: MetadataEntry) -> Double? {
    guard let score = Double(entry.value), score.isFinite, (0...1).contains(score) else {
      error(
        "expected a base score between 0 and 1, not '\(entry.value)'", at: entry.valueOffset)
      return nil
    }
    return score
  }

  /// The entry's value when it is a valid id; otherwise nil, with an error at the value.
  private func validID(_ entry: MetadataEntry, noun: String) -> String? {
    guard Identifier.isValid(entry.value) else {
      error(Self.invalidID(entry.value, noun: noun), at: entry.valueOffset)
      return nil
    }
    return entry.value
  }

  static func invalidID(_ text: String, noun: String) -> String {
    var message =
      "invalid \(noun) id '\(text)'; ids use ASCII letters, digits, '-', '_' and '.', and start with a letter or digit"
    let slug = Identifier.slug(from: text)
    if !slug.isEmpty, slug != text { message += "; did you mean '\(slug)'?" }
    return message
  }

  // MARK: Definitions

  /// Ends the open definition: reads its text, tags and metadata, and defines the claim.
  private mutating func close() {
    switch open {
    case .definition(let definition):
      open = .nothing
      define(definition)
    case .inference(let origin):
      open = .nothing
      error("expected '--' to close the inference line", at: origin)
    case .nothing, .skipped:
      open = .nothing
    }
  }

  private mutating func define(_ definition: PendingDefinition) {
    var parser = TextParser(
      session: session, file: file, bytes: bytes, segments: segments, scratch: scratch)
    scratch = []
    let parsed = parser.parse(keys: Self.claimKeys)
    scratch = parser.takeScratch()
    var metadata = ClaimMetadata()
    for entry in parsed.metadata { read(entry, into: &metadata, from: definition.key) }
    if metadata.source == nil && !metadata.sourceIsInvalid { metadata.source = defaultSource }
    if let attributed = metadata.attributed, metadata.source == nil, !metadata.sourceIsInvalid {
      error(
        "'\(attributed.key)' needs a source; add 'source: …' to this metadata or to the heading",
        at: attributed.keyOffset)
    }
    // `[Title]:` with no words names the node only, as Argdown allows; an untitled statement
    // is its words, so metadata alone cannot make one.
    if parsed.text.isEmpty && !parsed.failed && definition.id == nil {
      error("expected text before the metadata", at: definition.textStart)
    }
    if definition.annotatesReference, !parsed.text.isEmpty {
      let spelled = string(definition.origin..<definition.textStart)
      error(
        "expected ':' after '\(spelled)' to define it; after a reference come only tags and metadata",
        at: definition.textStart)
      return
    }
    let provenance = metadata.source.map {
      Provenance(
        source: $0, comment: metadata.comment, quote: metadata.quote, speaker: metadata.speaker,
        time: metadata.time)
    }
    session.define(
      Claim(
        id: definition.id ?? "", kind: definition.kind, text: parsed.text, position: position,
        tags: parsed.tags, provenance: provenance, base: metadata.base, title: metadata.title),
      key: definition.key, group: currentGroup, isCanonical: metadata.isCanonical,
      isReference: definition.annotatesReference, at: at(definition.origin))
  }

  /// What a claim's metadata says, as it is read.
  private struct ClaimMetadata {
    var source: String?
    var sourceIsInvalid = false
    var comment: String?
    var quote: String?
    var speaker: String?
    var time: String?
    /// The first key that attributes the claim and so needs a source.
    var attributed: MetadataEntry?
    var base: Double?
    var isCanonical = false
    var title: String?
  }

  private mutating func read(
    _ entry: MetadataEntry, into metadata: inout ClaimMetadata, from claim: ParseSession.Key
  ) {
    switch entry.key {
    case "source":
      metadata.source = sourceID(entry)
      metadata.sourceIsInvalid = metadata.source == nil
    case "isCanonical":
      metadata.isCanonical = entry.value == "true"
    case "title":
      metadata.title = Claim.normalizedText(entry.value)
    case "base":
      metadata.base = baseScore(entry)
    case "rephrases":
      relateListed(entry, .rephrases, from: claim)
    case "prefers":
      relateListed(entry, .prefers, from: claim)
    default:
      let value: String? = entry.value
      switch entry.key {
      case "comment": metadata.comment = value
      case "quote": metadata.quote = value
      case "speaker": metadata.speaker = value
      default: metadata.time = value
      }
      metadata.attributed = metadata.attributed ?? entry
    }
  }

  /// `rephrases: [a, b]` or `rephrases: a`: the claim rephrases each listed claim.
  private func relateListed(
    _ entry: MetadataEntry, _ kind: RelationKind, from claim: ParseSession.Key
  ) {
    // Items name claims as brackets do: by id, or by a title without commas or brackets.
    for (title, offset) in entry.listItems() {
      let key = session.intern(title: Claim.normalizedText(title))
      session.refer(to: key, kind: nil, site: site, at: at(offset))
      session.relate(claim, kind, key, at: at(offset))
    }
  }

  private static let claimKeys = [
    "source", "comment", "quote", "speaker", "time", "base", "rephrases", "prefers",
    "isCanonical", "title",
  ]

  /// A `source` value: an id, or a source's title (`source: "CSIS Lights Out Report"`), which
  /// registers the source under the title's slug. Nil, with an error, when neither.
  private func sourceID(_ entry: MetadataEntry) -> String? {
    if Identifier.isValid(entry.value) { return entry.value }
    // A colon reads as a comma forgotten before the next key, not as part of a title.
    if !entry.value.contains(":"), let id = session.source(titled: entry.value) { return id }
    error(Self.invalidID(entry.value, noun: "source"), at: entry.valueOffset)
    return nil
  }
}
