import CSQLite

/// An error reported by SQLite, with the statement that caused it when there is one.
public struct SQLiteError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The primary result code, e.g. `SQLITE_CONSTRAINT`.
  public var code: Int32
  /// The extended result code, e.g. `SQLITE_CONSTRAINT_FOREIGNKEY`.
  public var extendedCode: Int32
  public var message: String
  public var sql: String?

  public init(code: Int32, extendedCode: Int32? = nil, message: String, sql: String? = nil) {
    self.code = code
    self.extendedCode = extendedCode ?? code
    self.message = message
    self.sql = sql
  }

  /// The error SQLite last reported on `connection`, for a call that returned `code`.
  init(connection: OpaquePointer?, code: Int32, sql: String?) {
    self.init(
      code: code & 0xff, extendedCode: sqlite3_extended_errcode(connection),
      message: String(cString: sqlite3_errmsg(connection)), sql: sql)
  }

  public var description: String {
    var text = "\(message) (SQLite code \(extendedCode))"
    // A migration script can run to pages; its first line is enough to find it.
    if let sql {
      let firstLine = sql.split(separator: "\n", omittingEmptySubsequences: true).first ?? ""
      let shown = firstLine.count > 80 ? firstLine.prefix(79) + "…" : firstLine
      text += " in '\(shown)\(firstLine.count < sql.count ? " …" : "")'"
    }
    return text
  }

  /// `SQLITE_ERROR`: SQL that SQLite could not run, such as a malformed full-text query.
  public static let genericErrorCode = SQLITE_ERROR

  /// A constraint failed: a unique key, a foreign key, a CHECK or NOT NULL.
  public var isConstraintViolation: Bool { code == SQLITE_CONSTRAINT }

  /// The file is not a database, or its contents are damaged.
  public var isNotADatabase: Bool { code == SQLITE_NOTADB || code == SQLITE_CORRUPT }
}
