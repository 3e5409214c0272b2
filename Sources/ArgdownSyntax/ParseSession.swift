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
    var kind: ClaimKind
    var position: SourcePosition
  }

  private struct PendingRelation {
    var from: Key
    var to: Key
    var kind: RelationKind
    var position: SourcePosition
  }

  let lines: LineTables
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

  private var references: [Reference] = []
  private var relations: [PendingRelation] = []

  init(files: [SourceFile], knownClaims: [String: ClaimKind]) {
    self.lines = LineTables(files: files)
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

  // MARK: Diagnostics

  func error(_ message: String, at position: SourcePosition, notes: [(SourcePosition, String)] = [])
  {
    diagnostics.append(
      PendingDiagnostic(
        severity: .error, position: position, message: message, notes: notes,
        sequence: diagnostics.count))
  }

  // MARK: Collecting

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
  func define(_ claim: Claim, key: Key, at origin: SourcePosition) {
    let index = claimOfKey[key]
    guard index >= 0 else {
      claimOfKey[key] = claims.count
      claims.append(claim)
      claimOrigins.append(origin)
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
  func refer(to key: Key, kind: ClaimKind, at position: SourcePosition) {
    references.append(Reference(key: key, kind: kind, position: position))
  }

  func relate(_ from: Key, _ kind: RelationKind, _ to: Key, at position: SourcePosition) {
    relations.append(PendingRelation(from: from, to: to, kind: kind, position: position))
  }

  // MARK: Resolving

  /// Resolves references, checks and merges relations, and sorts the diagnostics.
  func finish() -> ParsedCorpus {
    // The kind of every key: from its definition, else from the known claims, else none.
    let kinds: [ClaimKind?] = names.indices.map { key in
      let index = claimOfKey[key]
      return index >= 0 ? claims[index].kind : knownClaims[names[key]]
    }

    var suggestions: [Key: String?] = [:]
    for reference in references {
      let id = names[reference.key]
      if let kind = kinds[reference.key] {
        guard kind != reference.kind else { continue }
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

    var seen: [UInt64: (kind: RelationKind, position: SourcePosition)] = [:]
    seen.reserveCapacity(relations.count)
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
      let pair = UInt64(relation.from) << 32 | UInt64(relation.to)
      if let first = seen[pair] {
        if first.kind != relation.kind {
          error(
            "'\(from)' both \(first.kind.rawValue) and \(relation.kind.rawValue) '\(to)'",
            at: relation.position, notes: [(first.position, "first related here")])
        }
        continue
      }
      seen[pair] = (relation.kind, relation.position)
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
      map: ArgumentMap(positions: positions, claims: claims, relations: merged),
      diagnostics: converted)
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
