#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds, creates and fills map databases: the steps the CLI's commands share, kept here so any
/// Swift program can do the same.
public enum Workspace {
  /// Where the map lives: an explicit path, `$ARGMAP_DB`, or the per-user default file.
  public struct DatabaseChoice: Equatable, Sendable {
    public var path: String
    /// The per-user default file is created from the built-in map on first use; an explicit
    /// path is the user's own map and is never created by a read.
    public var isDefault: Bool

    public init(path: String, isDefault: Bool) {
      self.path = path
      self.isDefault = isDefault
    }
  }

  public static func chooseDatabase(explicitPath: String?, environment: [String: String])
    -> DatabaseChoice
  {
    if let explicitPath { return DatabaseChoice(path: explicitPath, isDefault: false) }
    if let path = environment["ARGMAP_DB"], !path.isEmpty {
      return DatabaseChoice(path: path, isDefault: false)
    }
    let dataHome =
      environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? ((environment["HOME"] ?? ".") + "/.local/share")
    return DatabaseChoice(path: dataHome + "/argmap/argmap.db", isDefault: true)
  }

  /// Opens the chosen database for reading or editing. The default file is created from the
  /// built-in map when missing; any other missing file is an error.
  public static func open(_ choice: DatabaseChoice) throws(ArgmapError) -> MapStore {
    if !FileManager.default.fileExists(atPath: choice.path) {
      guard choice.isDefault else { throw .databaseMissing(path: choice.path) }
      try create(at: choice.path, contents: .builtin, replacing: false)
    }
    do {
      return try MapStore.open(path: choice.path)
    } catch {
      throw .store(error)
    }
  }

  public enum InitialContents: Sendable {
    case builtin
    case empty
  }

  /// Creates a database at `path`. The file is built beside its destination and moved into
  /// place only when complete, so a failure leaves no half-made map and `replacing` never
  /// destroys the old file before the new one exists.
  public static func create(at path: String, contents: InitialContents, replacing: Bool)
    throws(ArgmapError)
  {
    let fileManager = FileManager.default
    if fileManager.fileExists(atPath: path), !replacing { throw .databaseExists(path: path) }
    let map: ArgumentMap? = contents == .builtin ? try BuiltinCorpus.map() : nil
    try createParentFolder(of: path)
    let staging = path + ".incomplete"
    try? fileManager.removeItem(atPath: staging)
    do {
      // The store is closed at the end of this scope, before the file moves.
      let store = try MapStore.open(path: staging, initializeEmpty: true)
      if let map { try store.importMap(map) }
    } catch {
      try? fileManager.removeItem(atPath: staging)
      throw .store(error)
    }
    // rename(2) replaces the destination atomically: readers see the old map or the new one.
    guard rename(staging, path) == 0 else {
      try? fileManager.removeItem(atPath: staging)
      throw .file(path: path, reason: "cannot move the new database into place")
    }
  }

  /// What `importFiles` did.
  public struct ImportReport: Sendable {
    public var files: [String]
    public var summary: ImportSummary
    /// Warnings from the parser; errors stop the import instead.
    public var warnings: [Diagnostic]
  }

  /// Parses every `.argdown` file under `paths` as one corpus and imports it in one
  /// transaction. A missing database file is created empty first. Parse errors, including
  /// references to claims that exist neither in the files nor in the database, stop the import
  /// before the database is touched.
  public static func importFiles(
    _ paths: [String], into choice: DatabaseChoice, replacing: Bool
  ) throws(ArgmapError) -> ImportReport {
    let files = try readCorpus(paths)
    let existed = FileManager.default.fileExists(atPath: choice.path)
    if !existed && choice.isDefault {
      try create(at: choice.path, contents: .builtin, replacing: false)
    }
    let createsFile = !existed && !choice.isDefault
    do {
      let existing = createsFile ? nil : try MapStore.open(path: choice.path)
      let parsed = ArgdownParser.parse(files, knownClaims: try existing?.claimKinds() ?? [:])
      guard !parsed.hasErrors else { throw ArgmapError.corpus(parsed.diagnostics) }
      if createsFile { try createParentFolder(of: choice.path) }
      let store = try existing ?? MapStore.open(path: choice.path, initializeEmpty: true)
      let summary = try store.importMap(parsed.map, replacingPositions: replacing)
      return ImportReport(
        files: files.map(\.path), summary: summary,
        warnings: parsed.diagnostics.filter { $0.severity == .warning })
    } catch {
      // A failed import into a file it created leaves no file behind.
      if createsFile { try? FileManager.default.removeItem(atPath: choice.path) }
      switch error {
      case let error as ArgmapError: throw error
      case let error as StoreError: throw .store(error)
      default: throw .file(path: choice.path, reason: "\(error)")
      }
    }
  }

  /// Reads the named files, and every `.argdown` file below the named folders in path order.
  public static func readCorpus(_ paths: [String]) throws(ArgmapError) -> [SourceFile] {
    var files: [SourceFile] = []
    for path in paths {
      for filePath in try corpusFiles(at: path) {
        files.append(SourceFile(path: filePath, text: try readText(filePath)))
      }
    }
    return files
  }

  private static func corpusFiles(at path: String) throws(ArgmapError) -> [String] {
    let fileManager = FileManager.default
    var isFolder: Bool = false
    guard fileManager.fileExists(atPath: path, isDirectory: &isFolder) else {
      throw .file(path: path, reason: "no such file or folder")
    }
    guard isFolder else { return [path] }
    let prefix = path.hasSuffix("/") ? path : path + "/"
    guard let entries = try? fileManager.contentsOfDirectory(atPath: path) else {
      throw .file(path: path, reason: "cannot list the folder")
    }
    var files: [String] = []
    for entry in entries.sorted() where !entry.hasPrefix(".") {
      let entryPath = prefix + entry
      var isSubfolder: Bool = false
      if fileManager.fileExists(atPath: entryPath, isDirectory: &isSubfolder), isSubfolder {
        files += try corpusFiles(at: entryPath)
      } else if entry.hasSuffix(".argdown") {
        files.append(entryPath)
      }
    }
    return files
  }

  private static func readText(_ path: String) throws(ArgmapError) -> String {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw .file(path: path, reason: "cannot read it")
    }
    guard let text = String(validating: data, as: UTF8.self) else {
      throw .file(path: path, reason: "it is not UTF-8 text")
    }
    return text
  }

  private static func createParentFolder(of path: String) throws(ArgmapError) {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw .file(path: folder, reason: "cannot create the folder")
    }
  }
}
