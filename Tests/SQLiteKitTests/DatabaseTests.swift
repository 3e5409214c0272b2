import Foundation
import SQLiteKit
import Testing

@Suite("Database: open and close")
struct DatabaseOpenTests {
  @Test func inMemoryDatabaseRunsStatements() throws {
    let db = try Database(path: ":memory:")
    try db.execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3)")
    #expect(try db.scalarInt("SELECT sum(x) FROM t") == 6)
    #expect(db.path == ":memory:")
  }

  @Test func scalarIntIsNilWithoutARow() throws {
    let db = try Database(path: ":memory:")
    #expect(try db.scalarInt("SELECT 1 WHERE 0") == nil)
  }

  @Test func foreignKeysAreEnforced() throws {
    let db = try Database(path: ":memory:")
    #expect(try db.scalarInt("PRAGMA foreign_keys") == 1)
    try db.execute(
      """
      CREATE TABLE parent (id INTEGER PRIMARY KEY);
      CREATE TABLE child (parent_id INTEGER REFERENCES parent (id));
      """)
    let error = #expect(throws: SQLiteError.self) {
      try db.run("INSERT INTO child VALUES (?)", [42])
    }
    #expect(error?.code == ResultCode.constraint)
    #expect(error?.extendedCode == ResultCode.constraintForeignKey)
    #expect(error?.isConstraintViolation == true)
    #expect(try db.scalarInt("SELECT count(*) FROM child") == 0)
  }

  @Test func fileDatabasePersistsAcrossConnections() throws {
    try withTemporaryDirectory { dir in
      let path = dir.appendingPathComponent("data.sqlite").path
      do {
        let db = try Database(path: path)
        try db.execute("CREATE TABLE t (x TEXT)")
        try db.run("INSERT INTO t VALUES (?)", ["kept"])
      }
      let reopened = try Database(path: path, mode: .readOnly)
      #expect(try reopened.rows("SELECT x FROM t") == [[.text("kept")]])
    }
  }

  @Test func releasingTheDatabaseClosesItAndRollsBackAnOpenTransaction() throws {
    try withTemporaryDirectory { dir in
      let path = dir.appendingPathComponent("data.sqlite").path
      do {
        let setup = try Database(path: path)
        try setup.execute("CREATE TABLE t (x INTEGER)")
      }
      do {
        let writer = try Database(path: path)
        try writer.execute("BEGIN IMMEDIATE")
        try writer.run("INSERT INTO t VALUES (1)")
        #expect(writer.isInTransaction)
      }
      // The first connection is gone, so its write lock is too: a writer that will not wait
      // gets the lock at once, and the uncommitted row never landed.
      let other = try Database(path: path)
      try other.execute("PRAGMA busy_timeout = 0")
      try other.execute("BEGIN IMMEDIATE")
      #expect(try other.scalarInt("SELECT count(*) FROM t") == 0)
      try other.execute("COMMIT")
    }
  }

  @Test func readWriteModeDoesNotCreateAMissingFile() throws {
    try withTemporaryDirectory { dir in
      let path = dir.appendingPathComponent("missing.sqlite").path
      let error = #expect(throws: SQLiteError.self) {
        _ = try Database(path: path, mode: .readWrite)
      }
      #expect(error?.code == ResultCode.cantOpen)
      #expect(error?.isNotADatabase == false)
      #expect(!FileManager.default.fileExists(atPath: path))
    }
  }

  @Test func readOnlyModeRefusesWrites() throws {
    try withTemporaryDirectory { dir in
      let path = dir.appendingPathComponent("data.sqlite").path
      do {
        let db = try Database(path: path)
        try db.execute("CREATE TABLE t (x INTEGER)")
      }
      let db = try Database(path: path, mode: .readOnly)
      let error = #expect(throws: SQLiteError.self) {
        try db.run("INSERT INTO t VALUES (1)")
      }
      #expect(error?.code == ResultCode.readOnly)
    }
  }

  @Test func aOneByteFileOpensAsAnEmptyDatabase() throws {
    // SQLite's own rule, recorded here because callers that guard files must not rely on
    // `isNotADatabase` for it: a file of one byte reads as an empty database.
    try withTemporaryDirectory { dir in
      let path = dir.appendingPathComponent("one-byte").path
      #expect(FileManager.default.createFile(atPath: path, contents: Data("x".utf8)))
      let db = try Database(path: path, mode: .readOnly)
      #expect(try db.scalarInt("SELECT count(*) FROM sqlite_schema") == 0)
    }
  }

  @Test func anEmptyFileIsAnEmptyDatabase() throws {
    try withTemporaryDirectory { dir in
      let path = dir.appendingPathComponent("empty.sqlite").path
      #expect(FileManager.default.createFile(atPath: path, contents: Data()))
      let db = try Database(path: path, mode: .readWrite)
      #expect(try db.scalarInt("SELECT count(*) FROM sqlite_schema") == 0)
    }
  }
}

@Suite("Database: files that are not SQLite")
struct NotADatabaseTests {
  /// Writes `bytes`, tries to open them in every mode, and checks that each attempt fails with
  /// `isNotADatabase` and leaves the file and its folder exactly as they were.
  private func expectNotADatabase(_ bytes: [UInt8]) throws {
    try withTemporaryDirectory { dir in
      let path = dir.appendingPathComponent("file.sqlite").path
      #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
      let listing = try directoryListing(dir)
      for mode in [Database.OpenMode.readWrite, .readWriteCreate, .readOnly] {
        let error = #expect(throws: SQLiteError.self) {
          _ = try Database(path: path, mode: mode)
        }
        #expect(error?.isNotADatabase == true, "mode \(mode): \(String(describing: error))")
      }
      #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == bytes)
      #expect(try directoryListing(dir) == listing)
    }
  }

  @Test(arguments: [1, 2, 3])
  func randomBytes(seed: UInt64) throws {
    try expectNotADatabase(pseudoRandomBytes(count: 4096 * Int(seed), seed: seed))
  }

  @Test func textFile() throws {
    try expectNotADatabase(Array("name,claim\nrealism,models roleplay\n".utf8))
  }

  @Test func tinyTextFile() throws {
    try expectNotADatabase(Array("ok".utf8))
  }

  @Test func almostTheMagicHeader() throws {
    // One byte off "SQLite format 3\0", padded to a full page.
    var bytes = Array("SQLite format 4\0".utf8)
    bytes += [UInt8](repeating: 0, count: 4096 - bytes.count)
    try expectNotADatabase(bytes)
  }

  @Test func theMagicHeaderFollowedByGarbage() throws {
    // A real header string, but nonsense where page size and the schema page should be.
    var bytes = Array("SQLite format 3\0".utf8)
    bytes += pseudoRandomBytes(count: 8192 - bytes.count, seed: 7)
    try expectNotADatabase(bytes)
  }

  @Test func errorValueNamesTheProblem() throws {
    try withTemporaryDirectory { dir in
      let path = dir.appendingPathComponent("notes.txt").path
      #expect(FileManager.default.createFile(atPath: path, contents: Data("hello\n".utf8)))
      let error = #expect(throws: SQLiteError.self) { _ = try Database(path: path) }
      #expect(error?.code == ResultCode.notADatabase)
      #expect(error?.message.contains("not a database") == true)
    }
  }
}
