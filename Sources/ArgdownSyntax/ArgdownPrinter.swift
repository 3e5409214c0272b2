import ArgModel

/// Writes a map as corpus text that `ArgdownParser` reads back into an equal map.
///
/// Layout: claims without a position first, then each position as a `# Title {id: …}` heading
/// followed by its claims, in the map's order. Each claim is one line,
/// `[id]: text #tags {source: …, comment: …, quote: "…"}`, followed by the relations it
/// receives as indented references (`+ [from]` supports it, `- <from>` rebuts it). Relations to
/// an id that is no claim of the map come last, under a bare reference to that id.
///
/// Text is written on one line with runs of whitespace collapsed, as the parser reads it, and
/// with `\ [ ] < > { } #` and comment-starting `/` escaped by a backslash (and `( )` inside
/// `#(…)` tags). Metadata values are bare when they are plain words, quoted otherwise.
///
/// A claim with a title is written and referred to by its title (`[Arg Mapping]`). A claim
/// with several members is written once per member, each where it stood; the first carries
/// the relations, and a canonical member that is not the last says `isCanonical: true`. A node
/// without words is written `[Title]:`.
///
/// What the syntax cannot hold is written as close as it can be, and does not read back
/// equal: whitespace that is not already collapsed, line breaks in metadata values (written as
/// spaces), empty metadata values (rejected by the parser), and blank tags (left out). Claims
/// whose position is not in `map.positions` get a heading titled with the id.
public enum ArgdownPrinter {
  public static func print(_ map: ArgumentMap) -> String {
    var output = OutputBuffer()
    print(map, to: &output)
    return output.text
  }

  /// Writes what ``print(_:)`` returns as `rows` gives it, a position (or group) at a time, so
  /// the text of a large map is never held whole: each position's and group's wordings are
  /// read in turn, each claim with its links.
  public static func print<Rows: MapRows>(_ rows: Rows, to target: inout OutputBuffer)
    throws(Rows.Failure)
  {
    var writer = Writer(try rows.outline())
    try writer.write(rows) { bytes in bytes.withUnsafeBufferPointer { target.write(utf8: $0) } }
  }

  /// Collapses runs of spaces, tabs and line breaks into one space and trims: the form the
  /// parser gives every text.
  static func normalize(_ text: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var pending = false
    for byte in text.utf8 {
      if byte == ASCII.space || byte == ASCII.tab || ASCII.isLineBreak(byte) {
        pending = true
        continue
      }
      if pending && !bytes.isEmpty { bytes.append(ASCII.space) }
      pending = false
      bytes.append(byte)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Words YAML would read as something other than a string, so they are quoted.
  static let plainWords: Set<String> = [
    "true", "false", "null", "yes", "no", "on", "off", "y", "n",
  ]
}

/// Builds the output as UTF-8 bytes, handing them on after each position.
private struct Writer {
  let outline: MapOutline
  /// The text not yet handed on.
  var bytes: [UInt8] = []
  /// Whether any text was handed on, so the next block needs a blank line before it.
  private var drained = false
  /// How `source:` names each source (see `sourceName`), worked out once rather than for
  /// every claim that cites it.
  private let sourceNames: [String: String]

  init(_ outline: MapOutline) {
    self.outline = outline
    sourceNames = Dictionary(
      outline.sources.map { ($0.id, Writer.name(of: $0)) }, uniquingKeysWith: { first, _ in first })
  }

  /// How a claim's indented line says it receives a relation of this kind.
  private static func receivedMarker(_ kind: RelationKind) -> String {
    switch kind {
    case .supports: "  + "
    case .undercuts: "  <_ "
    case .contradicts: "  >< "
    default: "  - "
    }
  }

  /// Hands the text written so far to `output`.
  private mutating func drain(to output: ([UInt8]) -> Void) {
    output(bytes)
    bytes.removeAll(keepingCapacity: true)
    drained = true
  }

  /// Writes the map, passing the text to `output` after each position and at the end.
  mutating func write<Rows: MapRows>(_ rows: Rows, to output: ([UInt8]) -> Void)
    throws(Rows.Failure)
  {
    writeFrontMatter()
    try rows.forEachWording(in: .outside) { writeEntry($0) }
    for position in outline.positions {
      try writeHeading(position, rows)
      drain(to: output)
    }
    for id in try rows.unlistedPositions() {
      try writeHeading(Position(id: id, title: id), rows)
      drain(to: output)
    }
    try writeDanglingRelations(rows)
    drain(to: output)
  }

  /// Relations to ids that are no claim, under a bare reference to each id, in order of the
  /// id's first appearance.
  private mutating func writeDanglingRelations<Rows: MapRows>(_ rows: Rows) throws(Rows.Failure) {
    var targets: [String] = []
    var received: [String: [(Relation, ClaimName?)]] = [:]
    try rows.forEachDanglingRelation { relation, from in
      if received[relation.to] == nil { targets.append(relation.to) }
      received[relation.to, default: []].append((relation, from))
    }
    for id in targets {
      startBlock()
      writeReference(id, nil)
      append("\n")
      for (relation, from) in received[id] ?? [] where Writer.isShownBelow(relation, from: from) {
        writeReceived(relation, from: from)
      }
    }
  }

  /// Whether a relation is written below its target: an aside from a claim is written in that
  /// claim's metadata instead.
  private static func isShownBelow(_ relation: Relation, from: ClaimName?) -> Bool {
    !relation.kind.isAside || from == nil
  }

  private mutating func writeReceived(_ relation: Relation, from: ClaimName?) {
    append(Writer.receivedMarker(relation.kind))
    writeReference(relation.from, from)
    bytes.append(ASCII.lineFeed)
  }

  /// The map's title, and the sources whose titles a `source:` value cannot carry.
  private mutating func writeFrontMatter() {
    let described = outline.sources.filter { sourceName($0.id) == $0.id && $0.title != $0.id }
    guard outline.title != nil || !described.isEmpty else { return }
    append("===\n")
    if let title = outline.title {
      append("title: ")
      writeValue(title)
      append("\n")
    }
    if !described.isEmpty {
      append("sources:\n")
      for source in described {
        append("  \(source.id): ")
        writeValue(source.title)
        append("\n")
      }
    }
    append("===\n")
  }

  private mutating func append(_ text: String) {
    // A native string's bytes in place, copied at once; through `utf8` they go one by one.
    var text = text
    text.withUTF8 { bytes.append(contentsOf: $0) }
  }

  /// Blocks are separated by a blank line.
  private mutating func startBlock() {
    if drained || !bytes.isEmpty { bytes.append(ASCII.lineFeed) }
  }

  /// `[name]` or `<name>`: the claim's title where reading it back gives the claim's id, else
  /// the id (the title then goes in the definition's metadata). A title is written as it was
  /// read, between brackets that it cannot contain. `name` is nil for an id that is no claim.
  private mutating func writeReference(_ id: String, _ name: ClaimName?) {
    let isArgument = name?.kind == .argument
    bytes.append(isArgument ? ASCII.less : ASCII.openBracket)
    append(name.flatMap(Writer.bracketTitle) ?? id)
    bytes.append(isArgument ? ASCII.greater : ASCII.closeBracket)
  }

  /// The claim's title, when the parser makes the claim's own id of it: not an id itself, the
  /// id its slug, and nothing in it that would end the brackets.
  static func bracketTitle(_ claim: ClaimName) -> String? {
    guard let title = claim.title, !Identifier.isValid(title),
      Identifier.id(forTitle: title) == claim.id,
      !title.utf8.contains(where: { $0 == ASCII.closeBracket || $0 == ASCII.greater })
    else { return nil }
    return title
  }

  /// The position's heading, its claims outside every group, then its groups as deeper
  /// headings. A claim whose group is not one of the position's is written outside groups.
  private mutating func writeHeading<Rows: MapRows>(_ position: Position, _ rows: Rows)
    throws(Rows.Failure)
  {
    startBlock()
    append("# ")
    let before = bytes.count
    writeEscaped(position.title)
    if bytes.count > before { bytes.append(ASCII.space) }
    append("{id: ")
    writeValue(position.id)
    if let summary = position.summary {
      append(", summary: ")
      writeValue(summary)
    }
    append("}\n")
    try rows.forEachWording(in: ClaimPlace(position: position.id)) { writeEntry($0) }
    let groups = outline.groups.filter { $0.position == position.id }
    try writeGroups(groups, parent: nil, level: 2, rows)
  }

  private mutating func writeGroups<Rows: MapRows>(
    _ groups: [Group], parent: String?, level: Int, _ rows: Rows
  ) throws(Rows.Failure) {
    for group in groups where group.parent == parent {
      startBlock()
      append(String(repeating: "#", count: level) + " ")
      writeEscaped(group.title)
      append(" {id: ")
      writeValue(group.id)
      append("}\n")
      try rows.forEachWording(in: ClaimPlace(position: group.position, group: group.id)) {
        writeEntry($0)
      }
      try writeGroups(groups, parent: group.id, level: level + 1, rows)
    }
  }

  /// A claim's definition, or one member's. The claim's relations, base score, listed
  /// relations and reconstruction go with its first definition only.
  private mutating func writeEntry(_ entry: Wording) {
    let claim = entry.claim
    var wording = claim
    var isCanonical = false
    if let member = entry.member {
      let words = claim.members[member]
      wording.text = words.text
      wording.setTags(words.tags)
      wording.provenance = words.provenance
      let canonical = claim.members.lastIndex { $0.text == claim.text }
      isCanonical = member == canonical && canonical != claim.members.count - 1
    }
    if !entry.isFirst { wording.base = nil }
    startBlock()
    writeReference(claim.id, ClaimName(claim))
    bytes.append(ASCII.colon)
    if !wording.text.isEmpty {
      bytes.append(ASCII.space)
      writeEscaped(wording.text)
    }
    writeTags(wording.tags)
    writeMetadata(wording, listed: entry.asides, names: entry.names, isCanonical: isCanonical)
    bytes.append(ASCII.lineFeed)
    guard entry.isFirst else { return }
    for relation in entry.incoming {
      let from = entry.names[relation.from]
      if Writer.isShownBelow(relation, from: from) { writeReceived(relation, from: from) }
    }
    if claim.kind == .argument, let reconstruction = entry.reconstruction {
      writeReconstruction(reconstruction, names: entry.names)
    }
  }
  private mutating func writeTags(_ tags: [String]) {
    for tag in tags {
      let tag = ArgdownPrinter.normalize(tag)
      guard !tag.isEmpty else { continue }
      append(" #")
      if tag.utf8.allSatisfy(ASCII.isTagCharacter) {
        append(tag)
      } else {
        bytes.append(ASCII.openParen)
        writeEscaped(tag, parentheses: true)
        bytes.append(ASCII.closeParen)
      }
    }
  }

  private mutating func writeMetadata(
    _ claim: Claim, listed: [Relation], names: [String: ClaimName], isCanonical: Bool
  ) {
    var separator = " {"
    func writeField(_ key: String, _ value: String?) {
      guard let value else { return }
      append(separator)
      append(key)
      append(": ")
      writeValue(value)
      separator = ", "
    }
    if let provenance = claim.provenance {
      writeField("source", sourceName(provenance.source))
      writeField("comment", provenance.comment)
      writeField("quote", provenance.quote)
      writeField("speaker", provenance.speaker)
      writeField("time", provenance.time)
    }
    if let base = claim.base {
      append(separator + "base: \(base)")
      separator = ", "
    }
    if isCanonical {
      append(separator + "isCanonical: true")
      separator = ", "
    }
    if let title = claim.title, Writer.bracketTitle(ClaimName(claim)) == nil {
      writeField("title", title)
    }
    for kind in listed.isEmpty ? [] : [RelationKind.rephrases, .prefers] {
      let targets = listed.filter { $0.kind == kind }.map { listedName($0.to, names[$0.to]) }
      guard !targets.isEmpty else { continue }
      append(separator + kind.rawValue + ": [" + targets.joined(separator: ", ") + "]")
      separator = ", "
    }
    if separator == ", " { bytes.append(ASCII.closeBrace) }
  }

  /// How `source:` names a source: by its title where the parser would make the same id of
  /// it (`"Teacher Survey 2024"` for `teacher-survey-2024`), so the title comes back too.
  private func sourceName(_ id: String) -> String {
    sourceNames[id] ?? id
  }

  private static func name(of source: Source) -> String {
    let (id, title) = (source.id, source.title)
    guard title != id, Identifier.slug(from: title) == id, !title.contains(":") else { return id }
    return title
  }

  /// How a metadata list names a claim: by its title, as brackets do, unless the title holds
  /// a character that would end the list item; then by its id, which cannot.
  private func listedName(_ id: String, _ name: ClaimName?) -> String {
    guard let title = name.flatMap(Writer.bracketTitle),
      !title.utf8.contains(where: {
        $0 == ASCII.comma || $0 == ASCII.openBracket
          || $0 == ASCII.closeBracket || $0 == ASCII.openBrace || $0 == ASCII.closeBrace
          || $0 == ASCII.quote
      })
    else { return id }
    return title
  }

  /// The numbered steps below the argument, each conclusion after its inference line.
  private mutating func writeReconstruction(
    _ reconstruction: Reconstruction, names: [String: ClaimName]
  ) {
    startBlock()
    for (number, step) in reconstruction.steps.enumerated() {
      if let inference = step.inference {
        if inference.isEmpty {
          append("----\n")
        } else {
          append("-- ")
          writeEscaped(inference, dashes: true)
          append(" --\n")
        }
      }
      append("(\(number + 1)) ")
      writeReference(step.claim, names[step.claim])
      bytes.append(ASCII.lineFeed)
    }
  }

  /// Text or a title, normalized and escaped so that it reads back unchanged. Inside `#(…)`,
  /// parentheses are escaped too; in an inference, dashes that could end it.
  private mutating func writeEscaped(
    _ text: String, parentheses: Bool = false, dashes: Bool = false
  ) {
    var text = text
    text.withUTF8 { source in
      var pendingSpace = false
      var wrote = false
      var offset = 0
      while offset < source.count {
        // Most of a text is plain words and single spaces: copied a run at a time.
        let run = Self.plainRun(in: source, from: offset)
        if run > offset {
          if pendingSpace && wrote { bytes.append(ASCII.space) }
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[offset..<run]))
          (pendingSpace, wrote, offset) = (false, true, run)
          continue
        }
        let byte = source[offset]
        offset += 1
        if byte == ASCII.space || byte == ASCII.tab || ASCII.isLineBreak(byte) {
          pendingSpace = true
          continue
        }
        if pendingSpace && wrote { bytes.append(ASCII.space) }
        (pendingSpace, wrote) = (false, true)
        let position = offset - 1
        let needed: Bool
        switch byte {
        case ASCII.backslash, ASCII.openBracket, ASCII.closeBracket, ASCII.less, ASCII.greater,
          ASCII.openBrace, ASCII.closeBrace, ASCII.hash:
          needed = true
        case ASCII.slash:
          // `//` and `/*` would start comments.
          let following = offset < source.count ? source[offset] : 0
          needed = following == ASCII.slash || following == ASCII.asterisk
        case ASCII.openParen, ASCII.closeParen:
          needed = parentheses
        case ASCII.minus:
          let previous = position > 0 ? source[position - 1] : ASCII.space
          let following = offset < source.count ? source[offset] : ASCII.space
          needed = dashes && (previous == ASCII.minus || following == ASCII.minus)
        default:
          needed = false
        }
        if needed { bytes.append(ASCII.backslash) }
        bytes.append(byte)
      }
    }
  }

  /// Where the run of bytes from `start` that `writeEscaped` copies unchanged ends: bytes that
  /// are never escaped, with single spaces between them (a space before a blank, or at either
  /// end of the run, is left to the caller, which collapses and trims blanks).
  private static func plainRun(in source: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var end = start
    while end < source.count {
      let byte = source[end]
      if isPlain(byte) {
        end += 1
      } else if byte == ASCII.space, end > start, end + 1 < source.count,
        isPlain(source[end + 1])
      {
        end += 2
      } else {
        break
      }
    }
    return end
  }

  /// Letters, digits, most punctuation and every byte of a multi-byte character: what the
  /// escaper writes as it is wherever it stands.
  private static func isPlain(_ byte: UInt8) -> Bool {
    switch byte {
    case ASCII.space, ASCII.tab, ASCII.lineFeed, ASCII.carriageReturn, ASCII.backslash,
      ASCII.openBracket, ASCII.closeBracket, ASCII.less, ASCII.greater, ASCII.openBrace,
      ASCII.closeBrace, ASCII.hash, ASCII.slash, ASCII.openParen, ASCII.closeParen, ASCII.minus:
      false
    default: true
    }
  }

  /// A metadata value: bare when it is a plain word that YAML also reads as a string, quoted
  /// otherwise. Line breaks become spaces.
  private mutating func writeValue(_ value: String) {
    var value = value
    let isWord = value.withUTF8 { utf8 in
      utf8.first.map(ASCII.isLetter) == true && utf8.allSatisfy(ASCII.isIDCharacter)
    }
    if isWord, value.utf8.count > 5 || !ArgdownPrinter.plainWords.contains(value.lowercased()) {
      append(value)
      return
    }
    bytes.append(ASCII.quote)
    for byte in value.utf8 {
      switch byte {
      case ASCII.backslash, ASCII.quote:
        bytes.append(ASCII.backslash)
        bytes.append(byte)
      case ASCII.lineFeed, ASCII.carriageReturn:
        bytes.append(ASCII.space)
      default:
        bytes.append(byte)
      }
    }
    bytes.append(ASCII.quote)
  }
}
