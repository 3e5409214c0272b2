import ArgModel

/// Turns one file's ``AIFGraph`` into claims and relations, as ``AIFReader`` documents.
struct AIFMapping {
  let graph: AIFGraph
  let source: String
  /// Whether argmap wrote the file (it has ``AIFArgmapKeys/marker``): its node ids are claim
  /// ids, and argmap's own keys say what AIF cannot.
  let isArgmaps: Bool
  var fields: JSONFields
  /// The scheme nodes that become argument claims.
  private let argumentNodes: Set<String>
  /// Scheme nodes without a source or without a target, which relate nothing and are skipped,
  /// as arguebuf passes over them; real corpora (QT30, DialAM) have a few.
  private let incompleteNodes: Set<String>

  init(graph: AIFGraph, source: String, isArgmaps: Bool, fields: JSONFields) {
    self.graph = graph
    self.source = source
    self.isArgmaps = isArgmaps
    self.fields = fields
    let incomplete = Self.incompleteNodes(in: graph)
    incompleteNodes = incomplete
    argumentNodes = Set(
      graph.nodes.filter {
        guard $0.type.isScheme, !incomplete.contains($0.id) else { return false }
        return isArgmaps
          ? AIFArgmapKeys.isArgument($0.record)
          : Self.needsArgumentClaim($0, in: graph, skipping: incomplete)
      }.map(\.id))
  }

  /// The scheme nodes with no source or no target, counting a skipped scheme node as no end:
  /// a conflict aimed only at a skipped inference is skipped in turn.
  private static func incompleteNodes(in graph: AIFGraph) -> Set<String> {
    var incomplete: Set<String> = []
    var changed = true
    while changed {
      changed = false
      for node in graph.nodes where node.type.isScheme && !incomplete.contains(node.id) {
        let (sources, targets) = graph.ends(of: node, skipping: incomplete)
        if sources.isEmpty || targets.isEmpty {
          incomplete.insert(node.id)
          changed = true
        }
      }
    }
    return incomplete
  }

  /// Longest quote kept from a locution, in characters; the quote locates, the claim says.
  static let quoteLength = 160

  mutating func map() -> (claims: [Claim], relations: [Relation]) {
    var claims: [Claim] = []
    var relations: [(relation: Relation, mergeable: Bool)] = []
    var relating: [Pair: (kind: RelationKind, node: String)] = [:]
    for node in graph.nodes {
      if let claim = claim(for: node) { claims.append(claim) }
      guard node.type.isScheme else { continue }
      for found in self.relations(for: node) {
        let pair = Pair(from: found.relation.from, to: found.relation.to)
        // argmap's own file holds what a map holds, where a contradiction's second CA node
        // may share its pair with a relation the other way.
        if !isArgmaps, let first = relating[pair], first.kind != found.relation.kind {
          warnTwoKinds(found.relation, node: node, first: first)
          continue
        }
        relating[pair] = relating[pair] ?? (found.relation.kind, node.id)
        relations.append(found)
      }
    }
    return (claims, Self.mergingMutualConflicts(relations))
  }

  private struct Pair: Hashable {
    var from: String
    var to: String
  }

  /// AIFdb has node sets where one claim both supports and attacks another through two scheme
  /// nodes; argmap holds one relation from a claim to another, so the first is kept.
  private mutating func warnTwoKinds(
    _ relation: Relation, node: AIFGraph.Node, first: (kind: RelationKind, node: String)
  ) {
    fields.warning(
      "\(node.type.rawValue) node '\(node.id)' has '\(relation.from)' \(relation.kind.verb) "
        + "'\(relation.to)', which node '\(first.node)' has it \(first.kind.verb); argmap keeps "
        + "one relation between two claims, the first", at: node.offset)
  }

  /// A linked scheme node (more than one source), or one that is an end of another scheme
  /// node, needs a claim to stand for it.
  private static func needsArgumentClaim(
    _ node: AIFGraph.Node, in graph: AIFGraph, skipping skipped: Set<String>
  ) -> Bool {
    let kept = { (other: AIFGraph.Node) in !skipped.contains(other.id) }
    let isEndOfAnother =
      graph.predecessors(of: node.id).contains {
        $0.type.isScheme && !node.type.takesSchemeSources && kept($0)
      }
      || graph.successors(of: node.id).contains { $0.type.takesSchemeSources && kept($0) }
    return isEndOfAnother || graph.ends(of: node, skipping: skipped).sources.count > 1
  }

  /// The claim id of a node's id, unique within the file because node ids are. In argmap's own
  /// files the node id is the claim's.
  func claimID(_ nodeID: String) -> String {
    isArgmaps ? nodeID : source + "-" + Self.escapedNodeID(nodeID)
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
    if node.type == .information {
      // argmap writes an argument that is no single inference as an I-node, and says so.
      kind = isArgmaps && AIFArgmapKeys.isArgument(node.record) ? .argument : .statement
    } else if argumentNodes.contains(node.id) {
      kind = .argument
    } else {
      return nil
    }
    let text = isArgmaps ? node.text : Claim.normalizedText(node.text)
    guard text.utf8.count <= Claim.maximumTextLength else {
      fields.error(
        "the text of node '\(node.id)' is \(text.utf8.count) bytes long; claims are limited to "
          + "\(Claim.maximumTextLength)", at: node.offset)
      return nil
    }
    if isArgmaps { return argmapClaim(for: node, kind: kind, text: text) }
    let provenance =
      node.type == .information ? provenance(of: node) : Provenance(source: source)
    let members = (fields.array("members", in: node.record, required: false) ?? []).compactMap {
      fields.string($0, "each of 'members'")
    }
    return Claim(
      id: claimID(node.id), kind: kind, text: text, position: source, provenance: provenance,
      title: node.title,
      members: members.map {
        ClaimMember(text: Claim.normalizedText($0), position: source, provenance: provenance)
      })
  }

  /// A claim as argmap wrote it: its id, and what argmap's keys and its locution keep.
  private mutating func argmapClaim(for node: AIFGraph.Node, kind: ClaimKind, text: String)
    -> Claim?
  {
    guard Identifier.isValid(node.id) else {
      fields.error(
        "'\(node.id)' is not a valid claim id, though argmap wrote this file", at: node.offset)
      return nil
    }
    let keys = AIFArgmapKeys.ClaimKeys(node.record, fields: &fields)
    let provenance = keys.source.map { source in
      var provenance = Provenance(source: source, comment: keys.comment)
      if let locution = anchoringLocution(of: node) {
        let speaker = graph.locutions[locution.id]?.person.flatMap { graph.participants[$0] }
        provenance.speaker = speaker
        provenance.quote = AIFArgmapKeys.quote(locution.text, speaker: speaker)
        provenance.time = locution.timestamp
      }
      return provenance
    }
    return Claim(
      id: node.id, kind: kind, text: keys.isWordless ? "" : text, position: keys.position,
      group: keys.group, tags: keys.tags, provenance: provenance, base: keys.base,
      title: node.title, members: keys.members)
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
    graph.predecessors(of: node.id).lazy.filter { $0.type == .illocution }
      .compactMap { illocution in
        graph.predecessors(of: illocution.id).first { $0.type == .locution }
      }
      .first
  }

  /// AIFdb writes a locution as `Name : what was said`.
  static func splitSpeaker(_ text: String) -> (speaker: String?, said: String) {
    guard let separator = text.firstRange(of: " : ") else { return (nil, text) }
    let speaker = text[..<separator.lowerBound].trimmed
    guard !speaker.isEmpty, !speaker.contains(where: \.isNewline) else { return (nil, text) }
    return (speaker, String(text[separator.upperBound...]))
  }

  /// The start of `text`, verbatim but for white space (runs of it, line breaks included, are
  /// one space, as in claim texts, so the quote fits one line of metadata), cut at a space so
  /// no word is split.
  static func excerpt(_ text: String) -> String? {
    let text = Claim.normalizedText(text)
    guard !text.isEmpty else { return nil }
    guard text.count > quoteLength else { return text }
    let cut = text.prefix(quoteLength)
    let atSpace = cut.lastIndex(where: \.isWhitespace).map { cut[..<$0] } ?? cut
    return String(atSpace).trimmed + "…"
  }

  // MARK: Relations

  /// The node's relations, each with whether it may merge with its mirror image into one
  /// contradiction.
  private mutating func relations(for node: AIFGraph.Node) -> [(
    relation: Relation, mergeable: Bool
  )] {
    // Every I-node has a claim, and so has every scheme node that is an end of another.
    let (sources, targets) = graph.ends(of: node, skipping: incompleteNodes)
    guard shapeIsValid(node, sources: sources.count, targets: targets.count) else { return [] }
    let from = sources.map { claimID($0.id) }
    let target = claimID(targets[0].id)
    var scheme = node.scheme ?? (node.text.trimmed.isEmpty ? nil : node.text)
    var kind = relationKind(node.type, target: targets[0].type)
    var mergeable = kind == .rebuts
    if isArgmaps {
      // argmap writes the scheme only where the relation names one, and says which conflict
      // a CA node is, where AIF cannot tell a rebuttal from an undercut or a contradiction.
      scheme = node.scheme
      if node.type == .conflict, let written = AIFArgmapKeys.conflict(node.record, fields: &fields)
      {
        kind = written == .contradicts ? .rebuts : written
        mergeable = written == .contradicts
      }
    }
    guard argumentNodes.contains(node.id) else {
      for source in sources where source.id == targets[0].id && !isArgmaps {
        fields.warning(
          "\(node.type.rawValue) node '\(node.id)' makes node '\(source.id)' \(kind.verb) itself; "
            + "the relation is kept", at: node.offset)
      }
      return from.map { (Relation(from: $0, to: target, kind: kind, scheme: scheme), mergeable) }
    }
    let argument = claimID(node.id)
    return from.map { (Relation(from: $0, to: argument, kind: .supports), false) }
      + [(Relation(from: argument, to: target, kind: kind, scheme: scheme), mergeable)]
  }

  private func relationKind(_ type: AIFNodeType, target: AIFNodeType) -> RelationKind {
    switch type {
    case .conflict: target.isScheme ? .undercuts : .rebuts
    case .rephrase: .rephrases
    case .preference: .prefers
    case .inference, .information, .locution, .illocution, .transition: .supports
    }
  }

  /// Every scheme node has at least one source and exactly one target. One without a source
  /// or a target is skipped with a warning; one with several targets is an error, since no
  /// relation says which of them it means.
  private mutating func shapeIsValid(_ node: AIFGraph.Node, sources: Int, targets: Int) -> Bool {
    guard sources < 1 || targets != 1 else { return true }
    let (from, to) = node.type == .inference ? ("premise", "conclusion") : ("source", "target")
    let shape =
      "\(node.type.rawValue) node '\(node.id)' has \(counted(sources, from)) and "
      + "\(counted(targets, to))"
    if incompleteNodes.contains(node.id) {
      fields.warning("\(shape), so it relates nothing; it is skipped", at: node.offset)
    } else {
      fields.error(
        "\(shape); expected at least one \(from) and exactly one \(to)", at: node.offset)
    }
    return false
  }

  private func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }

  /// Each pair of mergeable rebuttals `a → b`, `b → a` with the same scheme as one
  /// `.contradicts`, in the place of the first.
  private static func mergingMutualConflicts(
    _ relations: [(relation: Relation, mergeable: Bool)]
  ) -> [Relation] {
    var unmatched: [Relation: [Int]] = [:]
    var merged: [Relation?] = []
    for (relation, mergeable) in relations {
      let mirror = Relation(
        from: relation.to, to: relation.from, kind: .rebuts, scheme: relation.scheme)
      if mergeable, let index = unmatched[mirror]?.popLast() {
        merged[index]?.kind = .contradicts
        continue
      }
      if mergeable { unmatched[relation, default: []].append(merged.count) }
      merged.append(relation)
    }
    return merged.compactMap { $0 }
  }
}

extension AIFNodeType {
  /// MA and PA relate any two nodes, inferences and conflicts included, so an edge from a scheme
  /// node into one of them is its source; into an RA or CA it is the other node's target.
  fileprivate var takesSchemeSources: Bool { self == .rephrase || self == .preference }
}

extension AIFGraph {
  /// A scheme node's sources and targets. Every edge between two scheme nodes belongs to one of
  /// them: the MA or PA it enters, or else the node it leaves.
  /// Scheme nodes in `skipped` are no end.
  func ends(of node: Node, skipping skipped: Set<String>) -> (sources: [Node], targets: [Node]) {
    let sources = predecessors(of: node.id).filter {
      $0.type == .information
        || ($0.type.isScheme && node.type.takesSchemeSources && !skipped.contains($0.id))
    }
    let targets = successors(of: node.id).filter {
      $0.type == .information
        || ($0.type.isScheme && !$0.type.takesSchemeSources && !skipped.contains($0.id))
    }
    return (sources, targets)
  }
}
