import ArgModel
import SQLiteKit

/// An import under way inside one transaction (see `MapStore.importing`): it takes the map in
/// parts, each written as it comes, and sums up what they changed. A streamed import hands it
/// each file's claims once the file is read and the relations at the end, so the map is never
/// held whole in memory; the caller's transaction makes the parts land together or not at all.
public final class MapImport {
  let store: MapStore
  var summary = ImportSummary()
  /// Claims with a seq above this one were added by this import.
  public let storedUpTo: Int
  /// Claims with a seq above this one are not in the full-text index yet.
  var unindexed: Int
  /// What `--replace` dropped before the import, by id, to tell updated claims from new ones.
  let removed: [String: Claim]
  /// The files the staged relations were read from, by path, numbered as in `import_files`.
  var files: [String: Int] = [:]
  /// How many staged relations go one way only, which the set-wise insert takes.
  var stagedOneWay = 0

  init(store: MapStore, listing: Bool, removed: [String: Claim]) throws {
    self.store = store
    self.removed = removed
    summary.listsAdditions = listing
    storedUpTo = try store.database.scalarInt("SELECT coalesce(max(seq), 0) FROM claims") ?? 0
    unindexed = storedUpTo
    try createStagingTables()
  }

  /// Writes one part of the map: its sources, title, positions, groups, claims, relations and
  /// reconstructions, in that order, so that each refers only to rows written before it. A part
  /// may refer to claims and positions that earlier parts wrote.
  public func write(_ part: ArgumentMap, replacingTitle: Bool = false) throws(StoreError) {
    try store.validate(part)
    try storeErrors {
      try store.upsertSources(part, into: &summary)
      try store.upsertTitle(part.title, replacing: replacingTitle, into: &summary)
      try store.upsertPositions(part.positions, into: &summary)
      try store.upsertGroups(part.groups)
      try store.upsertClaims(part.claims, in: self)
      try store.upsertRelations(part.relations, in: self)
      try store.replaceReconstructions(part.reconstructions)
    }
  }

  /// The place of the claim with this seq among the claims this import added, counting from 0
  /// in the order written, or nil for one stored before: each new row takes the seq one above
  /// the largest (an INTEGER PRIMARY KEY's rowid), and an import removes no claim once begun.
  public func placeAdded(seq: Int) -> Int? {
    seq > storedUpTo ? seq - storedUpTo - 1 : nil
  }

  /// The claim as stored now, with its tags and members, or nil: a file that states again a
  /// claim an earlier file defined needs its first definition back.
  public func storedClaim(id: String) throws(StoreError) -> Claim? {
    try storeErrors { try store.storedClaim(id: id)?.claim }
  }

  /// Runs `body` with the trigger `claims_fts_insert` set aside, then indexes the claims
  /// inserted meanwhile (those with a seq above `unindexed`) in one statement.
  ///
  /// Why: FTS5 writes out its pending index data at the end of every statement that fires the
  /// trigger (it runs in a statement savepoint), which cost 39% of a 10^5-claim import; one
  /// INSERT … SELECT lets it write large segments once. The index ends as the trigger leaves
  /// it: the same rows with the same columns (the content table's, so `integrity-check` with
  /// rank 1 proves it; see ImportTests). The trigger is not forked: its text is read back from
  /// sqlite_schema and re-created verbatim, and all of it happens in the import's transaction,
  /// so a failure rolls the drop back too. Without the trigger there is nothing to do.
  func indexingNewClaimsAtEnd(_ body: () throws -> Void) throws {
    let trigger = "claims_fts_insert"
    let database = store.database
    guard
      let definition = try database.cachedStatement(
        "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?"
      ).first([trigger], { $0.string(0) })
    else {
      unindexed = Int.max
      return try body()
    }
    try database.execute("DROP TRIGGER \(trigger)")
    try body()
    try store.indexClaims(after: &unindexed)
    try database.execute(definition)
  }
}
