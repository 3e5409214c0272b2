/// One numbered step of a schema. Steps are append-only: a shipped step is never edited.
public struct Migration: Sendable {
  public var version: Int
  public var name: String
  public var sql: String

  public init(version: Int, name: String, sql: String) {
    self.version = version
    self.name = name
    self.sql = sql
  }
}

public enum MigrationError: Error, Equatable, Sendable {
  /// The file was written by a newer program; migrating "down" would lose data.
  case newerSchema(found: Int, known: Int)
  /// A migration left rows whose foreign keys point nowhere.
  case foreignKeyViolation(version: Int)
  /// Migration versions must run 1, 2, 3… with no gap.
  case nonContiguous(expected: Int, found: Int)
}

/// Brings a database up to the newest schema, recording progress in `PRAGMA user_version`.
public struct Migrator: Sendable {
  public let migrations: [Migration]

  public init(_ migrations: [Migration]) throws(MigrationError) {
    let sorted = migrations.sorted { $0.version < $1.version }
    for (index, migration) in sorted.enumerated() where migration.version != index + 1 {
      throw .nonContiguous(expected: index + 1, found: migration.version)
    }
    self.migrations = sorted
  }

  public var latestVersion: Int { migrations.last?.version ?? 0 }

  public static func currentVersion(of database: Database) throws -> Int {
    try database.scalarInt("PRAGMA user_version") ?? 0
  }

  /// Applies every pending migration, each in its own transaction so that a failing step leaves
  /// the database at the previous version. Returns the versions applied.
  @discardableResult
  public func migrate(_ database: Database) throws -> [Int] {
    let current = try Self.currentVersion(of: database)
    guard current <= latestVersion else {
      throw MigrationError.newerSchema(found: current, known: latestVersion)
    }
    var applied: [Int] = []
    // SQLite's procedure for remaking a table: foreign keys off outside the transaction, every
    // key checked before it commits. With them on, dropping a remade table would delete every
    // row that refers to it.
    let enforced = try database.scalarInt("PRAGMA foreign_keys") == 1
    if enforced { try database.execute("PRAGMA foreign_keys = OFF") }
    defer {
      // Restoring the setting cannot fail outside a transaction; a failure here would leave
      // nothing to undo, so it is not worth a second error.
      if enforced { try? database.execute("PRAGMA foreign_keys = ON") }
    }
    for migration in migrations where migration.version > current {
      try database.transaction {
        try database.execute(migration.sql)
        let violations = try database.scalarInt("SELECT count(*) FROM pragma_foreign_key_check")
        guard violations == 0 else {
          throw MigrationError.foreignKeyViolation(version: migration.version)
        }
        // PRAGMA takes no bound parameters; the version is our own integer.
        try database.execute("PRAGMA user_version = \(migration.version)")
      }
      applied.append(migration.version)
    }
    return applied
  }
}
