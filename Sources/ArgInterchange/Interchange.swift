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
  public static func read(_ inputs: consuming [Input], knownClaims: [String: ClaimKind])
    -> ParsedCorpus
  {
    var byFormat: [InterchangeFormat: [SourceFile]] = [:]
    for input in inputs { byFormat[input.format, default: []].append(input.file) }
    inputs = []
    var combined = ParsedCorpus(map: ArgumentMap(), diagnostics: [])
    // All AIF files at once: the reader gives each its own source and catches two files that
    // would get the same one.
    if let aif = byFormat[.aif] { combined.append(AIFReader.parse(aif)) }
    for file in byFormat[.json] ?? [] { combined.append(MapJSONReader.parse(file)) }
    for file in byFormat[.kialo] ?? [] { combined.append(KialoReader.parse(file)) }
    if let argdown = byFormat.removeValue(forKey: .argdown) {
      let known =
        combined.map.claims.isEmpty
        ? knownClaims : knownClaims.merging(combined.map.claimKinds) { stored, _ in stored }
      combined.append(ArgdownParser.parse(argdown, knownClaims: known))
    }
    return combined
  }
}

extension ParsedCorpus {
  /// Adds another file's map and diagnostics. Maps are concatenated; the store merges claims
  /// that share an id, as it does within one file set.
  mutating func append(_ other: ParsedCorpus) {
    diagnostics += other.diagnostics
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
