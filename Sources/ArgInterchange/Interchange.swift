import ArgModel
import ArgdownSyntax

/// Reads files of every format argmap knows into one map.
public enum Interchange {
  /// A file and the format it is read in.
  public struct Input: Sendable {
    public var file: SourceFile
    public var format: InterchangeFormat

    public init(_ file: SourceFile, _ format: InterchangeFormat) {
      self.file = file
      self.format = format
    }
  }

  /// Reads `inputs` as one corpus: the diagnostics of every file, and the union of their maps.
  /// Argdown files are read last and together, so their references may point at claims that
  /// the other files define, besides `knownClaims` (those already stored). The inputs are
  /// consumed so that the Argdown parser can let each text go once it is parsed.
  ///
  /// `knownTitles` are the titles of stored claims, to their ids.
  public static func read(
    _ inputs: consuming [Input], knownClaims: [String: ClaimKind],
    knownTitles: [String: String] = [:]
  ) -> ParsedCorpus {
    read(inputs, known: StoredClaims(kinds: knownClaims, titles: knownTitles), sink: nil) {
      $0.text
    }
  }

  /// Reads as above, with the stored claims looked up in `known` as the files name them, and
  /// each file's text given by `read` when its turn comes (an input's `file.text` may then be
  /// left empty). A corpus of Argdown files only is parsed streaming into `sink` (see
  /// `ParseSink`); files of other formats are checked against the Argdown claims, so with them
  /// the whole map comes back in the result.
  public static func read<Failure: Error>(
    _ inputs: consuming [Input], known: any KnownClaims, sink: (any ParseSink)?,
    read: (SourceFile) throws(Failure) -> String
  ) throws(Failure) -> ParsedCorpus {
    var byFormat: [InterchangeFormat: [SourceFile]] = [:]
    for input in inputs { byFormat[input.format, default: []].append(input.file) }
    inputs = []
    var combined = ParsedCorpus(map: ArgumentMap(), diagnostics: [])
    var definitions = Definitions()
    // All AIF files at once: the reader gives each file of another tool its own source and
    // catches two files that would get the same one.
    if let aif = byFormat[.aif] {
      var files: [SourceFile] = []
      for file in aif { files.append(SourceFile(path: file.path, text: try read(file))) }
      for (file, parsed) in zip(files, AIFReader.parseEach(files)) {
        combined.diagnostics += definitions.check(parsed.map) { _ in file.path }
        combined.append(parsed)
      }
    }
    let oneFileAtATime: [(InterchangeFormat, (SourceFile) -> ParsedCorpus)] = [
      (.json, MapJSONReader.parse), (.kialo, KialoReader.parse),
    ]
    for (format, parse) in oneFileAtATime {
      for file in byFormat[format] ?? [] {
        let parsed = parse(SourceFile(path: file.path, text: try read(file)))
        combined.diagnostics += definitions.check(parsed.map) { _ in file.path }
        combined.append(parsed)
      }
    }
    if let argdown = byFormat.removeValue(forKey: .argdown) {
      let known: any KnownClaims =
        combined.map.claims.isEmpty
        ? known
        : StoredFirst(
          stored: known,
          read: StoredClaims(kinds: combined.map.claimKinds, titles: combined.map.claimTitles))
      let onlyArgdown = byFormat.isEmpty
      let parsed = try ArgdownParser.parse(
        argdown, known: known, sink: onlyArgdown ? sink : nil, read: read)
      // Argdown comes last: its claims are checked against the other formats' only, and
      // recording them for files still to come would hold every claim once more.
      if !onlyArgdown {
        combined.diagnostics += definitions.check(parsed.map, argdown: true) { _ in "" }
      }
      combined.append(parsed)
    }
    return combined
  }

  /// The stored claims, then those that the files of other formats define, for the Argdown
  /// files read after them: where both have an id, the stored claim is the one kept.
  private struct StoredFirst: KnownClaims {
    let stored: any KnownClaims
    let read: StoredClaims

    func claim(_ id: String) -> KnownClaim? { stored.claim(id) ?? read.claim(id) }

    func ids(titled titles: Set<String>) -> [String: String] {
      read.ids(titled: titles).merging(stored.ids(titled: titles)) { _, stored in stored }
    }

    func ids(lengths: ClosedRange<Int>) -> (written: [String], stored: [String]) {
      let first = stored.ids(lengths: lengths)
      let others = read.ids(lengths: lengths).stored.filter { stored.claim($0) == nil }
      return (first.written, (first.stored + others).sorted())
    }
  }

  /// The claims the files read so far define, and where. Each reader refuses an id defined
  /// twice with different words within its own files; across formats the store would merge
  /// them silently, the later text overwriting the earlier, so the import refuses them here.
  private struct Definitions {
    private var byID: [String: (claim: Claim, path: String)] = [:]

    /// Diagnostics for the claims of `map` that an earlier file defines differently. They sit
    /// at the start of the file that is not Argdown, whose claims carry no line of their own
    /// once read; `path` names the file a claim of `map` came from.
    mutating func check(_ map: ArgumentMap, argdown: Bool = false, path: (Claim) -> String)
      -> [Diagnostic]
    {
      var diagnostics: [Diagnostic] = []
      for claim in map.claims {
        let here = path(claim)
        guard let earlier = byID[claim.id] else {
          byID[claim.id] = (claim, here)
          continue
        }
        guard earlier.claim.text != claim.text || earlier.claim.kind != claim.kind,
          earlier.path != here
        else { continue }
        let elsewhere = argdown ? "an Argdown file of this import" : "'\(here)'"
        diagnostics.append(
          Diagnostic(
            location: SourceLocation(file: earlier.path, line: 1, column: 1),
            message: "claim '\(claim.id)' is defined here and, with other words, in \(elsewhere); "
              + "ids must be unique across the files of one import"))
      }
      return diagnostics
    }
  }
}

extension ParsedCorpus {
  /// Adds another file's map and diagnostics. Maps are concatenated; the store merges claims
  /// that share an id, as it does within one file set.
  mutating func append(_ other: ParsedCorpus) {
    diagnostics += other.diagnostics
    claimsWritten += other.claimsWritten
    definitions.merge(other.definitions) { first, _ in first }
    if map.title == nil { titleLocation = other.titleLocation }
    map.title = map.title ?? other.map.title
    Self.append(other.map.sources, to: &map.sources)
    Self.append(other.map.positions, to: &map.positions)
    Self.append(other.map.groups, to: &map.groups)
    Self.append(other.map.claims, to: &map.claims)
    Self.append(other.map.relations, to: &map.relations)
    Self.append(other.map.reconstructions, to: &map.reconstructions)
  }

  /// Onto nothing, the other array is taken as it is rather than copied: a corpus in one
  /// format is one map, and copying its 10^6 claims would briefly hold them twice.
  private static func append<Element>(_ other: [Element], to array: inout [Element]) {
    if array.isEmpty { array = other } else { array += other }
  }
}
