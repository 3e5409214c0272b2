import ArgModel
import SQLiteKit

/// Column lists and row decoders shared by every query, so a claim is read one way only.
enum Rows {
  /// Select `claimColumns` from `claims c` to decode with `claim(_:tags:)`.
  static let claimColumns = claimColumns(
    position: positionID(of: "c"), source: sourceID(of: "c"))

  /// `claimColumns` with the keys of the claim's position and source in place of their slugs,
  /// to decode with `claim(_:tags:slugs:)`: a stream of many claims names them from a table in
  /// memory rather than by two subqueries a row.
  static let keyedClaimColumns = claimColumns(position: "c.position_seq", source: "c.source_seq")

  private static func claimColumns(position: String, source: String) -> String {
    "c.seq, c.id, c.kind, c.text, \(position), \(source), c.comment, c.quote, c.base, "
      + "c.group_id, c.speaker, c.said_at, c.title"
  }

  /// Columns after `claimColumns` start here.
  static let afterClaimColumns = 13

  static func claim(_ row: Row, tags: [String]) -> Claim {
    claim(row, tags: tags, position: row.optionalString(4), source: row.optionalString(5))
  }

  static func claim(_ row: Row, tags: [String], slugs: Slugs) -> Claim {
    claim(
      row, tags: tags, position: slugs.position(row, 4),
      source: row.isNull(5) ? nil : slugs.source(row.int(5)))
  }

  private static func claim(_ row: Row, tags: [String], position: String?, source: String?)
    -> Claim
  {
    let provenance = source.map {
      Provenance(
        source: $0, comment: row.optionalString(6), quote: row.optionalString(7),
        speaker: row.optionalString(10), time: row.optionalString(11))
    }
    return Claim(
      id: row.string(1), kind: ClaimKind(rawValue: row.string(2)) ?? .statement,
      text: row.string(3), position: position, group: row.optionalString(9),
      tags: tags, provenance: provenance, base: row.isNull(8) ? nil : row.double(8),
      title: row.optionalString(12))
  }

  /// The slugs of every position and source by key, for `keyedClaimColumns`: both tables are
  /// small.
  struct Slugs {
    /// By key: keys are numbered from 1 as rows are added, and both tables are small, so an
    /// array indexed by key costs a few slots and spares hashing a key for every claim.
    private var positions: [String?] = []
    private var sources: [String?] = []

    init(_ database: Database) throws {
      positions = try Self.byKey(database, "SELECT seq, id FROM positions")
      sources = try Self.byKey(database, "SELECT seq, id FROM sources")
    }

    private static func byKey(_ database: Database, _ sql: String) throws -> [String?] {
      var slugs: [String?] = []
      try database.cachedStatement(sql).forEachRow { row in
        let key = row.int(0)
        guard key >= 0 else { return }
        if key >= slugs.count { slugs += Array(repeating: nil, count: key + 1 - slugs.count) }
        slugs[key] = row.string(1)
      }
      return slugs
    }

    func position(_ key: Int) -> String? { positions.indices.contains(key) ? positions[key] : nil }
    func source(_ key: Int) -> String? { sources.indices.contains(key) ? sources[key] : nil }

    /// The position whose key is in `column`, which may be NULL.
    func position(_ row: Row, _ column: Int) -> String? {
      row.isNull(column) ? nil : position(row.int(column))
    }
  }

  /// After `claimColumns`: the claim's tags joined by `tagSeparator` (NULL for none), read
  /// with `tags(_:_:)`.
  static let tagsColumn =
    "(SELECT group_concat(t.tag, char(31)) FROM claim_tags t WHERE t.claim_seq = c.seq)"

  /// After `claimColumns`: whether the claim has members, to read with `memberColumns`.
  static let hasMembersColumn =
    "EXISTS (SELECT 1 FROM claim_members m WHERE m.claim_seq = c.seq)"

  static func tags(_ row: Row, _ column: Int) -> [String] {
    row.optionalString(column).map { $0.split(separator: tagSeparator).map(String.init) } ?? []
  }

  /// Select `placeColumns` from `claims c`: the claim's position and the group it is drawn in,
  /// NULL when its group is not one of its position's (see `ClaimPlace`).
  static let placeColumns = """
    \(positionID(of: "c")), CASE WHEN EXISTS (
      SELECT 1 FROM claim_groups g JOIN positions p ON p.id = g.position_id
      WHERE g.id = c.group_id AND p.seq = c.position_seq)
    THEN c.group_id END
    """

  /// An SQL condition on `claims c` selecting the claims placed at `place`, and its values.
  static func placeFilter(_ place: ClaimPlace) -> (String, [any SQLBindable]) {
    placeFilter(place, alias: "c")
  }

  /// The same condition on `claims` or `claim_members` under another alias.
  static func placeFilter(_ place: ClaimPlace, alias c: String) -> (String, [any SQLBindable]) {
    guard let position = place.position else { return ("\(c).position_seq IS NULL", []) }
    guard let group = place.group else {
      return (
        """
        \(c).position_seq = \(positionSeq(ofID: "?1")) AND (\(c).group_id IS NULL OR NOT EXISTS (
          SELECT 1 FROM claim_groups g WHERE g.id = \(c).group_id AND g.position_id = ?1))
        """, [position]
      )
    }
    return (
      "\(c).position_seq = \(positionSeq(ofID: "?1")) AND \(c).group_id = ?2", [position, group]
    )
  }

  /// Select `memberColumns` from `claim_members m` to decode with `member(_:)`.
  static let memberColumns =
    "m.claim_seq, m.text, \(positionID(of: "m")), m.group_id, m.tags, \(sourceID(of: "m")), "
    + "m.comment, m.quote, m.speaker, m.said_at"

  /// How `claim_members.tags` separates a member's tags: a control character, which no tag has.
  static let tagSeparator: Character = "\u{1F}"

  static func member(_ row: Row) -> ClaimMember {
    let tags = row.string(4)
    return ClaimMember(
      text: row.string(1), position: row.optionalString(2), group: row.optionalString(3),
      tags: tags.isEmpty ? [] : tags.split(separator: tagSeparator).map(String.init),
      provenance: row.optionalString(5).map {
        Provenance(
          source: $0, comment: row.optionalString(6), quote: row.optionalString(7),
          speaker: row.optionalString(8), time: row.optionalString(9))
      })
  }

  /// Claims and members name their position and source by integer key (schema 7), which these
  /// turn into the slugs the model uses and back. The tables are small and looked up by key, so
  /// a subquery per row costs less than a join every query would have to spell out.
  static func positionID(of alias: String) -> String {
    "(SELECT id FROM positions WHERE seq = \(alias).position_seq)"
  }

  static func sourceID(of alias: String) -> String {
    "(SELECT id FROM sources WHERE seq = \(alias).source_seq)"
  }

  /// The key of the position whose slug is the SQL expression `id` (a parameter, usually).
  static func positionSeq(ofID id: String) -> String {
    "(SELECT seq FROM positions WHERE id = \(id))"
  }

  static func sourceSeq(ofID id: String) -> String {
    "(SELECT seq FROM sources WHERE id = \(id))"
  }

  static let positionColumns = "p.id, p.title, p.summary"

  static func position(_ row: Row) -> Position {
    Position(id: row.string(0), title: row.string(1), summary: row.optionalString(2))
  }

  /// Select `relationColumns` from `relations r` joined to `claims f` (from) and `claims t` (to)
  /// to decode with `relation(_:)`.
  static let relationColumns = "f.id, t.id, r.kind, r.scheme"

  /// After `relationColumns`: the keys of the positions of the relation's ends, to name with
  /// `Slugs`.
  static let relationEndPositions = "f.position_seq, t.position_seq"

  /// An SQL condition on a relation's ends `claims f` and `claims t`: both in `position`. The
  /// `+` keeps SQLite from pairing every claim of the position with every other through
  /// `claims_by_position`: it walks the position's claims and their incoming relations instead.
  static func relationsWithin(_ position: String) -> (String, [any SQLBindable]) {
    ("t.position_seq = \(positionSeq(ofID: "?1")) AND +f.position_seq = t.position_seq", [position])
  }

  static func relation(_ row: Row) -> Relation {
    Relation(
      from: row.string(0), to: row.string(1),
      kind: RelationKind(rawValue: row.string(2)) ?? .supports, scheme: row.optionalString(3))
  }

  static let groupColumns = "g.id, g.title, g.position_id, g.parent_id"

  static func group(_ row: Row) -> Group {
    Group(
      id: row.string(0), title: row.string(1), position: row.string(2),
      parent: row.optionalString(3))
  }
}
