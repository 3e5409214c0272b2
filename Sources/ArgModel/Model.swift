/// The plain values of an argument map. No I/O happens here: the parser produces these, the store
/// persists them and the exporters render them.

/// A debate position: a group of claims defended together, such as one side of a thread.
public struct Position: Hashable, Sendable {
  /// A stable slug, e.g. `realism-critique`.
  public var id: String
  public var title: String
  public var summary: String?

  public init(id: String, title: String, summary: String? = nil) {
    self.id = id
    self.title = title
    self.summary = summary
  }
}

/// Argdown distinguishes statements (`[id]`) from arguments (`<id>`); both are nodes of the map.
public enum ClaimKind: String, Hashable, Sendable, CaseIterable {
  case statement
  case argument
}

/// Where a claim came from: a source, the comment within it, and a short verbatim quote that
/// locates the claim in that comment.
public struct Provenance: Hashable, Sendable {
  public var source: String
  public var comment: String?
  public var quote: String?

  public init(source: String, comment: String? = nil, quote: String? = nil) {
    self.source = source
    self.comment = comment
    self.quote = quote
  }
}

public struct Claim: Hashable, Sendable {
  /// A stable slug, e.g. `refusal-is-not-subversion`.
  public var id: String
  public var kind: ClaimKind
  /// The claim in the map's own words.
  public var text: String
  /// The position the claim was defined under; `nil` for a claim outside every position.
  public var position: String?
  /// Kept sorted and free of duplicates, so that equal maps compare equal.
  public private(set) var tags: [String]
  public var provenance: Provenance?
  /// The claim's intrinsic strength in [0, 1] before any support or attack counts (DF-QuAD's
  /// base score); nil means the default, `Claim.defaultBase`.
  public var base: Double?

  /// The base score of a claim that states none: undecided between true and false.
  public static let defaultBase = 0.5

  public init(
    id: String, kind: ClaimKind = .statement, text: String, position: String? = nil,
    tags: [String] = [], provenance: Provenance? = nil, base: Double? = nil
  ) {
    self.id = id
    self.kind = kind
    self.text = text
    self.position = position
    self.tags = Claim.canonicalTags(tags)
    self.provenance = provenance
    self.base = base
  }

  /// Claims longer than this (in UTF-8 bytes) are refused: a claim is a sentence or a
  /// paragraph, and full-text snippets grow quadratically with a row's length.
  public static let maximumTextLength = 10_000

  /// `text` with every run of white space, line breaks included, turned into one space and the
  /// ends trimmed: how the corpus reads a claim's lines, so text typed at the command line is
  /// stored the way an exported file would give it back.
  public static func normalizedText(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  public mutating func setTags(_ newTags: [String]) {
    tags = Claim.canonicalTags(newTags)
  }

  private static func canonicalTags(_ tags: [String]) -> [String] {
    Array(Set(tags)).sorted()
  }
}

public enum RelationKind: String, Hashable, Sendable, CaseIterable {
  /// `from` gives a reason for `to`.
  case supports
  /// `from` speaks against `to`.
  case rebuts

  /// The verb for messages: "a claim cannot support itself".
  public var verb: String {
    switch self {
    case .supports: "support"
    case .rebuts: "rebut"
    }
  }
}

/// One directed edge: "`from` supports `to`" or "`from` rebuts `to`".
public struct Relation: Hashable, Sendable {
  public var from: String
  public var to: String
  public var kind: RelationKind

  public init(from: String, to: String, kind: RelationKind) {
    self.from = from
    self.to = to
    self.kind = kind
  }
}

/// A text the map's claims are drawn from, such as the seed discussion.
public struct Source: Hashable, Sendable {
  public var id: String
  public var title: String
  public var url: String?

  public init(id: String, title: String, url: String? = nil) {
    self.id = id
    self.title = title
    self.url = url
  }
}

/// A whole map. Arrays keep definition order, which the exporters preserve.
public struct ArgumentMap: Hashable, Sendable {
  public var sources: [Source]
  public var positions: [Position]
  public var claims: [Claim]
  public var relations: [Relation]

  public init(
    sources: [Source] = [], positions: [Position] = [], claims: [Claim] = [],
    relations: [Relation] = []
  ) {
    self.sources = sources
    self.positions = positions
    self.claims = claims
    self.relations = relations
  }

  public func claim(withID id: String) -> Claim? {
    claims.first { $0.id == id }
  }

  /// Every claim's kind by id, as the parser takes them to resolve references.
  public var claimKinds: [String: ClaimKind] {
    Dictionary(claims.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
  }

  public func claims(inPosition positionID: String?) -> [Claim] {
    claims.filter { $0.position == positionID }
  }
}

extension Claim {
  /// What importing this claim makes of `stored`, the claim already kept under the same id.
  ///
  /// The text and kind are the import's. Whatever the import leaves unsaid is kept: a file that
  /// restates a claim to answer it must not strip its provenance or tags, nor move it out of
  /// the position where it was first defined.
  public func merged(into stored: Claim) -> Claim {
    var merged = self
    merged.position = stored.position ?? position
    if let stored = stored.provenance {
      merged.provenance = Provenance(
        source: provenance?.source ?? stored.source,
        comment: provenance?.comment ?? stored.comment,
        quote: provenance?.quote ?? stored.quote)
    }
    if tags.isEmpty { merged.tags = stored.tags }
    merged.base = base ?? stored.base
    return merged
  }
}

extension Position {
  /// What importing this position makes of `stored`: a heading without a summary keeps the
  /// stored one.
  public func merged(into stored: Position) -> Position {
    var merged = self
    merged.summary = summary ?? stored.summary
    return merged
  }
}
