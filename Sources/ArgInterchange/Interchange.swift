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
  /// the other files define, besides `knownClaims` (those already stored).
  public static func read(_ inputs: [Input], knownClaims: [String: ClaimKind]) -> ParsedCorpus {
    var combined = ParsedCorpus(map: ArgumentMap(), diagnostics: [])
    // All AIF files at once: the reader gives each its own source and catches two files that
    // would get the same one.
    let aif = files(inputs, .aif)
    if !aif.isEmpty { combined.append(AIFReader.parse(aif)) }
    for file in files(inputs, .json) { combined.append(MapJSONReader.parse(file)) }
    for file in files(inputs, .kialo) { combined.append(KialoReader.parse(file)) }
    let argdown = files(inputs, .argdown)
    if !argdown.isEmpty {
      let known = knownClaims.merging(combined.map.claimKinds) { stored, _ in stored }
      combined.append(ArgdownParser.parse(argdown, knownClaims: known))
    }
    return combined
  }

  private static func files(_ inputs: [Input], _ format: InterchangeFormat) -> [SourceFile] {
    inputs.filter { $0.format == format }.map(\.file)
  }
}

extension ParsedCorpus {
  /// Adds another file's map and diagnostics. Maps are concatenated; the store merges claims
  /// that share an id, as it does within one file set.
  mutating func append(_ other: ParsedCorpus) {
    diagnostics += other.diagnostics
    map.title = map.title ?? other.map.title
    map.sources += other.map.sources
    map.positions += other.map.positions
    map.groups += other.map.groups
    map.claims += other.map.claims
    map.relations += other.map.relations
    map.reconstructions += other.map.reconstructions
  }
}
