import ArgModel
import SQLiteKit

/// The knowledge base: an argument map in one SQLite file.
///
/// Opening checks that the file is argmap's and brings an older schema up to date; a foreign or
/// newer file is refused before anything is written.
public final class MapStore {
  let database: Database
  public let path: String

  private init(database: Database, path: String) {
    self.database = database
    self.path = path
  }

  /// Opens an existing argmap database. An empty SQLite file is refused unless `initializeEmpty`,
  /// which lets `init` and `import` create the schema in a file they just made.
  public static func open(path: String, initializeEmpty: Bool = false) throws(StoreError)
    -> MapStore
  {
    let database: Database
    do {
      database = try Database(path: path, mode: initializeEmpty ? .readWriteCreate : .readWrite)
    } catch let error where error.isNotADatabase {
      throw .notArgmapDatabase(path: path, reason: "not an SQLite file")
    } catch {
      throw .sqlite(error)
    }
    try prepareSchema(of: database, path: path, initializeEmpty: initializeEmpty)
    return MapStore(database: database, path: path)
  }

  /// An in-memory store with the schema and no map, for tests and one-off conversions.
  public static func inMemory() throws(StoreError) -> MapStore {
    try open(path: ":memory:", initializeEmpty: true)
  }

  private static func prepareSchema(of database: Database, path: String, initializeEmpty: Bool)
    throws(StoreError)
  {
    try storeErrors {
      // The common case, a file at the current version, costs one statement: no count of
      // tables and no migrator, whose scripts would be decoded only to be skipped.
      let header = try database.prepare(
        "SELECT application_id, user_version FROM pragma_application_id, pragma_user_version"
      ).first { (id: $0.int(0), version: $0.int(1)) }
      if header?.id == Schema.applicationID, header?.version == Schema.latestVersion { return }
      let applicationID = header?.id ?? 0
      let tableCount = try database.scalarInt("SELECT count(*) FROM sqlite_schema") ?? 0
      if applicationID != Schema.applicationID {
        guard tableCount == 0 else {
          throw StoreError.notArgmapDatabase(path: path, reason: "it holds other tables")
        }
        // No tables, but another program has stamped the header: still not ours to take.
        let userVersion = try Migrator.currentVersion(of: database)
        guard applicationID == 0, userVersion == 0 else {
          throw StoreError.notArgmapDatabase(
            path: path,
            reason: "it belongs to another program (application_id \(applicationID), "
              + "user_version \(userVersion))")
        }
        guard initializeEmpty else {
          throw StoreError.notArgmapDatabase(path: path, reason: "it is empty")
        }
      }
      if applicationID == Schema.applicationID, tableCount > 0,
        try Migrator.currentVersion(of: database) <= 0
      {
        throw StoreError.notArgmapDatabase(
          path: path, reason: "it is marked as argmap's but has no schema version; is it damaged?")
      }
      do {
        try Schema.migrator().migrate(database)
      } catch MigrationError.newerSchema(let found, let known) {
        throw StoreError.newerSchema(path: path, found: found, known: known)
      }
      // The first migration seeds the built-in map's source; a new map starts with none, and
      // the built-in map's import brings it back with its own.
      if tableCount == 0 { try database.execute("DELETE FROM sources") }
    }
  }

  public var schemaVersion: Int {
    get throws(StoreError) { try storeErrors { try Migrator.currentVersion(of: database) } }
  }

  /// Runs `body` in one transaction: every change lands, or none does.
  public func transaction<T>(_ body: () throws -> T) throws(StoreError) -> T {
    try storeErrors { try database.transaction(body) }
  }
}
