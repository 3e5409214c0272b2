import ArgModel
import SQLiteKit

/// The wordings of the stored map, each with its claim's links (see ``Wording``). A place's
/// claims come from one statement, in seq order, and the relations into them from another
/// walked alongside it; asides and reconstructions, which few claims have, come from cached
/// statements run only for those. Memory holds a row of each and the place's few members'
/// wordings.
extension StoreRows {
  public func forEachWording(in place: ClaimPlace, _ body: (Wording) -> Void) throws(StoreError) {
    let (filter, values) = Rows.placeFilter(place)
    let (memberFilter, _) = Rows.placeFilter(place, alias: "m")
    try storeErrors {
      let slugs = try Rows.Slugs(database)
      var members = try database.prepare(
        """
        SELECT m.claim_seq, (
          SELECT count(*) FROM claim_members o WHERE o.claim_seq = m.claim_seq AND o.member < m.member)
        FROM claim_members m \(join("s", on: "m.claim_seq")) WHERE \(memberFilter)
        ORDER BY m.claim_seq, m.member
        """
      ).map(values) { (seq: $0.int(0), index: $0.int(1)) }[...]
      let claimBySeq = try database.cachedStatement(
        "SELECT \(Self.wordingColumns) FROM claims c WHERE c.seq = ?")
      // Members' wordings go between the claims, in the order of their claims' seqs.
      func writeMembers(before seq: Int) throws {
        while let next = members.first, next.seq < seq {
          members.removeFirst()
          try claimBySeq.forEachRow([next.seq]) { row in
            let flags = ClaimFlags(row, at: Rows.afterClaimColumns)
            body(try wording(row, flags, slugs, member: next.index, incoming: nil))
          }
        }
      }
      // A position with no claims of its own may still hold other claims' wordings.
      guard let seqs = try seqRange(of: place) else { return try writeMembers(before: .max) }
      var marks = try ClaimMarks(database, seqs: seqs)
      defer { marks.finish() }
      var incoming = try relations(into: filter, values)
      defer { incoming.finish() }
      try database.prepare(
        """
        SELECT \(Rows.keyedClaimColumns) FROM claims c \(join("s", on: "c.seq"))
        WHERE \(filter) ORDER BY c.seq
        """
      ).forEachRow(values) { row in
        let seq = row.int(0)
        let flags = try marks.flags(of: seq)
        // A claim with members is written as its members' wordings, each in its own place.
        guard !flags.hasMembers else { return }
        try writeMembers(before: seq)
        body(
          try wording(row, flags, slugs, member: nil, incoming: incoming.rows(of: seq, Link.init)))
      }
      try writeMembers(before: .max)
    }
  }

  /// The whole map's outline lists every position; a selection's, those of its claims, so a
  /// member may stand in another.
  public func unlistedPositions() throws(StoreError) -> [String] {
    guard let selected else { return [] }
    let listed = Set(try outline().positions.map(\.id))
    return try storeErrors {
      try database.prepare(
        """
        SELECT \(Rows.positionID(of: "m")) FROM claim_members m JOIN \(selected) s
        ON s.seq = m.claim_seq WHERE m.position_seq IS NOT NULL GROUP BY m.position_seq
        ORDER BY m.position_seq
        """
      ).map([]) { $0.string(0) }.filter { !listed.contains($0) }
    }
  }

  /// None: the store's foreign keys make every relation join two claims.
  public func forEachDanglingRelation(_ body: (Relation, _ from: ClaimName?) -> Void) {}

  /// The relations into the claims that `filter` selects, by their target's seq, as ``Link``s:
  /// ``Link/mapOrder`` puts each target's in the map's order. Walking the claims in seq order
  /// through their index gives the rows in the order of the claims, with no sort; the target's
  /// id is the claim's own, so its row is not read again. A map without reconstructions skips
  /// their test.
  private func relations(into filter: String, _ values: [any SQLBindable]) throws -> RowsBySeq {
    let anyReconstructions =
      try database.scalarInt("SELECT EXISTS (SELECT 1 FROM reconstruction_steps)") != 0
    return try RowsBySeq(
      database.prepare(
        """
        SELECT c.seq, f.id, r.kind, r.scheme, f.kind, f.title, r.from_seq FROM claims c
        \(join("s", on: "c.seq")) JOIN relations r ON r.to_seq = c.seq
        JOIN claims f ON f.seq = r.from_seq \(join("so", on: "f.seq"))
        WHERE \(filter) AND NOT \(anyReconstructions ? Self.reconstructed : "0")
        ORDER BY c.seq
        """), values)
  }

  /// A relation into a claim, from a row of `relations(into:_:)`.
  private struct Link {
    var from: ClaimName
    var fromSeq: Int
    var kind: RelationKind
    var scheme: String?

    init(_ row: Row) {
      from = StoreRows.name(row, id: row.string(1), kind: 4)
      kind = RelationKind(rawValue: row.string(2)) ?? .supports
      scheme = row.optionalString(3)
      fromSeq = row.int(6)
    }

    func relation(to id: String) -> Relation {
      Relation(from: from.id, to: id, kind: kind, scheme: scheme)
    }

    /// The map's order of one target's relations: `ORDER BY r.kind DESC, r.from_seq`.
    static func mapOrder(_ first: Link, _ second: Link) -> Bool {
      guard first.kind != second.kind else { return first.fromSeq < second.fromSeq }
      return rank(first.kind) < rank(second.kind)
    }

    /// A kind's place in `ORDER BY kind DESC`: by name, descending (all ASCII, so `String`'s
    /// order is SQLite's byte order).
    private static func rank(_ kind: RelationKind) -> Int {
      kindsDescending.firstIndex(of: kind)!
    }

    private static let kindsDescending = RelationKind.allCases.sorted { $0.rawValue > $1.rawValue }
  }

  /// `keyedClaimColumns`, then the columns of `ClaimFlags`: for a claim read by itself.
  private static let wordingColumns = """
    \(Rows.keyedClaimColumns), \(Rows.tagsColumn), \(Rows.hasMembersColumn),
    EXISTS (SELECT 1 FROM relations r WHERE r.from_seq = c.seq AND r.kind IN (\(asideKinds))),
    EXISTS (SELECT 1 FROM reconstruction_steps s WHERE s.argument_seq = c.seq)
    """

  /// The aside kinds as SQL literals: constants of the model, not values from outside. The
  /// partial index `relations_asides` (schema 8) repeats `kind IN (…)` with this list, as SQLite
  /// uses it only for a query with the same condition.
  fileprivate static let asideKinds = RelationKind.allCases.filter(\.isAside)
    .map { "'\($0.rawValue)'" }.joined(separator: ", ")

  /// The claims between seqs `?1` and `?2` that have an aside, in seq order, each once.
  static let claimsWithAsides = """
    SELECT DISTINCT from_seq FROM relations WHERE from_seq BETWEEN ?1 AND ?2
    AND kind IN (\(asideKinds)) ORDER BY from_seq
    """

  /// An SQL condition on `relations r`: a reconstruction puts it in the graph, as a premise
  /// supporting its argument or the argument supporting its last step.
  private static let reconstructed = """
    (r.kind = 'supports' AND r.scheme IS NULL AND (
      EXISTS (
        SELECT 1 FROM reconstruction_steps s WHERE s.argument_seq = r.to_seq
        AND s.claim_seq = r.from_seq AND s.step < (
          SELECT max(l.step) FROM reconstruction_steps l WHERE l.argument_seq = r.to_seq))
      OR EXISTS (
        SELECT 1 FROM reconstruction_steps s WHERE s.argument_seq = r.from_seq
        AND s.claim_seq = r.to_seq AND s.step = (
          SELECT max(l.step) FROM reconstruction_steps l WHERE l.argument_seq = r.from_seq))))
    """

  /// A row of `keyedClaimColumns` with its `flags` as the wording `member`, with the claim's
  /// links if it is the first: the relations in are `incoming`, or read here when nil.
  private func wording(
    _ row: Row, _ flags: ClaimFlags, _ slugs: Rows.Slugs, member: Int?, incoming: [Link]?
  ) throws -> Wording {
    let seq = row.int(0)
    var claim = Rows.claim(row, tags: flags.tags, slugs: slugs)
    if flags.hasMembers {
      claim.members = try database.cachedStatement(
        "SELECT \(Rows.memberColumns) FROM claim_members m WHERE m.claim_seq = ? ORDER BY m.member"
      ).map([seq], Rows.member)
    }
    var wording = Wording(claim: claim, member: member)
    guard wording.isFirst else { return wording }
    if let incoming {
      // Most claims have one reason or none: sorting those would only copy them.
      for link in incoming.count > 1 ? incoming.sorted(by: Link.mapOrder) : incoming {
        wording.incoming.append(link.relation(to: claim.id))
        wording.names[link.from.id] = link.from
      }
    } else {
      try linkedRelations(
        "r.to_seq = ?1 AND NOT \(Self.reconstructed) ORDER BY r.kind DESC, r.from_seq",
        other: "f", seq, into: &wording
      ) { $0.incoming.append($1) }
    }
    if flags.hasAsides {
      try linkedRelations(
        "r.from_seq = ?1 AND r.kind IN (\(Self.asideKinds)) ORDER BY r.to_seq, r.kind DESC",
        other: "t", seq, into: &wording
      ) { $0.asides.append($1) }
    }
    if flags.hasReconstruction { try addReconstruction(seq, to: &wording) }
    return wording
  }

  /// The relations of claim `seq` matching `condition`, named by their `other` end (`f` or
  /// `t`), each given to `add`; those whose other end is not selected are left out.
  private func linkedRelations(
    _ condition: String, other: String, _ seq: Int, into wording: inout Wording,
    _ add: (inout Wording, Relation) -> Void
  ) throws {
    try database.cachedStatement(
      """
      SELECT \(Rows.relationColumns), \(other).kind, \(other).title FROM relations r
      JOIN claims f ON f.seq = r.from_seq JOIN claims t ON t.seq = r.to_seq
      \(join("so", on: "\(other).seq")) WHERE \(condition)
      """
    ).forEachRow([seq]) { row in
      let relation = Rows.relation(row)
      let id = other == "f" ? relation.from : relation.to
      wording.names[id] = Self.name(row, id: id, kind: 4)
      add(&wording, relation)
    }
  }

  /// The argument `seq`'s reconstruction, when every step is selected: a partial one would
  /// read as a different argument.
  private func addReconstruction(_ seq: Int, to wording: inout Wording) throws {
    let selectedStep = selected == nil ? "1" : "so.seq IS NOT NULL"
    var steps: [Reconstruction.Step] = []
    var complete = true
    try database.cachedStatement(
      """
      SELECT c.id, s.inference, c.kind, c.title, \(selectedStep) FROM reconstruction_steps s
      JOIN claims c ON c.seq = s.claim_seq
      \(selected.map { "LEFT JOIN \($0) so ON so.seq = s.claim_seq" } ?? "")
      WHERE s.argument_seq = ? ORDER BY s.step
      """
    ).forEachRow([seq]) { row in
      let id = row.string(0)
      steps.append(Reconstruction.Step(claim: id, inference: row.optionalString(1)))
      wording.names[id] = Self.name(row, id: id, kind: 2)
      complete = complete && row.int(4) != 0
    }
    if complete {
      wording.reconstruction = Reconstruction(argument: wording.claim.id, steps: steps)
    }
  }

  /// A claim's name from its kind and title, in columns `kind` and `kind + 1`.
  private static func name(_ row: Row, id: String, kind: Int) -> ClaimName {
    ClaimName(
      id: id, kind: ClaimKind(rawValue: row.string(kind)) ?? .statement,
      title: row.optionalString(kind + 1))
  }
}

/// What a claim has besides its columns: its tags, and whether it has members, asides out and
/// a reconstruction, which decide what else is read for it.
private struct ClaimFlags {
  var tags: [String] = []
  var hasMembers = false
  var hasAsides = false
  var hasReconstruction = false

  init() {}

  /// From the columns after `claimColumns` in `StoreRows.wordingColumns`, from `column` on.
  init(_ row: Row, at column: Int) {
    tags = Rows.tags(row, column)
    hasMembers = row.int(column + 1) != 0
    hasAsides = row.int(column + 2) != 0
    hasReconstruction = row.int(column + 3) != 0
  }
}

/// The flags of a place's claims, read alongside them in seq order: one statement per table
/// (tags, members, asides, reconstruction steps) stepping through its rows in the place's range
/// of seqs, rather than a subquery per claim and table, which cost as much as reading
/// the claims. Each holds one row.
private struct ClaimMarks {
  private var tags: RowsBySeq
  private var members: RowsBySeq
  private var asides: RowsBySeq
  private var reconstructions: RowsBySeq

  init(_ database: Database, seqs: ClosedRange<Int>) throws {
    func cursor(_ sql: String) throws -> RowsBySeq {
      try RowsBySeq(database.cachedStatement(sql), [seqs.lowerBound, seqs.upperBound])
    }
    tags = try cursor(
      """
      SELECT claim_seq, group_concat(tag, char(31)) FROM claim_tags WHERE claim_seq BETWEEN ?1 AND ?2
      GROUP BY claim_seq ORDER BY claim_seq
      """)
    members = try cursor(
      """
      SELECT DISTINCT claim_seq FROM claim_members WHERE claim_seq BETWEEN ?1 AND ?2
      ORDER BY claim_seq
      """)
    asides = try cursor(StoreRows.claimsWithAsides)
    reconstructions = try cursor(
      """
      SELECT DISTINCT argument_seq FROM reconstruction_steps WHERE argument_seq BETWEEN ?1 AND ?2
      ORDER BY argument_seq
      """)
  }

  /// The flags of claim `seq`, no lower than the last asked for.
  mutating func flags(of seq: Int) throws -> ClaimFlags {
    var flags = ClaimFlags()
    // Each statement gives at most one row per seq (grouped or distinct).
    flags.tags = try tags.rows(of: seq) { Rows.tags($0, 1) }.first ?? []
    flags.hasMembers = try !members.rows(of: seq) { _ in () }.isEmpty
    flags.hasAsides = try !asides.rows(of: seq) { _ in () }.isEmpty
    flags.hasReconstruction = try !reconstructions.rows(of: seq) { _ in () }.isEmpty
    return flags
  }

  func finish() {
    [tags, members, asides, reconstructions].forEach { $0.finish() }
  }
}
