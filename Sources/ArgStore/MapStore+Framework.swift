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
      var idBySeq: [Int: String] = [:]
      var claims: [Claim] = []
      try database.prepare(
        "SELECT seq, id, kind, base\(withTexts ? ", text" : "") FROM claims ORDER BY seq"
      ).forEachRow { row in
        let claim = Claim(
          id: row.string(1), kind: ClaimKind(rawValue: row.string(2)) ?? .statement,
          text: withTexts ? row.string(4) : "", base: row.isNull(3) ? nil : row.double(3))
        idBySeq[row.int(0)] = claim.id
        claims.append(claim)
      }
      var relations: [Relation] = []
      try database.prepare("SELECT from_seq, to_seq, kind FROM relations").forEachRow { row in
        guard let from = idBySeq[row.int(0)], let to = idBySeq[row.int(1)] else { return }
        relations.append(
          Relation(
            from: from, to: to, kind: RelationKind(rawValue: row.string(2)) ?? .supports))
      }
      return ArgumentMap(claims: claims, relations: relations)
    }
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
