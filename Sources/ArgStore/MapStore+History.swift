import ArgModel
import SQLiteKit

/// One write in the map's history.
public struct HistoryEntry: Hashable, Sendable {
  public var seq: Int
  /// When it was made, in UTC, as ISO 8601.
  public var at: String
  /// The command that made it, as the user typed it.
  public var command: String
  /// The entry it reverted, when it is an undo (or a redo: the undo of an undo).
  public var undoes: Int?
  /// The entry that reverted it, if any.
  public var undoneBy: Int?
  /// What it changed, table by table, in the schema's order.
  public var changes: [Change]

  /// Rows one entry added, changed and removed in one table.
  public struct Change: Hashable, Sendable {
    /// What the table holds, in the words the CLI uses: claims, relations, tags, ….
    public var what: String
    public var added: Int
    public var changed: Int
    public var removed: Int

    public init(what: String, added: Int, changed: Int, removed: Int) {
      self.what = what
      self.added = added
      self.changed = changed
      self.removed = removed
    }
  }

  public init(
    seq: Int, at: String, command: String, undoes: Int? = nil, undoneBy: Int? = nil,
    changes: [Change] = []
  ) {
    self.seq = seq
    self.at = at
    self.command = command
    self.undoes = undoes
    self.undoneBy = undoneBy
    self.changes = changes
  }
}

extension MapStore {
  /// The tables whose changes history records, in the order their rows depend on each other:
  /// a row may refer only to rows of tables before it. Undo deletes inserted ranges in the
  /// reverse order.
  static let recordedTables: [(table: String, what: String)] = [
    ("sources", "sources"), ("comment_spans", "spans"), ("positions", "positions"),
    ("claim_groups", "groups"),
    ("claims", "claims"), ("claim_tags", "tags"), ("relations", "relations"),
    ("reconstruction_steps", "steps"), ("claim_members", "members"), ("map_info", "title"),
  ]

  /// The seq-keyed tables, with their column in `history_state`: rows a write inserts into
  /// them are recorded as one range each.
  private static let rangedTables: [(table: String, column: String)] = [
    ("sources", "sources_max"), ("positions", "positions_max"), ("claim_groups", "groups_max"),
    ("claims", "claims_max"),
  ]

  /// Runs `body` as one recorded write: it lands with a history entry naming `command`, in one
  /// transaction, or not at all. A write that changes nothing leaves no entry.
  @discardableResult
  public func recording<T>(_ command: String, _ body: () throws -> T) throws(StoreError) -> T {
    try storeErrors {
      try database.transaction {
        let entry = try beginEntry(command)
        let result = try body()
        try endEntry(entry)
        return result
      }
    }
  }

  private func beginEntry(_ command: String) throws -> Int {
    try database.run(
      "INSERT INTO history (at, command) VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?)",
      [command])
    let entry = Int(database.lastInsertRowID)
    let maxima = Self.rangedTables.map { "(SELECT coalesce(max(seq), 0) FROM \($0.table))" }
    try database.run(
      "INSERT INTO history_state (entry, \(Self.rangedTables.map(\.column).joined(separator: ", "))) "
        + "VALUES (?, \(maxima.joined(separator: ", ")))", [entry])
    return entry
  }

  /// Records the ranges the write inserted, and drops the entry if it changed nothing.
  private func endEntry(_ entry: Int) throws {
    for (table, column) in Self.rangedTables {
      try database.run(
        """
        INSERT INTO history_ranges (entry, tbl, first_seq, last_seq)
        SELECT s.entry, ?, s.\(column) + 1, t.last FROM history_state s,
          (SELECT max(seq) AS last FROM \(table)) t
        WHERE t.last > s.\(column)
        """, [table])
    }
    try database.execute("DELETE FROM history_state")
    let changed =
      try database.scalarInt(
        """
        SELECT EXISTS (SELECT 1 FROM history_log WHERE entry = ?1)
          OR EXISTS (SELECT 1 FROM history_ranges WHERE entry = ?1)
        """, [entry]) ?? 0
    if changed == 0 { try database.run("DELETE FROM history WHERE seq = ?", [entry]) }
  }

  // MARK: - Reading

  /// The latest entries, newest first; all of them when `limit` is nil.
  public func history(limit: Int? = nil) throws(StoreError) -> [HistoryEntry] {
    try storeErrors {
      var entries = try database.prepare(
        "SELECT \(Self.entryColumns) FROM history ORDER BY seq DESC LIMIT ?"
      ).map([limit ?? -1], Self.entry)
      for index in entries.indices { entries[index].changes = try changes(of: entries[index].seq) }
      return entries
    }
  }

  private func changes(of entry: Int) throws -> [HistoryEntry.Change] {
    var counts: [String: (added: Int, changed: Int, removed: Int)] = [:]
    try database.cachedStatement(
      """
      SELECT tbl, sum(op = 'insert'), sum(op = 'update'), sum(op = 'delete') FROM history_log
      WHERE entry = ? GROUP BY tbl
      """
    ).forEachRow([entry]) { counts[$0.string(0)] = ($0.int(1), $0.int(2), $0.int(3)) }
    try database.cachedStatement(
      "SELECT tbl, last_seq - first_seq + 1 FROM history_ranges WHERE entry = ?"
    ).forEachRow([entry]) { counts[$0.string(0), default: (0, 0, 0)].added += $0.int(1) }
    return Self.recordedTables.compactMap { table, what in
      counts[table].map {
        HistoryEntry.Change(what: what, added: $0.added, changed: $0.changed, removed: $0.removed)
      }
    }
  }

  /// One entry, without its changes, or nil when there is none of that number.
  public func historyEntry(_ seq: Int) throws(StoreError) -> HistoryEntry? {
    try storeErrors { try entry(seq) }
  }

  private static let entryColumns = "seq, at, command, undoes, undone_by"

  private static func entry(_ row: Row) -> HistoryEntry {
    HistoryEntry(
      seq: row.int(0), at: row.string(1), command: row.string(2),
      undoes: row.isNull(3) ? nil : row.int(3), undoneBy: row.isNull(4) ? nil : row.int(4))
  }

  private func entry(_ seq: Int) throws -> HistoryEntry? {
    try database.cachedStatement("SELECT \(Self.entryColumns) FROM history WHERE seq = ?")
      .first([seq], Self.entry)
  }

  /// How deep an entry's chain of undos runs: 0 for a write, 1 for its undo, 2 for the redo
  /// (the undo of that undo), and so on. An even depth puts changes in; an odd one takes them out.
  private func undoDepth(of seq: Int) throws -> Int {
    var depth = 0
    var current = try entry(seq)
    while let undone = current?.undoes {
      depth += 1
      current = try entry(undone)
    }
    return depth
  }

  /// The entry `undo` reverts by default: the latest standing write or redo; or for `redo`,
  /// the latest standing undo, unless a new write came after it, which ends what can be
  /// redone, as in an editor.
  func latestStanding(undos: Bool) throws -> Int? {
    let standing = try database.prepare(
      "SELECT seq FROM history WHERE undone_by IS NULL ORDER BY seq DESC"
    ).map([]) { $0.int(0) }
    for seq in standing {
      let depth = try undoDepth(of: seq)
      if depth % 2 == (undos ? 1 : 0) { return seq }
      if undos && depth == 0 { return nil }
    }
    return nil
  }

  // MARK: - Undo

  /// Reverts entry `seq`, or by default the latest write still standing, as a new entry; the
  /// reverted entry is marked undone. Reverting an undo is a redo. Refused when the entry is
  /// already undone, or when a later standing write touched the same rows.
  @discardableResult
  public func undo(_ seq: Int? = nil, command: String = "undo") throws(StoreError) -> HistoryEntry {
    try revert(seq, undos: false, command: command)
  }

  /// Reverts the latest undo still standing: the write it reverted is back.
  @discardableResult
  public func redo(command: String = "redo") throws(StoreError) -> HistoryEntry {
    try revert(nil, undos: true, command: command)
  }

  private func revert(_ seq: Int?, undos: Bool, command: String) throws(StoreError)
    -> HistoryEntry
  {
    let target = try storeErrors { () throws -> HistoryEntry in
      guard let chosen = try seq ?? latestStanding(undos: undos) else {
        throw StoreError.refused(undos ? "nothing to redo" : "nothing to undo")
      }
      guard let found = try entry(chosen) else {
        throw StoreError.notFound(.historyEntry, id: "#\(chosen)", suggestion: nil)
      }
      return found
    }
    if let by = target.undoneBy {
      throw .refused("#\(target.seq) is already undone, by #\(by); undo #\(by) to redo it")
    }
    let dependents = try storeErrors { try laterWrites(touchingRowsOf: target.seq) }
    if !dependents.isEmpty {
      throw .refused(
        "cannot \(undos ? "redo" : "undo") #\(target.seq): later writes changed the same rows ("
          + dependents.map { "#\($0)" }.joined(separator: ", ") + "); undo them first")
    }
    do {
      let undo = try recording("\(command) #\(target.seq)") { () throws -> Int in
        try database.execute("PRAGMA defer_foreign_keys = ON")
        // The rows the entry added go first, so that a row it removed can come back under its
        // id (an import --replace drops a claim and adds it anew); then once more, since the
        // replay also brings back rows the entry added and removed again.
        try deleteRanges(of: target.seq)
        try replayBackwards(target.seq)
        try deleteRanges(of: target.seq)
        let undo = try database.scalarInt("SELECT max(seq) FROM history") ?? 0
        try database.run("UPDATE history SET undoes = ? WHERE seq = ?", [target.seq, undo])
        try database.run("UPDATE history SET undone_by = ? WHERE seq = ?", [undo, target.seq])
        return undo
      }
      return try storeErrors { try entry(undo).map { $0 } ?? target }
    } catch .sqlite(let error) where error.isConstraintViolation {
      // What the row check above cannot see, the database's own constraints do: a later write
      // that refers to what this one made (a claim in its new position, say).
      throw .refused(
        "cannot undo #\(target.seq): a later write depends on what it made; undo that first")
    }
  }

  /// Later standing entries whose changes would clash with undoing this one. An entry that
  /// reverted something done after this one is no obstacle: together they change nothing, so
  /// the rows are as this entry left them.
  private func laterWrites(touchingRowsOf seq: Int) throws -> [Int] {
    try laterEntries(touchingRowsOf: seq).filter { later in
      guard let reverted = try entry(later)?.undoes else { return true }
      return reverted < seq
    }
  }

  /// Later entries whose changes undoing `seq` would clash with: one that changed a row this
  /// entry changed (the same table and key), changed a row this entry inserted, inserted
  /// again a seq this entry removed (undoing would put it back twice), or added a row hanging
  /// on a row this entry inserted (a relation of its new claim), which undoing would delete.
  private func laterEntries(touchingRowsOf seq: Int) throws -> [Int] {
    try database.prepare(
      """
      WITH
      keyed (entry, tbl, op, key, seq) AS (
        SELECT entry, tbl, op,
          CASE tbl
            WHEN 'claim_tags' THEN json_extract(row, '$.claim_seq') || ':' || json_extract(row, '$.tag')
            WHEN 'relations' THEN json_extract(row, '$.from_seq') || '>' || json_extract(row, '$.to_seq')
            WHEN 'reconstruction_steps' THEN json_extract(row, '$.argument_seq') || '#' || json_extract(row, '$.step')
            WHEN 'claim_members' THEN json_extract(row, '$.claim_seq') || '#' || json_extract(row, '$.member')
            WHEN 'map_info' THEN json_extract(row, '$.key')
            WHEN 'comment_spans' THEN json_extract(row, '$.source_seq') || '#' || json_extract(row, '$.comment') || '#' || json_extract(row, '$.first_line')
            ELSE CAST(json_extract(row, '$.seq') AS TEXT)
          END,
          json_extract(row, '$.seq')
        FROM history_log
      ),
      hanging (entry, claim) AS (
        SELECT entry, json_extract(row, '$.claim_seq') FROM history_log
          WHERE tbl IN ('claim_tags', 'claim_members')
        UNION ALL SELECT entry, json_extract(row, '$.from_seq') FROM history_log
          WHERE tbl = 'relations'
        UNION ALL SELECT entry, json_extract(row, '$.to_seq') FROM history_log
          WHERE tbl = 'relations'
        UNION ALL SELECT entry, json_extract(row, '$.argument_seq') FROM history_log
          WHERE tbl = 'reconstruction_steps'
      ),
      inserted_claims (lo, hi) AS (
        SELECT first_seq, last_seq FROM history_ranges WHERE entry = ?1 AND tbl = 'claims'
        UNION ALL SELECT json_extract(row, '$.seq'), json_extract(row, '$.seq') FROM history_log
          WHERE entry = ?1 AND tbl = 'claims' AND op = 'insert'
      ),
      clashes (entry) AS (
        SELECT later.entry FROM keyed later JOIN keyed this
          ON this.tbl = later.tbl AND this.key = later.key
          WHERE this.entry = ?1 AND later.entry > ?1
        UNION SELECT later.entry FROM keyed later JOIN history_ranges this
          ON this.tbl = later.tbl AND later.seq BETWEEN this.first_seq AND this.last_seq
          WHERE this.entry = ?1 AND later.entry > ?1
        UNION SELECT later.entry FROM history_ranges later JOIN keyed this
          ON this.tbl = later.tbl AND this.seq BETWEEN later.first_seq AND later.last_seq
          WHERE this.entry = ?1 AND this.op = 'delete' AND later.entry > ?1
        UNION SELECT later.entry FROM history_ranges later JOIN history_ranges this
          ON this.tbl = later.tbl AND later.first_seq <= this.last_seq
            AND this.first_seq <= later.last_seq
          WHERE this.entry = ?1 AND later.entry > ?1
        UNION SELECT later.entry FROM hanging later JOIN inserted_claims this
          ON later.claim BETWEEN this.lo AND this.hi
          WHERE later.entry > ?1
      )
      SELECT c.entry FROM clashes c JOIN history h ON h.seq = c.entry AND h.undone_by IS NULL
      ORDER BY c.entry
      """
    ).map([seq]) { $0.int(0) }
  }

  /// Puts back, newest first, every row the entry's log recorded: an inserted row is deleted,
  /// a changed one gets its old values, a removed one comes back with its seq. The values go
  /// from the log's JSON to the table inside SQLite.
  private func replayBackwards(_ entry: Int) throws {
    let logged = try database.prepare(
      "SELECT seq, tbl, op FROM history_log WHERE entry = ? ORDER BY seq DESC"
    ).map([entry]) { (seq: $0.int(0), table: $0.string(1), op: $0.string(2)) }
    var layouts: [String: TableLayout] = [:]
    for row in logged {
      if layouts[row.table] == nil { layouts[row.table] = try layout(of: row.table) }
      guard let layout = layouts[row.table] else { continue }
      try database.cachedStatement(layout.inverse(of: row.op)).execute([row.seq])
    }
  }

  /// Deletes the rows the entry inserted as ranges, dependents first; cascades take their
  /// tags, relations, members and steps.
  private func deleteRanges(of entry: Int) throws {
    for (table, _) in Self.rangedTables.reversed() {
      try database.run(
        """
        DELETE FROM \(table) WHERE seq BETWEEN
          (SELECT first_seq FROM history_ranges WHERE entry = ?1 AND tbl = ?2)
          AND (SELECT last_seq FROM history_ranges WHERE entry = ?1 AND tbl = ?2)
        """, [entry, table])
    }
  }

  /// A recorded table's columns and key, read from the schema itself so that the statements
  /// undo runs cannot drift from the tables. Nil for a name that is no recorded table.
  private func layout(of table: String) throws -> TableLayout? {
    guard Self.recordedTables.contains(where: { $0.table == table }) else { return nil }
    let columns = try database.prepare("SELECT name, pk FROM pragma_table_info(?) ORDER BY cid")
      .map([table]) { (name: $0.string(0), key: $0.int(1)) }
    return TableLayout(
      table: table, columns: columns.map(\.name),
      key: columns.filter { $0.key > 0 }.sorted { $0.key < $1.key }.map(\.name))
  }
}

/// The statements that invert one logged change of a table, each reading its values from the
/// log row whose seq is bound as `?1`.
private struct TableLayout {
  var table: String
  var columns: [String]
  var key: [String]

  func inverse(of op: String) -> String {
    switch op {
    case "insert":
      return "DELETE FROM \(table) WHERE (\(key.joined(separator: ", "))) = "
        + "(SELECT \(extract(key)) FROM history_log WHERE seq = ?1)"
    case "update":
      let assignments = columns.map { "\($0) = json_extract(l.row, '$.\($0)')" }
      let match = key.map { "\(table).\($0) = json_extract(l.row, '$.\($0)')" }
      return "UPDATE \(table) SET \(assignments.joined(separator: ", ")) FROM history_log l "
        + "WHERE l.seq = ?1 AND \(match.joined(separator: " AND "))"
    default:
      return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) "
        + "SELECT \(extract(columns)) FROM history_log WHERE seq = ?1"
    }
  }

  private func extract(_ names: [String]) -> String {
    names.map { "json_extract(row, '$.\($0)')" }.joined(separator: ", ")
  }
}
