import ArgModel
import SQLiteKit

/// Column lists and row decoders shared by every query, so a claim is read one way only.
enum Rows {
  /// Select `claimColumns` from `claims c` to decode with `claim(_:tags:)`.
  static let claimColumns =
    "c.seq, c.id, c.kind, c.text, c.position_id, c.source_id, c.comment, c.quote, c.base"

  /// Columns after `claimColumns` start here.
  static let afterClaimColumns = 9

  static func claim(_ row: Row, tags: [String]) -> Claim {
    let provenance = row.optionalString(5).map {
      Provenance(source: $0, comment: row.optionalString(6), quote: row.optionalString(7))
    }
    return Claim(
      id: row.string(1), kind: ClaimKind(rawValue: row.string(2)) ?? .statement,
      text: row.string(3), position: row.optionalString(4), tags: tags, provenance: provenance,
      base: row.isNull(8) ? nil : row.double(8))
  }

  static let positionColumns = "p.id, p.title, p.summary"

  static func position(_ row: Row) -> Position {
    Position(id: row.string(0), title: row.string(1), summary: row.optionalString(2))
  }

  static func relation(_ row: Row, from: Int, to: Int, kind: Int) -> Relation {
    Relation(
      from: row.string(from), to: row.string(to),
      kind: RelationKind(rawValue: row.string(kind)) ?? .supports)
  }
}
