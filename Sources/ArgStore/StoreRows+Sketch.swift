import ArgModel
import SQLiteKit

extension StoreRows {
  /// One statement per place for its claims' seqs, ids and text lengths (SQLite counts the
  /// bytes, so no text is copied out), then the relations out of them as seqs, of which those
  /// into a claim of the sketch are kept. (Out, as the relations' own table is keyed by where
  /// they come from and holds their kind.) Memory holds the sketch and a map of its seqs.
  public func sketch(of places: [ClaimPlace]) throws(StoreError) -> PlaceSketch {
    var sketch = PlaceSketch()
    var index: [Int: Int] = [:]
    var (first, last) = (Int.max, Int.min)
    try storeErrors {
      for place in places {
        let (filter, values) = Rows.placeFilter(place)
        try database.cachedStatement(
          """
          SELECT c.seq, c.id, length(CAST(c.text AS BLOB)) FROM claims c \(join("s", on: "c.seq"))
          WHERE \(filter) ORDER BY c.seq
          """
        ).forEachRow(values) { row in
          let seq = row.int(0)
          index[seq] = sketch.claims.count
          (first, last) = (min(first, seq), max(last, seq))
          sketch.claims.append(PlaceSketch.Claim(id: row.string(1), textLength: row.int(2)))
        }
      }
      func keep(_ row: Row) {
        guard let from = index[row.int(0)], let to = index[row.int(1)] else { return }
        sketch.relations.append(
          PlaceSketch.Relation(
            from: from, to: to, kind: RelationKind(rawValue: row.string(2)) ?? .supports))
      }
      guard !sketch.claims.isEmpty else { return }
      // A position's claims usually lie close together, as a file's claims are numbered in
      // turn: walking the relations of their span of seqs then costs a step a row, where
      // looking up each claim's costs a search. Spread-out claims are looked up.
      if last - first < 3 * sketch.claims.count {
        try database.cachedStatement(
          "SELECT from_seq, to_seq, kind FROM relations WHERE from_seq BETWEEN ? AND ?"
        ).forEachRow([first, last], keep)
        return
      }
      for place in places {
        let (filter, values) = Rows.placeFilter(place)
        try database.cachedStatement(
          """
          SELECT r.from_seq, r.to_seq, r.kind FROM claims c \(join("s", on: "c.seq"))
          JOIN relations r ON r.from_seq = c.seq WHERE \(filter)
          """
        ).forEachRow(values, keep)
      }
    }
    return sketch
  }
}
