import ArgModel
import SQLiteKit

/// A position and how many claims are defined under it.
public struct PositionSummary: Hashable, Sendable {
  public var position: Position
  public var claimCount: Int
}

/// A claim related to another one, and how.
public struct Link: Hashable, Sendable {
  public var kind: RelationKind
  public var claim: Claim
}

/// A claim with its neighbours in both directions.
public struct ClaimDetail: Hashable, Sendable {
  public var claim: Claim
  public var positionTitle: String?
  /// Claims that support or rebut this one.
  public var incoming: [Link]
  /// Claims this one supports or rebuts.
  public var outgoing: [Link]
}

extension MapStore {
  public func positions() throws(StoreError) -> [PositionSummary] {
    try storeErrors {
      try database.prepare(
        """
        SELECT \(Rows.positionColumns), (SELECT count(*) FROM claims c WHERE c.position_seq = p.seq)
        FROM positions p ORDER BY p.seq
        """
      ).map { PositionSummary(position: Rows.position($0), claimCount: $0.int(3)) }
    }
  }

  public func position(id: String) throws(StoreError) -> Position {
    let found = try storeErrors {
      try database.prepare("SELECT \(Rows.positionColumns) FROM positions p WHERE p.id = ?")
        .first([id], Rows.position)
    }
    guard let found else {
      throw .notFound(.position, id: id, suggestion: try nearest(to: id, in: "positions"))
    }
    return found
  }

  /// Claims in definition order, all of them or those of one position.
  public func claims(inPosition positionID: String? = nil) throws(StoreError) -> [Claim] {
    if let positionID { _ = try position(id: positionID) }
    return try storeErrors {
      let filter =
        positionID == nil ? "" : "WHERE c.position_seq = \(Rows.positionSeq(ofID: "?"))"
      return try loadClaims(
        "SELECT \(Rows.claimColumns) FROM claims c \(filter) ORDER BY c.seq",
        positionID.map { [$0] } ?? [])
    }
  }

  public func claim(id: String) throws(StoreError) -> Claim {
    let found = try storeErrors {
      try loadClaims("SELECT \(Rows.claimColumns) FROM claims c WHERE c.id = ?", [id]).first
    }
    guard let found else { throw try claimNotFound(id) }
    return found
  }

  public func detail(ofClaim id: String) throws(StoreError) -> ClaimDetail {
    let claim = try claim(id: id)
    return try storeErrors {
      let title = try claim.position.flatMap { try position(id: $0).title }
      let neighbours = { (join: String, match: String) in
        let rows = try self.database.prepare(
          """
          SELECT \(Rows.claimColumns), r.kind FROM relations r JOIN claims c ON c.seq = r.\(join)
          WHERE r.\(match) = (SELECT seq FROM claims WHERE id = ?)
          ORDER BY r.kind DESC, c.seq
          """
        ).map([id]) {
          ($0.int(0), $0.string(Rows.afterClaimColumns), Rows.claim($0, tags: []))
        }
        let tags = try self.tags(ofClaimSeqs: rows.map(\.0))
        return rows.map { seq, kind, claim in
          var claim = claim
          claim.setTags(tags[seq] ?? [])
          return Link(kind: RelationKind(rawValue: kind) ?? .supports, claim: claim)
        }
      }
      return ClaimDetail(
        claim: claim, positionTitle: title,
        incoming: try neighbours("from_seq", "to_seq"),
        outgoing: try neighbours("to_seq", "from_seq"))
    }
  }

  /// The claim `id`'s seq and kind, and whether it has a title, or nil: the parser looks up
  /// the stored claims a corpus names one at a time, rather than loading every id.
  public func knownClaim(id: String) throws(StoreError) -> (
    seq: Int, kind: ClaimKind, hasTitle: Bool
  )? {
    try storeErrors {
      try database.cachedStatement(
        "SELECT seq, kind, title IS NOT NULL FROM claims WHERE id = ?"
      ).first([id]) {
        (
          seq: $0.int(0), kind: ClaimKind(rawValue: $0.string(1)) ?? .statement,
          hasTitle: $0.int(2) != 0
        )
      }
    }
  }

  /// The ids of the claims with these titles and a seq up to `seq`, by title, so the parser
  /// can resolve `[Some Title]` to the claim an earlier import titled so. Titles have no
  /// index: one pass over the claims serves every title asked for.
  public func claimIDs(titled titles: Set<String>, upTo seq: Int = .max) throws(StoreError)
    -> [String: String]
  {
    try storeErrors {
      var ids: [String: String] = [:]
      try database.prepare("SELECT title, id FROM claims WHERE title IS NOT NULL AND seq <= ?")
        .forEachRow([seq]) { row in
          let title = row.string(0)
          if titles.contains(title) { ids[title] = row.string(1) }
        }
      return ids
    }
  }

  /// The claims whose ids are as many bytes long as `lengths` allows, in seq order, so the
  /// parser can suggest an id near a mistyped one without loading every id.
  public func claimIDs(utf8Lengths lengths: ClosedRange<Int>) throws(StoreError) -> [(
    seq: Int, id: String
  )] {
    try storeErrors {
      try database.prepare(
        "SELECT seq, id FROM claims WHERE length(CAST(id AS BLOB)) BETWEEN ? AND ? ORDER BY seq"
      ).map([lengths.lowerBound, lengths.upperBound]) { (seq: $0.int(0), id: $0.string(1)) }
    }
  }

  /// The whole map, or one position's claims together with the claims directly linked to them
  /// from elsewhere, so that a position's export shows what answers it.
  public func map(position positionID: String? = nil) throws(StoreError) -> ArgumentMap {
    try withRows(positionID.map(MapSelection.position) ?? .whole) { rows throws(StoreError) in
      try ArgumentMap(collecting: rows)
    }
  }

  /// A claim with everything that supports or rebuts it, recursively, down to `depth` levels.
  public func map(treeOf rootID: String, depth maxDepth: Int? = nil) throws(StoreError)
    -> ArgumentMap
  {
    try withRows(.tree(root: rootID, depth: maxDepth)) { rows throws(StoreError) in
      try ArgumentMap(collecting: rows)
    }
  }

  /// SQL selecting the seqs of claim `?1` and of everything that bears on it, recursively;
  /// when `limited`, only down to `?2` levels.
  static func reach(limited: Bool) -> String {
    // Without a depth limit the walk keeps only claim seqs, so UNION's duplicate removal alone
    // ends it on cycles; with a limit, the depth column bounds it.
    limited
      ? """
      WITH RECURSIVE reach(seq, depth) AS (
        SELECT seq, 0 FROM claims WHERE id = ?1
        UNION SELECT \(otherEnd), w.depth + 1 FROM reach w JOIN relations r ON \(bearsOn("w.seq"))
        WHERE w.depth < ?2)
      SELECT seq FROM reach
      """
      : """
      WITH RECURSIVE reach(seq) AS (
        SELECT seq FROM claims WHERE id = ?1
        UNION SELECT \(otherEnd) FROM reach w JOIN relations r ON \(bearsOn("w.seq")))
      SELECT seq FROM reach
      """
  }

  /// The sources claims cite, in the order they were registered.
  public func sources() throws(StoreError) -> [Source] {
    try storeErrors {
      try database.prepare("SELECT id, title, url FROM sources ORDER BY seq").map {
        Source(id: $0.string(0), title: $0.string(1), url: $0.optionalString(2))
      }
    }
  }

  // MARK: - Shared loading

  /// The map's title, from Argdown front matter.
  func title() throws -> String? {
    try database.prepare("SELECT value FROM map_info WHERE key = 'title'").first { $0.string(0) }
  }

  /// Runs a query selecting `Rows.claimColumns` and attaches each claim's tags.
  func loadClaims(_ sql: String, _ values: [any SQLBindable] = []) throws -> [Claim] {
    let rows = try database.prepare(sql).map(values) { ($0.int(0), Rows.claim($0, tags: [])) }
    let tags = try tags(ofClaimSeqs: rows.map(\.0))
    let members = try members(ofClaimSeqs: rows.map(\.0))
    return rows.map { seq, claim in
      var claim = claim
      if let claimTags = tags[seq] { claim.setTags(claimTags) }
      if let claimMembers = members[seq] { claim.members = claimMembers }
      return claim
    }
  }

  /// The members of the claims stated in several wordings, by claim seq, in the order written.
  /// Such claims are few, so the whole table is read when many claims are asked about.
  func members(ofClaimSeqs seqs: [Int]) throws -> [Int: [ClaimMember]] {
    guard !seqs.isEmpty else { return [:] }
    var members: [Int: [ClaimMember]] = [:]
    let collect = { (row: Row) in members[row.int(0), default: []].append(Rows.member(row)) }
    if seqs.count > 64 {
      let wanted = Set(seqs)
      try database.prepare(
        "SELECT \(Rows.memberColumns) FROM claim_members m ORDER BY m.claim_seq, m.member"
      ).forEachRow { if wanted.contains($0.int(0)) { collect($0) } }
    } else {
      let statement = try database.cachedStatement(
        "SELECT \(Rows.memberColumns) FROM claim_members m WHERE m.claim_seq = ? ORDER BY m.member")
      for seq in seqs { try statement.forEachRow([seq], collect) }
    }
    return members
  }

  /// Tags by claim seq. Large sets read the whole (small) tag table once rather than per claim.
  func tags(ofClaimSeqs seqs: [Int]) throws -> [Int: [String]] {
    guard !seqs.isEmpty else { return [:] }
    var tags: [Int: [String]] = [:]
    if seqs.count > 64 {
      let wanted = Set(seqs)
      try database.prepare("SELECT claim_seq, tag FROM claim_tags").forEachRow {
        if wanted.contains($0.int(0)) { tags[$0.int(0), default: []].append($0.string(1)) }
      }
    } else {
      let statement = try database.cachedStatement("SELECT tag FROM claim_tags WHERE claim_seq = ?")
      for seq in seqs {
        let claimTags = try statement.map([seq]) { $0.string(0) }
        if !claimTags.isEmpty { tags[seq] = claimTags }
      }
    }
    return tags
  }

  func claimNotFound(_ id: String) throws(StoreError) -> StoreError {
    .notFound(.claim, id: id, suggestion: try nearest(to: id, in: "claims"))
  }

  /// The closest existing id in `table`, to suggest when an id is mistyped.
  func nearest(to id: String, in table: String) throws(StoreError) -> String? {
    try storeErrors {
      let ids = try database.prepare("SELECT id FROM \(table)").map { $0.string(0) }
      return Identifier.nearest(to: id, among: ids)
    }
  }
}
