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
/// with `\ [ ] < > { } #` and comment-starting `/` escaped by a backslash. Line breaks in
/// metadata values become spaces.
public enum ArgdownPrinter {
  public static func print(_ map: ArgumentMap) -> String {
    var kinds: [String: ClaimKind] = [:]
    for claim in map.claims where kinds[claim.id] == nil { kinds[claim.id] = claim.kind }
    var incoming: [String: [Relation]] = [:]
    for relation in map.relations { incoming[relation.to, default: []].append(relation) }

    var unpositioned: [Claim] = []
    var byPosition: [String: [Claim]] = [:]
    var strayPositions: [String] = []
    let known = Set(map.positions.map(\.id))
    for claim in map.claims {
      guard let position = claim.position else {
        unpositioned.append(claim)
        continue
      }
      if !known.contains(position) && byPosition[position] == nil {
        strayPositions.append(position)
      }
      byPosition[position, default: []].append(claim)
    }

    var blocks: [String] = []
    func reference(_ id: String) -> String {
      kinds[id] == .argument ? "<\(id)>" : "[\(id)]"
    }
    func relations(to id: String) -> String {
      var text = ""
      for relation in incoming[id] ?? [] {
        text += "  \(relation.kind == .supports ? "+" : "-") \(reference(relation.from))\n"
      }
      return text
    }
    func add(_ claim: Claim) {
      var line = "\(reference(claim.id)): \(escape(claim.text))"
      for tag in claim.tags {
        let tag = normalize(tag)
        guard !tag.isEmpty else { continue }
        if tag.utf8.allSatisfy(ASCII.isTagCharacter) {
          line += " #\(tag)"
        } else {
          line += " #(\(escape(tag, parentheses: true)))"
        }
      }
      if let provenance = claim.provenance {
        var fields = ["source: \(value(provenance.source))"]
        if let comment = provenance.comment { fields.append("comment: \(value(comment))") }
        if let quote = provenance.quote { fields.append("quote: \(value(quote))") }
        line += " {\(fields.joined(separator: ", "))}"
      }
      blocks.append(line + "\n" + relations(to: claim.id))
    }
    func heading(_ position: Position) {
      var fields = ["id: \(value(position.id))"]
      if let summary = position.summary { fields.append("summary: \(value(summary))") }
      let title = escape(position.title)
      blocks.append("# \(title)\(title.isEmpty ? "" : " "){\(fields.joined(separator: ", "))}\n")
      for claim in byPosition[position.id] ?? [] { add(claim) }
    }

    for claim in unpositioned { add(claim) }
    for position in map.positions { heading(position) }
    for id in strayPositions { heading(Position(id: id, title: id)) }
    var targets = Set<String>()
    for relation in map.relations where kinds[relation.to] == nil {
      guard targets.insert(relation.to).inserted else { continue }
      blocks.append("\(reference(relation.to))\n" + relations(to: relation.to))
    }
    return blocks.joined(separator: "\n")
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

  /// Text or a title, normalized and escaped so that it reads back unchanged. Inside `#(…)`,
  /// parentheses are escaped too.
  static func escape(_ text: String, parentheses: Bool = false) -> String {
    let bytes = Array(normalize(text).utf8)
    var escaped: [UInt8] = []
    escaped.reserveCapacity(bytes.count + 8)
    for (index, byte) in bytes.enumerated() {
      var needed: Bool
      switch byte {
      case ASCII.backslash, ASCII.openBracket, ASCII.closeBracket, ASCII.less, ASCII.greater,
        ASCII.openBrace, ASCII.closeBrace, ASCII.hash:
        needed = true
      case ASCII.slash:
        // `//` and `/*` would start comments.
        let next = index + 1 < bytes.count ? bytes[index + 1] : 0
        needed = next == ASCII.slash || next == ASCII.asterisk
      case ASCII.openParen, ASCII.closeParen:
        needed = parentheses
      default:
        needed = false
      }
      if needed { escaped.append(ASCII.backslash) }
      escaped.append(byte)
    }
    return String(decoding: escaped, as: UTF8.self)
  }

  /// A metadata value: bare when it is a plain word that YAML also reads as a string, quoted
  /// otherwise.
  static func value(_ text: String) -> String {
    let plainWords: Set<String> = ["true", "false", "null", "yes", "no", "on", "off", "y", "n"]
    let utf8 = text.utf8
    if let first = utf8.first, ASCII.isLetter(first), utf8.allSatisfy(ASCII.isIDCharacter),
      !plainWords.contains(text.lowercased())
    {
      return text
    }
    var quoted = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": quoted += "\\\\"
      case "\"": quoted += "\\\""
      case "\n", "\r": quoted += " "
      default: quoted.unicodeScalars.append(scalar)
      }
    }
    return quoted + "\""
  }
}
