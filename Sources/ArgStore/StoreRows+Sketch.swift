import ArgModel
import SQLiteKit

extension StoreRows {
  /// Two statements per place: its claims' seqs, ids and text lengths (SQLite counts the bytes,
  /// so no text is copied out), then the relations out of them as seqs, of which those into a
  /// claim of the sketch are kept. (Out, as the relations' own table is keyed by where they
  /// come from and holds their kind.) Memory holds the sketch and a map of its seqs.
  public func sketch(of places: [ClaimPlace]) throws(StoreError) -> PlaceSketch {
    var sketch = PlaceSketch()
    var index: [Int: Int] = [:]
    try storeErrors {
      for place in places {
        let (filter, values) = Rows.placeFilter(place)
        try database.cachedStatement(
          """
          SELECT c.seq, c.id, length(CAST(c.text AS BLOB)) FROM claims c \(join("s", on: "c.seq"))
          WHERE \(filter) ORDER BY c.seq
          """
        ).forEachRow(values) { row in
          index[row.int(0)] = sketch.claims.count
          sketch.claims.append(PlaceSketch.Claim(id: row.string(1), textLength: row.int(2)))
        }
      }
      for place in places {
        let (filter, values) = Rows.placeFilter(place)
        try database.cachedStatement(
          """
          SELECT r.from_seq, r.to_seq, r.kind FROM claims c \(join("s", on: "c.seq"))
          JOIN relations r ON r.from_seq = c.seq WHERE \(filter)
          """
        ).forEachRow(values) { row in
          guard let from = index[row.int(0)], let to = index[row.int(1)] else { return }
          sketch.relations.append(
            PlaceSketch.Relation(
              from: from, to: to, kind: RelationKind(rawValue: row.string(2)) ?? .supports))
        }
      }
    }
    return sketch
  }
}
