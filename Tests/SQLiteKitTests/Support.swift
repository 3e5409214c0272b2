import Foundation
import SQLiteKit

/// SQLite result codes the tests compare against; the C macros are not visible here.
enum ResultCode {
  static let error: Int32 = 1
  static let busy: Int32 = 5
  static let readOnly: Int32 = 8
  static let corrupt: Int32 = 11
  static let cantOpen: Int32 = 14
  static let constraint: Int32 = 19
  static let misuse: Int32 = 21
  static let range: Int32 = 25
  static let notADatabase: Int32 = 26
  static let constraintCheck: Int32 = 275
  static let constraintForeignKey: Int32 = 787
  static let constraintNotNull: Int32 = 1299
  static let constraintPrimaryKey: Int32 = 1555
  static let constraintUnique: Int32 = 2067
}

/// Runs `body` with a fresh directory under the system temp folder and removes it afterwards.
/// A closure rather than an object, so the directory cannot vanish before the body is done.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("sqlitekit-tests-\(UUID().uuidString)", isDirectory: true)
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: url) }
  return try body(url)
}

/// The names in a directory, sorted, to show that nothing (a journal, a WAL) was left behind.
func directoryListing(_ url: URL) throws -> [String] {
  try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
}

/// Deterministic pseudo-random bytes (xorshift), so a failure can be reproduced.
func pseudoRandomBytes(count: Int, seed: UInt64) -> [UInt8] {
  var state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed
  return (0..<count).map { _ in
    state ^= state << 13
    state ^= state >> 7
    state ^= state << 17
    return UInt8(truncatingIfNeeded: state)
  }
}

struct TestFailure: Error, Equatable {
  var label: String
}

extension Database {
  /// Every row of `sql` as values, for compact assertions.
  func rows(_ sql: String, _ values: [any SQLBindable] = []) throws -> [[SQLValue]] {
    try prepare(sql).map(values) { row in (0..<row.columnCount).map { row.value($0) } }
  }
}
