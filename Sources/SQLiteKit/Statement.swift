import CSQLite

/// Swift cannot import the `SQLITE_TRANSIENT` macro; -1 tells SQLite to copy bound text at once.
private let transientDestructor = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A prepared statement. It owns its handle and finalizes it when released, so a statement can be
/// prepared once and reused with new bindings, which is how bulk imports stay fast.
public final class Statement {
  private let handle: OpaquePointer
  public let sql: String

  /// The statement keeps no reference to its `Database`, so the connection can cache
  /// statements without a retain cycle. Closing with `sqlite3_close_v2` waits for the last
  /// statement to be finalized, so a statement that outlives its `Database` stays safe.
  init(database: Database, sql: String) throws(SQLiteError) {
    var handle: OpaquePointer?
    // SQLite compiles only the first statement and reports where the rest begins; a rest that
    // holds another statement would be silently dropped, so it is an error.
    let (code, hasMore) = sql.withCString { text in
      var tail: UnsafePointer<CChar>?
      let code = sqlite3_prepare_v3(database.handle, text, -1, 0, &handle, &tail)
      guard code == SQLITE_OK, let tail, tail.pointee != 0 else { return (code, false) }
      var next: OpaquePointer?
      let nextCode = sqlite3_prepare_v3(database.handle, tail, -1, 0, &next, nil)
      sqlite3_finalize(next)
      return (code, nextCode != SQLITE_OK || next != nil)
    }
    guard code == SQLITE_OK else {
      throw SQLiteError(connection: database.handle, code: code, sql: sql)
    }
    guard let handle, !hasMore else {
      sqlite3_finalize(handle)
      throw SQLiteError(
        code: SQLITE_MISUSE,
        message: handle == nil
          ? "no SQL statement to prepare" : "only one statement can be prepared; use execute",
        sql: sql)
    }
    self.handle = handle
    self.sql = sql
  }

  deinit {
    sqlite3_finalize(handle)
  }

  /// Clears earlier bindings and binds `values` to the `?` parameters in order.
  public func bind(_ values: [any SQLBindable]) throws(SQLiteError) {
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
    let expected = Int(sqlite3_bind_parameter_count(handle))
    guard values.count == expected else {
      throw SQLiteError(
        code: SQLITE_RANGE,
        message: "statement takes \(expected) parameters but \(values.count) were given", sql: sql)
    }
    for (offset, value) in values.enumerated() {
      try bind(value.sqlValue, at: Int32(offset + 1))
    }
  }

  private func bind(_ value: SQLValue, at index: Int32) throws(SQLiteError) {
    let code: Int32
    switch value {
    case .null: code = sqlite3_bind_null(handle, index)
    case .integer(let number): code = sqlite3_bind_int64(handle, index, number)
    case .real(let number): code = sqlite3_bind_double(handle, index, number)
    case .text(var text):
      // An explicit length keeps text after an embedded NUL, which a C string would cut off.
      code = text.withUTF8 { bytes in
        bytes.withMemoryRebound(to: CChar.self) { chars in
          guard let base = chars.baseAddress else {
            return sqlite3_bind_text(handle, index, "", 0, transientDestructor)
          }
          return sqlite3_bind_text(handle, index, base, Int32(chars.count), transientDestructor)
        }
      }
    case .blob(let bytes):
      code = bytes.withUnsafeBytes {
        sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), transientDestructor)
      }
    }
    guard code == SQLITE_OK else {
      throw SQLiteError(connection: sqlite3_db_handle(handle), code: code, sql: sql)
    }
  }

  /// Runs a statement that returns no rows, with fresh bindings.
  public func execute(_ values: [any SQLBindable] = []) throws(SQLiteError) {
    try bind(values)
    while try step() {}
  }

  /// Calls `body` for each row. The row is only valid during the call.
  public func forEachRow(
    _ values: [any SQLBindable] = [], _ body: (Row) throws -> Void
  ) throws {
    try bind(values)
    // A body that throws stops the walk early; resetting releases the statement's read lock.
    defer { sqlite3_reset(handle) }
    let row = Row(handle: handle)
    while try step() {
      try body(row)
    }
  }

  /// Collects every row through `transform`.
  public func map<T>(_ values: [any SQLBindable] = [], _ transform: (Row) throws -> T) throws -> [T]
  {
    var results: [T] = []
    try forEachRow(values) { results.append(try transform($0)) }
    return results
  }

  /// The first row through `transform`, or nil when there is none.
  public func first<T>(
    _ values: [any SQLBindable] = [], _ transform: (Row) -> T
  ) throws(SQLiteError) -> T? {
    try bind(values)
    defer { sqlite3_reset(handle) }
    guard try step() else { return nil }
    return transform(Row(handle: handle))
  }

  /// Binds `values` for reading the rows one call of `next()` at a time, to walk statements
  /// side by side; `reset()` ends the walk early.
  public func start(_ values: [any SQLBindable]) throws(SQLiteError) {
    try bind(values)
  }

  /// The next row, valid until the next call; nil (and the statement reset) after the last.
  public func next() throws(SQLiteError) -> Row? {
    try step() ? Row(handle: handle) : nil
  }

  /// Ends a walk begun by `start`, releasing its read lock.
  public func reset() {
    sqlite3_reset(handle)
  }

  /// Advances; true while a row is available.
  private func step() throws(SQLiteError) -> Bool {
    switch sqlite3_step(handle) {
    case SQLITE_ROW: return true
    case SQLITE_DONE:
      sqlite3_reset(handle)
      return false
    case let code:
      let error = SQLiteError(connection: sqlite3_db_handle(handle), code: code, sql: sql)
      sqlite3_reset(handle)
      throw error
    }
  }
}

/// A view of the current row of a statement. Columns are 0-based.
public struct Row {
  fileprivate let handle: OpaquePointer

  public var columnCount: Int { Int(sqlite3_column_count(handle)) }

  public func isNull(_ column: Int) -> Bool {
    sqlite3_column_type(handle, Int32(column)) == SQLITE_NULL
  }

  public func int(_ column: Int) -> Int {
    Int(sqlite3_column_int64(handle, Int32(column)))
  }

  public func double(_ column: Int) -> Double {
    sqlite3_column_double(handle, Int32(column))
  }

  /// The column as text; NULL reads as the empty string, see `optionalString`.
  public func string(_ column: Int) -> String {
    optionalString(column) ?? ""
  }

  public func optionalString(_ column: Int) -> String? {
    guard let bytes = sqlite3_column_text(handle, Int32(column)) else { return nil }
    let count = Int(sqlite3_column_bytes(handle, Int32(column)))
    return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
  }

  public func value(_ column: Int) -> SQLValue {
    switch sqlite3_column_type(handle, Int32(column)) {
    case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, Int32(column)))
    case SQLITE_FLOAT: return .real(double(column))
    case SQLITE_TEXT: return .text(string(column))
    case SQLITE_BLOB:
      let count = Int(sqlite3_column_bytes(handle, Int32(column)))
      guard count > 0, let bytes = sqlite3_column_blob(handle, Int32(column)) else {
        return .blob([])
      }
      return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
    default: return .null
    }
  }
}
