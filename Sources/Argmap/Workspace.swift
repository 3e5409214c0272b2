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
    try requireFilePath(choice.path)
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
    try requireFilePath(path)
    let fileManager = FileManager.default
    if fileManager.fileExists(atPath: path), !replacing { throw .databaseExists(path: path) }
    let map: ArgumentMap? = contents == .builtin ? try BuiltinCorpus.map() : nil
    try createParentFolder(of: path)
    // Unique per process, so two `init`s at once cannot build in each other's file.
    let staging = "\(path).incomplete-\(getpid())"
    defer { try? fileManager.removeItem(atPath: staging) }
    do {
      // The store is closed at the end of this scope, before the file moves.
      let store = try MapStore.open(path: staging, initializeEmpty: true)
      if let map { try store.importMap(map) }
    } catch {
      throw .store(error)
    }
    try moveIntoPlace(staging, path, replacing: replacing)
  }

  /// rename(2) replaces the destination atomically: readers see the old map or the new one.
  /// A journal left beside the old file would be replayed into the new one as if it were
  /// unfinished work, so it goes first. Without `replacing`, link(2) refuses to overwrite a
  /// file that appeared since the check above.
  private static func moveIntoPlace(_ staging: String, _ path: String, replacing: Bool)
    throws(ArgmapError)
  {
    if replacing {
      for suffix in ["-journal", "-wal", "-shm"] { unlink(path + suffix) }
      guard rename(staging, path) == 0 else {
        throw .unwritable(path: path, reason: systemError())
      }
    } else {
      guard link(staging, path) == 0 else {
        throw errno == EEXIST
          ? .databaseExists(path: path) : .unwritable(path: path, reason: systemError())
      }
    }
  }

  /// What `importFiles` did.
  public struct ImportReport: Sendable {
    public var files: [String]
    /// How many of `files` were read in each format.
    public var formats: [InterchangeFormat: Int]
    /// Files in the named folders that no format claimed (a `README.txt`, say), left alone.
    public var skipped: [String]
    /// What the files hold, whether or not it changed the database.
    public var claims: Int
    public var relations: Int
    public var summary: ImportSummary
    /// Warnings from the readers; errors stop the import instead.
    public var warnings: [Diagnostic]
    /// From the first file read to the commit.
    public var duration: Duration
  }

  /// How far an import has got, for a progress line on a terminal.
  public enum ImportProgress: Sendable {
    case reading(done: Int, total: Int)
    case writing
  }

  /// Reads every file under `paths` (each in its own format, told by name and content unless
  /// `format` names it) as one corpus and imports it in one transaction. A missing database
  /// file is created first: the default one from the built-in map, any other one empty.
  /// Errors in any file, including references to claims that exist neither in the files nor in
  /// the database, roll the import back, leaving the database as it was; with `strict`, so do
  /// the readers' warnings, as errors. `sourceFiles` maps source ids to files holding their
  /// texts, stored with the import.
  ///
  /// The import is one write in the map's history, recorded as `command`. `title` replaces the
  /// map's title; a title in the files replaces it only when the map has none, and otherwise
  /// is reported as a warning. With `dryRun` the report says what would change and nothing is
  /// written.
  public static func importFiles(
    _ paths: [String], into choice: DatabaseChoice, replacing: Bool,
    format: InterchangeFormat? = nil, strict: Bool = false, title: String? = nil,
    dryRun: Bool = false, command: String = "import",
    sourceFiles: [(id: String, path: String)] = [], listing: Bool = true,
    progress: (ImportProgress) -> Void = { _ in }
  ) throws(ArgmapError) -> ImportReport {
    try requireFilePath(choice.path)
    let clock = ContinuousClock()
    let start = clock.now
    var texts: [(id: String, text: String)] = []
    for file in sourceFiles { texts.append((file.id, try readText(file.path))) }
    var corpus = try readCorpus(paths, format: format, progress: progress)
    let files = corpus.files.map(\.file.path)
    let formats = corpus.files.reduce(into: [:]) { $0[$1.format, default: 0] += 1 }
    let inputs = corpus.files
    corpus.files = []
    let existed = FileManager.default.fileExists(atPath: choice.path)
    var reading: CorpusReading?
    do {
      let store = try existed ? MapStore.open(path: choice.path) : createForImport(choice)
      let corpusReading = CorpusReading(
        store: store, inputs: inputs, strict: strict, title: title, sourceTexts: texts)
      reading = corpusReading
      let write = { () throws -> ImportSummary in
        try corpusReading.write(replacing: replacing, listing: listing, progress: progress)
      }
      let summary = try dryRun ? store.dryRun(write) : store.recording(command, write)
      if dryRun, !existed { try? FileManager.default.removeItem(atPath: choice.path) }
      let parsed = corpusReading.parsed
      return ImportReport(
        files: files, formats: formats, skipped: corpus.skipped, claims: parsed.claimCount,
        relations: summary.relationsStated, summary: summary,
        warnings: parsed.diagnostics.filter { $0.severity == .warning }
          + keptWarnings(summary, parsed: parsed),
        duration: clock.now - start)
    } catch {
      // A failed import into a file it created leaves no file behind.
      if !existed { try? FileManager.default.removeItem(atPath: choice.path) }
      // A corpus error or a failed read stops the import inside the store's transaction,
      // which reports it as an error of its own; the reading keeps the original.
      if let failure = reading?.failure { throw failure }
      switch error {
      case let error as ArgmapError: throw error
      case let error as StoreError: throw .store(error)
      default: throw .unwritable(path: choice.path, reason: "\(error)")
      }
    }
  }

  /// What the import left as it was although the files say otherwise: the map's title, and
  /// claims that stay in the position they are stored in. Each says how to change it.
  private static func keptWarnings(_ summary: ImportSummary, parsed: ParsedCorpus)
    -> [Diagnostic]
  {
    var warnings: [Diagnostic] = []
    let nowhere = SourceLocation(file: "import", line: 1, column: 1)
    if let title = summary.ignoredTitle {
      warnings.append(
        Diagnostic(
          severity: .warning, location: parsed.titleLocation ?? nowhere,
          message:
            "the map keeps its title; the files' title '\(title)' is ignored (use 'import --title' or 'edit map --title' to change it)"
        ))
    }
    for kept in summary.claimsKeptInPlace {
      warnings.append(
        Diagnostic(
          severity: .warning, location: parsed.definitions[kept.id] ?? nowhere,
          message:
            "claim '\(kept.id)' stays in position '\(kept.storedPosition)', where it is stored; to move it to '\(kept.filePosition)', run 'argmap edit claim \(kept.id) --position \(kept.filePosition)'"
        ))
    }
    return warnings
  }

  private static func createForImport(_ choice: DatabaseChoice) throws -> MapStore {
    if choice.isDefault {
      try create(at: choice.path, contents: .builtin, replacing: false)
      return try MapStore.open(path: choice.path)
    }
    try createParentFolder(of: choice.path)
    return try MapStore.open(path: choice.path, initializeEmpty: true)
  }

  /// The files an import reads, each with its format, and the files it passed over.
  public struct Corpus: Sendable {
    public var files: [Interchange.Input]
    public var skipped: [String]
  }

  /// Reads the named files, and the files below the named folders in path order. A named file
  /// must be in a format argmap can tell (or `format`); in a folder, only files with a known
  /// extension are read, and a `.txt` that is not a Kialo export is skipped.
  public static func readCorpus(
    _ paths: [String], format: InterchangeFormat? = nil,
    progress: (ImportProgress) -> Void = { _ in }
  ) throws(ArgmapError) -> Corpus {
    var found: [(path: String, named: Bool)] = []
    var visitedFolders: Set<String> = []
    for path in paths {
      let files = try corpusFiles(at: path, format: format, visited: &visitedFolders)
      if files.isEmpty, isFolder(path) { throw .noCorpusFiles(path: path) }
      found += files.map { ($0, !isFolder(path)) }
    }
    var corpus = Corpus(files: [], skipped: [])
    for (index, file) in found.enumerated() {
      // A file's text is read when the import parses it, so that one text at a time is in
      // memory; standard input cannot be read twice, so it is kept.
      let text = file.path == standardInput ? try readText(file.path) : ""
      let prefix = file.path == standardInput ? text.prefix(4096) : try readPrefix(file.path)
      let detected =
        format
        ?? (file.path == standardInput
          ? InterchangeFormat.detect(content: prefix)
          : InterchangeFormat.detect(path: file.path, prefix: prefix))
      if let detected {
        let path = inputName(file.path, format: detected, text: text)
        corpus.files.append(Interchange.Input(SourceFile(path: path, text: text), detected))
      } else if file.named || !file.path.hasSuffix(".txt") {
        throw .unknownFormat(path: file.path)
      } else {
        corpus.skipped.append(file.path)
      }
      progress(.reading(done: index + 1, total: found.count))
    }
    return corpus
  }

  /// AIF names its source, position and claim ids after the file, so two different maps piped
  /// in would both be `aif` and the second would overwrite the first. Standard input is named
  /// after its content instead: the same text again updates, a different one adds.
  private static func inputName(_ path: String, format: InterchangeFormat, text: String)
    -> String
  {
    guard path == standardInput, format == .aif else { return path }
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
    for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return "stdin-" + String(hash >> 32, radix: 16) + ".json"
  }

  /// Folders are remembered by their real path, so a link back up the tree is read once.
  private static func corpusFiles(
    at path: String, format: InterchangeFormat?, visited: inout Set<String>
  ) throws(ArgmapError) -> [String] {
    if path == standardInput { return [path] }
    let fileManager = FileManager.default
    var isFolder: Bool = false
    guard fileManager.fileExists(atPath: path, isDirectory: &isFolder) else {
      throw .fileNotFound(path: path)
    }
    guard isFolder else { return [path] }
    guard visited.insert(realPath(path)).inserted else { return [] }
    let prefix = path.hasSuffix("/") ? path : path + "/"
    let entries: [String]
    do {
      entries = try fileManager.contentsOfDirectory(atPath: path)
    } catch {
      throw .unreadable(path: path, reason: "cannot list the folder")
    }
    let extensions = format?.extensions ?? InterchangeFormat.knownExtensions
    var files: [String] = []
    for entry in entries.sorted() where !entry.hasPrefix(".") {
      let entryPath = prefix + entry
      var isSubfolder: Bool = false
      if fileManager.fileExists(atPath: entryPath, isDirectory: &isSubfolder), isSubfolder {
        files += try corpusFiles(at: entryPath, format: format, visited: &visited)
      } else if extensions.contains(where: { entry.lowercased().hasSuffix("." + $0) }) {
        files.append(entryPath)
      }
    }
    return files
  }

  /// The path that names standard input, as in most Unix tools: `cat map.argdown | argmap
  /// import -`.
  public static let standardInput = "-"

  /// A source's text from a file (or standard input, `-`), which must be UTF-8.
  public static func readSourceText(_ path: String) throws(ArgmapError) -> String {
    try readText(path)
  }

  static func readText(_ path: String) throws(ArgmapError) -> String {
    let data: Data
    do {
      data =
        path == standardInput
        ? try readStandardInput() : try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw .unreadable(path: path, reason: systemError())
    }
    guard let text = String(validating: data, as: UTF8.self) else {
      throw .notText(path: path)
    }
    return text
  }

  /// The first 4 KiB of a file, enough to tell its format; a character cut at the end is
  /// replaced, which no format's signature depends on.
  private static func readPrefix(_ path: String) throws(ArgmapError) -> Substring {
    #if canImport(Glibc)
      let descriptor = Glibc.open(path, O_RDONLY)
    #else
      let descriptor = Darwin.open(path, O_RDONLY)
    #endif
    guard descriptor >= 0 else { throw .unreadable(path: path, reason: systemError()) }
    defer { close(descriptor) }
    var bytes = [UInt8](repeating: 0, count: 4096)
    var count = 0
    while count < bytes.count {
      let got = bytes[count...].withUnsafeMutableBytes {
        read(descriptor, $0.baseAddress, $0.count)
      }
      if got == 0 { break }
      if got < 0 {
        if errno == EINTR { continue }
        throw .unreadable(path: path, reason: systemError())
      }
      count += got
    }
    return Substring(String(decoding: bytes[..<count], as: UTF8.self))
  }

  /// Reads to end of file with read(2): a pipe has no size to read up front.
  private static func readStandardInput() throws(ArgmapError) -> Data {
    var data = Data()
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
      if count == 0 { return data }
      if count < 0 {
        if errno == EINTR { continue }
        throw .unreadable(path: standardInput, reason: systemError())
      }
      data.append(contentsOf: chunk[..<count])
    }
  }

  private static func createParentFolder(of path: String) throws(ArgmapError) {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw .unwritable(path: folder, reason: "cannot create the folder")
    }
  }

  /// SQLite reads names such as `:memory:` as "no file"; a map kept there would vanish.
  private static func requireFilePath(_ path: String) throws(ArgmapError) {
    if path.hasPrefix(":") || path.isEmpty { throw .notAFilePath(path) }
    if isFolder(path) { throw .databaseIsAFolder(path: path) }
  }

  private static func isFolder(_ path: String) -> Bool {
    var isFolder: Bool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder
  }

  private static func realPath(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  private static func systemError() -> String {
    String(cString: strerror(errno))
  }
}
