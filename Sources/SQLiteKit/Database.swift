import CSQLite

/// One SQLite connection. It owns its handle and closes it when released; a `Database` is used
/// from one thread at a time.
public final class Database {
  public enum OpenMode: Sendable {
    /// The file must exist already.
    case readWrite
    /// Creates the file when it is missing.
    case readWriteCreate
    case readOnly

    fileprivate var flags: Int32 {
      switch self {
      case .readWrite: SQLITE_OPEN_READWRITE
      case .readWriteCreate: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
      case .readOnly: SQLITE_OPEN_READONLY
      }
    }
  }

  let handle: OpaquePointer
  public let path: String
  /// Statements that run once per row of a bulk operation, prepared once per connection.
  private var statementCache: [String: Statement] = [:]

  /// Opens `path` (`:memory:` for a private in-memory database) with foreign keys enforced.
  /// Fails at once, rather than at the first query, when the file is not a database.
  public init(path: String, mode: OpenMode = .readWriteCreate) throws(SQLiteError) {
    var handle: OpaquePointer?
    // One thread at a time, so SQLite need not lock the connection around every call: reading
    // a column costs half as much without.
    let code = sqlite3_open_v2(
      path, &handle, mode.flags | SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOMUTEX, nil)
    guard code == SQLITE_OK, let handle else {
      let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open database"
      sqlite3_close_v2(handle)
      throw SQLiteError(code: code & 0xff, extendedCode: code, message: message)
    }
    self.handle = handle
    self.path = path
    sqlite3_busy_timeout(handle, 5_000)
    try execute("PRAGMA foreign_keys = ON")
    // Reading the schema makes SQLite look at the file header, so a foreign file fails here.
    _ = try scalarInt("SELECT count(*) FROM sqlite_schema")
  }

  deinit {
    // Statements hold the connection; emptying the cache lets them finalize before it closes.
    statementCache.removeAll()
    sqlite3_close_v2(handle)
  }

  /// Runs one or more statements that take no parameters, such as a migration script.
  public func execute(_ sql: String) throws(SQLiteError) {
    var message: UnsafeMutablePointer<CChar>?
    let code = sqlite3_exec(handle, sql, nil, nil, &message)
    guard code == SQLITE_OK else {
      let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
      sqlite3_free(message)
      throw SQLiteError(
        code: code & 0xff, extendedCode: sqlite3_extended_errcode(handle), message: text, sql: sql)
    }
  }

  public func prepare(_ sql: String) throws(SQLiteError) -> Statement {
    try Statement(database: self, sql: sql)
  }

  /// The statement for `sql`, prepared on first use and reused after: preparing costs more than
  /// running a small statement, so a bulk import would otherwise spend most of its time there.
  /// Callers must not use the same cached statement twice at once (e.g. from inside its rows).
  public func cachedStatement(_ sql: String) throws(SQLiteError) -> Statement {
    if let statement = statementCache[sql] { return statement }
    let statement = try prepare(sql)
    statementCache[sql] = statement
    return statement
  }

  /// Runs one statement with bound parameters.
  public func run(_ sql: String, _ values: [any SQLBindable] = []) throws(SQLiteError) {
    try cachedStatement(sql).execute(values)
  }

  /// The first column of the first row as an integer, or nil when there is no row.
  public func scalarInt(
    _ sql: String, _ values: [any SQLBindable] = []
  ) throws(SQLiteError) -> Int? {
    try cachedStatement(sql).first(values) { $0.int(0) }
  }

  /// Rows changed by the last INSERT, UPDATE or DELETE.
  public var changes: Int { Int(sqlite3_changes64(handle)) }

  public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

  public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

  /// Runs `body` in a transaction that commits when it returns and rolls back when it throws, so
  /// the first error wins and nothing is half-written. Writes take the lock up front
  /// (`BEGIN IMMEDIATE`) so two writers fail fast instead of deadlocking on upgrade. Inside an
  /// open transaction it nests as a savepoint.
  public func transaction<T>(_ body: () throws -> T) throws -> T {
    let nested = isInTransaction
    try execute(nested ? "SAVEPOINT argmap_nested" : "BEGIN IMMEDIATE")
    do {
      let result = try body()
      try execute(nested ? "RELEASE argmap_nested" : "COMMIT")
      return result
    } catch {
      if nested {
        try? execute("ROLLBACK TO argmap_nested")
        try? execute("RELEASE argmap_nested")
      } else {
        try? execute("ROLLBACK")
      }
      throw error
    }
  }

  func error(code: Int32, sql: String?) -> SQLiteError {
    SQLiteError(connection: handle, code: code, sql: sql)
  }
}
