import ArgModel
import SQLiteKit

extension MapStore {
  /// The whole map as integers, claims in seq order: what evaluation reads. No ids, no texts:
  /// a million claims are a few flat arrays, and `forEachClaim(seqs:)` names those printed.
  public func claimGraph() throws(StoreError) -> ClaimGraph {
    try storeErrors { try readGraph(region: nil, named: false).graph }
  }

  /// The whole map with what explaining standings by claim id needs: every claim's id, kind
  /// and base score, and every relation's ends and kind, claims in map order; texts are empty,
  /// and relations come in no particular order. Evaluation itself reads `claimGraph`.
  public func frameworkMap() throws(StoreError) -> ArgumentMap {
    try storeErrors { Self.named(try readGraph(region: nil, named: true)) }
  }

  /// The claims `map(treeOf:)` selects without a depth limit (the claim and everything that
  /// bears on it) with the relations among them, read once as both a `claimGraph` and a
  /// `frameworkMap`, indexed alike: a claim's standing reads the one, its proof the other.
  public func framework(regionOf rootID: String) throws(StoreError) -> (
    graph: ClaimGraph, map: ArgumentMap
  ) {
    let read = try storeErrors { try readGraph(region: rootID, named: true) }
    // A claim is in its own region, so an empty one means there is no such claim.
    guard read.graph.count > 0 else { throw try claimNotFound(rootID) }
    return (read.graph, Self.named(read))
  }

  /// The claims of the whole map, or of the region of `region` (the claim with that id and
  /// everything with a chain of relations into it), in seq order, and the relations among
  /// them; with `named`, each claim's id, kind and base score as well. A region's incoming
  /// relations are read claim by claim, by index, so its cost follows the region, not the map.
  private func readGraph(region rootID: String?, named: Bool) throws -> (
    graph: ClaimGraph, claims: [Claim]
  ) {
    // Sized up front: growing arrays of a million claims by doubling would hold two at once.
    let capacity =
      rootID == nil ? try database.scalarInt("SELECT count(*) FROM claims") ?? 0 : 0
    var seqs: [Int] = []
    var bases: [Double] = []
    var claims: [Claim] = []
    seqs.reserveCapacity(capacity)
    bases.reserveCapacity(capacity)
    if named { claims.reserveCapacity(capacity) }
    let filter = rootID == nil ? "" : "WHERE c.seq IN (\(Self.reach(limited: false)))"
    try database.prepare(
      "SELECT c.seq, c.base\(named ? ", c.id, c.kind" : "") FROM claims c \(filter) ORDER BY c.seq"
    ).forEachRow(rootID.map { [$0] } ?? []) { row in
      let base = row.isNull(1) ? nil : row.double(1)
      seqs.append(row.int(0))
      bases.append(base ?? Claim.defaultBase)
      guard named else { return }
      claims.append(
        Claim(
          id: row.string(2), kind: ClaimKind(rawValue: row.string(3)) ?? .statement, text: "",
          base: base))
    }
    var relations: [ClaimGraph.Edge] = []
    if rootID == nil {
      relations.reserveCapacity(try database.scalarInt("SELECT count(*) FROM relations") ?? 0)
      try database.prepare("SELECT from_seq, to_seq, kind FROM relations").forEachRow {
        Self.appendEdge($0, among: seqs, to: &relations)
      }
    } else {
      let incoming = try database.cachedStatement(
        "SELECT from_seq, to_seq, kind FROM relations WHERE to_seq = ?")
      for seq in seqs {
        try incoming.forEachRow([seq]) { Self.appendEdge($0, among: seqs, to: &relations) }
      }
    }
    return (ClaimGraph(seqs: seqs, bases: bases, relations: relations), claims)
  }

  /// The claims read with their graph's relations between them, by id.
  private static func named(_ read: (graph: ClaimGraph, claims: [Claim])) -> ArgumentMap {
    ArgumentMap(
      claims: read.claims,
      relations: read.graph.relations.map {
        Relation(
          from: read.claims[Int($0.from)].id, to: read.claims[Int($0.to)].id, kind: $0.kind)
      })
  }

  /// The seq of the claim with this id; not found (with the nearest id) when there is none.
  public func seq(ofClaim id: String) throws(StoreError) -> Int {
    let seq = try storeErrors {
      try database.cachedStatement("SELECT seq FROM claims WHERE id = ?").first([id]) {
        $0.int(0)
      }
    }
    guard let seq else { throw try claimNotFound(id) }
    return seq
  }

  /// The seqs of the claims with these ids, in the same order; nil for an id no claim has.
  public func seqs(ofClaims ids: [String]) throws(StoreError) -> [Int?] {
    try storeErrors {
      let statement = try database.cachedStatement("SELECT seq FROM claims WHERE id = ?")
      return try ids.map { id in try statement.first([id]) { $0.int(0) } }
    }
  }

  /// Calls `body(seq, id, text)` for the claims with these seqs, in the order given (`text` is empty
  /// unless `withTexts`). They are looked up in batches, so naming the claims a command prints
  /// costs what printing them does; a seq no claim has is skipped.
  public func forEachClaim(
    seqs: some Sequence<Int>, withTexts: Bool,
    _ body: (_ seq: Int, _ id: String, _ text: String) -> Void
  ) throws(StoreError) {
    let batchSize = 256
    try storeErrors {
      let statement = try database.cachedStatement(
        "SELECT seq, id\(withTexts ? ", text" : "") FROM claims WHERE seq IN ("
          + Array(repeating: "?", count: batchSize).joined(separator: ",") + ")")
      var batch: [Int] = []
      batch.reserveCapacity(batchSize)
      var found: [Int: (id: String, text: String)] = [:]
      func flush() throws {
        guard let last = batch.last else { return }
        // Every parameter is bound; a short batch repeats its last seq, which IN ignores.
        let padded = batch + Array(repeating: last, count: batchSize - batch.count)
        try statement.forEachRow(padded) { row in
          found[row.int(0)] = (row.string(1), withTexts ? row.string(2) : "")
        }
        for seq in batch {
          if let claim = found[seq] { body(seq, claim.id, claim.text) }
        }
        batch.removeAll(keepingCapacity: true)
        found.removeAll(keepingCapacity: true)
      }
      for seq in seqs {
        batch.append(seq)
        if batch.count == batchSize { try flush() }
      }
      try flush()
    }
  }

  /// Calls `body` with every claim's id in seq order, for outputs that name every claim.
  public func forEachClaimID(_ body: (String) -> Void) throws(StoreError) {
    try storeErrors {
      try database.prepare("SELECT id FROM claims ORDER BY seq").forEachRow { body($0.string(0)) }
    }
  }

  /// The seqs of the claims carrying `tag`, for listings narrowed by `--tag`.
  /// A tag no claim carries is not found, with the nearest tag in use suggested: an empty
  /// listing would read as "no claim of that tag stands".
  public func claimSeqs(taggedWith tag: String) throws(StoreError) -> Set<Int> {
    try storeErrors {
      let seqs = Set(
        try database.prepare("SELECT claim_seq FROM claim_tags WHERE tag = ?").map([tag]) {
          $0.int(0)
        })
      guard seqs.isEmpty else { return seqs }
      let tags = try database.prepare("SELECT DISTINCT tag FROM claim_tags ORDER BY tag")
        .map([]) { $0.string(0) }
      throw StoreError.notFound(.tag, id: tag, suggestion: Identifier.nearest(to: tag, among: tags))
    }
  }

  /// The length of the longest claim id, in characters, for lining up claim listings.
  public func longestClaimIDLength() throws(StoreError) -> Int {
    try storeErrors { try database.scalarInt("SELECT max(length(id)) FROM claims") ?? 0 }
  }

  /// Appends the relation in `row` (from seq, to seq, kind) when both its ends are among the
  /// claims read.
  private static func appendEdge(_ row: Row, among seqs: [Int], to edges: inout [ClaimGraph.Edge]) {
    guard let from = ClaimGraph.index(of: row.int(0), in: seqs),
      let to = ClaimGraph.index(of: row.int(1), in: seqs)
    else { return }
    edges.append(
      ClaimGraph.Edge(
        from: Int32(from), to: Int32(to), kind: RelationKind(rawValue: row.string(2)) ?? .supports))
  }
}
