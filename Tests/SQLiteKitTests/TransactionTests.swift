import Foundation
import SQLiteKit
import Testing

@Suite("Database.transaction")
struct TransactionTests {
  private func makeDatabase() throws -> Database {
    let db = try Database(path: ":memory:")
    try db.execute("CREATE TABLE t (label TEXT PRIMARY KEY)")
    return db
  }

  private func labels(_ db: Database) throws -> [String] {
    try db.prepare("SELECT label FROM t ORDER BY label").map { $0.string(0) }
  }

  @Test func commitsWhenTheBodyReturns() throws {
    try withTemporaryDirectory { dir in
      let path = dir.appendingPathComponent("data.sqlite").path
      let db = try Database(path: path)
      try db.execute("CREATE TABLE t (label TEXT PRIMARY KEY)")
      let result = try db.transaction {
        #expect(db.isInTransaction)
        try db.run("INSERT INTO t VALUES (?)", ["a"])
        try db.run("INSERT INTO t VALUES (?)", ["b"])
        return 42
      }
      #expect(result == 42)
      #expect(!db.isInTransaction)
      // Committed means another connection sees it.
      let other = try Database(path: path, mode: .readOnly)
      #expect(try labels(other) == ["a", "b"])
    }
  }

  @Test func rollsBackWhenTheBodyThrows() throws {
    let db = try makeDatabase()
    try db.run("INSERT INTO t VALUES ('before')")
    #expect(throws: TestFailure(label: "body")) {
      try db.transaction {
        try db.run("INSERT INTO t VALUES (?)", ["during"])
        throw TestFailure(label: "body")
      }
    }
    #expect(!db.isInTransaction)
    #expect(try labels(db) == ["before"])
  }

  @Test func rethrowsTheSQLiteErrorThatStoppedTheBody() throws {
    let db = try makeDatabase()
    let error = #expect(throws: SQLiteError.self) {
      try db.transaction {
        try db.run("INSERT INTO t VALUES ('x')")
        try db.run("INSERT INTO t VALUES ('x')")
      }
    }
    #expect(error?.extendedCode == ResultCode.constraintPrimaryKey)
    #expect(try labels(db) == [])
  }

  @Test func theFirstErrorWinsOverAFailingRollback() throws {
    let db = try makeDatabase()
    // The body ends the transaction itself, so the wrapper's ROLLBACK fails too; the caller
    // must still see the body's error, not "no transaction is active".
    #expect(throws: TestFailure(label: "first")) {
      try db.transaction {
        try db.run("INSERT INTO t VALUES ('x')")
        try db.execute("ROLLBACK")
        throw TestFailure(label: "first")
      }
    }
    #expect(!db.isInTransaction)
    #expect(try labels(db) == [])
  }

  @Test func aFailedCommitRollsBackAndLeavesNoTransactionOpen() throws {
    let db = try Database(path: ":memory:")
    try db.execute(
      """
      CREATE TABLE parent (id INTEGER PRIMARY KEY);
      CREATE TABLE child (parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);
      """)
    // A deferred foreign key is only checked at COMMIT, which then fails.
    let error = #expect(throws: SQLiteError.self) {
      try db.transaction { try db.run("INSERT INTO child VALUES (7)") }
    }
    #expect(error?.extendedCode == ResultCode.constraintForeignKey)
    #expect(!db.isInTransaction)
    #expect(try db.scalarInt("SELECT count(*) FROM child") == 0)
  }

  @Test func nestsAsASavepointThatRollsBackAlone() throws {
    let db = try makeDatabase()
    try db.transaction {
      try db.run("INSERT INTO t VALUES ('outer')")
      #expect(throws: TestFailure(label: "inner")) {
        try db.transaction {
          #expect(db.isInTransaction)
          try db.run("INSERT INTO t VALUES ('inner')")
          throw TestFailure(label: "inner")
        }
      }
      // The outer transaction is still open and keeps its own write.
      #expect(db.isInTransaction)
      #expect(try labels(db) == ["outer"])
      try db.transaction { try db.run("INSERT INTO t VALUES ('second inner')") }
    }
    #expect(!db.isInTransaction)
    #expect(try labels(db) == ["outer", "second inner"])
  }

  @Test func aNestedSuccessIsUndoneWhenTheOuterFails() throws {
    let db = try makeDatabase()
    #expect(throws: TestFailure(label: "outer")) {
      try db.transaction {
        try db.transaction { try db.run("INSERT INTO t VALUES ('inner')") }
        try db.transaction {
          try db.transaction { try db.run("INSERT INTO t VALUES ('deeper')") }
        }
        #expect(try labels(db) == ["deeper", "inner"])
        throw TestFailure(label: "outer")
      }
    }
    #expect(try labels(db) == [])
  }

  @Test func takesTheWriteLockUpFront() throws {
    try withTemporaryDirectory { dir in
      let path = dir.appendingPathComponent("data.sqlite").path
      let first = try Database(path: path)
      try first.execute("CREATE TABLE t (x INTEGER)")
      let second = try Database(path: path)
      try second.execute("PRAGMA busy_timeout = 0")
      try first.transaction {
        // Nothing written yet, but BEGIN IMMEDIATE already holds the reserved lock.
        let error = #expect(throws: SQLiteError.self) {
          try second.transaction { try second.run("INSERT INTO t VALUES (1)") }
        }
        #expect(error?.code == ResultCode.busy)
        #expect(!second.isInTransaction)
      }
      try second.transaction { try second.run("INSERT INTO t VALUES (1)") }
      #expect(try first.scalarInt("SELECT count(*) FROM t") == 1)
    }
  }
}
