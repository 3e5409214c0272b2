import ArgModel
import ArgStore
import Foundation
import SQLiteKit
import Testing

@Suite struct BaseScoreStoreTests {
  @Test func baseScoresAreStoredAndMerged() throws {
    let store = try MapStore.inMemory()
    try store.importMap(ArgumentMap(claims: [Claim(id: "a", text: "A", base: 0.8)]))
    #expect(try store.claim(id: "a").base == 0.8)
    // A file that restates the claim without a base keeps the stored one.
    #expect(try store.importMap(ArgumentMap(claims: [Claim(id: "a", text: "A")])).changedNothing)
    #expect(try store.claim(id: "a").base == 0.8)
    #expect(throws: StoreError.self) {
      try store.importMap(ArgumentMap(claims: [Claim(id: "b", text: "B", base: 1.5)]))
    }
  }

  /// A database made by schema version 1 opens, gains the base column and keeps its claims.
  @Test func aVersionOneDatabaseIsMigrated() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("argmap-v1-\(UUID().uuidString).db").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    do {
      let database = try Database(path: path)
      let first = Schema.files[0]
      try Migrator([
        Migration(version: 1, name: first.name, sql: String(decoding: first.bytes, as: UTF8.self))
      ]).migrate(database)
      try database.run("INSERT INTO claims (id, kind, text) VALUES ('old', 'statement', 'Old')")
    }
    let store = try MapStore.open(path: path)
    #expect(try store.schemaVersion == Schema.latestVersion)
    #expect(try store.claim(id: "old").base == nil)
    try store.importMap(ArgumentMap(claims: [Claim(id: "old", text: "Old", base: 0.3)]))
    #expect(try store.claim(id: "old").base == 0.3)
  }
}
