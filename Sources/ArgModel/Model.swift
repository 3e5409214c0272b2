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
  /// Who said it, as the source itself names them (an AIF locution's speaker). Never guessed:
  /// a claim drawn from an anonymous comment has none and is attributed by `comment`.
  public var speaker: String?
  /// When it was said, as the source gives it (an AIF timestamp), kept verbatim.
  public var time: String?

  public init(
    source: String, comment: String? = nil, quote: String? = nil, speaker: String? = nil,
    time: String? = nil
  ) {
    self.source = source
    self.comment = comment
    self.quote = quote
    self.speaker = speaker
    self.time = time
  }
}

/// One wording of a claim that a map states in several (an Argdown equivalence class: one
/// title defined with several texts). Each keeps where it was written and what it carries.
public struct ClaimMember: Hashable, Sendable {
  /// Empty for a member that gives the title only (`[Title]:` with no text).
  public var text: String
  public var position: String?
  public var group: String?
  /// Kept sorted and free of duplicates, as a claim's are.
  public private(set) var tags: [String]
  public var provenance: Provenance?

  public init(
    text: String, position: String? = nil, group: String? = nil, tags: [String] = [],
    provenance: Provenance? = nil
  ) {
    self.text = text
    self.position = position
    self.group = group
    self.tags = Array(Set(tags)).sorted()
    self.provenance = provenance
  }
}

public struct Claim: Hashable, Sendable {
  /// A stable slug, e.g. `refusal-is-not-subversion`.
  public var id: String
  /// The words between the brackets where they are not the id itself (Argdown's title, such as
  /// `Arg Mapping` for the id `arg-mapping`); nil when the map names the claim by its id.
  public var title: String?
  public var kind: ClaimKind
  /// The claim in the map's own words: for a claim with several members, the canonical one's.
  /// Empty for a node the map names but never words (Argdown shows its title alone).
  public var text: String
  /// Every wording, in the order written, when the map gives more than one; empty otherwise.
  /// `text`, `provenance` and `position` are then the canonical member's, first member's
  /// position, and `tags` the union of the members' tags.
  public var members: [ClaimMember] = []
  /// The position the claim was defined under; `nil` for a claim outside every position.
  public var position: String?
  /// The sub-group (a heading below the position's) the claim was defined under, if any.
  public var group: String?
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
    group: String? = nil, tags: [String] = [], provenance: Provenance? = nil, base: Double? = nil,
    title: String? = nil, members: [ClaimMember] = []
  ) {
    self.id = id
    self.title = title
    self.members = members
    self.kind = kind
    self.text = text
    self.position = position
    self.group = group
    self.tags = Claim.canonicalTags(tags)
    self.provenance = provenance
    self.base = base
  }

  /// What a reader calls the claim: its title, or its id when it has none.
  public var name: String { title ?? id }

  /// The words to show for the claim: its text, or its name for a node without words.
  public var displayText: String { text.isEmpty ? name : text }

  /// Titles longer than this (in UTF-8 bytes) are refused: a title names a node in a drawing
  /// and on a line of a terminal.
  public static let maximumTitleLength = 300

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
    // Tags read back from the store are sorted and distinct already, and most claims have none
    // or one: those are kept as they are, rather than hashed into a set and sorted again.
    if zip(tags, tags.dropFirst()).allSatisfy({ $0 < $1 }) { return tags }
    return Array(Set(tags)).sorted()
  }
}

public enum RelationKind: String, Hashable, Sendable, CaseIterable {
  /// `from` gives a reason for `to`.
  case supports
  /// `from` speaks against `to`'s conclusion.
  case rebuts
  /// `from` attacks the inference of the argument `to`: even granting its premises, they do
  /// not carry its conclusion. (Argdown `_>`, an AIF conflict aimed at an inference node.)
  case undercuts
  /// `from` and `to` cannot both hold. Symmetric: each attacks the other. (Argdown `><`.)
  case contradicts
  /// `from` restates `to` in other words (an AIF MA node). Neither supports nor attacks.
  case rephrases
  /// `from` is preferred over `to` (an AIF PA node). Kept, not evaluated.
  case prefers

  /// The verb for messages: "a claim cannot support itself".
  public var verb: String {
    switch self {
    case .supports: "support"
    case .rebuts: "rebut"
    case .undercuts: "undercut"
    case .contradicts: "contradict"
    case .rephrases: "rephrase"
    case .prefers: "be preferred to"
    }
  }

  /// Whether `from` attacks `to` (and, for a symmetric kind, `to` attacks `from`) when the map
  /// is evaluated.
  public var isAttack: Bool {
    switch self {
    case .rebuts, .undercuts, .contradicts: true
    case .supports, .rephrases, .prefers: false
    }
  }

  /// Whether "a kind b" says the same as "b kind a".
  public var isSymmetric: Bool {
    self == .contradicts || self == .rephrases
  }
}

/// One directed edge: "`from` supports `to`", "`from` rebuts `to`" and so on.
public struct Relation: Hashable, Sendable {
  public var from: String
  public var to: String
  public var kind: RelationKind
  /// The argumentation scheme the link instantiates, as AIF names it ("Argument From Expert
  /// Opinion", "Default Conflict"); nil when the source names none.
  public var scheme: String?

  public init(from: String, to: String, kind: RelationKind, scheme: String? = nil) {
    self.from = from
    self.to = to
    self.kind = kind
    self.scheme = scheme
  }

  /// Why this relation is refused after an `earlier` one of another kind on the same ordered
  /// pair: a pair holds one relation (the store keys relations so). A parse without a store
  /// and an import's staged relations both refuse it, in these words.
  public func conflict(withEarlier earlier: RelationKind) -> String {
    "'\(from)' both \(earlier.rawValue) and \(kind.rawValue) '\(to)'"
  }
}

/// A heading below a position's: a named sub-group of the position's claims, nested to any
/// depth (Argdown `##`, `###`, …). Claims name the innermost group they were defined under.
public struct Group: Hashable, Sendable {
  /// Unique in the map; generated from the title when the source gives none.
  public var id: String
  public var title: String
  public var position: String
  /// The enclosing group; nil for a group directly below its position.
  public var parent: String?

  public init(id: String, title: String, position: String, parent: String? = nil) {
    self.id = id
    self.title = title
    self.position = position
    self.parent = parent
  }
}

/// An argument reconstructed as premises and conclusions (Argdown's premise-conclusion
/// structure): numbered steps, each a claim, where a step after an inference line is a
/// conclusion drawn from the steps above it. The last step is the main conclusion.
///
/// In the graph, every step but the last supports the argument and the argument supports the
/// last step, so queries, evaluation and DOT see the reconstruction without knowing of it.
public struct Reconstruction: Hashable, Sendable {
  public var argument: String
  public var steps: [Step]

  public struct Step: Hashable, Sendable {
    public var claim: String
    /// The inference line above this step, which makes it a conclusion: the rule's text between
    /// the dashes ("" for a bare `----`). Nil for a premise.
    public var inference: String?

    public init(claim: String, inference: String? = nil) {
      self.claim = claim
      self.inference = inference
    }

    public var isConclusion: Bool { inference != nil }
  }

  public init(argument: String, steps: [Step]) {
    self.argument = argument
    self.steps = steps
  }

  /// The relations the reconstruction puts in the graph (see the type's note).
  public var relations: [Relation] {
    guard let conclusion = steps.last else { return [] }
    var relations = steps.dropLast().map {
      Relation(from: $0.claim, to: argument, kind: .supports)
    }
    relations.append(Relation(from: argument, to: conclusion.claim, kind: .supports))
    return relations
  }
}

/// A text the map's claims are drawn from, such as the seed discussion.
public struct Source: Hashable, Sendable {
  public var id: String
  public var title: String
  public var url: String?
  /// The whole text, when the map has it: quotes are checked against it.
  public var text: String?
  /// Where each comment stands in `text`, when known.
  public var spans: [CommentSpan]
  /// A file that holds `text`, named by a map (Argdown front matter's `source: id=path`) and
  /// not read yet: parsers do no I/O, so the import reads it.
  public var textFile: String?

  public init(
    id: String, title: String, url: String? = nil, text: String? = nil,
    spans: [CommentSpan] = [], textFile: String? = nil
  ) {
    self.id = id
    self.title = title
    self.url = url
    self.text = text
    self.spans = spans
    self.textFile = textFile
  }
}

/// Lines `lines` of a source's text (counted from 1, both ends included) belong to `comment`.
/// A comment quoted again later in the text has a span for each place.
public struct CommentSpan: Hashable, Sendable {
  public var comment: String
  public var lines: ClosedRange<Int>

  public init(comment: String, lines: ClosedRange<Int>) {
    self.comment = comment
    self.lines = lines
  }
}

/// A whole map. Arrays keep definition order, which the exporters preserve.
public struct ArgumentMap: Hashable, Sendable {
  /// The map's title (an Argdown front matter's `title`), if it has one.
  public var title: String?
  public var sources: [Source]
  public var positions: [Position]
  public var groups: [Group]
  public var claims: [Claim]
  public var relations: [Relation]
  public var reconstructions: [Reconstruction]

  public init(
    title: String? = nil, sources: [Source] = [], positions: [Position] = [],
    groups: [Group] = [], claims: [Claim] = [], relations: [Relation] = [],
    reconstructions: [Reconstruction] = []
  ) {
    self.title = title
    self.sources = sources
    self.positions = positions
    self.groups = groups
    self.claims = claims
    self.relations = relations
    self.reconstructions = reconstructions
  }

  public func claim(withID id: String) -> Claim? {
    claims.first { $0.id == id }
  }

  /// Every claim's kind by id, as the parser takes them to resolve references.
  public var claimKinds: [String: ClaimKind] {
    Dictionary(claims.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
  }

  /// The titles of the claims that have one, to their ids.
  public var claimTitles: [String: String] {
    var titles: [String: String] = [:]
    for claim in claims {
      if let title = claim.title, titles[title] == nil { titles[title] = claim.id }
    }
    return titles
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
    // The group belongs with the position: a claim kept in its stored position keeps its group.
    merged.group =
      stored.position == nil || stored.position == position ? group ?? stored.group : stored.group
    if let stored = stored.provenance {
      merged.provenance = Provenance(
        source: provenance?.source ?? stored.source,
        comment: provenance?.comment ?? stored.comment,
        quote: provenance?.quote ?? stored.quote,
        speaker: provenance?.speaker ?? stored.speaker,
        time: provenance?.time ?? stored.time)
    }
    if tags.isEmpty { merged.tags = stored.tags }
    merged.base = base ?? stored.base
    merged.title = title ?? stored.title
    // A file that names a claim without wording it (`[Title]:`) leaves its words as they are.
    if text.isEmpty {
      merged.text = stored.text
      merged.members = stored.members
    }
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

extension ArgumentMap {
  /// Gives source `id` its text: the map's own description of it when it has one, else the one
  /// `stored` already, else a new source titled by its id.
  public mutating func attachText(_ text: String, toSource id: String, stored: [Source]) {
    if let index = sources.firstIndex(where: { $0.id == id }) {
      sources[index].text = text
      return
    }
    var source = stored.first { $0.id == id } ?? Source(id: id, title: id)
    source.text = text
    sources.append(source)
  }
}
