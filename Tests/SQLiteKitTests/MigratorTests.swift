import Foundation
import SQLiteKit
import Testing

@Suite("Migrator")
struct MigratorTests {
  private let createA = Migration(version: 1, name: "a", sql: "CREATE TABLE a (x INTEGER)")
  private let createB = Migration(
    version: 2, name: "b", sql: "CREATE TABLE b (x INTEGER); INSERT INTO b VALUES (2)")
  private let createC = Migration(version: 3, name: "c", sql: "CREATE TABLE c (x INTEGER)")

  private func tables(_ db: Database) throws -> [String] {
    try db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .map { $0.string(0) }
  }

  @Test func appliesEveryStepInOrderAndRecordsTheVersion() throws {
    let db = try Database(path: ":memory:")
    // Steps given out of order still run in version order: step 2 reads step 1's table.
    let migrator = try Migrator([
      Migration(version: 2, name: "fill", sql: "INSERT INTO a VALUES (1)"),
      createA,
    ])
    #expect(migrator.migrations.map(\.version) == [1, 2])
    #expect(migrator.latestVersion == 2)
    #expect(try Migrator.currentVersion(of: db) == 0)
    #expect(try migrator.migrate(db) == [1, 2])
    #expect(try Migrator.currentVersion(of: db) == 2)
    #expect(try db.scalarInt("PRAGMA user_version") == 2)
    #expect(try db.scalarInt("SELECT count(*) FROM a") == 1)
  }

  @Test func runsOnlyPendingSteps() throws {
    let db = try Database(path: ":memory:")
    #expect(try Migrator([createA]).migrate(db) == [1])
    #expect(try Migrator([createA, createB, createC]).migrate(db) == [2, 3])
    #expect(try Migrator([createA, createB, createC]).migrate(db) == [])
    #expect(try tables(db) == ["a", "b", "c"])
    #expect(try db.scalarInt("SELECT count(*) FROM b") == 1)
  }

  @Test func anEmptyMigratorIsAtVersionZero() throws {
    let migrator = try Migrator([])
    #expect(migrator.latestVersion == 0)
    #expect(try migrator.migrate(Database(path: ":memory:")) == [])
  }

  @Test func aFailingStepLeavesThePreviousVersionAndNoPartialTables() throws {
    let db = try Database(path: ":memory:")
    let broken = Migration(
      version: 2, name: "broken",
      sql: "CREATE TABLE b (x INTEGER); INSERT INTO b VALUES (1); CREATE TABLE a (x INTEGER)")
    let error = #expect(throws: SQLiteError.self) {
      try Migrator([createA, broken, createC]).migrate(db)
    }
    #expect(error?.message.contains("already exists") == true)
    #expect(try Migrator.currentVersion(of: db) == 1)
    #expect(try tables(db) == ["a"])
    #expect(!db.isInTransaction)
    // Once fixed, the step applies from where it stopped.
    #expect(try Migrator([createA, createB, createC]).migrate(db) == [2, 3])
  }

  @Test func aStepThatSetsAPragmaIsUndoneWithIt() throws {
    let db = try Database(path: ":memory:")
    let step = Migration(
      version: 1, name: "stamp", sql: "PRAGMA application_id = 1234; CREATE TABLE a (; ")
    #expect(throws: SQLiteError.self) { try Migrator([step]).migrate(db) }
    #expect(try db.scalarInt("PRAGMA application_id") == 0)
    #expect(try Migrator.currentVersion(of: db) == 0)
  }

  @Test func refusesADatabaseFromANewerProgram() throws {
    let db = try Database(path: ":memory:")
    try db.execute("PRAGMA user_version = 5")
    #expect(throws: MigrationError.newerSchema(found: 5, known: 3)) {
      try Migrator([createA, createB, createC]).migrate(db)
    }
    #expect(try tables(db) == [])
    #expect(try Migrator.currentVersion(of: db) == 5)
  }

  @Test func detectsForeignKeyViolationsLeftByAStep() throws {
    let db = try Database(path: ":memory:")
    // A deferred key lets the bad row in until COMMIT; the check after the step catches it.
    let orphan = Migration(
      version: 2, name: "orphan",
      sql: """
        CREATE TABLE child (a_x INTEGER REFERENCES a (x) DEFERRABLE INITIALLY DEFERRED);
        INSERT INTO child VALUES (99);
        """)
    let withKey = Migration(version: 1, name: "a", sql: "CREATE TABLE a (x INTEGER PRIMARY KEY)")
    #expect(throws: MigrationError.foreignKeyViolation(version: 2)) {
      try Migrator([withKey, orphan]).migrate(db)
    }
    #expect(try Migrator.currentVersion(of: db) == 1)
    #expect(try tables(db) == ["a"])
  }

  @Test(arguments: [
    ([1, 3], MigrationError.nonContiguous(expected: 2, found: 3)),
    ([2], .nonContiguous(expected: 1, found: 2)),
    ([0, 1], .nonContiguous(expected: 1, found: 0)),
    ([1, 1], .nonContiguous(expected: 2, found: 1)),
    ([1, 2, 4], .nonContiguous(expected: 3, found: 4)),
  ])
  func rejectsVersionsWithGaps(versions: [Int], expected: MigrationError) {
    let migrations = versions.map { Migration(version: $0, name: "m\($0)", sql: "SELECT 1") }
    #expect(throws: expected) { try Migrator(migrations) }
  }

  @Test func migratesAFileAndReopensAtTheSameVersion() throws {
    try withTemporaryDirectory { dir in
      let path = dir.appendingPathComponent("data.sqlite").path
      do {
        let db = try Database(path: path)
        try Migrator([createA, createB]).migrate(db)
      }
      let db = try Database(path: path)
      #expect(try Migrator.currentVersion(of: db) == 2)
      #expect(try Migrator([createA, createB]).migrate(db) == [])
    }
  }
}
