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
    /// `+> X`: the parent supports X.
    case parentSupports
    /// `-> X`: the parent rebuts X.
    case parentRebuts
  }

  private enum Marker {
    case relation(Direction)
    /// `--`: the inference line of a premise-conclusion structure.
    case inference
    case undercut
    case contradiction
    case unknown
  }

  /// A line above that deeper relation lines attach to. `node` is `nil` for a line that could not
  /// be read (or is not supported): relations under it are dropped without further errors.
  private struct Frame {
    var indent: Int
    var node: ParseSession.Key?
  }

  private struct PendingDefinition {
    var id: String
    var key: ParseSession.Key
    var kind: ClaimKind
    /// The `[` or `<`.
    var origin: Int
    /// Just after the `:`.
    var textStart: Int
  }

  private enum Open {
    case nothing
    /// A definition whose text may continue on the next lines, held in `segments`.
    case definition(PendingDefinition)
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
  private var open = Open.nothing
  /// The position claims defined now belong to, and the heading's default source.
  private var position: String?
  private var defaultSource: String?
  /// The unsupported block construct reported last, so that the lines of one list or one
  /// premise-conclusion structure give one error, not one each.
  private var reportedBlock: String?

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
      var lineEnd = lineStart
      while lineEnd < count, !ASCII.isLineBreak(bytes[lineEnd]) { lineEnd += 1 }
      let next = lineBreakEnd(lineEnd)
      if lineStart >= resume, let skipTo = parseLine(lineStart, lineEnd, next) {
        resume = skipTo
      }
      lineStart = next
    }
    close()
  }

  static func byteOrderMarkLength(_ bytes: some Collection<UInt8>) -> Int {
    bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
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

    let byte = bytes[first]
    let second = first + 1 < last ? bytes[first + 1] : 0
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
    if let (marker, length) = marker(at: first, last) {
      relationLine(marker, length: length, at: first, last, indent: indent)
      return nil
    }
    if byte == ASCII.openParen {
      var digits = first + 1
      while digits < last, ASCII.isDigit(bytes[digits]) { digits += 1 }
      if digits > first + 1, digits < last, bytes[digits] == ASCII.closeParen {
        unsupportedBlock(
          "premise-conclusion",
          "premise-conclusion structures ('\(string(first..<digits + 1))') are not supported yet",
          at: first, indent: indent)
        return nil
      }
    }
    if ASCII.isDigit(byte) {
      var digits = first
      while digits < last, ASCII.isDigit(bytes[digits]) { digits += 1 }
      if digits < last, bytes[digits] == ASCII.dot,
        digits + 1 == last || ASCII.isBlank(bytes[digits + 1])
      {
        unsupportedBlock(
          "ordered list",
          "ordered lists ('\(string(first..<digits + 1))') are not supported yet", at: first,
          indent: indent)
        return nil
      }
    }
    if byte == ASCII.asterisk, second == 0 || ASCII.isBlank(second) {
      unsupportedBlock("list", "lists ('*') are not supported yet", at: first, indent: indent)
      return nil
    }
    if byte == ASCII.openBracket || byte == ASCII.less {
      rootNode(at: first, last, indent: indent)
      return nil
    }
    textLine(first, last)
    return nil
  }

  private mutating func blankLine() {
    close()
    if !stack.isEmpty { stackEndedByBlankLine = true }
    stack.removeAll(keepingCapacity: true)
    reportedBlock = nil
  }

  /// A line of text: it continues the definition above, or is an untitled statement.
  private mutating func textLine(_ first: Int, _ last: Int) {
    switch open {
    case .definition:
      segments.append(first..<last)
    case .skipped:
      break
    case .nothing:
      error(
        "untitled statements are not supported yet; give it an id, as in '[my-id]: …'",
        at: first)
      open = .skipped
    }
  }

  // MARK: Headings and blocks

  private mutating func heading(level: Int, at hash: Int, title: Range<Int>) {
    close()
    stack.removeAll(keepingCapacity: true)
    stackEndedByBlankLine = false
    reportedBlock = nil
    guard level == 1 else {
      let hashes = String(repeating: "#", count: level)
      error(
        "level-\(level) headings ('\(hashes)') are not supported yet; a position starts with '# '",
        at: hash)
      return
    }
    var parser = TextParser(
      session: session, file: file, bytes: bytes, segments: [title], scratch: [])
    let parsed = parser.parse(keys: ["id", "summary", "source"], tagsForbiddenIn: "in headings")
    var id: String?
    var summary: String?
    var source: String?
    for entry in parsed.metadata {
      switch entry.key {
      case "id":
        id = validID(entry, noun: "position")
      case "summary":
        summary = entry.value
      default:
        source = validID(entry, noun: "source")
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
    defaultSource = source
    if let id {
      session.open(Position(id: id, title: parsed.text, summary: summary), at: at(hash))
    }
  }

  private func isFrontMatterFence(_ first: Int, _ last: Int) -> Bool {
    guard last - first >= 3 else { return false }
    return (first..<last).allSatisfy { bytes[$0] == ASCII.equals }
  }

  /// `===` … `===`: reported once and skipped up to its closing fence. Without one, only the
  /// opening line and the text lines after it are skipped.
  private mutating func frontMatter(at first: Int, next: Int) -> Int? {
    close()
    stack.removeAll(keepingCapacity: true)
    error("front matter ('===') is not supported yet", at: first)
    var lineStart = next
    while lineStart < bytes.count {
      var lineEnd = lineStart
      while lineEnd < bytes.count, !ASCII.isLineBreak(bytes[lineEnd]) { lineEnd += 1 }
      var last = lineEnd
      while last > lineStart, ASCII.isBlank(bytes[last - 1]) { last -= 1 }
      if isFrontMatterFence(lineStart, last) { return lineBreakEnd(lineEnd) }
      lineStart = lineBreakEnd(lineEnd)
    }
    open = .skipped
    return nil
  }

  /// A list item or a line of a premise-conclusion structure: one error per block, and the
  /// block's lines, with anything indented under them, are skipped.
  private mutating func unsupportedBlock(
    _ construct: String, _ message: String, at first: Int, indent: Int
  ) {
    close()
    if reportedBlock != construct { error(message, at: first) }
    reportedBlock = construct
    stack = [Frame(indent: indent, node: nil)]
    stackEndedByBlankLine = false
    open = .skipped
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
      case ASCII.underscore: return (.undercut, 2)
      default: return nil
      }
    case ASCII.greater:
      return second == ASCII.less ? (.contradiction, 2) : (.unknown, tokenLength(first, last))
    case ASCII.underscore:
      if second == ASCII.greater { return (.undercut, 2) }
      if second == 0 || ASCII.isBlank(second) { return (.undercut, 1) }
      return nil
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
    close()
    let token = string(first..<first + length)
    let direction: Direction
    switch marker {
    case .relation(let found):
      direction = found
    case .inference:
      unsupportedBlock(
        "premise-conclusion",
        "premise-conclusion structures ('--' inference lines) are not supported yet", at: first,
        indent: indent)
      return
    case .undercut, .contradiction, .unknown:
      let message =
        switch marker {
        case .undercut: "undercuts ('\(token)') are not supported yet"
        case .contradiction: "contradictions ('\(token)') are not supported yet"
        default:
          "relation marker '\(token)' is not supported yet; use '+', '-', '<+', '<-', '+>' or '->'"
        }
      error(message, at: first)
      reportedBlock = nil
      while let top = stack.last, top.indent >= indent { stack.removeLast() }
      stack.append(Frame(indent: indent, node: nil))
      open = .skipped
      return
    }
    reportedBlock = nil

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
    guard bytes[target] == ASCII.openBracket || bytes[target] == ASCII.less else {
      error(
        "untitled statements are not supported yet; give it an id, as in '[my-id]: …'",
        at: target)
      stack.append(Frame(indent: indent, node: nil))
      open = .skipped
      return
    }
    let node = parseNode(at: target, last)
    stack.append(Frame(indent: indent, node: node.key))
    if let child = node.key, let parentID = parent?.node {
      let position = at(first)
      switch direction {
      case .supportsParent: session.relate(child, .supports, parentID, at: position)
      case .rebutsParent: session.relate(child, .rebuts, parentID, at: position)
      case .parentSupports: session.relate(parentID, .supports, child, at: position)
      case .parentRebuts: session.relate(parentID, .rebuts, child, at: position)
      }
    }
    begin(node, at: target, last)
  }

  private mutating func rootNode(at first: Int, _ last: Int, indent: Int) {
    close()
    reportedBlock = nil
    let node = parseNode(at: first, last)
    stack.removeAll(keepingCapacity: true)
    stack.append(Frame(indent: indent, node: node.key))
    stackEndedByBlankLine = false
    begin(node, at: first, last)
  }

  /// Opens the definition, records the reference, or skips what follows a broken node.
  private mutating func begin(_ node: Node, at origin: Int, _ last: Int) {
    if let textStart = node.textStart {
      if let id = node.id, let key = node.key {
        open = .definition(
          PendingDefinition(
            id: id, key: key, kind: node.kind, origin: origin, textStart: textStart))
        segments.removeAll(keepingCapacity: true)
        segments.append(textStart..<last)
      } else {
        open = .skipped
      }
    } else if let key = node.key {
      session.refer(to: key, kind: node.kind, at: at(origin))
    } else if node.skipsText {
      open = .skipped
    }
  }

  // MARK: Nodes

  /// `[id]`, `[id]: …`, `<id>` or `<id>: …` at `first`.
  private func parseNode(at first: Int, _ last: Int) -> Node {
    let kind: ClaimKind = bytes[first] == ASCII.openBracket ? .statement : .argument
    let close = kind == .statement ? ASCII.closeBracket : ASCII.greater
    let (noun, opening, closing) = kind == .statement ? ("claim", "[", "]") : ("argument", "<", ">")
    var end = first + 1
    while end < last, ASCII.isIDCharacter(bytes[end]) { end += 1 }
    var id: String?
    if end < last, bytes[end] == close {
      let text = string(first + 1..<end)
      if text.isEmpty {
        error(
          "expected \(noun == "claim" ? "a claim" : "an argument") id between '\(opening)' and '\(closing)'",
          at: end)
      } else if !Identifier.isValid(text) {
        error(Self.invalidID(text, noun: noun), at: first + 1)
      } else {
        id = text
      }
    } else {
      var closeAt = end
      while closeAt < last, bytes[closeAt] != close { closeAt += 1 }
      guard closeAt < last else {
        error(
          "expected '\(closing)' to close the \(noun) id started at \(session.lines.lineColumn(at(first)))",
          at: end, notes: [(first, "to match this '\(opening)'")])
        return Node(id: nil, key: nil, kind: kind, textStart: nil, skipsText: true)
      }
      error(Self.invalidID(string(first + 1..<closeAt), noun: noun), at: end)
      end = closeAt
    }
    let after = end + 1
    let key = id.map(session.intern)
    if after < last, bytes[after] == ASCII.colon {
      return Node(id: id, key: key, kind: kind, textStart: after + 1)
    }
    var rest = after
    while rest < last, ASCII.isBlank(bytes[rest]) { rest += 1 }
    if rest < last {
      let spelled = string(first..<after)
      error(
        "expected ':' after '\(spelled)' to define it, or nothing after it to refer to it",
        at: rest)
      return Node(id: nil, key: nil, kind: kind, textStart: nil, skipsText: true)
    }
    return Node(id: id, key: key, kind: kind, textStart: nil)
  }

  /// The entry's value as a base score in [0, 1]; otherwise nil, with an error at the value.
  private mutating func baseScore(_ entry: MetadataEntry) -> Double? {
    guard let score = Double(entry.value), score.isFinite, (0...1).contains(score) else {
      error(
        "expected a base score between 0 and 1, not '\(entry.value)'", at: entry.valueOffset)
      return nil
    }
    return score
  }

  /// The entry's value when it is a valid id; otherwise nil, with an error at the value.
  private mutating func validID(_ entry: MetadataEntry, noun: String) -> String? {
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
    guard case .definition(let definition) = open else {
      open = .nothing
      return
    }
    open = .nothing
    var parser = TextParser(
      session: session, file: file, bytes: bytes, segments: segments, scratch: scratch)
    scratch = []
    let parsed = parser.parse(keys: Self.claimKeys)
    scratch = parser.takeScratch()
    var source: String?
    var sourceIsInvalid = false
    var comment: String?
    var quote: String?
    var attributed: MetadataEntry?
    var base: Double?
    for entry in parsed.metadata {
      switch entry.key {
      case "source":
        source = validID(entry, noun: "source")
        sourceIsInvalid = source == nil
      case "base":
        base = baseScore(entry)
      case "comment":
        comment = entry.value
        attributed = attributed ?? entry
      default:
        quote = entry.value
        attributed = attributed ?? entry
      }
    }
    if source == nil && !sourceIsInvalid { source = defaultSource }
    if let attributed, source == nil, !sourceIsInvalid {
      error(
        "'\(attributed.key)' needs a source; add 'source: …' to this metadata or to the heading",
        at: attributed.keyOffset)
    }
    if parsed.text.isEmpty && !parsed.failed {
      error(
        "expected text after '\(string(definition.origin..<definition.textStart))'",
        at: definition.textStart)
    }
    session.define(
      Claim(
        id: definition.id, kind: definition.kind, text: parsed.text, position: position,
        tags: parsed.tags,
        provenance: source.map { Provenance(source: $0, comment: comment, quote: quote) },
        base: base),
      key: definition.key, at: at(definition.origin))
  }

  private static let claimKeys = ["source", "comment", "quote", "base"]
}
