import ArgModel
import Foundation
import SQLiteKit
import Testing

@testable import ArgStore

@Suite("Schema and opening files")
struct SchemaTests {
  /// The top-level `schema/` folder, found from this file: Tests/ArgStoreTests/ → ../../schema.
  private static let schemaFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("schema", isDirectory: true)

  @Test func embeddedFilesAreExactlyTheSchemaFolder() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.schemaFolder.path)
      .filter { $0.hasSuffix(".sql") }.sorted()
    #expect(!names.isEmpty)
    #expect(Schema.files.map(\.name) == names)
    for file in Schema.files {
      let onDisk = try fileBytes(Self.schemaFolder.appendingPathComponent(file.name).path)
      #expect(file.bytes == onDisk, "\(file.name) differs from the embedded copy")
    }
    #expect(Schema.latestVersion == names.count)
  }

  @Test func schemaFilesAreNumberedFromOneWithoutGaps() {
    for (index, file) in Schema.files.enumerated() {
      #expect(file.name.hasPrefix(String(format: "%04d_", index + 1)), "\(file.name)")
    }
  }

  @Test func aNewFileGetsTheApplicationIDAndLatestVersion() throws {
    try withTemporaryDirectory { dir in
      let path = dir.appendingPathComponent("map.argmap").path
      do {
        let store = try MapStore.open(path: path, initializeEmpty: true)
        #expect(try store.schemaVersion == Schema.latestVersion)
        #expect(store.path == path)
      }
      let db = try Database(path: path, mode: .readOnly)
      #expect(try db.scalarInt("PRAGMA application_id") == Schema.applicationID)
      #expect(try db.scalarInt("PRAGMA user_version") == Schema.latestVersion)
      // 'ARGM' in the header, big-endian at offset 68.
      #expect(Array(try fileBytes(path)[68..<72]) == Array("ARGM".utf8))
      // Reopening an argmap file needs no flag and changes nothing.
      let before = try fileBytes(path)
      let reopened = try MapStore.open(path: path)
      #expect(try reopened.schemaVersion == Schema.latestVersion)
      #expect(try fileBytes(path) == before)
    }
  }

  /// Writing a position as Argdown asks which of its claims have asides, which few do. The
  /// partial index of schema 8 answers that without reading every relation's kind, but only
  /// while its condition reads as the query's.
  @Test func claimsWithAsidesAreFoundThroughTheirIndex() throws {
    let store = try MapStore.inMemory()
    let plan = try store.database.prepare("EXPLAIN QUERY PLAN \(StoreRows.claimsWithAsides)")
      .map([1, 9]) { $0.string(3) }
    #expect(plan.contains { $0.contains("USING INDEX relations_asides") }, "\(plan)")
  }

  /// The first migration seeds the built-in map's source, which a new map has no use for.
  @Test func aNewStoreHasNoSource() throws {
    let store = try MapStore.inMemory()
    #expect(try store.sources().isEmpty)
    #expect(try store.stats().claims == 0)
  }

  @Test func aMissingFileIsNotCreatedWithoutInitializeEmpty() throws {
    try withTemporaryDirectory { dir in
      let path = dir.appendingPathComponent("missing.argmap").path
      #expect(throws: StoreError.self) { _ = try MapStore.open(path: path) }
      #expect(!FileManager.default.fileExists(atPath: path))
    }
  }

  /// Opens `path` with and without `initializeEmpty`, expecting `expected` each time, and checks
  /// that the file and its folder are exactly as before.
  private func expectRefused(
    _ path: String, in dir: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation,
    _ matches: (StoreError) -> Bool
  ) throws {
    let bytes = try fileBytes(path)
    let listing = try directoryListing(dir)
    for initializeEmpty in [false, true] {
      let error = #expect(throws: StoreError.self, sourceLocation: sourceLocation) {
        _ = try MapStore.open(path: path, initializeEmpty: initializeEmpty)
      }
      #expect(
        error.map(matches) == true,
        "initializeEmpty \(initializeEmpty): \(String(describing: error))",
        sourceLocation: sourceLocation)
    }
    #expect(try fileBytes(path) == bytes, "file changed", sourceLocation: sourceLocation)
    #expect(try directoryListing(dir) == listing, sourceLocation: sourceLocation)
  }

  private func isNotArgmap(_ error: StoreError) -> Bool {
    if case .notArgmapDatabase = error { true } else { false }
  }

  @Test func aForeignSQLiteFileIsRefusedAndUntouched() throws {
    try withTemporaryDirectory { dir in
      let path = dir.appendingPathComponent("other.sqlite").path
      do {
        let db = try Database(path: path)
        try db.execute(
          "CREATE TABLE claims (id TEXT, body TEXT); INSERT INTO claims VALUES ('a', 'b')")
      }
      try expectRefused(path, in: dir, isNotArgmap)
      let error = #expect(throws: StoreError.self) { _ = try MapStore.open(path: path) }
      #expect(error == .notArgmapDatabase(path: path, reason: "it holds other tables"))
    }
  }

  @Test func aForeignDatabaseInWALModeIsRefusedAndUntouched() throws {
    try withTemporaryDirectory { dir in
      let path = dir.appendingPathComponent("wal.sqlite").path
      do {
        let db = try Database(path: path)
        try db.execute("PRAGMA journal_mode = WAL; CREATE TABLE notes (body TEXT)")
        try db.run("INSERT INTO notes VALUES (?)", ["kept"])
      }
      #expect(try directoryListing(dir) == ["wal.sqlite"])
      try expectRefused(path, in: dir, isNotArgmap)
      let db = try Database(path: path, mode: .readOnly)
      #expect(try db.scalarInt("SELECT count(*) FROM notes") == 1)
    }
  }

  @Test func aFileStampedByAnotherApplicationIsRefusedEvenWhenEmpty() throws {
    try withTemporaryDirectory { dir in
      let path = dir.appendingPathComponent("stamped.sqlite").path
      do {
        let db = try Database(path: path)
        try db.execute("PRAGMA application_id = 42")
      }
      try expectRefused(path, in: dir, isNotArgmap)
    }
  }

  @Test func anEmptySQLiteFileWithAVersionIsNotTakenForANewerArgmap() throws {
    try withTemporaryDirectory { dir in
      let path = dir.appendingPathComponent("versioned.sqlite").path
      do {
        let db = try Database(path: path)
        try db.execute("PRAGMA user_version = 7")
      }
      try expectRefused(path, in: dir, isNotArgmap)
    }
  }

  @Test func aNewerArgmapFileIsRefusedAndUntouched() throws {
    try withTemporaryDirectory { dir in
      let path = dir.appendingPathComponent("future.argmap").path
      do {
        _ = try MapStore.open(path: path, initializeEmpty: true)
        let db = try Database(path: path)
        try db.execute("PRAGMA user_version = 99")
      }
      try expectRefused(path, in: dir) {
        $0 == .newerSchema(path: path, found: 99, known: Schema.latestVersion)
      }
    }
  }

  @Test(arguments: [
    Array("not a database at all, just some notes\n".utf8),
    Array(repeating: 0xAB, count: 4096),
    Array("SQLite format 3\0".utf8) + Array(repeating: 0xFF, count: 1024),
  ])
  func aNonSQLiteFileIsRefusedAndUntouched(bytes: [UInt8]) throws {
    try withTemporaryDirectory { dir in
      let path = dir.appendingPathComponent("notes.argmap").path
      #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
      try expectRefused(path, in: dir, isNotArgmap)
    }
  }

  @Test func anEmptyFileIsRefusedUnlessAskedToInitialize() throws {
    try withTemporaryDirectory { dir in
      let path = dir.appendingPathComponent("empty.argmap").path
      #expect(FileManager.default.createFile(atPath: path, contents: Data()))
      let error = #expect(throws: StoreError.self) { _ = try MapStore.open(path: path) }
      #expect(error == .notArgmapDatabase(path: path, reason: "it is empty"))
      #expect(try fileBytes(path).isEmpty)
      let store = try MapStore.open(path: path, initializeEmpty: true)
      #expect(try store.schemaVersion == Schema.latestVersion)
    }
  }

  @Test func errorsDescribeThemselves() {
    #expect(
      StoreError.notArgmapDatabase(path: "x.db", reason: "it is empty").description
        == "'x.db' is not an argmap database (it is empty)")
    #expect(
      StoreError.newerSchema(path: "x.db", found: 9, known: 1).description.contains("version 9"))
    #expect(
      StoreError.notFound(.claim, id: "abc", suggestion: "abd").description
        == "no claim with id 'abc'; did you mean 'abd'?")
    #expect(
      StoreError.alreadyExists(.position, id: "p").description
        == "a position with id 'p' already exists")
  }
}
