import ArgModel
import SQLiteKit

/// One line of `tree`: a claim reached from the root, and how it relates to its parent.
public struct TreeNode: Hashable, Sendable {
  public var depth: Int
  /// How this claim relates to its parent line; nil for the root.
  public var relation: RelationKind?
  public var claim: Claim
  /// The claim already appears higher on this branch: the map has a cycle here, and the walk
  /// stops rather than loop.
  public var closesCycle: Bool
}

/// One step of a path: `claim`, and the relation that led to it from the previous step.
public struct PathStep: Hashable, Sendable {
  public enum Direction: String, Sendable {
    /// The previous claim supports or rebuts this one.
    case forward
    /// This claim supports or rebuts the previous one.
    case backward
  }

  public var claim: Claim
  /// Nil for the first step.
  public var relation: RelationKind?
  public var direction: Direction?
}

/// A full-text match with a snippet whose matched words are wrapped in `[` and `]`.
public struct SearchHit: Hashable, Sendable {
  public var claim: Claim
  public var snippet: String
  /// bm25 score: lower is a better match.
  public var rank: Double
  /// The columns the query matched, of `SearchHit.columns`, in that order.
  public var matched: [String]

  /// The claim's fields that search reads, in the order of the index's columns.
  public static let columns = ["id", "text", "title", "quote", "speaker"]
}

extension MapStore {
  /// SQL true when relation `r` bears on claim `seq`: it ends there, or it is symmetric (a
  /// contradiction, a rephrasing) and starts there, since a symmetric relation is stored once.
  static func bearsOn(_ seq: String) -> String {
    "r.to_seq = \(seq) OR r.from_seq = \(seq) AND r.kind IN ('contradicts', 'rephrases')"
  }

  /// The claim at the far end of relation `r` from the walk's claim `w.seq`.
  static let otherEnd = "iif(r.to_seq = w.seq, r.from_seq, r.to_seq)"

  /// Everything that bears on `rootID`, recursively, depth-first in the order a reader follows:
  /// supporters, rebuttals, undercuts, contradictions, rephrasings, preferences, each in
  /// definition order.
  ///
  /// A claim reached along several branches is shown on each, so on a map where supports
  /// converge the tree can grow far faster than the map; `limit` caps the lines, and the walk
  /// stops as soon as it has that many.
  public func tree(rootID: String, depth maxDepth: Int? = nil, limit: Int? = nil)
    throws(StoreError) -> [TreeNode]
  {
    _ = try claim(id: rootID)
    return try storeErrors {
      // A recursive select ordered by depth DESC pops the deepest row first, which makes SQLite
      // walk depth-first, so rows come out in reading order. The path column stops cycles.
      let rows = try database.prepare(
        """
        WITH RECURSIVE walk(seq, parent, depth, kind, path, cycle, reading) AS (
          SELECT seq, NULL, 0, NULL, ',' || seq || ',', 0, 0 FROM claims WHERE id = ?1
          UNION ALL
          SELECT \(Self.otherEnd), w.seq, w.depth + 1, r.kind, w.path || \(Self.otherEnd) || ',',
                 instr(w.path, ',' || \(Self.otherEnd) || ',') > 0,
                 instr('supports rebuts undercuts contradicts rephrases prefers', r.kind)
          FROM walk w JOIN relations r ON \(Self.bearsOn("w.seq"))
          -- A contradiction read from one side is not read back from the other: that would
          -- only repeat the line above as a cycle.
          WHERE w.cycle = 0 AND w.depth < ?2 AND (w.parent IS NULL OR \(Self.otherEnd) <> w.parent
            OR r.kind NOT IN ('contradicts', 'rephrases'))
          ORDER BY 3 DESC, 7, 1
          LIMIT ?3
        )
        SELECT w.seq, w.depth, w.kind, w.cycle FROM walk w
        """
      ).map([rootID, maxDepth ?? Int.max, limit ?? -1]) {
        (seq: $0.int(0), depth: $0.int(1), kind: $0.optionalString(2), cycle: $0.int(3) != 0)
      }
      let claims = try claimsBySeq(Set(rows.map(\.seq)))
      return rows.compactMap { row in
        claims[row.seq].map {
          TreeNode(
            depth: row.depth, relation: row.kind.flatMap(RelationKind.init(rawValue:)), claim: $0,
            closesCycle: row.cycle)
        }
      }
    }
  }

  /// The shortest chain of relations between two claims, followed in either direction, or nil
  /// when they are not connected.
  ///
  /// This is a breadth-first search in Swift over indexed edge lookups, not a recursive CTE: a
  /// CTE can only track visited claims per path, so on a dense map it enumerates every path,
  /// while this visits each claim at most once.
  public func path(from fromID: String, to toID: String) throws(StoreError) -> [PathStep]? {
    let start = try claim(id: fromID)
    let goal = try claim(id: toID)
    return try storeErrors {
      let startSeq = try seq(ofClaim: start.id)
      let goalSeq = try seq(ofClaim: goal.id)
      guard
        let seqs = try breadthFirstPath(from: startSeq, to: goalSeq)
      else { return nil }
      let claims = try claimsBySeq(Set(seqs.map(\.seq)))
      return seqs.compactMap { step in
        claims[step.seq].map {
          PathStep(claim: $0, relation: step.kind, direction: step.direction)
        }
      }
    }
  }

  private func breadthFirstPath(from start: Int, to goal: Int) throws -> [(
    seq: Int, kind: RelationKind?, direction: PathStep.Direction?
  )]? {
    let neighbours = try database.prepare(
      """
      SELECT to_seq, kind, 'forward' FROM relations WHERE from_seq = ?1
      UNION ALL
      SELECT from_seq, kind, 'backward' FROM relations WHERE to_seq = ?1
      """)
    var cameFrom: [Int: (previous: Int, kind: RelationKind, direction: PathStep.Direction)] = [:]
    var visited: Set<Int> = [start]
    var frontier = [start]
    search: while !frontier.isEmpty {
      var next: [Int] = []
      for seq in frontier {
        for edge in try neighbours.map([seq], { ($0.int(0), $0.string(1), $0.string(2)) })
        where visited.insert(edge.0).inserted {
          cameFrom[edge.0] = (
            seq, RelationKind(rawValue: edge.1) ?? .supports,
            PathStep.Direction(rawValue: edge.2) ?? .forward
          )
          if edge.0 == goal { break search }
          next.append(edge.0)
        }
      }
      frontier = next
    }
    guard start == goal || cameFrom[goal] != nil else { return nil }
    var steps: [(seq: Int, kind: RelationKind?, direction: PathStep.Direction?)] = []
    var current = goal
    while let link = cameFrom[current] {
      steps.append((current, link.kind, link.direction))
      current = link.previous
    }
    steps.append((start, nil, nil))
    return steps.reversed()
  }

  /// Full-text search over claim ids, texts, titles, quotes and speakers, best matches first.
  ///
  /// Plain words are matched as words (all of them, any order, with stemming), so user input
  /// never trips over FTS5's query syntax; words in double quotes must also stand in that order
  /// in the claim's text, title or quote. `raw` passes an FTS5 query through unchanged.
  public func search(_ text: String, limit: Int = 20, raw: Bool = false) throws(StoreError)
    -> [SearchHit]
  {
    let plain = raw ? PlainQuery(fts: text, phrases: []) : PlainQuery(text)
    let query = plain.fts
    guard !query.isEmpty else { throw .invalid("search needs at least one word") }
    let rows: [(seq: Int, snippet: String, rank: Double, matched: [String])]
    // Each column's highlight marks a match with U+0001, which no claim field holds (the store
    // refuses control characters), so a marked column is one the query matched.
    let matchedColumns = SearchHit.columns.indices.map {
      "instr(highlight(claims_fts, \($0), char(1), ''), char(1)) > 0"
    }.joined(separator: ", ")
    let snippets = SearchHit.columns.indices.map {
      "snippet(claims_fts, \($0), '[', ']', '…', 12)"
    }.joined(separator: ", ")
    do {
      rows = try database.prepare(
        """
        SELECT f.rowid, bm25(claims_fts, 2.0, 1.0, 1.5, 0.5, 0.5), \(matchedColumns), \(snippets)
        FROM claims_fts f WHERE claims_fts MATCH ?1 \(plain.phraseFilters(firstParameter: 3))
        ORDER BY bm25(claims_fts, 2.0, 1.0, 1.5, 0.5, 0.5) LIMIT ?2
        """
      ).map([query, limit] + plain.phrases) { row in
        let count = SearchHit.columns.count
        let matched = SearchHit.columns.indices.filter { row.int(2 + $0) != 0 }
        // The text says most; an id is shown anyway, so its snippet is the last resort.
        let shown = [1, 2, 3, 4, 0].first { matched.contains($0) } ?? 1
        return (
          seq: row.int(0), snippet: row.string(2 + count + shown), rank: row.double(1),
          matched: matched.map { SearchHit.columns[$0] }
        )
      }
    } catch let error as SQLiteError where raw && error.code == SQLiteError.genericErrorCode {
      // Only a raw query can be malformed: plain words are quoted before they get here.
      if error.message.contains("phrase queries are not supported") {
        throw .invalid(
          "the search index keeps no word positions, so a raw query cannot hold a phrase or "
            + "NEAR; search without --raw, with the phrase in double quotes")
      }
      throw .invalid("not a valid FTS5 query: \(error.message)")
    } catch {
      throw .sqlite(
        error as? SQLiteError
          ?? SQLiteError(code: SQLiteError.genericErrorCode, message: "\(error)"))
    }
    return try storeErrors {
      let claims = try claimsBySeq(Set(rows.map(\.seq)))
      return rows.compactMap { row in
        claims[row.seq].map {
          SearchHit(claim: $0, snippet: row.snippet, rank: row.rank, matched: row.matched)
        }
      }
    }
  }

  /// A search typed as words: what the full-text index can match, and the quoted phrases it
  /// cannot. The index keeps which column a word is in but not where (FTS5 `detail=column`,
  /// schema 7), so a phrase is found by its words and then checked in the text itself.
  struct PlainQuery {
    var fts: String
    var phrases: [String]

    init(fts: String, phrases: [String]) {
      self.fts = fts
      self.phrases = phrases
    }

    /// Each run of letters or digits becomes a quoted FTS5 term; everything else separates
    /// terms. Text between double quotes is a phrase as well when it has more than one word.
    init(_ text: String) {
      let parts = text.split(separator: "\"", omittingEmptySubsequences: false)
      let words = parts.map(Self.words)
      fts = words.joined().map { "\"\($0)\"" }.joined(separator: " ")
      phrases = words.indices.filter { $0 % 2 == 1 && words[$0].count > 1 }.map {
        words[$0].joined(separator: " ").lowercased()
      }
    }

    private static func words(_ text: Substring) -> [String] {
      text.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// SQL that keeps a hit only if every phrase stands in its text, title or quote, with only
    /// spaces or punctuation between the words; phrases bind from `firstParameter` on.
    func phraseFilters(firstParameter: Int) -> String {
      phrases.indices.map { index in
        """
        AND EXISTS (SELECT 1 FROM claims c WHERE c.seq = f.rowid AND instr(
          \(Self.squeezed("lower(c.text || ' ' || coalesce(c.title, '') || ' ' || coalesce(c.quote, ''))")),
          ?\(firstParameter + index)) > 0)
        """
      }.joined(separator: "\n")
    }

    /// `expression` with the punctuation a phrase skips turned into spaces and spaces squeezed,
    /// so "refusals, not subversion" is found by the phrase "refusals not subversion".
    private static func squeezed(_ expression: String) -> String {
      // As SQL literals; char(39) is the apostrophe, which would need escaping.
      let punctuation =
        ["','", "'.'", "';'", "':'", "'!'", "'?'", "'-'", "'('", "')'", "char(39)"]
        + ["'\"'", "'’'", "'“'", "'”'"]
      var sql = expression
      for mark in punctuation { sql = "replace(\(sql), \(mark), ' ')" }
      for _ in 0..<3 { sql = "replace(\(sql), '  ', ' ')" }
      return sql
    }
  }

  func claimsBySeq(_ seqs: Set<Int>) throws -> [Int: Claim] {
    guard !seqs.isEmpty else { return [:] }
    let statement = try database.cachedStatement(
      "SELECT \(Rows.claimColumns) FROM claims c WHERE c.seq = ?")
    let tags = try tags(ofClaimSeqs: Array(seqs))
    var claims: [Int: Claim] = [:]
    for seq in seqs {
      if var claim = try statement.first([seq], { Rows.claim($0, tags: []) }) {
        claim.setTags(tags[seq] ?? [])
        claims[seq] = claim
      }
    }
    return claims
  }
}
