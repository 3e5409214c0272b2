import SQLiteKit

/// What the store refuses, sorted into the classes a caller handles differently.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
  public enum Item: String, Sendable {
    case claim, position, relation, source, group, tag
    case historyEntry = "history entry"
  }

  /// The file is SQLite but not argmap's, or not SQLite at all. Nothing was changed.
  case notArgmapDatabase(path: String, reason: String)
  /// The file was written by a newer argmap; nothing was changed.
  case newerSchema(path: String, found: Int, known: Int)
  case notFound(Item, id: String, suggestion: String?)
  case alreadyExists(Item, id: String)
  /// The request breaks a rule of the map, e.g. an invalid id or a claim linked to itself.
  case invalid(String)
  /// The request is sound but the map as it stands forbids it: undoing a write that later
  /// writes build on, removing a position that still holds claims. Nothing was changed.
  case refused(String)
  case sqlite(SQLiteError)

  public var description: String {
    switch self {
    case .notArgmapDatabase(let path, let reason):
      return "'\(path)' is not an argmap database (\(reason))"
    case .newerSchema(let path, let found, let known):
      return
        "'\(path)' has schema version \(found), but this argmap knows only up to \(known); upgrade argmap"
    case .notFound(let item, let id, let suggestion):
      let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
      return "no \(item.rawValue) with id '\(id)'\(hint)"
    case .alreadyExists(let item, let id):
      return "a \(item.rawValue) with id '\(id)' already exists"
    case .invalid(let message), .refused(let message):
      return message
    case .sqlite(let error):
      return "database error: \(error)"
    }
  }
}

/// Runs `body`, turning SQLite's errors into `StoreError` so callers see one error type.
func storeErrors<T>(_ body: () throws -> T) throws(StoreError) -> T {
  do {
    return try body()
  } catch let error as StoreError {
    throw error
  } catch let error as SQLiteError {
    throw .sqlite(error)
  } catch {
    throw .invalid("\(error)")
  }
}
