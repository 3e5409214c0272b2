import ArgModel
import SQLiteKit

/// What the store refused among an import's relations, each at the place it was written. The
/// import that found them changed nothing.
public struct ImportProblems: Error, Sendable, CustomStringConvertible {
  public struct Problem: Sendable, CustomStringConvertible {
    public var message: String
    public var origin: SourceLocation
    /// An earlier statement the problem conflicts with.
    public var note: (message: String, origin: SourceLocation)?

    public var description: String { "\(origin): \(message)" }
  }

  public var problems: [Problem]

  public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// An import's relations are staged in a temporary table as they are read (with the place each
/// was written) and resolved at the end with set-wise statements, so that none is held in
/// memory: claims may be defined after, or in another file than, the relations naming them.
///
/// A parse without a store checks its relations against each other in memory
/// (`ParseSession.checkedRelations`); this is the same rule in SQL, for relations that are not
/// all in memory and for the stored ones.
extension MapImport {
  /// How many problems are reported before the import stops looking for more.
  static let problemLimit = 20

  func createStagingTables() throws {
    try store.database.execute(
      """
      CREATE TEMP TABLE import_files (seq INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE);
      CREATE TEMP TABLE import_relations (
        seq INTEGER PRIMARY KEY, from_id TEXT NOT NULL, to_id TEXT NOT NULL,
        kind TEXT NOT NULL, scheme TEXT, from_seq INTEGER, to_seq INTEGER,
        file INTEGER, line INTEGER, col INTEGER);
      CREATE TEMP TABLE import_conclusions (argument TEXT PRIMARY KEY, conclusion TEXT NOT NULL);
      """)
  }

  func dropStagingTables() throws {
    try store.database.execute(
      """
      DROP TABLE temp.import_files; DROP TABLE temp.import_relations;
      DROP TABLE temp.import_conclusions;
      """)
  }

  /// Stages `relation`, written at `origin`, to be resolved when the import ends. Its claims
  /// are looked up now; those not written yet are looked up again at the end.
  public func stage(_ relation: Relation, at origin: SourceLocation? = nil) throws(StoreError) {
    try storeErrors {
      let file = try origin.map { try fileNumber($0.file) }
      try store.database.cachedStatement(
        """
        INSERT INTO import_relations (from_id, to_id, kind, scheme, from_seq, to_seq, file, line, col)
        VALUES (?1, ?2, ?3, ?4, (SELECT seq FROM claims WHERE id = ?1),
          (SELECT seq FROM claims WHERE id = ?2), ?5, ?6, ?7)
        """
      ).execute([
        relation.from, relation.to, relation.kind.rawValue, relation.scheme, file, origin?.line,
        origin?.column,
      ])
      if !relation.kind.isSymmetric { stagedOneWay += 1 }
    }
  }

  /// Argdown's model: a reconstructed argument's outgoing relations are its main conclusion's,
  /// except its support of that conclusion and its `rephrases` and `prefers`. The staged
  /// relations from `argument` are taken as from `conclusion` when they are resolved.
  public func relationsSpeak(forConclusion conclusion: String, ofArgument argument: String)
    throws(StoreError)
  {
    try storeErrors {
      try store.database.cachedStatement(
        "INSERT OR IGNORE INTO import_conclusions (argument, conclusion) VALUES (?, ?)"
      ).execute([argument, conclusion])
    }
  }

  private func fileNumber(_ path: String) throws -> Int {
    if let number = files[path] { return number }
    try store.database.cachedStatement("INSERT INTO import_files (path) VALUES (?)").execute([path])
    let number = Int(store.database.lastInsertRowID)
    files[path] = number
    return number
  }

  /// Resolves the staged relations: problems first (each reported where it was written), then
  /// every new one-way relation by one INSERT … SELECT, then, one by one, the few that meet a
  /// stored relation of their pair or go both ways.
  func resolveRelations() throws {
    let database = store.database
    try redirectReconstructedArguments()
    try database.execute(
      """
      UPDATE import_relations SET from_seq = (SELECT seq FROM claims WHERE id = from_id)
        WHERE from_seq IS NULL;
      UPDATE import_relations SET to_seq = (SELECT seq FROM claims WHERE id = to_id)
        WHERE to_seq IS NULL;
      """)
    var problems = try unresolvedAndMisdirected()
    guard problems.isEmpty else { throw ImportProblems(problems: problems) }
    let inserted = try insertNewOneWayRelations()
    summary.relationsStated = inserted
    if try inserted < stagedOneWay || stagedOneWay < stagedCount() {
      summary.relationsStated = try distinctStagedCount()
      try mergeTheRest(into: &problems)
    }
    guard problems.isEmpty else { throw ImportProblems(problems: problems) }
  }

  private func stagedCount() throws -> Int {
    try store.database.scalarInt("SELECT count(*) FROM import_relations") ?? 0
  }

  /// How many relations the staged ones are once duplicates, and a two-way relation stated
  /// both ways, count once.
  private func distinctStagedCount() throws -> Int {
    try store.database.scalarInt(
      """
      SELECT count(*) FROM (
        SELECT DISTINCT kind,
          CASE WHEN kind IN ('contradicts', 'rephrases') THEN min(from_seq, to_seq) ELSE from_seq END,
          CASE WHEN kind IN ('contradicts', 'rephrases') THEN max(from_seq, to_seq) ELSE to_seq END
        FROM import_relations)
      """) ?? 0
  }

  private func redirectReconstructedArguments() throws {
    guard try store.database.scalarInt("SELECT count(*) FROM import_conclusions") ?? 0 > 0
    else { return }
    try store.database.execute(
      """
      UPDATE import_relations SET from_id = c.conclusion, from_seq = NULL
      FROM import_conclusions c
      WHERE c.argument = import_relations.from_id AND kind NOT IN ('rephrases', 'prefers')
        AND NOT (kind = 'supports' AND to_id = c.conclusion)
      """)
  }

  private static let stagedColumns = """
    p.from_id, p.to_id, p.kind, p.scheme, p.from_seq, p.to_seq, f.path, p.line, p.col
    """

  private static let stagedFrom = """
    import_relations p LEFT JOIN import_files f ON f.seq = p.file
    """

  private struct Staged {
    var relation: Relation
    var from: Int?
    var to: Int?
    var origin: SourceLocation?

    init(_ row: Row) {
      relation = Relation(
        from: row.string(0), to: row.string(1), kind: RelationKind(rawValue: row.string(2))!,
        scheme: row.optionalString(3))
      from = row.isNull(4) ? nil : row.int(4)
      to = row.isNull(5) ? nil : row.int(5)
      origin =
        row.isNull(6)
        ? nil : SourceLocation(file: row.string(6), line: row.int(7), column: row.int(8))
    }
  }

  /// Relations naming a claim that neither the import nor the store holds, or undercutting a
  /// statement. One read without a place (from a whole map, as JSON gives it) stops the import
  /// with the store's own error, as `link` would.
  private func unresolvedAndMisdirected() throws -> [ImportProblems.Problem] {
    let rows = try store.database.prepare(
      """
      SELECT \(Self.stagedColumns) FROM \(Self.stagedFrom)
      LEFT JOIN claims t ON t.seq = p.to_seq
      WHERE p.from_seq IS NULL OR p.to_seq IS NULL
        OR (p.kind = 'undercuts' AND t.kind <> 'argument')
      ORDER BY p.seq LIMIT \(Self.problemLimit)
      """
    ).map([], Staged.init)
    return try rows.map { staged throws(StoreError) in
      let relation = staged.relation
      let error: StoreError
      if staged.from == nil || staged.to == nil {
        error = try store.claimNotFound(staged.from == nil ? relation.from : relation.to)
      } else {
        guard let origin = staged.origin else { throw MapStore.notAnUndercut(relation) }
        return .init(
          message: "only an argument can be undercut, and '\(relation.to)' is a statement; "
            + "refer to an argument as '<\(relation.to)>'", origin: origin)
      }
      guard let origin = staged.origin else { throw error }
      return .init(message: "\(error)", origin: origin)
    }
  }

  /// Adds, in the order they were read, every one-way relation whose pair is free, the first
  /// statement of a pair winning. Returns how many it added.
  private func insertNewOneWayRelations() throws -> Int {
    let database = store.database
    let select = """
      SELECT from_seq, to_seq, kind, scheme FROM import_relations
      WHERE kind NOT IN ('contradicts', 'rephrases') ORDER BY seq
      """
    guard summary.listsAdditions else {
      try database.run(
        "INSERT INTO relations (from_seq, to_seq, kind, scheme) \(select) ON CONFLICT DO NOTHING")
      let inserted = database.changes
      summary.addedRelations(count: inserted)
      return inserted
    }
    let added = try database.prepare(
      """
      INSERT INTO relations (from_seq, to_seq, kind, scheme) \(select)
      ON CONFLICT DO NOTHING RETURNING from_seq, to_seq
      """
    ).map([]) { [$0.int(0), $0.int(1)] }
    let listed = try database.prepare(
      """
      SELECT f.id, t.id, r.kind, r.scheme FROM relations r
      JOIN claims f ON f.seq = r.from_seq JOIN claims t ON t.seq = r.to_seq
      WHERE r.from_seq = ? AND r.to_seq = ?
      """)
    for pair in added {
      if let relation = try listed.first(pair, Rows.relation) { summary.added(relation) }
    }
    return added.count
  }

  /// The staged relations the set-wise insert left: two-way ones, and one-way ones whose pair
  /// holds another kind or another scheme. Each is merged as `link` would, in reading order.
  private func mergeTheRest(into problems: inout [ImportProblems.Problem]) throws {
    let rest = try store.database.prepare(
      """
      SELECT \(Self.stagedColumns) FROM \(Self.stagedFrom)
      LEFT JOIN relations r ON r.from_seq = p.from_seq AND r.to_seq = p.to_seq
      WHERE p.kind IN ('contradicts', 'rephrases') OR r.kind IS NOT p.kind
        OR (p.scheme IS NOT NULL AND r.scheme IS NOT p.scheme)
      ORDER BY p.seq
      """)
    // Read first: merging writes to the relations the query reads.
    for staged in try rest.map([], Staged.init) {
      guard problems.count < Self.problemLimit else { return }
      do {
        try store.merge(staged.relation, from: staged.from!, to: staged.to!, into: &summary)
      } catch let conflict as RelationConflict {
        guard staged.origin != nil else { throw StoreError.invalid(conflict.description) }
        problems.append(try problem(conflict, staged))
      }
    }
  }

  /// A conflict with a relation an earlier statement of this import wrote is the import's own
  /// contradiction, reported at both places; one with a relation stored before is the
  /// database's.
  private func problem(_ conflict: RelationConflict, _ staged: Staged) throws
    -> ImportProblems.Problem
  {
    let relation = staged.relation
    let earlier = try store.database.prepare(
      """
      SELECT f.path, p.line, p.col FROM \(Self.stagedFrom)
      WHERE p.from_seq = ? AND p.to_seq = ? AND p.kind = ? ORDER BY p.seq LIMIT 1
      """
    ).first([staged.from!, staged.to!, conflict.stored.rawValue]) {
      $0.isNull(0) ? nil : SourceLocation(file: $0.string(0), line: $0.int(1), column: $0.int(2))
    }
    guard let earlier else { return .init(message: conflict.description, origin: staged.origin!) }
    return .init(
      message: relation.conflict(withEarlier: conflict.stored), origin: staged.origin!,
      note: earlier.map { ("first related here", $0) })
  }
}

/// A relation the import states for a pair that holds another kind.
struct RelationConflict: Error, CustomStringConvertible {
  var relation: Relation
  var stored: RelationKind

  var description: String {
    "'\(relation.from)' \(stored.rawValue) '\(relation.to)' in the database, but the import says "
      + "it \(relation.kind.rawValue) it; unlink the pair or rebuild its position with --replace"
  }
}
