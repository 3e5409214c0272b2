import ArgModel
import SQLiteKit

/// A weakness in the map that a careful editor would want to look at.
public struct MapProblem: Hashable, Sendable {
  public enum Kind: String, Sendable, CaseIterable {
    /// Attacked (rebutted, undercut or contradicted), yet nothing supports it: the claim stands
    /// undefended.
    case unsupported
    /// A rebuttal or undercut nobody has answered: an open objection.
    case unanswered
    /// Claims that support each other in a circle: circular reasoning.
    case supportCycle = "support-cycle"
    /// A claim with no relation at all.
    case isolated
    /// A claim that does not say where it came from.
    case noProvenance = "no-provenance"
    /// A quote its source's text does not hold.
    case quoteNotFound = "quote-not-found"
    /// A quote its source holds, but not inside the comment the claim names.
    case quoteOutsideComment = "quote-outside-comment"
  }

  public var kind: Kind
  /// The claims involved; for a cycle, in cycle order.
  public var claimIDs: [String]
  /// For a quote problem: the quote, and where it is or the passage nearest to it.
  public var quote: QuoteProblem? = nil
}

/// A quote that is not where its claim says.
public struct QuoteProblem: Hashable, Sendable {
  public var source: String
  public var comment: String?
  public var quote: String
  /// Outside its comment: where it is. Missing: the passage most like it, if any is.
  public var passage: SourceText.Match?
}

/// Counts that describe a map at a glance.
public struct MapStats: Hashable, Sendable {
  public var schemaVersion: Int
  public var positions: Int
  public var statements: Int
  public var arguments: Int
  /// Relations by kind; every kind is present, zero when the map has none.
  public var relationCounts: [RelationKind: Int]
  public var sources: Int
  public var tags: Int
  /// Distinct comment ids cited, e.g. C1…C12 for the discussion.
  public var comments: Int
  public var claimsWithQuote: Int

  public var claims: Int { statements + arguments }
  public var relations: Int { relationCounts.values.reduce(0, +) }
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
        WHERE EXISTS (SELECT 1 FROM relations r WHERE \(Self.isAttackOn("c")))
          AND NOT EXISTS (SELECT 1 FROM relations r WHERE r.to_seq = c.seq AND r.kind = 'supports')
        ORDER BY c.seq
        """)
      try single(
        .unanswered,
        """
        SELECT c.id FROM claims c
        WHERE EXISTS (
            SELECT 1 FROM relations r WHERE r.from_seq = c.seq AND r.kind IN ('rebuts', 'undercuts'))
          AND NOT EXISTS (SELECT 1 FROM relations r WHERE \(Self.isAttackOn("c")))
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
        "SELECT c.id FROM claims c WHERE c.source_seq IS NULL OR c.quote IS NULL ORDER BY c.seq")
      return problems + (try checkQuotes())
    }
  }

  /// Looks for every claim's quote in its source's text, when the map holds that text.
  public func checkQuotes() throws(StoreError) -> [MapProblem] {
    let texts = try sourceTexts()
    guard !texts.isEmpty else { return [] }
    let quoted = try storeErrors {
      try database.prepare(
        // A claim stated in several wordings carries a quote for each (claim_members).
        """
        SELECT id, (SELECT s.id FROM sources s WHERE s.seq = source_seq), comment, quote FROM (
          SELECT seq, 0 AS member, id, source_seq, comment, quote FROM claims
          WHERE quote IS NOT NULL
          UNION ALL
          SELECT c.seq, m.member, c.id, m.source_seq, m.comment, m.quote
          FROM claim_members m JOIN claims c ON c.seq = m.claim_seq
          WHERE m.quote IS NOT NULL
            AND (m.quote, m.source_seq, coalesce(m.comment, '')) IS NOT
              (c.quote, c.source_seq, coalesce(c.comment, '')))
        ORDER BY seq, member
        """
      ).map {
        (id: $0.string(0), source: $0.string(1), comment: $0.optionalString(2), quote: $0.string(3))
      }
    }
    return quoted.compactMap { claim in
      guard let text = texts[claim.source] else { return nil }
      let problem = { (kind: MapProblem.Kind, passage: SourceText.Match?) in
        MapProblem(
          kind: kind, claimIDs: [claim.id],
          quote: QuoteProblem(
            source: claim.source, comment: claim.comment, quote: claim.quote, passage: passage))
      }
      switch text.find(claim.quote, inComment: claim.comment) {
      case .found: return nil
      case .outsideComment(let match): return problem(.quoteOutsideComment, match)
      case .missing(let nearest): return problem(.quoteNotFound, nearest)
      }
    }
  }

  /// Groups of claims that support each other in circles, each reported once with the shortest
  /// circle through its earliest-defined claim.
  ///
  /// Listing every circle is exponential on a densely cyclic map, and even walking paths to
  /// find them is exponential on one with many converging supports; strongly connected
  /// components are linear, so `check` stays fast at any size.
  private func supportCycles() throws -> [MapProblem] {
    var successors: [Int: [Int]] = [:]
    try database.prepare(
      "SELECT from_seq, to_seq FROM relations WHERE kind = 'supports' ORDER BY from_seq, to_seq"
    ).forEachRow { successors[$0.int(0), default: []].append($0.int(1)) }
    let cycles = GraphAlgorithms.cyclicComponents(successors)
      .compactMap { component -> [Int]? in
        guard let start = component.min() else { return nil }
        return GraphAlgorithms.shortestCycle(through: start, within: Set(component), successors)
      }
      .sorted { $0[0] < $1[0] }
    let claims = try claimsBySeq(Set(cycles.joined()))
    return cycles.map { cycle in
      MapProblem(kind: .supportCycle, claimIDs: cycle.compactMap { claims[$0]?.id })
    }
  }

  /// SQL true when relation `r` attacks claim `claim`: rebuts or undercuts it, or contradicts it
  /// in either direction, since a contradiction is stored once for both.
  private static func isAttackOn(_ claim: String) -> String {
    """
    (r.to_seq = \(claim).seq AND r.kind IN ('rebuts', 'undercuts', 'contradicts')
      OR r.from_seq = \(claim).seq AND r.kind = 'contradicts')
    """
  }

  private func relationCounts() throws -> [RelationKind: Int] {
    var counts = Dictionary(uniqueKeysWithValues: RelationKind.allCases.map { ($0, 0) })
    try database.prepare("SELECT kind, count(*) FROM relations GROUP BY kind").forEachRow {
      if let kind = RelationKind(rawValue: $0.string(0)) { counts[kind] = $0.int(1) }
    }
    return counts
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
        relationCounts: try relationCounts(),
        sources: try count("SELECT count(*) FROM sources"),
        tags: try count("SELECT count(DISTINCT tag) FROM claim_tags"),
        comments: try count(
          "SELECT count(DISTINCT source_seq || ':' || comment) FROM claims WHERE comment IS NOT NULL"
        ),
        claimsWithQuote: try count("SELECT count(*) FROM claims WHERE quote IS NOT NULL"))
    }
  }

}
