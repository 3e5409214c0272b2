import SQLiteKit

/// A statement whose rows come in ascending order of the claim seq in their first column,
/// walked alongside a statement over claims in seq order: a merge of two sorted streams, which
/// holds one row, in place of a subquery per claim.
struct RowsBySeq {
  private let statement: Statement
  private var current: Row?

  init(_ statement: Statement, _ values: [any SQLBindable]) throws {
    self.statement = statement
    try statement.start(values)
    current = try statement.next()
  }

  /// The rows for claim `seq` through `transform`, after stepping past those before it. The
  /// seqs asked for must ascend.
  mutating func rows<T>(of seq: Int, _ transform: (Row) -> T) throws -> [T] {
    var found: [T] = []
    while let row = current, row.int(0) <= seq {
      if row.int(0) == seq { found.append(transform(row)) }
      current = try statement.next()
    }
    return found
  }

  /// Ends the walk early, releasing the statement's read lock.
  func finish() { statement.reset() }
}
