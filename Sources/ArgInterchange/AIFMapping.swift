import ArgModel

/// Turns one file's ``AIFGraph`` into claims and relations, as ``AIFReader`` documents.
struct AIFMapping {
  let graph: AIFGraph
  let source: String
  var fields: JSONFields
  /// The RA nodes that become argument claims.
  private let argumentNodes: Set<String>

  init(graph: AIFGraph, source: String, fields: JSONFields) {
    self.graph = graph
    self.source = source
    self.fields = fields
    argumentNodes = Set(
      graph.nodes.filter { $0.type == .RA && Self.needsArgumentClaim($0, in: graph) }.map(\.id))
  }

  /// Longest quote kept from a locution, in characters; the quote locates, the claim says.
  static let quoteLength = 160

  mutating func map() -> (claims: [Claim], relations: [Relation]) {
    var claims: [Claim] = []
    var relations: [Relation] = []
    for node in graph.nodes {
      if let claim = claim(for: node) { claims.append(claim) }
      if node.type.isScheme { relations += self.relations(for: node) }
    }
    return (claims, mergingMutualConflicts(relations))
  }

  /// A linked RA, or one that another scheme node connects to, needs a claim to stand for it.
  private static func needsArgumentClaim(_ node: AIFGraph.Node, in graph: AIFGraph) -> Bool {
    let premises = graph.predecessors(of: node.id).filter { $0.type == .I }
    let schemeNeighbours = (graph.predecessors(of: node.id) + graph.successors(of: node.id))
      .filter(\.type.isScheme)
    return premises.count > 1 || !schemeNeighbours.isEmpty
  }

  /// The claim id of a node's id, unique within the file because node ids are.
  func claimID(_ nodeID: String) -> String {
    source + "-" + Self.escapedNodeID(nodeID)
  }

  /// The id's bytes that are not allowed in a claim id (and `_`, to keep it reversible) as `_XX`.
  static func escapedNodeID(_ id: String) -> String {
    var escaped = ""
    for byte in id.utf8 {
      if isKeptInIDs(byte) {
        escaped.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        let hex = String(byte, radix: 16, uppercase: true)
        escaped += "_" + (hex.count == 1 ? "0" : "") + hex
      }
    }
    return escaped
  }

  private static func isKeptInIDs(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."):
      true
    default: false
    }
  }

  // MARK: Claims

  private mutating func claim(for node: AIFGraph.Node) -> Claim? {
    let kind: ClaimKind
    switch node.type {
    case .I: kind = .statement
    case .RA where argumentNodes.contains(node.id): kind = .argument
    default: return nil
    }
    let text = Claim.normalizedText(node.text)
    guard text.utf8.count <= Claim.maximumTextLength else {
      fields.error(
        "the text of node '\(node.id)' is \(text.utf8.count) bytes long; claims are limited to "
          + "\(Claim.maximumTextLength)", at: node.offset)
      return nil
    }
    return Claim(
      id: claimID(node.id), kind: kind, text: text, position: source,
      provenance: node.type == .I ? provenance(of: node) : Provenance(source: source))
  }

  private func provenance(of node: AIFGraph.Node) -> Provenance {
    guard let locution = anchoringLocution(of: node) else { return Provenance(source: source) }
    let (speaker, said) = Self.splitSpeaker(locution.text)
    let entry = graph.locutions[locution.id]
    return Provenance(
      source: source, comment: locution.id, quote: Self.excerpt(said),
      speaker: entry?.person.flatMap { graph.participants[$0] } ?? speaker,
      time: locution.timestamp ?? entry?.start)
  }

  /// The first L node that anchors `node` through a YA node.
  private func anchoringLocution(of node: AIFGraph.Node) -> AIFGraph.Node? {
    graph.predecessors(of: node.id).lazy.filter { $0.type == .YA }
      .compactMap { illocution in graph.predecessors(of: illocution.id).first { $0.type == .L } }
      .first
  }

  /// AIFdb writes a locution as `Name : what was said`.
  static func splitSpeaker(_ text: String) -> (speaker: String?, said: String) {
    guard let separator = text.firstRange(of: " : ") else { return (nil, text) }
    let speaker = text[..<separator.lowerBound].trimmed
    guard !speaker.isEmpty, !speaker.contains(where: \.isNewline) else { return (nil, text) }
    return (speaker, String(text[separator.upperBound...]))
  }

  /// The start of `text`, verbatim, cut at a space so no word is split.
  static func excerpt(_ text: String) -> String? {
    let text = text.trimmed
    guard !text.isEmpty else { return nil }
    guard text.count > quoteLength else { return text }
    let cut = text.prefix(quoteLength)
    let atSpace = cut.lastIndex(where: \.isWhitespace).map { cut[..<$0] } ?? cut
    return String(atSpace).trimmed + "…"
  }

  // MARK: Relations

  private mutating func relations(for node: AIFGraph.Node) -> [Relation] {
    let belongs = node.type == .RA ? \AIFNodeType.isPremiseOrConclusion : \.isArgumentative
    let sources = graph.predecessors(of: node.id).filter { $0.type[keyPath: belongs] }
    let targets = graph.successors(of: node.id).filter { $0.type[keyPath: belongs] }
    guard shapeIsValid(node, sources: sources.count, targets: targets.count),
      let target = endpoint(targets[0], of: node)
    else { return [] }
    let ends = sources.map { endpoint($0, of: node) }
    guard !ends.contains(nil) else { return [] }
    let from = ends.compactMap { $0 }
    let scheme = node.scheme ?? (node.text.trimmed.isEmpty ? nil : node.text)
    switch node.type {
    case .RA where argumentNodes.contains(node.id):
      let argument = claimID(node.id)
      return from.map { Relation(from: $0, to: argument, kind: .supports) }
        + [Relation(from: argument, to: target, kind: .supports, scheme: scheme)]
    case .RA:
      return from.map { Relation(from: $0, to: target, kind: .supports, scheme: scheme) }
    case .CA:
      let kind: RelationKind = targets[0].type == .RA ? .undercuts : .rebuts
      return [Relation(from: from[0], to: target, kind: kind, scheme: scheme)]
    case .MA: return [Relation(from: from[0], to: target, kind: .rephrases, scheme: scheme)]
    case .PA: return [Relation(from: from[0], to: target, kind: .prefers, scheme: scheme)]
    case .I, .L, .YA, .TA: return []
    }
  }

  /// An RA has one or more premises and one conclusion (I or RA nodes); a CA, MA or PA has one
  /// source and one target.
  private mutating func shapeIsValid(_ node: AIFGraph.Node, sources: Int, targets: Int) -> Bool {
    let valid = node.type == .RA ? sources >= 1 && targets == 1 : sources == 1 && targets == 1
    if !valid {
      let (from, to, expected) =
        node.type == .RA
        ? ("premise", "conclusion", "at least one premise and exactly one conclusion")
        : ("source", "target", "exactly one source and one target")
      fields.error(
        "\(node.type.rawValue) node '\(node.id)' has \(counted(sources, from)) and "
          + "\(counted(targets, to)); expected \(expected)", at: node.offset)
    }
    return valid
  }

  private func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }

  /// The claim standing for `end` as an end of `node`'s relation: an I-node's or an argument
  /// RA's. A CA, MA or PA node has none.
  private mutating func endpoint(_ end: AIFGraph.Node, of node: AIFGraph.Node) -> String? {
    if end.type == .I || argumentNodes.contains(end.id) { return claimID(end.id) }
    fields.error(
      "\(node.type.rawValue) node '\(node.id)' connects to \(end.type.rawValue) node '\(end.id)'; "
        + "argmap relates claims and arguments, not \(end.type.rawValue) nodes", at: node.offset)
    return nil
  }

  /// Each pair of rebuttals `a → b`, `b → a` with the same scheme as one `.contradicts`, in the
  /// place of the first.
  private func mergingMutualConflicts(_ relations: [Relation]) -> [Relation] {
    var unmatched: [Relation: [Int]] = [:]
    var merged: [Relation?] = []
    for relation in relations {
      let mirror = Relation(
        from: relation.to, to: relation.from, kind: .rebuts, scheme: relation.scheme)
      if relation.kind == .rebuts, let index = unmatched[mirror]?.popLast() {
        merged[index]?.kind = .contradicts
        continue
      }
      if relation.kind == .rebuts { unmatched[relation, default: []].append(merged.count) }
      merged.append(relation)
    }
    return merged.compactMap { $0 }
  }
}

extension AIFNodeType {
  /// The node types that relations connect; the others belong to the dialogue.
  fileprivate var isArgumentative: Bool { self == .I || isScheme }

  /// The ends of an RA: an edge between an RA and a CA, MA or PA belongs to the latter.
  fileprivate var isPremiseOrConclusion: Bool { self == .I || self == .RA }
}
