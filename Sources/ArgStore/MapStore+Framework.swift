import ArgModel
import SQLiteKit

extension MapStore {
  /// The whole map as the semantics read it: every claim's id, kind and base score (and its
  /// text when `withTexts`), and every relation's ends and kind, claims in map order. Tags,
  /// provenance, positions, groups, sources, schemes and reconstructions are left out: reading
  /// them was most of evaluating a large map. It is an `ArgumentMap` still, so the semantics
  /// and the CLI's claim lines take it as they take a full one; texts are empty without
  /// `withTexts`, and relations come in no particular order (the semantics sort their own).
  public func frameworkMap(withTexts: Bool) throws(StoreError) -> ArgumentMap {
    try storeErrors {
      // Sized up front: growing arrays of a million claims by doubling would hold two at once.
      let (seqs, claims) = try leanClaims(
        where: "1", [], withTexts: withTexts,
        capacity: try database.scalarInt("SELECT count(*) FROM claims") ?? 0)
      var relations: [Relation] = []
      relations.reserveCapacity(try database.scalarInt("SELECT count(*) FROM relations") ?? 0)
      try database.prepare("SELECT from_seq, to_seq, kind FROM relations").forEachRow {
        Self.appendRelation($0, among: seqs, claims, to: &relations)
      }
      return ArgumentMap(claims: claims, relations: relations)
    }
  }

  /// `frameworkMap` (without texts) of the claims `map(treeOf:)` selects without a depth
  /// limit: the claim and everything that bears on it, with the relations among them. Each
  /// claim's incoming relations are read by index, so the cost follows the region, not the map.
  public func frameworkMap(treeOf rootID: String) throws(StoreError) -> ArgumentMap {
    _ = try claim(id: rootID)
    return try storeErrors {
      let (seqs, claims) = try leanClaims(
        where: "c.seq IN (\(Self.reach(limited: false)))", [rootID], withTexts: false,
        capacity: 0)
      var relations: [Relation] = []
      let incoming = try database.cachedStatement(
        "SELECT from_seq, to_seq, kind FROM relations WHERE to_seq = ?")
      for seq in seqs {
        try incoming.forEachRow([seq]) {
          Self.appendRelation($0, among: seqs, claims, to: &relations)
        }
      }
      return ArgumentMap(claims: claims, relations: relations)
    }
  }

  /// The claims matching `filter` (an SQL condition on `claims c`) in seq order, with their
  /// seqs, read as `frameworkMap` describes.
  private func leanClaims(
    where filter: String, _ values: [any SQLBindable], withTexts: Bool, capacity: Int
  ) throws -> (seqs: [Int], claims: [Claim]) {
    var seqs: [Int] = []
    var claims: [Claim] = []
    seqs.reserveCapacity(capacity)
    claims.reserveCapacity(capacity)
    try database.prepare(
      """
      SELECT c.seq, c.id, c.kind, c.base\(withTexts ? ", c.text" : "") FROM claims c
      WHERE \(filter) ORDER BY c.seq
      """
    ).forEachRow(values) { row in
      seqs.append(row.int(0))
      claims.append(
        Claim(
          id: row.string(1), kind: ClaimKind(rawValue: row.string(2)) ?? .statement,
          text: withTexts ? row.string(4) : "", base: row.isNull(3) ? nil : row.double(3)))
    }
    return (seqs, claims)
  }

  /// Appends the relation in `row` (from seq, to seq, kind) when both its ends are among the
  /// claims read.
  private static func appendRelation(
    _ row: Row, among seqs: [Int], _ claims: [Claim], to relations: inout [Relation]
  ) {
    guard let from = index(of: row.int(0), in: seqs), let to = index(of: row.int(1), in: seqs)
    else { return }
    relations.append(
      Relation(
        from: claims[from].id, to: claims[to].id,
        kind: RelationKind(rawValue: row.string(2)) ?? .supports))
  }

  /// Where `seq` is in the ascending `seqs`. Seqs are dense unless claims were removed, so the
  /// first guess is usually right and a million lookups hash nothing.
  private static func index(of seq: Int, in seqs: [Int]) -> Int? {
    let guess = seq - (seqs.first ?? 0)
    if seqs.indices.contains(guess), seqs[guess] == seq { return guess }
    var low = 0
    var high = seqs.count
    while low < high {
      let middle = (low + high) / 2
      if seqs[middle] < seq { low = middle + 1 } else { high = middle }
    }
    return low < seqs.count && seqs[low] == seq ? low : nil
  }

  /// The ids of the claims carrying `tag`, for listings narrowed by `--tag`.
  /// A tag no claim carries is not found, with the nearest tag in use suggested: an empty
  /// listing would read as "no claim of that tag stands".
  public func claimIDs(taggedWith tag: String) throws(StoreError) -> Set<String> {
    try storeErrors {
      let ids = Set(
        try database.prepare(
          "SELECT c.id FROM claim_tags t JOIN claims c ON c.seq = t.claim_seq WHERE t.tag = ?"
        ).map([tag]) { $0.string(0) })
      guard ids.isEmpty else { return ids }
      let tags = try database.prepare("SELECT DISTINCT tag FROM claim_tags ORDER BY tag")
        .map([]) { $0.string(0) }
      throw StoreError.notFound(.tag, id: tag, suggestion: Identifier.nearest(to: tag, among: tags))
    }
  }
}
