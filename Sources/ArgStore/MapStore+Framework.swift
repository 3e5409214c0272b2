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
      var seqs: [Int] = []
      var claims: [Claim] = []
      try database.prepare(
        "SELECT seq, id, kind, base\(withTexts ? ", text" : "") FROM claims ORDER BY seq"
      ).forEachRow { row in
        seqs.append(row.int(0))
        claims.append(
          Claim(
            id: row.string(1), kind: ClaimKind(rawValue: row.string(2)) ?? .statement,
            text: withTexts ? row.string(4) : "", base: row.isNull(3) ? nil : row.double(3)))
      }
      var relations: [Relation] = []
      try database.prepare("SELECT from_seq, to_seq, kind FROM relations").forEachRow { row in
        guard let from = Self.index(of: row.int(0), in: seqs),
          let to = Self.index(of: row.int(1), in: seqs)
        else { return }
        relations.append(
          Relation(
            from: claims[from].id, to: claims[to].id,
            kind: RelationKind(rawValue: row.string(2)) ?? .supports))
      }
      return ArgumentMap(claims: claims, relations: relations)
    }
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
  public func claimIDs(taggedWith tag: String) throws(StoreError) -> Set<String> {
    try storeErrors {
      Set(
        try database.prepare(
          "SELECT c.id FROM claim_tags t JOIN claims c ON c.seq = t.claim_seq WHERE t.tag = ?"
        ).map([tag]) { $0.string(0) })
    }
  }
}
