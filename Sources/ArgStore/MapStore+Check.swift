import ArgModel
import SQLiteKit

/// A weakness in the map that a careful editor would want to look at.
public struct MapProblem: Hashable, Sendable {
  public enum Kind: String, Sendable, CaseIterable {
    /// Rebutted, yet nothing supports it: the claim stands undefended.
    case unsupported
    /// A rebuttal nobody has answered: an open objection.
    case unanswered
    /// Claims that support each other in a circle: circular reasoning.
    case supportCycle = "support-cycle"
    /// A claim with no relation at all.
    case isolated
    /// A claim that does not say where it came from.
    case noProvenance = "no-provenance"
  }

  public var kind: Kind
  /// The claims involved; for a cycle, in cycle order.
  public var claimIDs: [String]
}

/// Counts that describe a map at a glance.
public struct MapStats: Hashable, Sendable {
  public var schemaVersion: Int
  public var positions: Int
  public var statements: Int
  public var arguments: Int
  public var supports: Int
  public var rebuts: Int
  public var sources: Int
  public var tags: Int
  /// Distinct comment ids cited, e.g. C1…C12 for the discussion.
  public var comments: Int
  public var claimsWithQuote: Int

  public var claims: Int { statements + arguments }
  public var relations: Int { supports + rebuts }
}

extension MapStore {
  public func check() throws(StoreError) -> [MapProblem] {
    try storeErrors {
      var problems: [MapProblem] = []
      let single = { (kind: MapProblem.Kind, sql: String) in
        problems += try self.database.prepare(sql).map {
          MapProblem(kind: kind, claimIDs: [$0.string(0)])
        }
      }
      try single(
        .unsupported,
        """
        SELECT c.id FROM claims c
        WHERE EXISTS (SELECT 1 FROM relations r WHERE r.to_seq = c.seq AND r.kind = 'rebuts')
          AND NOT EXISTS (SELECT 1 FROM relations r WHERE r.to_seq = c.seq AND r.kind = 'supports')
        ORDER BY c.seq
        """)
      try single(
        .unanswered,
        """
        SELECT c.id FROM claims c
        WHERE EXISTS (SELECT 1 FROM relations r WHERE r.from_seq = c.seq AND r.kind = 'rebuts')
          AND NOT EXISTS (SELECT 1 FROM relations r WHERE r.to_seq = c.seq AND r.kind = 'rebuts')
        ORDER BY c.seq
        """)
      problems += try supportCycles()
      try single(
        .isolated,
        """
        SELECT c.id FROM claims c
        WHERE NOT EXISTS (SELECT 1 FROM relations r WHERE r.from_seq = c.seq OR r.to_seq = c.seq)
        ORDER BY c.seq
        """)
      try single(
        .noProvenance,
        "SELECT c.id FROM claims c WHERE c.source_id IS NULL OR c.quote IS NULL ORDER BY c.seq")
      return problems
    }
  }

  /// Cycles made only of supports, each reported once, starting at its earliest-defined claim.
  private func supportCycles() throws -> [MapProblem] {
    // Walks support edges from every claim, keeping the path; a walk that returns to its start
    // is a cycle. Starting only from the cycle's smallest seq reports each cycle once.
    // Walking every path is exponential on a map with many converging supports, so the walk
    // keeps to edges that lie on some cycle: those whose target leads back to their source,
    // found with a set-based reachability (polynomial). On an acyclic map nothing is walked.
    let rows = try database.prepare(
      """
      WITH RECURSIVE
      supports(from_seq, to_seq) AS (
        SELECT from_seq, to_seq FROM relations WHERE kind = 'supports'
      ),
      reach(start, seq) AS (
        SELECT from_seq, to_seq FROM supports
        UNION
        SELECT r.start, s.to_seq FROM reach r JOIN supports s ON s.from_seq = r.seq
      ),
      cyclic(from_seq, to_seq) AS (
        SELECT s.from_seq, s.to_seq FROM supports s
        JOIN reach r ON r.start = s.to_seq AND r.seq = s.from_seq
      ),
      walk(start, seq, path) AS (
        SELECT c.from_seq, c.to_seq, ',' || c.from_seq || ',' FROM cyclic c
        WHERE c.to_seq > c.from_seq
        UNION ALL
        SELECT w.start, c.to_seq, w.path || w.seq || ','
        FROM walk w JOIN cyclic c ON c.from_seq = w.seq
        WHERE w.seq <> w.start AND c.to_seq >= w.start AND instr(w.path, ',' || w.seq || ',') = 0
      )
      SELECT path FROM walk WHERE seq = start ORDER BY start, path
      """
    ).map { $0.string(0) }
    return try rows.map { path in
      let seqs = path.split(separator: ",").compactMap { Int($0) }
      let claims = try claimsBySeq(Set(seqs))
      return MapProblem(kind: .supportCycle, claimIDs: seqs.compactMap { claims[$0]?.id })
    }
  }

  public func stats() throws(StoreError) -> MapStats {
    let version = try schemaVersion
    return try storeErrors {
      let count = { (sql: String) in try self.database.scalarInt(sql) ?? 0 }
      return MapStats(
        schemaVersion: version,
        positions: try count("SELECT count(*) FROM positions"),
        statements: try count("SELECT count(*) FROM claims WHERE kind = 'statement'"),
        arguments: try count("SELECT count(*) FROM claims WHERE kind = 'argument'"),
        supports: try count("SELECT count(*) FROM relations WHERE kind = 'supports'"),
        rebuts: try count("SELECT count(*) FROM relations WHERE kind = 'rebuts'"),
        sources: try count("SELECT count(*) FROM sources"),
        tags: try count("SELECT count(DISTINCT tag) FROM claim_tags"),
        comments: try count(
          "SELECT count(DISTINCT source_id || ':' || comment) FROM claims WHERE comment IS NOT NULL"
        ),
        claimsWithQuote: try count("SELECT count(*) FROM claims WHERE quote IS NOT NULL"))
    }
  }

}
