import ArgModel
import SQLiteKit

/// Which part of the stored map an export reads.
public enum MapSelection: Hashable, Sendable {
  /// Every claim, every position (those without claims too) and the map's title.
  case whole
  /// One position's claims together with the claims directly linked to them from elsewhere,
  /// so that a position's export shows what answers it.
  case position(String)
  /// A claim with everything that supports or rebuts it, recursively, down to `depth` levels.
  case tree(root: String, depth: Int?)
}

extension MapStore {
  /// Runs `body` with the rows of `selection`, read from the store as `body` asks for them. A
  /// sub-map's claims are chosen once, in SQL, into a temporary table of their seqs.
  public func withRows<Result>(
    _ selection: MapSelection, _ body: (StoreRows) throws(StoreError) -> Result
  ) throws(StoreError) -> Result {
    switch selection {
    case .whole:
      return try body(StoreRows(store: self, selected: nil))
    case .position(let id):
      let requested = try position(id: id)
      try select(
        """
        c.position_seq = \(Rows.positionSeq(ofID: "?1")) OR c.seq IN (
          SELECT r.from_seq FROM relations r JOIN claims t ON t.seq = r.to_seq
          WHERE t.position_seq = \(Rows.positionSeq(ofID: "?1"))
          UNION SELECT r.to_seq FROM relations r JOIN claims f ON f.seq = r.from_seq
          WHERE f.position_seq = \(Rows.positionSeq(ofID: "?1")))
        """, [id])
      defer { dropSelection() }
      return try body(StoreRows(store: self, selected: "temp.selected", requested: requested))
    case .tree(let root, let depth):
      _ = try claim(id: root)
      let values: [any SQLBindable] = depth.map { [root, $0] } ?? [root]
      try select("c.seq IN (\(Self.reach(limited: depth != nil)))", values)
      defer { dropSelection() }
      return try body(StoreRows(store: self, selected: "temp.selected"))
    }
  }

  /// Fills `temp.selected` with the seqs of the claims matching `claimFilter` (an SQL
  /// condition on `claims c`).
  private func select(_ claimFilter: String, _ values: [any SQLBindable]) throws(StoreError) {
    try storeErrors {
      try database.execute("DROP TABLE IF EXISTS temp.selected")
      try database.execute("CREATE TEMP TABLE selected (seq INTEGER PRIMARY KEY)")
      try database.run(
        "INSERT INTO temp.selected SELECT c.seq FROM claims c WHERE \(claimFilter)", values)
    }
  }

  private func dropSelection() {
    try? database.execute("DROP TABLE IF EXISTS temp.selected")
  }
}

/// The rows of a stored map, or of the claims in a selection table and what lies between them,
/// each read by one SQL statement stepping through its rows. See ``MapStore/withRows(_:_:)``.
public struct StoreRows: MapRows {
  public typealias Failure = StoreError

  let store: MapStore
  /// A table of claim seqs; nil for the whole map.
  let selected: String?
  /// The position a position's export was asked for, drawn even when it has no claims.
  var requested: Position? = nil

  var database: Database { store.database }

  /// `JOIN selected alias ON alias.seq = seq`, or nothing for the whole map.
  func join(_ alias: String, on seq: String) -> String {
    selected.map { "JOIN \($0) \(alias) ON \(alias).seq = \(seq)" } ?? ""
  }

  public func outline() throws(StoreError) -> MapOutline {
    try storeErrors {
      // The whole map has every position, those without claims too.
      let positionFilter =
        selected.map {
          "WHERE p.seq IN (SELECT c.position_seq FROM claims c JOIN \($0) s ON s.seq = c.seq)"
        }
        ?? ""
      var positions = try database.prepare(
        "SELECT \(Rows.positionColumns) FROM positions p \(positionFilter) ORDER BY p.seq"
      ).map([], Rows.position)
      if let requested, !positions.contains(requested) { positions.insert(requested, at: 0) }
      let positionIDs = Set(positions.map(\.id))
      let groups = try database.prepare(
        "SELECT \(Rows.groupColumns) FROM claim_groups g ORDER BY g.seq"
      ).map([], Rows.group).filter { positionIDs.contains($0.position) }
      let sources = try database.prepare(
        """
        SELECT id, title, url FROM sources
        WHERE seq IN (SELECT c.source_seq FROM claims c \(join("s", on: "c.seq"))) ORDER BY seq
        """
      ).map { Source(id: $0.string(0), title: $0.string(1), url: $0.optionalString(2)) }
      return MapOutline(
        title: selected == nil ? try store.title() : nil, sources: sources, positions: positions,
        groups: groups)
    }
  }

  /// One statement over the claims, naming their positions and sources from memory, and two
  /// walked alongside it in seq order: the claims' tags and their members, which few claims
  /// have. Those two read their tables over the span of seqs the place's position takes, with
  /// no join: rows of other claims in the span are stepped past. A subquery per claim, or a
  /// join from each claim, cost as much as reading the claims.
  public func forEachClaim(in place: ClaimPlace?, _ body: (Claim) -> Void) throws(StoreError) {
    let (filter, values) = place.map(Rows.placeFilter) ?? ("1", [])
    try storeErrors {
      guard let seqs = try place.map(seqRange) ?? 0...Int.max else { return }
      /// The rows of `table`, by its `claim_seq`, over the span.
      func alongClaims(_ columns: String, from table: String, order: String) throws -> RowsBySeq {
        try RowsBySeq(
          database.cachedStatement(
            """
            SELECT \(columns) FROM \(table) WHERE claim_seq BETWEEN ? AND ?
            ORDER BY claim_seq, \(order)
            """), [seqs.lowerBound, seqs.upperBound])
      }
      let slugs = try Rows.Slugs(database)
      var tags = try alongClaims("claim_seq, tag", from: "claim_tags", order: "tag")
      defer { tags.finish() }
      var members = try alongClaims(Rows.memberColumns, from: "claim_members m", order: "member")
      defer { members.finish() }
      try database.cachedStatement(
        """
        SELECT \(Rows.keyedClaimColumns) FROM claims c \(join("s", on: "c.seq")) WHERE \(filter)
        ORDER BY c.seq
        """
      ).forEachRow(values) { row in
        let seq = row.int(0)
        var claim = Rows.claim(row, tags: try tags.rows(of: seq) { $0.string(1) }, slugs: slugs)
        claim.members = try members.rows(of: seq, Rows.member)
        body(claim)
      }
    }
  }

  /// The seqs of the first and last claim in `place`'s position (or outside every position),
  /// between which the place's claims lie; nil when it has none. Read from the index of claims
  /// by position.
  func seqRange(of place: ClaimPlace) throws -> ClosedRange<Int>? {
    let (condition, values): (String, [any SQLBindable]) =
      place.position.map { ("position_seq = \(Rows.positionSeq(ofID: "?1"))", [$0]) }
      ?? ("position_seq IS NULL", [])
    return try database.cachedStatement(
      """
      SELECT (SELECT min(seq) FROM claims WHERE \(condition)),
        (SELECT max(seq) FROM claims WHERE \(condition))
      """
    ).first(values) { $0.isNull(0) ? nil : $0.int(0)...$0.int(1) } ?? nil
  }

  /// Claims are counted by their position's key and group first, so that a place is worked out
  /// once per pair rather than once per claim.
  public func claimCounts() throws(StoreError) -> [ClaimPlace: Int] {
    try storeErrors {
      var counts: [ClaimPlace: Int] = [:]
      // Without groups every place's group is NULL (see `placeColumns`), and counting by
      // position alone reads only the index of claims by position, not every claim's row.
      let anyGroups = try database.scalarInt("SELECT EXISTS (SELECT 1 FROM claim_groups)") != 0
      let (group, grouping) = anyGroups ? ("c.group_id", "1, 2") : ("NULL AS group_id", "1")
      try database.prepare(
        """
        SELECT \(Rows.placeColumns), sum(c.count) FROM (
          SELECT c.position_seq, \(group), count(*) AS count FROM claims c
          \(join("s", on: "c.seq")) GROUP BY \(grouping)) c
        GROUP BY 1, 2
        """
      ).forEachRow {
        counts[ClaimPlace(position: $0.optionalString(0), group: $0.optionalString(1))] =
          $0.int(2)
      }
      return counts
    }
  }

  public func forEachRelation(within position: String?, _ body: (RelationRow) -> Void)
    throws(StoreError)
  {
    let (filter, values) = position.map(Rows.relationsWithin) ?? ("1", [])
    try storeErrors {
      let slugs = try Rows.Slugs(database)
      try database.prepare(
        """
        SELECT \(Rows.relationColumns), \(Rows.relationEndPositions) FROM relations r
        \(join("sf", on: "r.from_seq")) \(join("st", on: "r.to_seq"))
        JOIN claims f ON f.seq = r.from_seq JOIN claims t ON t.seq = r.to_seq
        WHERE \(filter) ORDER BY r.to_seq, r.kind DESC, r.from_seq
        """
      ).forEachRow(values) {
        body(
          RelationRow(
            relation: Rows.relation($0), fromPosition: slugs.position($0, 4),
            toPosition: slugs.position($0, 5)))
      }
    }
  }

  /// Reconstructions whose argument and every step are selected: a partial one would read as a
  /// different argument.
  public func forEachReconstruction(_ body: (Reconstruction) -> Void) throws(StoreError) {
    let complete =
      selected.map {
        """
        JOIN \($0) sa ON sa.seq = s.argument_seq
        WHERE NOT EXISTS (
          SELECT 1 FROM reconstruction_steps o LEFT JOIN \($0) so ON so.seq = o.claim_seq
          WHERE o.argument_seq = s.argument_seq AND so.seq IS NULL)
        """
      } ?? ""
    try storeErrors {
      var current: Reconstruction?
      try database.prepare(
        """
        SELECT a.id, c.id, s.inference FROM reconstruction_steps s
        JOIN claims a ON a.seq = s.argument_seq JOIN claims c ON c.seq = s.claim_seq
        \(complete)
        ORDER BY s.argument_seq, s.step
        """
      ).forEachRow { row in
        let step = Reconstruction.Step(claim: row.string(1), inference: row.optionalString(2))
        if current?.argument == row.string(0) {
          current?.steps.append(step)
        } else {
          current.map(body)
          current = Reconstruction(argument: row.string(0), steps: [step])
        }
      }
      current.map(body)
    }
  }

  public func forEachArgumentRelation(_ body: (ArgumentRelation) -> Void) throws(StoreError) {
    try storeErrors {
      try database.prepare(
        """
        SELECT \(Rows.relationColumns), f.kind = ?1, t.kind = ?1 FROM relations r
        \(join("sf", on: "r.from_seq")) \(join("st", on: "r.to_seq"))
        JOIN claims f ON f.seq = r.from_seq JOIN claims t ON t.seq = r.to_seq
        WHERE f.kind = ?1 OR t.kind = ?1
        """
      ).forEachRow([ClaimKind.argument.rawValue]) {
        body(
          ArgumentRelation(
            relation: Rows.relation($0), fromIsArgument: $0.int(4) != 0,
            toIsArgument: $0.int(5) != 0))
      }
    }
  }

  public func forEachSaying(_ body: (_ claim: String, Provenance) -> Void) throws(StoreError) {
    try storeErrors {
      try database.prepare(
        """
        SELECT c.id, \(Rows.sourceID(of: "c")), c.comment, c.quote, c.speaker, c.said_at
        FROM claims c \(join("s", on: "c.seq"))
        WHERE c.quote IS NOT NULL OR c.speaker IS NOT NULL OR c.said_at IS NOT NULL
        ORDER BY c.seq
        """
      ).forEachRow {
        body(
          $0.string(0),
          Provenance(
            source: $0.string(1), comment: $0.optionalString(2), quote: $0.optionalString(3),
            speaker: $0.optionalString(4), time: $0.optionalString(5)))
      }
    }
  }
}
