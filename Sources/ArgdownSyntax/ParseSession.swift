import ArgModel

/// What one parse run collects across files: positions, claims, references and relations as
/// they are read, and diagnostics. `finish()` resolves references and checks the relations once
/// every file has been read, so a claim may be used before, or in another file than, its
/// definition.
final class ParseSession {
  private struct PendingDiagnostic {
    var severity: Diagnostic.Severity
    var position: SourcePosition
    var message: String
    var notes: [(SourcePosition, String)]
    var sequence: Int
  }

  /// Ids are interned: each distinct id gets a small number the first time it is seen, so that
  /// references and relations are checked by array index instead of by hashing strings.
  typealias Key = Int

  private struct Reference {
    var key: Key
    /// Nil where either kind will do (an id in `rephrases` or `prefers` metadata).
    var kind: ClaimKind?
    var position: SourcePosition
  }

  private struct EdgeKey: Hashable {
    var pair: UInt64
    var kind: RelationKind
  }

  private struct PendingGroup {
    /// Nil until `finish()` when the heading gives no `{id: …}`.
    var id: String?
    var title: String
    var position: String
    var parent: Int?
    var origin: SourcePosition
  }

  /// A premise-conclusion structure: its steps' keys and inference texts.
  struct PendingReconstruction {
    var argument: Key
    var steps: [(key: Key, inference: String?)]
    var origin: SourcePosition
  }

  private struct PendingRelation {
    var from: Key
    var to: Key
    var kind: RelationKind
    var position: SourcePosition
  }

  let lines = LineTables()
  private let knownClaims: [String: ClaimKind]
  private var diagnostics: [PendingDiagnostic] = []

  private var positions: [Position] = []
  private var positionIndex: [String: Int] = [:]
  private var positionOrigins: [SourcePosition] = []

  private var keys: [String: Key] = [:]
  private var names: [String] = []
  /// For each key, the index of its claim in `claims`, or -1 while it has no definition.
  private var claimOfKey: [Int] = []

  private var claims: [Claim] = []
  private var claimOrigins: [SourcePosition] = []
  /// For each claim, the index of its group in `groups`, or -1.
  private var claimGroups: [Int] = []
  /// Untitled statements, named once every explicit id of the corpus is known.
  private var untitledKeys: [Key] = []

  private var groups: [PendingGroup] = []
  private var groupsByID: [String: Int] = [:]
  private var reconstructions: [PendingReconstruction] = []
  private var title: (text: String, origin: SourcePosition)?

  private var references: [Reference] = []
  private var relations: [PendingRelation] = []

  init(knownClaims: [String: ClaimKind]) {
    self.knownClaims = knownClaims
  }

  /// The key of `id`, assigned on first sight.
  func intern(_ id: String) -> Key {
    if let key = keys[id] { return key }
    let key = names.count
    keys[id] = key
    names.append(id)
    claimOfKey.append(-1)
    return key
  }

  /// A fresh key for an untitled statement. Its name cannot be spelled in a file, so it
  /// collides with nothing until `finish()` gives it a readable id.
  func internUntitled() -> Key {
    let key = intern("\u{1}\(untitledKeys.count)")
    untitledKeys.append(key)
    return key
  }

  // MARK: Diagnostics

  func error(_ message: String, at position: SourcePosition, notes: [(SourcePosition, String)] = [])
  {
    report(.error, message, at: position, notes: notes)
  }

  func warning(
    _ message: String, at position: SourcePosition, notes: [(SourcePosition, String)] = []
  ) {
    report(.warning, message, at: position, notes: notes)
  }

  private func report(
    _ severity: Diagnostic.Severity, _ message: String, at position: SourcePosition,
    notes: [(SourcePosition, String)]
  ) {
    diagnostics.append(
      PendingDiagnostic(
        severity: severity, position: position, message: message, notes: notes,
        sequence: diagnostics.count))
  }

  // MARK: Collecting

  /// A front matter's `title`: the first one read is the map's.
  func setTitle(_ text: String, at origin: SourcePosition) {
    guard let title else {
      self.title = (text, origin)
      return
    }
    if title.text != text {
      warning(
        "the map is already titled '\(title.text)'; this title is ignored", at: origin,
        notes: [(title.origin, "first titled here")])
    }
  }

  /// A heading below a position's. A heading with an explicit id may head several sections
  /// as long as title, position and parent agree; one without gets a new group each time.
  /// Returns the group's index, or nil after an error.
  func openGroup(
    id: String?, title: String, position: String, parent: Int?, at origin: SourcePosition
  ) -> Int? {
    let group = PendingGroup(
      id: id, title: title, position: position, parent: parent, origin: origin)
    guard let id else {
      groups.append(group)
      return groups.count - 1
    }
    guard let index = groupsByID[id] else {
      groupsByID[id] = groups.count
      groups.append(group)
      return groups.count - 1
    }
    let first = groups[index]
    guard first.title == title, first.position == position, first.parent == parent else {
      error(
        "group '\(id)' is already defined with another title or under another heading",
        at: origin, notes: [(first.origin, "first defined here")])
      return nil
    }
    return index
  }

  func reconstruct(_ reconstruction: PendingReconstruction) {
    reconstructions.append(reconstruction)
  }

  /// A `# Title {id: …}` heading. The same id may head several sections, in one file or many,
  /// as long as the titles agree; a summary given twice must agree too.
  func open(_ position: Position, at origin: SourcePosition) {
    guard let index = positionIndex[position.id] else {
      positionIndex[position.id] = positions.count
      positions.append(position)
      positionOrigins.append(origin)
      return
    }
    let first = positions[index]
    let note = [(positionOrigins[index], "first defined here")]
    if first.title != position.title {
      error(
        "position '\(position.id)' is titled '\(position.title)' here but '\(first.title)' where first defined",
        at: origin, notes: note)
    }
    if let summary = position.summary {
      if let firstSummary = first.summary {
        if firstSummary != summary {
          error("conflicting summary for position '\(position.id)'", at: origin, notes: note)
        }
      } else {
        positions[index].summary = summary
      }
    }
  }

  /// A `[id]: text` or `<id>: text` definition. Defining a claim again is allowed when the text
  /// and kind are the same; tags and provenance fields given both times must agree, and fields
  /// given only once are kept. The first definition decides the claim's position.
  func define(_ claim: Claim, key: Key, group: Int?, at origin: SourcePosition) {
    let index = claimOfKey[key]
    guard index >= 0 else {
      claimOfKey[key] = claims.count
      claims.append(claim)
      claimOrigins.append(origin)
      claimGroups.append(group ?? -1)
      return
    }
    var existing = claims[index]
    let note = [(claimOrigins[index], "first defined here")]
    if existing.kind != claim.kind {
      error(
        "'\(claim.id)' is already defined as \(Self.article(existing.kind))", at: origin,
        notes: note)
      return
    }
    if existing.text != claim.text {
      error("'\(claim.id)' is defined twice with different text", at: origin, notes: note)
      return
    }
    if !claim.tags.isEmpty {
      if existing.tags.isEmpty {
        existing.setTags(claim.tags)
      } else if existing.tags != claim.tags {
        error("conflicting tags for '\(claim.id)'", at: origin, notes: note)
      }
    }
    if let new = claim.provenance {
      if var old = existing.provenance {
        func merge(_ field: WritableKeyPath<Provenance, String?>, _ name: String) {
          guard let value = new[keyPath: field] else { return }
          if let current = old[keyPath: field] {
            if current != value {
              error(
                "conflicting \(name) for '\(claim.id)': '\(value)' here but '\(current)' where first defined",
                at: origin, notes: note)
            }
          } else {
            old[keyPath: field] = value
          }
        }
        if old.source != new.source {
          error(
            "conflicting source for '\(claim.id)': '\(new.source)' here but '\(old.source)' where first defined",
            at: origin, notes: note)
        }
        merge(\.comment, "comment")
        merge(\.quote, "quote")
        merge(\.speaker, "speaker")
        merge(\.time, "time")
        existing.provenance = old
      } else {
        existing.provenance = new
      }
    }
    if let base = claim.base {
      if let current = existing.base, current != base {
        error(
          "conflicting base for '\(claim.id)': \(base) here but \(current) where first defined",
          at: origin, notes: note)
      }
      existing.base = base
    }
    claims[index] = existing
  }

  /// `[id]` or `<id>` without a definition; checked once every file is read.
  func refer(to key: Key, kind: ClaimKind?, at position: SourcePosition) {
    references.append(Reference(key: key, kind: kind, position: position))
  }

  func relate(_ from: Key, _ kind: RelationKind, _ to: Key, at position: SourcePosition) {
    relations.append(PendingRelation(from: from, to: to, kind: kind, position: position))
  }

  // MARK: Resolving

  /// Resolves references, checks and merges relations, and sorts the diagnostics.
  func finish() -> ParsedCorpus {
    nameUntitledStatements()
    let groups = nameGroups()
    for (index, group) in claimGroups.enumerated() where group >= 0 {
      claims[index].group = groups[group].id
    }
    let reconstructions = resolveReconstructions()
    // The kind of every key: from its definition, else from the known claims, else none.
    let kinds: [ClaimKind?] = names.indices.map { key in
      let index = claimOfKey[key]
      return index >= 0 ? claims[index].kind : knownClaims[names[key]]
    }

    var suggestions: [Key: String?] = [:]
    for reference in references {
      let id = names[reference.key]
      if let kind = kinds[reference.key] {
        guard let expected = reference.kind, kind != expected else { continue }
        let spelled = kind == .statement ? "[\(id)]" : "<\(id)>"
        let index = claimOfKey[reference.key]
        error(
          "'\(id)' is \(Self.article(kind)), so refer to it as '\(spelled)'",
          at: reference.position, notes: index >= 0 ? [(claimOrigins[index], "defined here")] : [])
        continue
      }
      let suggestion: String?
      if let cached = suggestions[reference.key] {
        suggestion = cached
      } else {
        // Suggesting costs a pass over every id; a run with a flood of unknown ids gets
        // suggestions for the first few only.
        suggestion = suggestions.count < 64 ? nearest(to: id) : nil
        suggestions[reference.key] = suggestion
      }
      var message = "no claim with id '\(id)'"
      if let suggestion { message += "; did you mean '\(suggestion)'?" }
      error(message, at: reference.position)
    }

    var seen: Set<EdgeKey> = []
    seen.reserveCapacity(relations.count)
    // Supporting and rebutting the same claim contradict each other; other kinds may share a
    // pair (an argument's premise may also undercut it).
    var polarity: [UInt64: (kind: RelationKind, position: SourcePosition)] = [:]
    var merged: [Relation] = []
    merged.reserveCapacity(relations.count)
    for relation in relations {
      guard kinds[relation.from] != nil, kinds[relation.to] != nil else { continue }
      let from = names[relation.from]
      let to = names[relation.to]
      if relation.from == relation.to {
        let verb = relation.kind.verb
        error("'\(from)' cannot \(verb) itself", at: relation.position)
        continue
      }
      if relation.kind == .undercuts, kinds[relation.to] != .argument {
        error(
          "only an argument can be undercut, and '\(to)' is a statement; refer to an argument as '<\(to)>'",
          at: relation.position)
        continue
      }
      let pair = UInt64(relation.from) << 32 | UInt64(relation.to)
      // "a >< b" after "b >< a" says nothing new.
      let reversed = UInt64(relation.to) << 32 | UInt64(relation.from)
      if relation.kind.isSymmetric, seen.contains(EdgeKey(pair: reversed, kind: relation.kind)) {
        continue
      }
      guard seen.insert(EdgeKey(pair: pair, kind: relation.kind)).inserted else { continue }
      if relation.kind == .supports || relation.kind == .rebuts {
        if let first = polarity[pair] {
          error(
            "'\(from)' both \(first.kind.rawValue) and \(relation.kind.rawValue) '\(to)'",
            at: relation.position, notes: [(first.position, "first related here")])
          continue
        }
        polarity[pair] = (relation.kind, relation.position)
      }
      merged.append(Relation(from: from, to: to, kind: relation.kind))
    }

    let sorted = diagnostics.sorted {
      ($0.position.file, $0.position.offset, $0.sequence)
        < ($1.position.file, $1.position.offset, $1.sequence)
    }
    let converted = sorted.map { pending in
      Diagnostic(
        severity: pending.severity, location: lines.location(pending.position),
        message: pending.message,
        notes: pending.notes.map {
          Diagnostic.Note(location: lines.location($0.0), message: $0.1)
        })
    }
    return ParsedCorpus(
      map: ArgumentMap(
        title: title?.text, positions: positions, groups: groups, claims: claims,
        relations: merged, reconstructions: reconstructions),
      diagnostics: converted)
  }

  /// Gives each untitled statement an id made from its first words, unique among the corpus's
  /// ids. Names are given in reading order, so the same files give the same ids every run.
  private func nameUntitledStatements() {
    var taken = Set(keys.keys)
    for key in untitledKeys {
      let index = claimOfKey[key]
      let base = index >= 0 ? Self.untitledBase(claims[index].text) : "statement"
      let id = Self.unique(base, in: &taken)
      keys[names[key]] = nil
      keys[id] = key
      names[key] = id
      if index >= 0 { claims[index].id = id }
    }
  }

  /// The first words of `text` as a slug, short enough to read in a reference.
  private static func untitledBase(_ text: String) -> String {
    var base = ""
    for word in Identifier.slug(from: text).split(separator: "-").prefix(6) {
      guard base.utf8.count + word.utf8.count < 40 else { break }
      base += base.isEmpty ? word : "-" + word
    }
    return base.isEmpty ? "statement" : base
  }

  /// `base`, or `base-2`, `base-3`, … : the first not in `taken`, which it is added to.
  private static func unique(_ base: String, in taken: inout Set<String>) -> String {
    var candidate = base
    var suffix = 1
    while taken.contains(candidate) {
      suffix += 1
      candidate = "\(base)-\(suffix)"
    }
    taken.insert(candidate)
    return candidate
  }

  /// The groups with ids: explicit ones kept, the others made from titles, in reading order.
  private func nameGroups() -> [Group] {
    var taken = Set(groups.compactMap(\.id))
    let ids = groups.map { group in
      group.id ?? Self.unique(Self.slugOrDefault(group.title, "group"), in: &taken)
    }
    return groups.indices.map { index in
      let group = groups[index]
      return Group(
        id: ids[index], title: group.title, position: group.position,
        parent: group.parent.map { ids[$0] })
    }
  }

  private static func slugOrDefault(_ title: String, _ fallback: String) -> String {
    let slug = Identifier.slug(from: title)
    return slug.isEmpty ? fallback : slug
  }

  /// The reconstructions whose claims all exist, each adding its relations to the graph. An
  /// argument is reconstructed once; a second, different structure for it is an error.
  private func resolveReconstructions() -> [Reconstruction] {
    var resolved: [Reconstruction] = []
    var origins: [String: (index: Int, origin: SourcePosition)] = [:]
    for pending in reconstructions {
      let keysUsed = [pending.argument] + pending.steps.map(\.key)
      guard keysUsed.allSatisfy({ claimOfKey[$0] >= 0 || knownClaims[names[$0]] != nil }) else {
        continue
      }
      let reconstruction = Reconstruction(
        argument: names[pending.argument],
        steps: pending.steps.map { .init(claim: names[$0.key], inference: $0.inference) })
      if let first = origins[reconstruction.argument] {
        if resolved[first.index] != reconstruction {
          error(
            "'\(reconstruction.argument)' is reconstructed twice, differently",
            at: pending.origin, notes: [(first.origin, "first reconstructed here")])
        }
        continue
      }
      origins[reconstruction.argument] = (resolved.count, pending.origin)
      resolved.append(reconstruction)
      for relation in reconstruction.relations {
        relate(keys[relation.from]!, relation.kind, keys[relation.to]!, at: pending.origin)
      }
    }
    return resolved
  }

  private func nearest(to id: String) -> String? {
    // `Identifier.nearest` accepts nothing further than this many edits; ids whose lengths
    // differ by more cannot be that close, so they are skipped without measuring.
    let limit = max(2, id.count / 3)
    let length = id.utf8.count
    // Definition order, then the known ids sorted, so that ties break the same way every run.
    let defined = claims.lazy.map(\.id).filter { abs($0.utf8.count - length) <= limit }
    let known = knownClaims.keys.filter {
      abs($0.utf8.count - length) <= limit && keys[$0].map { claimOfKey[$0] < 0 } ?? true
    }
    return Identifier.nearest(to: id, among: Array(defined) + known.sorted())
  }

  static func article(_ kind: ClaimKind) -> String {
    kind == .statement ? "a statement" : "an argument"
  }
}
