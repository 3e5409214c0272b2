import Foundation
import SQLiteKit
import Testing

@Suite("Statement: binding and reading values")
struct BindingTests {
  /// Binds `value` once and reads it back with the type SQLite stored it as.
  private func roundTrip(_ value: any SQLBindable) throws -> (value: SQLValue, type: SQLValue) {
    let db = try Database(path: ":memory:")
    let row = try #require(try db.rows("SELECT ?1, typeof(?1)", [value]).first)
    return (row[0], row[1])
  }

  @Test(arguments: [
    (SQLValue.null, "null"),
    (.integer(0), "integer"),
    (.integer(Int64.max), "integer"),
    (.integer(Int64.min), "integer"),
    (.real(3.25), "real"),
    (.real(-1e300), "real"),
    (.text("plain"), "text"),
    (.text(""), "text"),
    (.text("héllo wörld — “quoted” 中文 🌍 e\u{301}"), "text"),
    (.blob([0, 1, 2, 255, 0]), "blob"),
  ])
  func everyStorageClassRoundTrips(value: SQLValue, type: String) throws {
    let result = try roundTrip(value)
    #expect(result.value == value)
    #expect(result.type == .text(type))
  }

  @Test func anEmptyBlobStaysABlob() throws {
    // An empty array may have no base address; binding a null pointer would store NULL.
    let result = try roundTrip(SQLValue.blob([]))
    #expect(result.value == .blob([]))
    #expect(result.type == "blob")
  }

  @Test func textWithAnEmbeddedNULIsNotTruncated() throws {
    let text = "before\u{0}after"
    let db = try Database(path: ":memory:")
    let row = try #require(try db.rows("SELECT ?1, length(CAST(?1 AS BLOB))", [text]).first)
    #expect(row == [.text(text), .integer(12)])
  }

  @Test func unicodeTextKeepsItsExactBytes() throws {
    let text = "naïve café – 🇺🇦 – A\u{30A}ngström"
    let db = try Database(path: ":memory:")
    let row = try #require(
      try db.rows("SELECT ?1, length(CAST(?1 AS BLOB)), hex(?1)", [text]).first)
    #expect(row[0] == .text(text))
    #expect(row[1] == .integer(Int64(text.utf8.count)))
    let hex = text.utf8.map { String($0, radix: 16, uppercase: true) }
      .map { $0.count == 1 ? "0" + $0 : $0 }.joined()
    #expect(row[2] == .text(hex))
  }

  @Test func swiftTypesBindAsTheirStorageClass() throws {
    let db = try Database(path: ":memory:")
    let missing: String? = nil
    let present: Int? = 7
    let row = try #require(
      try db.rows(
        "SELECT ?, ?, ?, ?, ?, ?, ?, ?",
        [42, Int64(-5), 2.5, true, false, "text", missing, present]
      ).first)
    #expect(
      row == [
        .integer(42), .integer(-5), .real(2.5), .integer(1), .integer(0), .text("text"), .null,
        .integer(7),
      ])
  }

  @Test func literalsBuildValues() {
    let values: [SQLValue] = [nil, 1, 1.5, "a"]
    #expect(values == [.null, .integer(1), .real(1.5), .text("a")])
  }

  @Test func rowAccessorsReadEachType() throws {
    let db = try Database(path: ":memory:")
    let statement = try db.prepare("SELECT 12, 2.5, 'text', NULL, x'0102'")
    let checked = try statement.map { row in
      #expect(row.columnCount == 5)
      #expect(row.int(0) == 12)
      #expect(row.double(1) == 2.5)
      #expect(row.string(2) == "text")
      #expect(row.isNull(3))
      #expect(!row.isNull(2))
      #expect(row.string(3) == "")
      #expect(row.optionalString(3) == nil)
      #expect(row.int(3) == 0)
      #expect(row.value(4) == .blob([1, 2]))
      return true
    }
    #expect(checked == [true])
  }

  @Test func bindingTheSameParameterTwiceCountsOnce() throws {
    let db = try Database(path: ":memory:")
    #expect(try db.rows("SELECT ?1 + ?1, ?2", [20, "x"]) == [[.integer(40), .text("x")]])
  }
}

@Suite("Statement: errors")
struct StatementErrorTests {
  @Test(arguments: [[], [1], [1, 2, 3]] as [[Int]])
  func parameterCountMismatchIsARangeError(values: [Int]) throws {
    let db = try Database(path: ":memory:")
    let sql = "SELECT ?, ?"
    let error = #expect(throws: SQLiteError.self) {
      try db.prepare(sql).execute(values)
    }
    #expect(error?.code == ResultCode.range)
    #expect(error?.sql == sql)
    #expect(error?.message.contains("2 parameters but \(values.count)") == true)
  }

  @Test func syntaxErrorCarriesCodeMessageAndSQL() throws {
    let db = try Database(path: ":memory:")
    let sql = "SELEKT 1"
    let error = #expect(throws: SQLiteError.self) { _ = try db.prepare(sql) }
    #expect(error?.code == ResultCode.error)
    #expect(error?.extendedCode == ResultCode.error)
    #expect(error?.sql == sql)
    #expect(error?.message.contains("syntax error") == true)
    #expect(error?.isConstraintViolation == false)
    #expect(error?.isNotADatabase == false)
    let description = error.map(String.init(describing:)) ?? ""
    #expect(description.contains("syntax error"))
    #expect(description.contains("SQLite code 1"))
    #expect(description.contains("'SELEKT 1'"))
  }

  @Test func executeReportsTheScriptThatFailed() throws {
    let db = try Database(path: ":memory:")
    let script = "CREATE TABLE a (x); CREATE TABLE a (x)"
    let error = #expect(throws: SQLiteError.self) { try db.execute(script) }
    #expect(error?.code == ResultCode.error)
    #expect(error?.sql == script)
    #expect(error?.message.contains("already exists") == true)
  }

  @Test func constraintErrorsCarryTheirExtendedCode() throws {
    let db = try Database(path: ":memory:")
    try db.execute(
      """
      CREATE TABLE t (
        id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, size INTEGER CHECK (size > 0)
      ) STRICT
      """)
    try db.run("INSERT INTO t (name, size) VALUES (?, ?)", ["a", 1])
    let cases: [(sql: String, values: [any SQLBindable], extended: Int32)] = [
      ("INSERT INTO t (name, size) VALUES (?, ?)", ["a", 2], ResultCode.constraintUnique),
      (
        "INSERT INTO t (name, size) VALUES (?, ?)", [SQLValue.null, 2], ResultCode.constraintNotNull
      ),
      ("INSERT INTO t (name, size) VALUES (?, ?)", ["b", 0], ResultCode.constraintCheck),
      (
        "INSERT INTO t (id, name, size) VALUES (?, ?, ?)", [1, "c", 3],
        ResultCode.constraintPrimaryKey
      ),
    ]
    for (sql, values, extended) in cases {
      let error = #expect(throws: SQLiteError.self) { try db.run(sql, values) }
      #expect(error?.code == ResultCode.constraint, "\(sql)")
      #expect(error?.extendedCode == extended, "\(sql)")
      #expect(error?.isConstraintViolation == true)
      #expect(error?.sql == sql)
    }
    #expect(try db.scalarInt("SELECT count(*) FROM t") == 1)
  }

  @Test func runRefusesMoreThanOneStatement() throws {
    // prepare compiles only the first statement; silently dropping the rest would hide bugs.
    let db = try Database(path: ":memory:")
    try db.execute("CREATE TABLE t (x INTEGER)")
    let error = #expect(throws: SQLiteError.self) {
      try db.run("INSERT INTO t VALUES (1); DROP TABLE t")
    }
    #expect(error?.code == ResultCode.misuse)
    #expect(try db.scalarInt("SELECT count(*) FROM t") == 0)
  }

  @Test func trailingSemicolonsSpacesAndCommentsAreFine() throws {
    let db = try Database(path: ":memory:")
    #expect(try db.scalarInt("SELECT 3;  -- the answer\n ; /* done */ ") == 3)
  }

  @Test func emptySQLIsAnError() throws {
    let db = try Database(path: ":memory:")
    for sql in ["", "   ", "-- only a comment"] {
      let error = #expect(throws: SQLiteError.self) { _ = try db.prepare(sql) }
      #expect(error?.code == ResultCode.misuse, "\(sql)")
    }
  }
}

@Suite("Statement: reuse")
struct StatementReuseTests {
  @Test func onePreparedInsertRunsManyTimes() throws {
    let db = try Database(path: ":memory:")
    try db.execute("CREATE TABLE t (n INTEGER, label TEXT)")
    let insert = try db.prepare("INSERT INTO t VALUES (?, ?)")
    for n in 1...100 {
      try insert.execute([n, "row \(n)"])
      #expect(db.changes == 1)
      #expect(db.lastInsertRowID == Int64(n))
    }
    #expect(try db.scalarInt("SELECT sum(n) FROM t") == 5050)
    #expect(try db.rows("SELECT label FROM t WHERE n = 77") == [[.text("row 77")]])
  }

  @Test func aQueryReturnsFreshResultsForNewBindings() throws {
    let db = try Database(path: ":memory:")
    try db.execute("CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3), (4)")
    let select = try db.prepare("SELECT n FROM t WHERE n >= ? ORDER BY n")
    #expect(try select.first([2]) { $0.int(0) } == 2)
    #expect(try select.map([3]) { $0.int(0) } == [3, 4])
    #expect(try select.first([1]) { $0.int(0) } == 1)
    #expect(try select.map([9]) { $0.int(0) } == [])
    #expect(try select.map([1]) { $0.int(0) } == [1, 2, 3, 4])
  }

  @Test func aStatementIsUsableAfterItFailed() throws {
    let db = try Database(path: ":memory:")
    try db.execute("CREATE TABLE t (n INTEGER UNIQUE)")
    let insert = try db.prepare("INSERT INTO t VALUES (?)")
    try insert.execute([1])
    #expect(throws: SQLiteError.self) { try insert.execute([1]) }
    #expect(throws: SQLiteError.self) { try insert.execute([1, 2]) }
    try insert.execute([2])
    #expect(try db.scalarInt("SELECT count(*) FROM t") == 2)
  }

  @Test func aRowCallbackThatThrowsStopsTheWalkAndPropagates() throws {
    let db = try Database(path: ":memory:")
    try db.execute("CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3)")
    let select = try db.prepare("SELECT n FROM t ORDER BY n")
    var seen: [Int] = []
    #expect(throws: TestFailure(label: "stop")) {
      try select.forEachRow { row in
        seen.append(row.int(0))
        if row.int(0) == 2 { throw TestFailure(label: "stop") }
      }
    }
    #expect(seen == [1, 2])
    #expect(try select.map { $0.int(0) } == [1, 2, 3])
  }

  @Test func aThrowingRowCallbackDoesNotKeepTheFileLocked() throws {
    try withTemporaryDirectory { dir in
      let path = dir.appendingPathComponent("data.sqlite").path
      let reader = try Database(path: path)
      try reader.execute("CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2)")
      let select = try reader.prepare("SELECT n FROM t")
      #expect(throws: TestFailure.self) {
        try select.forEachRow { _ in throw TestFailure(label: "first row") }
      }
      // The statement is kept for reuse; it must not hold its read lock until then.
      let writer = try Database(path: path)
      try writer.execute("PRAGMA busy_timeout = 0")
      try writer.run("INSERT INTO t VALUES (3)")
      #expect(try reader.scalarInt("SELECT count(*) FROM t") == 3)
      _ = select
    }
  }

  @Test func changesCountsRowsOfTheLastWrite() throws {
    let db = try Database(path: ":memory:")
    try db.execute("CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3)")
    try db.run("UPDATE t SET n = n + 1 WHERE n > ?", [1])
    #expect(db.changes == 2)
    try db.run("DELETE FROM t")
    #expect(db.changes == 3)
  }
}
