import ArgStore

/// One import's reading of its corpus inside the store's transaction: the files are parsed one
/// at a time, each file's settled claims written as soon as it is read (see `ParseSink`), and
/// the rest of the map, with every relation, written once all files are read. Whatever fails,
/// in any file or at the end, is thrown inside the transaction, which takes back every part.
final class CorpusReading: ParseSink, KnownClaims {
  private let store: MapStore
  private var inputs: [Interchange.Input]
  private let strict: Bool
  private let title: String?
  private let sourceTexts: [(id: String, text: String)]
  private var writer: MapImport?
  /// What the parse left for the end, and its diagnostics.
  private(set) var parsed = ParsedCorpus(map: ArgumentMap(), diagnostics: [])
  /// Why the import stopped, when the reason is not the store's.
  private(set) var failure: ArgmapError?

  init(
    store: MapStore, inputs: [Interchange.Input], strict: Bool, title: String?,
    sourceTexts: [(id: String, text: String)]
  ) {
    self.store = store
    self.inputs = inputs
    self.strict = strict
    self.title = title
    self.sourceTexts = sourceTexts
  }

  /// Reads the corpus and writes it; with `replacing`, the positions the files define are
  /// rebuilt, which needs them all known first, so that import is not streamed.
  func write(
    replacing: Bool, listing: Bool, progress: (Workspace.ImportProgress) -> Void
  ) throws -> ImportSummary {
    if replacing {
      try read(streaming: false, progress: progress)
      return try store.importMap(
        parsed.map, replacingPositions: true, replacingTitle: title != nil)
    }
    do {
      return try store.importing(listing: listing) { writer in
        self.writer = writer
        try read(streaming: true, progress: progress)
        try writer.write(parsed.map, replacingTitle: title != nil)
      }
    } catch let found as ImportProblems {
      throw stop(found.asError)
    }
  }

  private func read(streaming: Bool, progress: (Workspace.ImportProgress) -> Void) throws {
    let files = inputs
    inputs = []
    do {
      parsed = try Interchange.read(files, known: self, sink: streaming ? self : nil) {
        (file) throws(ArgmapError) -> String in
        file.text.isEmpty ? try Workspace.readText(file.path) : file.text
      }
    } catch {
      throw stop(error)
    }
    if strict { parsed.diagnostics = parsed.diagnostics.map(\.asError) }
    guard !parsed.hasErrors else { throw stop(.corpus(parsed.diagnostics)) }
    if let failure = writeFailure { throw failure }
    for index in parsed.map.sources.indices {
      guard let file = parsed.map.sources[index].textFile else { continue }
      do {
        parsed.map.sources[index].text = try Workspace.readText(file)
      } catch {
        throw stop(error)
      }
    }
    let stored = try store.sources()
    for (id, text) in sourceTexts { parsed.map.attachText(text, toSource: id, stored: stored) }
    progress(.writing)
    if let title { parsed.map.title = title }
  }

  private func stop(_ error: ArgmapError) -> ArgmapError {
    failure = error
    return error
  }

  /// What the store refused while the files were read, thrown once the parse has reported
  /// every file's errors.
  private var writeFailure: (any Error)?

  func write(positions: [Position], claims: [Claim]) -> Bool {
    guard let writer else { return false }
    return recordingFailure {
      try writer.write(ArgumentMap(positions: positions, claims: claims))
    } != nil
  }

  func write(relations: [(relation: Relation, location: SourceLocation)]) -> Bool {
    guard let writer else { return false }
    return recordingFailure { () throws -> Void in
      for (relation, location) in relations { try writer.stage(relation, at: location) }
    } != nil
  }

  func relationsSpeak(forConclusion conclusion: String, ofArgument argument: String) -> Bool {
    guard let writer else { return false }
    return recordingFailure {
      try writer.relationsSpeak(forConclusion: conclusion, ofArgument: argument)
    } != nil
  }

  /// Runs a read or write for the parse, keeping what the store refused for the end of it;
  /// nil after a failure.
  private func recordingFailure<Result>(_ body: () throws -> Result) -> Result? {
    do {
      return try body()
    } catch {
      writeFailure = error
      return nil
    }
  }

  func storedClaim(id: String) -> Claim? {
    recordingFailure { try writer?.storedClaim(id: id) } ?? nil
  }

  // MARK: Known claims, looked up in the store as the files name them

  func claim(_ id: String) -> KnownClaim? {
    guard let found = recordingFailure({ try store.knownClaim(id: id) }) ?? nil else {
      return nil
    }
    return KnownClaim(
      kind: found.kind, hasTitle: found.hasTitle, written: writer?.placeAdded(seq: found.seq))
  }

  /// Titles name claims stored before the import, as a parse without a sink finds them.
  func ids(titled titles: Set<String>) -> [String: String] {
    recordingFailure {
      try store.claimIDs(titled: titles, upTo: writer?.storedUpTo ?? .max)
    } ?? [:]
  }

  func ids(lengths: ClosedRange<Int>) -> (written: [String], stored: [String]) {
    let found = recordingFailure { try store.claimIDs(utf8Lengths: lengths) } ?? []
    var written: [String] = []
    var stored: [String] = []
    for (seq, id) in found {
      if writer?.placeAdded(seq: seq) != nil { written.append(id) } else { stored.append(id) }
    }
    return (written, stored.sorted())
  }
}

extension Diagnostic {
  /// The same finding as an error, for `import --strict`.
  fileprivate var asError: Diagnostic {
    var error = self
    error.severity = .error
    return error
  }
}

extension ImportProblems {
  /// The problems as the corpus's errors, each at the place it was written.
  fileprivate var asError: ArgmapError {
    .corpus(
      problems.map { problem in
        Diagnostic(
          location: problem.origin, message: problem.message,
          notes: problem.note.map { [Diagnostic.Note(location: $0.origin, message: $0.message)] }
            ?? [])
      })
  }
}
