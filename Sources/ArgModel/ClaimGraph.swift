/// A map as the semantics read it: claims numbered `0..<count` in map order, each with its base
/// score, and the relations between those numbers. No ids and no texts: reading them was most
/// of evaluating a large map, so a caller names only the claims it prints, through `seqs`.
public struct ClaimGraph: Sendable, Equatable {
  /// Claim `i`'s key in the store (its seq), ascending; for the graph of an `ArgumentMap`,
  /// its index in the map.
  public let seqs: [Int]
  /// Claim `i`'s base score; `Claim.defaultBase` where the claim sets none.
  public let bases: [Double]
  /// Relations between claim numbers, in no particular order (the semantics sort their own).
  public let relations: [Edge]

  /// One relation, by the numbers of its ends.
  public struct Edge: Sendable, Hashable {
    public var from: Int32
    public var to: Int32
    public var kind: RelationKind

    public init(from: Int32, to: Int32, kind: RelationKind) {
      self.from = from
      self.to = to
      self.kind = kind
    }
  }

  public init(seqs: [Int], bases: [Double], relations: [Edge]) {
    precondition(seqs.count == bases.count, "one base score per claim")
    self.seqs = seqs
    self.bases = bases
    self.relations = relations
  }

  /// The graph of a map held in memory: claim `i` is `map.claims[i]`. Relations naming a claim
  /// that is not in the map are skipped; when two claims share an id, the first one answers.
  public init(map: ArgumentMap) {
    var indexByID: [String: Int32] = [:]
    indexByID.reserveCapacity(map.claims.count)
    for (index, claim) in map.claims.enumerated() where indexByID[claim.id] == nil {
      indexByID[claim.id] = Int32(index)
    }
    self.init(
      seqs: Array(map.claims.indices), bases: map.claims.map { $0.base ?? Claim.defaultBase },
      relations: map.relations.compactMap { relation in
        guard let from = indexByID[relation.from], let to = indexByID[relation.to] else {
          return nil
        }
        return Edge(from: from, to: to, kind: relation.kind)
      })
  }

  public var count: Int { seqs.count }

  /// The number of the claim whose seq is `seq`, or nil when the graph has no such claim.
  public func index(ofSeq seq: Int) -> Int? {
    Self.index(of: seq, in: seqs)
  }

  /// Where `seq` is in the ascending `seqs`. Seqs are dense unless claims were removed, so the
  /// first guess is usually right and a million lookups hash nothing.
  public static func index(of seq: Int, in seqs: [Int]) -> Int? {
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
}
