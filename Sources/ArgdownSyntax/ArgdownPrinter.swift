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
    var text = ""
    print(map, to: &text)
    return text
  }

  /// Writes what ``print(_:)`` returns, a position at a time, so the text of a large map is
  /// never held whole.
  public static func print(_ map: ArgumentMap, to target: inout some TextOutputStream) {
    var writer = Writer(map)
    writer.write { target.write(String(decoding: $0, as: UTF8.self)) }
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

/// One definition to write: a claim, or one member of a claim with several.
private struct Entry {
  var claim: Int
  /// The member's index, or nil for a claim with a single wording.
  var member: Int?
}

/// Builds the output as UTF-8 bytes, handing them on after each position.
private struct Writer {
  let map: ArgumentMap
  /// The text not yet handed on.
  var bytes: [UInt8] = []
  /// Whether any text was handed on, so the next block needs a blank line before it.
  private var drained = false
  /// The first claim with each id.
  private var index: [String: Int] = [:]
  /// Ids that relations point to but that are no claim of the map, in order of appearance.
  private var outside: [String] = []
  /// The relations each claim (then each outside id) receives, as linked lists in the map's
  /// order: `first[target]`, then `next[relation]` until -1. Relations written another way
  /// (as metadata, or by a reconstruction) are left out.
  private var first: [Int] = []
  private var last: [Int] = []
  private var next: [Int] = []
  /// The `rephrases` and `prefers` relations of each claim, written as its metadata.
  private var listed: [Int: [Relation]] = [:]
  private var reconstructions: [String: Reconstruction] = [:]
  private let sourceTitles: [String: String]

  init(_ map: ArgumentMap) {
    self.map = map
    sourceTitles = Dictionary(
      map.sources.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
    index.reserveCapacity(map.claims.count)
    for (offset, claim) in map.claims.enumerated() where index[claim.id] == nil {
      index[claim.id] = offset
    }
    for reconstruction in map.reconstructions where index[reconstruction.argument] != nil {
      reconstructions[reconstruction.argument] =
        reconstructions[reconstruction.argument] ?? reconstruction
    }
    let derived = Set(reconstructions.values.flatMap(\.relations))
    var outsideSlots: [String: Int] = [:]
    first = Array(repeating: -1, count: map.claims.count)
    last = first
    next = Array(repeating: -1, count: map.relations.count)
    for (offset, relation) in map.relations.enumerated() where !derived.contains(relation) {
      if Writer.isMetadata(relation.kind), let from = index[relation.from] {
        listed[from, default: []].append(relation)
        continue
      }
      var target: Int
      if let claim = index[relation.to] {
        target = claim
      } else if let slot = outsideSlots[relation.to] {
        target = slot
      } else {
        target = first.count
        outsideSlots[relation.to] = target
        outside.append(relation.to)
        first.append(-1)
        last.append(-1)
      }
      if first[target] < 0 { first[target] = offset } else { next[last[target]] = offset }
      last[target] = offset
    }
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

  private static func isMetadata(_ kind: RelationKind) -> Bool {
    kind == .rephrases || kind == .prefers
  }

  /// Hands the text written so far to `output`.
  private mutating func drain(to output: ([UInt8]) -> Void) {
    output(bytes)
    bytes.removeAll(keepingCapacity: true)
    drained = true
  }

  /// Writes the map, passing the text to `output` after each position and at the end.
  mutating func write(to output: ([UInt8]) -> Void) {
    writeFrontMatter()
    var byPosition: [String: [Entry]] = [:]
    var strayPositions: [String] = []
    let known = Set(map.positions.map(\.id))
    for (offset, claim) in map.claims.enumerated() {
      let entries =
        claim.members.isEmpty
        ? [(Entry(claim: offset), claim.position)]
        : claim.members.indices.map {
          (Entry(claim: offset, member: $0), claim.members[$0].position)
        }
      for (entry, position) in entries {
        guard let position else {
          writeEntry(entry)
          continue
        }
        if !known.contains(position) && byPosition[position] == nil {
          strayPositions.append(position)
        }
        byPosition[position, default: []].append(entry)
      }
    }
    for position in map.positions {
      writeHeading(position, claims: byPosition[position.id] ?? [])
      drain(to: output)
    }
    for id in strayPositions {
      writeHeading(Position(id: id, title: id), claims: byPosition[id] ?? [])
      drain(to: output)
    }
    for (offset, id) in outside.enumerated() {
      startBlock()
      writeReference(id)
      append("\n")
      writeRelations(to: map.claims.count + offset)
    }
    drain(to: output)
  }

  /// The map's title, and the sources whose titles a `source:` value cannot carry.
  private mutating func writeFrontMatter() {
    let described = map.sources.filter { sourceName($0.id) == $0.id && $0.title != $0.id }
    guard map.title != nil || !described.isEmpty else { return }
    append("===\n")
    if let title = map.title {
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
    bytes.append(contentsOf: text.utf8)
  }

  /// Blocks are separated by a blank line.
  private mutating func startBlock() {
    if drained || !bytes.isEmpty { bytes.append(ASCII.lineFeed) }
  }

  /// `[name]` or `<name>`: the claim's title where reading it back gives the claim's id, else
  /// the id (the title then goes in the definition's metadata). A title is written as it was
  /// read, between brackets that it cannot contain.
  private mutating func writeReference(_ id: String) {
    let claim = index[id].map { map.claims[$0] }
    let isArgument = claim?.kind == .argument
    bytes.append(isArgument ? ASCII.less : ASCII.openBracket)
    append(claim.flatMap(Writer.bracketTitle) ?? id)
    bytes.append(isArgument ? ASCII.greater : ASCII.closeBracket)
  }

  /// The claim's title, when the parser makes the claim's own id of it: not an id itself, the
  /// id its slug, and nothing in it that would end the brackets.
  static func bracketTitle(_ claim: Claim) -> String? {
    guard let title = claim.title, !Identifier.isValid(title),
      Identifier.id(forTitle: title) == claim.id,
      !title.utf8.contains(where: { $0 == ASCII.closeBracket || $0 == ASCII.greater })
    else { return nil }
    return title
  }

  private mutating func writeRelations(to target: Int) {
    var relation = first[target]
    while relation >= 0 {
      append(Writer.receivedMarker(map.relations[relation].kind))
      writeReference(map.relations[relation].from)
      bytes.append(ASCII.lineFeed)
      relation = next[relation]
    }
  }

  /// The position's heading, its claims outside every group, then its groups as deeper
  /// headings. A claim whose group is not one of the position's is written outside groups.
  private mutating func writeHeading(_ position: Position, claims: [Entry]) {
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
    let groups = map.groups.filter { $0.position == position.id }
    let groupIDs = Set(groups.map(\.id))
    var byGroup: [String: [Entry]] = [:]
    for entry in claims {
      let claim = map.claims[entry.claim]
      if let group = entry.member.map({ claim.members[$0].group }) ?? claim.group,
        groupIDs.contains(group)
      {
        byGroup[group, default: []].append(entry)
      } else {
        writeEntry(entry)
      }
    }
    writeGroups(groups, parent: nil, level: 2, claims: byGroup)
  }

  private mutating func writeGroups(
    _ groups: [Group], parent: String?, level: Int, claims: [String: [Entry]]
  ) {
    for group in groups where group.parent == parent {
      startBlock()
      append(String(repeating: "#", count: level) + " ")
      writeEscaped(group.title)
      append(" {id: ")
      writeValue(group.id)
      append("}\n")
      for entry in claims[group.id] ?? [] { writeEntry(entry) }
      writeGroups(groups, parent: group.id, level: level + 1, claims: claims)
    }
  }

  /// A claim's definition, or one member's. The claim's relations, base score, listed
  /// relations and reconstruction go with its first definition only.
  private mutating func writeEntry(_ entry: Entry) {
    let claim = map.claims[entry.claim]
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
    let carriesRelations = (entry.member ?? 0) == 0
    if !carriesRelations { wording.base = nil }
    startBlock()
    writeReference(claim.id)
    bytes.append(ASCII.colon)
    if !wording.text.isEmpty {
      bytes.append(ASCII.space)
      writeEscaped(wording.text)
    }
    writeTags(wording.tags)
    writeMetadata(
      wording, listed: carriesRelations ? listed[entry.claim] ?? [] : [], isCanonical: isCanonical)
    bytes.append(ASCII.lineFeed)
    guard carriesRelations else { return }
    writeRelations(to: entry.claim)
    if claim.kind == .argument, let reconstruction = reconstructions[claim.id] {
      writeReconstruction(reconstruction)
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

  private mutating func writeMetadata(_ claim: Claim, listed: [Relation], isCanonical: Bool) {
    var separator = " {"
    if let provenance = claim.provenance {
      let entries = [
        ("source", sourceName(provenance.source)), ("comment", provenance.comment),
        ("quote", provenance.quote), ("speaker", provenance.speaker), ("time", provenance.time),
      ]
      for case (let key, let value?) in entries {
        append(separator + key + ": ")
        writeValue(value)
        separator = ", "
      }
    }
    if let base = claim.base {
      append(separator + "base: \(base)")
      separator = ", "
    }
    if isCanonical {
      append(separator + "isCanonical: true")
      separator = ", "
    }
    if let title = claim.title, Writer.bracketTitle(claim) == nil {
      append(separator + "title: ")
      writeValue(title)
      separator = ", "
    }
    for kind in [RelationKind.rephrases, .prefers] {
      let targets = listed.filter { $0.kind == kind }.map { listedName($0.to) }
      guard !targets.isEmpty else { continue }
      append(separator + kind.rawValue + ": [" + targets.joined(separator: ", ") + "]")
      separator = ", "
    }
    if separator == ", " { bytes.append(ASCII.closeBrace) }
  }

  /// How `source:` names a source: by its title where the parser would make the same id of
  /// it (`"Teacher Survey 2024"` for `teacher-survey-2024`), so the title comes back too.
  private func sourceName(_ id: String) -> String {
    guard let title = sourceTitles[id], title != id, Identifier.slug(from: title) == id,
      !title.contains(":")
    else { return id }
    return title
  }

  /// How a metadata list names a claim: by its title, as brackets do, unless the title holds
  /// a character that would end the list item; then by its id, which cannot.
  private func listedName(_ id: String) -> String {
    guard let title = index[id].flatMap({ Writer.bracketTitle(map.claims[$0]) }),
      !title.utf8.contains(where: {
        $0 == ASCII.comma || $0 == ASCII.openBracket
          || $0 == ASCII.closeBracket || $0 == ASCII.openBrace || $0 == ASCII.closeBrace
          || $0 == ASCII.quote
      })
    else { return id }
    return title
  }

  /// The numbered steps below the argument, each conclusion after its inference line.
  private mutating func writeReconstruction(_ reconstruction: Reconstruction) {
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
      writeReference(step.claim)
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
      for offset in source.indices {
        let byte = source[offset]
        if byte == ASCII.space || byte == ASCII.tab || ASCII.isLineBreak(byte) {
          pendingSpace = true
          continue
        }
        if pendingSpace && wrote { bytes.append(ASCII.space) }
        pendingSpace = false
        wrote = true
        let needed: Bool
        switch byte {
        case ASCII.backslash, ASCII.openBracket, ASCII.closeBracket, ASCII.less, ASCII.greater,
          ASCII.openBrace, ASCII.closeBrace, ASCII.hash:
          needed = true
        case ASCII.slash:
          // `//` and `/*` would start comments.
          let following = offset + 1 < source.count ? source[offset + 1] : 0
          needed = following == ASCII.slash || following == ASCII.asterisk
        case ASCII.openParen, ASCII.closeParen:
          needed = parentheses
        case ASCII.minus:
          let previous = offset > 0 ? source[offset - 1] : ASCII.space
          let following = offset + 1 < source.count ? source[offset + 1] : ASCII.space
          needed = dashes && (previous == ASCII.minus || following == ASCII.minus)
        default:
          needed = false
        }
        if needed { bytes.append(ASCII.backslash) }
        bytes.append(byte)
      }
    }
  }

  /// A metadata value: bare when it is a plain word that YAML also reads as a string, quoted
  /// otherwise. Line breaks become spaces.
  private mutating func writeValue(_ value: String) {
    let utf8 = value.utf8
    if let head = utf8.first, ASCII.isLetter(head), utf8.allSatisfy(ASCII.isIDCharacter),
      utf8.count > 5 || !ArgdownPrinter.plainWords.contains(value.lowercased())
    {
      append(value)
      return
    }
    bytes.append(ASCII.quote)
    for byte in utf8 {
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
