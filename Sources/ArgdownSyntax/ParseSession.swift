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

  private struct Reference {
    var id: String
    var kind: ClaimKind
    var position: SourcePosition
  }

  private struct PendingRelation {
    var from: String
    var to: String
    var kind: RelationKind
    var position: SourcePosition
  }

  private struct Pair: Hashable {
    var from: String
    var to: String
  }

  let lines: LineTables
  private let knownClaims: [String: ClaimKind]
  private var diagnostics: [PendingDiagnostic] = []

  private var positions: [Position] = []
  private var positionIndex: [String: Int] = [:]
  private var positionOrigins: [SourcePosition] = []

  private var claims: [Claim] = []
  private var claimIndex: [String: Int] = [:]
  private var claimOrigins: [SourcePosition] = []

  private var references: [Reference] = []
  private var relations: [PendingRelation] = []

  init(files: [SourceFile], knownClaims: [String: ClaimKind]) {
    self.lines = LineTables(files: files)
    self.knownClaims = knownClaims
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
  func define(_ claim: Claim, at origin: SourcePosition) {
    guard let index = claimIndex[claim.id] else {
      claimIndex[claim.id] = claims.count
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
    claims[index] = existing
  }

  /// `[id]` or `<id>` without a definition; checked once every file is read.
  func refer(to id: String, kind: ClaimKind, at position: SourcePosition) {
    references.append(Reference(id: id, kind: kind, position: position))
  }

  func relate(_ from: String, _ kind: RelationKind, _ to: String, at position: SourcePosition) {
    relations.append(PendingRelation(from: from, to: to, kind: kind, position: position))
  }

  // MARK: Resolving

  private func kind(of id: String) -> ClaimKind? {
    if let index = claimIndex[id] { return claims[index].kind }
    return knownClaims[id]
  }

  /// Resolves references, checks and merges relations, and sorts the diagnostics.
  func finish() -> ParsedCorpus {
    var suggestions: [String: String?] = [:]
    for reference in references {
      if let kind = kind(of: reference.id) {
        guard kind != reference.kind else { continue }
        let spelled = kind == .statement ? "[\(reference.id)]" : "<\(reference.id)>"
        let notes = claimIndex[reference.id].map { [(claimOrigins[$0], "defined here")] } ?? []
        error(
          "'\(reference.id)' is \(Self.article(kind)), so refer to it as '\(spelled)'",
          at: reference.position, notes: notes)
        continue
      }
      let suggestion: String?
      if let cached = suggestions[reference.id] {
        suggestion = cached
      } else {
        // Suggesting costs a pass over every id; a run with a flood of unknown ids gets
        // suggestions for the first few only.
        suggestion = suggestions.count < 64 ? nearest(to: reference.id) : nil
        suggestions[reference.id] = suggestion
      }
      var message = "no claim with id '\(reference.id)'"
      if let suggestion { message += "; did you mean '\(suggestion)'?" }
      error(message, at: reference.position)
    }

    var seen: [Pair: (kind: RelationKind, position: SourcePosition)] = [:]
    var merged: [Relation] = []
    merged.reserveCapacity(relations.count)
    for relation in relations {
      guard kind(of: relation.from) != nil, kind(of: relation.to) != nil else { continue }
      if relation.from == relation.to {
        let verb = relation.kind == .supports ? "support" : "rebut"
        error("'\(relation.from)' cannot \(verb) itself", at: relation.position)
        continue
      }
      let pair = Pair(from: relation.from, to: relation.to)
      if let first = seen[pair] {
        if first.kind != relation.kind {
          error(
            "'\(relation.from)' both \(first.kind.rawValue) and \(relation.kind.rawValue) '\(relation.to)'",
            at: relation.position, notes: [(first.position, "first related here")])
        }
        continue
      }
      seen[pair] = (relation.kind, relation.position)
      merged.append(Relation(from: relation.from, to: relation.to, kind: relation.kind))
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
      abs($0.utf8.count - length) <= limit && claimIndex[$0] == nil
    }
    return Identifier.nearest(to: id, among: Array(defined) + known.sorted())
  }

  static func article(_ kind: ClaimKind) -> String {
    kind == .statement ? "a statement" : "an argument"
  }
}
