import ArgModel
import ArgdownSyntax
import Testing

/// Marks an expected diagnostic position inside test source text (swift-syntax's trick). The
/// marker is removed before parsing.
let marker: Character = "▸"

/// Source text with its markers removed, and where each marker stood.
struct Marked {
  var text: String
  var locations: [ArgModel.SourceLocation]

  init(_ source: String, file: String = "test.argdown") {
    var text = ""
    var locations: [ArgModel.SourceLocation] = []
    var line = 1
    var column = 1
    var afterCarriageReturn = false
    for scalar in source.unicodeScalars {
      if Character(scalar) == marker {
        locations.append(ArgModel.SourceLocation(file: file, line: line, column: column))
        continue
      }
      text.unicodeScalars.append(scalar)
      if scalar == "\n" {
        if !afterCarriageReturn { line += 1 }
        column = 1
      } else if scalar == "\r" {
        line += 1
        column = 1
      } else {
        column += 1
      }
      afterCarriageReturn = scalar == "\r"
    }
    self.text = text
    self.locations = locations
  }
}

func parse(
  _ text: String, file: String = "test.argdown", known: [String: ClaimKind] = [:]
) -> ParsedCorpus {
  ArgdownParser.parse([SourceFile(path: file, text: text)], knownClaims: known)
}

/// Parses `text` and expects it to be free of diagnostics.
func parseClean(
  _ text: String, known: [String: ClaimKind] = [:],
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> ArgumentMap {
  let parsed = parse(text, known: known)
  #expect(
    parsed.diagnostics.isEmpty,
    "unexpected diagnostics:\n\(parsed.diagnostics.map(\.description).joined(separator: "\n"))",
    sourceLocation: sourceLocation)
  #expect(!parsed.hasErrors, sourceLocation: sourceLocation)
  return parsed.map
}

/// Expects exactly one error per marker, in order, each at its marker and containing its
/// fragment.
/// `warnings` is how many warnings are expected besides (they are not checked further).
@discardableResult
func expectErrors(
  _ source: String, _ fragments: [String], warnings: Int = 0, known: [String: ClaimKind] = [:],
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> ParsedCorpus {
  let marked = Marked(source)
  precondition(marked.locations.count == fragments.count, "one marker per expected error")
  return expectErrors(
    in: [SourceFile(path: "test.argdown", text: marked.text)],
    expected: Array(zip(marked.locations, fragments)), warnings: warnings, known: known,
    sourceLocation: sourceLocation)
}

@discardableResult
func expectErrors(
  in files: [SourceFile], expected: [(ArgModel.SourceLocation, String)], warnings: Int = 0,
  known: [String: ClaimKind] = [:], sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> ParsedCorpus {
  let parsed = ArgdownParser.parse(files, knownClaims: known)
  let all = parsed.diagnostics.map(\.description).joined(separator: "\n")
  let errors = parsed.diagnostics.filter { $0.severity == .error }
  #expect(
    errors.count == expected.count && parsed.diagnostics.count == expected.count + warnings,
    "expected \(expected.count) errors and \(warnings) warnings, got:\n\(all)",
    sourceLocation: sourceLocation)
  for (diagnostic, (location, fragment)) in zip(errors, expected) {
    #expect(diagnostic.severity == .error, sourceLocation: sourceLocation)
    #expect(
      diagnostic.location == location, "\(diagnostic) is not at \(location)",
      sourceLocation: sourceLocation)
    #expect(
      diagnostic.message.contains(fragment), "'\(diagnostic.message)' lacks '\(fragment)'",
      sourceLocation: sourceLocation)
    // Messages are lowercase with no final full stop.
    #expect(diagnostic.message.first?.isUppercase == false, sourceLocation: sourceLocation)
    #expect(!diagnostic.message.hasSuffix("."), sourceLocation: sourceLocation)
  }
  #expect(parsed.hasErrors == !expected.isEmpty, sourceLocation: sourceLocation)
  return parsed
}

/// The map in the order the printer writes it: claims without a position first, then each
/// position's claims outside groups, then its groups depth first (keeping the map's order
/// otherwise); relations and reconstructions sorted, since the printer groups relations by
/// target and writes a reconstruction after its argument.
func canonical(_ map: ArgumentMap) -> ArgumentMap {
  var copy = map
  let rank = Dictionary(
    uniqueKeysWithValues: map.positions.enumerated().map { ($0.element.id, $0.offset + 1) })
  var groups: [Group] = []
  func visit(_ parent: String?, in position: String) {
    for group in map.groups where group.position == position && group.parent == parent {
      groups.append(group)
      visit(group.id, in: position)
    }
  }
  for position in map.positions { visit(nil, in: position.id) }
  let groupRank = Dictionary(
    groups.enumerated().map { ($0.element.id, $0.offset + 1) }, uniquingKeysWith: { a, _ in a })
  copy.groups = groups
  func key(_ claim: Claim) -> (Int, Int) {
    let position = claim.position.map { rank[$0] ?? Int.max } ?? 0
    let group = claim.group.flatMap { groupRank[$0] } ?? 0
    return (position, group)
  }
  copy.claims = map.claims.enumerated().sorted {
    let (left, right) = (key($0.element), key($1.element))
    return (left.0, left.1, $0.offset) < (right.0, right.1, $1.offset)
  }.map(\.element)
  copy.relations.sort {
    ($0.to, $0.from, $0.kind.rawValue) < ($1.to, $1.from, $1.kind.rawValue)
  }
  copy.reconstructions.sort { $0.argument < $1.argument }
  return copy
}
