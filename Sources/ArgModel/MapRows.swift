/// A map read a row at a time, in the order the exporters write it, so that an export holds one
/// row (or one position's claims) rather than the whole map. The store answers with SQL over
/// its tables (and over a selection, for a position's or a claim's sub-map); an `ArgumentMap`
/// answers from its arrays, so a parsed map exports through the same code.
///
/// Every method gives the same rows, in the same order, as the `ArgumentMap` it stands for:
/// claims, relations and reconstructions in the map's order.
public protocol MapRows {
  /// What reading can fail with: `Never` for a map in memory.
  associatedtype Failure: Error

  /// The map's title, sources, positions and groups: few, so they come whole.
  func outline() throws(Failure) -> MapOutline

  /// Every claim, or with `place` the claims placed there, in the map's order.
  func forEachClaim(in place: ClaimPlace?, _ body: (Claim) -> Void) throws(Failure)

  /// How many claims each place that has any holds.
  func claimCounts() throws(Failure) -> [ClaimPlace: Int]

  /// Every relation, in the map's order, with where its ends are; with `position`, only those
  /// with both ends placed in that position.
  func forEachRelation(within position: String?, _ body: (RelationRow) -> Void) throws(Failure)

  /// Every reconstruction, in the map's order.
  func forEachReconstruction(_ body: (Reconstruction) -> Void) throws(Failure)

  /// The claims placed at `places`, place by place in the map's order, without their words,
  /// and the relations between them: what sizing a drawing needs. Defaults to reading whole
  /// claims and relations.
  func sketch(of places: [ClaimPlace]) throws(Failure) -> PlaceSketch

  /// Every relation between claims of the map with an argument at one end or both, and which
  /// ends are arguments, in no particular order: what decides how AIF draws an argument.
  func forEachArgumentRelation(_ body: (ArgumentRelation) -> Void) throws(Failure)

  /// Every claim whose provenance says what was said, by whom or when (see
  /// ``Provenance/recordsSaying``), in the map's order: its id and its provenance.
  func forEachSaying(_ body: (_ claim: String, Provenance) -> Void) throws(Failure)

  /// Every wording written under `place` (see ``Wording``), in the map's order: claims, and a
  /// claim's members in turn. Unlike ``forEachClaim(in:_:)``, a position is taken as written,
  /// listed in the outline or not.
  func forEachWording(in place: ClaimPlace, _ body: (Wording) -> Void) throws(Failure)

  /// The positions wordings are written under that the outline does not list, in order of
  /// first appearance.
  func unlistedPositions() throws(Failure) -> [String]

  /// Every relation into an id that is no claim of the map (a map read from a file may have
  /// them), in the map's order, with the claim it comes from; those a reconstruction puts in
  /// the graph are left out, as in ``Wording/incoming``.
  func forEachDanglingRelation(_ body: (Relation, _ from: ClaimName?) -> Void) throws(Failure)
}

extension MapRows {
  /// Every relation, in the map's order, with where its ends are.
  public func forEachRelation(_ body: (RelationRow) -> Void) throws(Failure) {
    try forEachRelation(within: nil, body)
  }
}

extension ArgumentMap {
  /// Every row of `rows`, held whole: for what needs the whole map at once.
  public init<Rows: MapRows>(collecting rows: Rows) throws(Rows.Failure) {
    let outline = try rows.outline()
    self.init(
      title: outline.title, sources: outline.sources, positions: outline.positions,
      groups: outline.groups)
    try rows.forEachClaim(in: nil) { claims.append($0) }
    try rows.forEachRelation { relations.append($0.relation) }
    try rows.forEachReconstruction { reconstructions.append($0) }
  }
}

extension MapRows {
  public func sketch(of places: [ClaimPlace]) throws(Failure) -> PlaceSketch {
    var sketch = PlaceSketch()
    var index: [String: Int] = [:]
    for place in places {
      try forEachClaim(in: place) { claim in
        index[claim.id] = sketch.claims.count
        sketch.claims.append(PlaceSketch.Claim(id: claim.id, textLength: claim.text.utf8.count))
      }
    }
    try forEachRelation { row in
      guard let from = index[row.relation.from], let to = index[row.relation.to] else { return }
      sketch.relations.append(PlaceSketch.Relation(from: from, to: to, kind: row.relation.kind))
    }
    return sketch
  }
}

/// Some places' claims as ids and text lengths, and the relations between them by index into
/// `claims`; see ``MapRows/sketch(of:)``.
public struct PlaceSketch: Sendable {
  public struct Claim: Sendable {
    public var id: String
    /// In UTF-8 bytes.
    public var textLength: Int

    public init(id: String, textLength: Int) {
      self.id = id
      self.textLength = textLength
    }
  }

  public struct Relation: Sendable {
    public var from: Int
    public var to: Int
    public var kind: RelationKind

    public init(from: Int, to: Int, kind: RelationKind) {
      self.from = from
      self.to = to
      self.kind = kind
    }
  }

  public var claims: [Claim] = []
  public var relations: [Relation] = []

  public init() {}
}

/// The small parts of a map, which exporters hold whole.
public struct MapOutline: Hashable, Sendable {
  public var title: String?
  public var sources: [Source]
  public var positions: [Position]
  public var groups: [Group]

  public init(
    title: String? = nil, sources: [Source] = [], positions: [Position] = [], groups: [Group] = []
  ) {
    self.title = title
    self.sources = sources
    self.positions = positions
    self.groups = groups
  }
}

/// Where a claim is drawn: in one of the outline's positions, directly or in one of that
/// position's groups, or (`position` nil) outside every position of the outline. A claim whose
/// group is not one of its position's groups is placed directly in the position.
public struct ClaimPlace: Hashable, Sendable {
  public var position: String?
  public var group: String?

  public init(position: String?, group: String? = nil) {
    self.position = position
    self.group = group
  }

  /// Outside every position.
  public static let outside = ClaimPlace(position: nil)
}

/// A relation, and the positions its ends are placed in (nil outside every position).
public struct RelationRow: Hashable, Sendable {
  public var relation: Relation
  public var fromPosition: String?
  public var toPosition: String?
  /// Whether both ends are claims of the map: a map read from a file may answer claims it
  /// does not hold.
  public var joinsClaims: Bool

  public init(
    relation: Relation, fromPosition: String?, toPosition: String?, joinsClaims: Bool = true
  ) {
    self.relation = relation
    self.fromPosition = fromPosition
    self.toPosition = toPosition
    self.joinsClaims = joinsClaims
  }
}

/// A relation with an argument at one end or both; see ``MapRows/forEachArgumentRelation(_:)``.
public struct ArgumentRelation: Hashable, Sendable {
  public var relation: Relation
  public var fromIsArgument: Bool
  public var toIsArgument: Bool

  public init(relation: Relation, fromIsArgument: Bool, toIsArgument: Bool) {
    self.relation = relation
    self.fromIsArgument = fromIsArgument
    self.toIsArgument = toIsArgument
  }
}

extension Provenance {
  /// Whether it records something said, by someone or at some time: a quote, a speaker or a
  /// time, rather than only where the claim was drawn from.
  public var recordsSaying: Bool { quote != nil || speaker != nil || time != nil }
}

extension ArgumentMap: MapRows {
  public typealias Failure = Never

  public func outline() -> MapOutline {
    MapOutline(title: title, sources: sources, positions: positions, groups: groups)
  }

  /// A repeated claim id comes once, from its first record, as in the store.
  public func forEachClaim(in place: ClaimPlace?, _ body: (Claim) -> Void) {
    let placing = Placing(self)
    var seen: Set<String> = []
    for claim in claims where seen.insert(claim.id).inserted {
      if place == nil || placing.place(of: claim) == place { body(claim) }
    }
  }

  public func claimCounts() -> [ClaimPlace: Int] {
    let placing = Placing(self)
    var counts: [ClaimPlace: Int] = [:]
    forEachClaim(in: nil) { counts[placing.place(of: $0), default: 0] += 1 }
    return counts
  }

  public func forEachRelation(within position: String?, _ body: (RelationRow) -> Void) {
    let placing = Placing(self)
    var positions: [String: String?] = [:]
    for claim in claims where positions[claim.id] == nil {
      positions[claim.id] = placing.place(of: claim).position
    }
    for relation in relations {
      let (from, to) = (positions[relation.from], positions[relation.to])
      if let position, from != position || to != position { continue }
      body(
        RelationRow(
          relation: relation, fromPosition: from ?? nil, toPosition: to ?? nil,
          joinsClaims: from != nil && to != nil))
    }
  }

  public func forEachReconstruction(_ body: (Reconstruction) -> Void) {
    reconstructions.forEach(body)
  }

  public func forEachArgumentRelation(_ body: (ArgumentRelation) -> Void) {
    var kinds: [String: ClaimKind] = [:]
    forEachClaim(in: nil) { kinds[$0.id] = $0.kind }
    for relation in relations {
      guard let from = kinds[relation.from], let to = kinds[relation.to],
        from == .argument || to == .argument
      else { continue }
      body(
        ArgumentRelation(
          relation: relation, fromIsArgument: from == .argument, toIsArgument: to == .argument))
    }
  }

  public func forEachSaying(_ body: (_ claim: String, Provenance) -> Void) {
    forEachClaim(in: nil) { claim in
      if let provenance = claim.provenance, provenance.recordsSaying { body(claim.id, provenance) }
    }
  }

  /// Places claims as ``ClaimPlace`` says, by the map's first record of each position and group.
  private struct Placing {
    let positions: Set<String>
    var groupPositions: [String: String] = [:]

    init(_ map: ArgumentMap) {
      positions = Set(map.positions.map(\.id))
      for group in map.groups where groupPositions[group.id] == nil {
        groupPositions[group.id] = group.position
      }
    }

    func place(of claim: Claim) -> ClaimPlace {
      guard let position = claim.position, positions.contains(position) else { return .outside }
      guard let group = claim.group, groupPositions[group] == position else {
        return ClaimPlace(position: position)
      }
      return ClaimPlace(position: position, group: group)
    }
  }
}
