import ArgExport
import ArgModel
import ArgdownSyntax
import TestSupport
import Testing

@testable import ArgInterchange

private func parse(_ text: String) -> ParsedCorpus {
  MapJSONReader.parse(SourceFile(path: "dump.json", text: text))
}

@Suite struct MapJSONReaderTests {
  @Test("read(write(map)) == map", arguments: 0..<60)
  func roundTrip(seed: UInt64) {
    var generator = MapGenerator(seed: seed)
    let map = generator.map()
    for pretty in [false, true] {
      let parsed = parse(MapJSON.render(map, pretty: pretty))
      #expect(parsed.diagnostics == [])
      #expect(parsed.map == map)
    }
  }

  @Test func readsEveryNewField() {
    let map = ArgumentMap(
      title: "T",
      positions: [Position(id: "p", title: "P", summary: "S")],
      groups: [
        Group(id: "g", title: "G", position: "p"),
        Group(id: "h", title: "H", position: "p", parent: "g"),
      ],
      claims: [
        Claim(
          id: "a", text: "A", position: "p", group: "h", tags: ["t"],
          provenance: Provenance(
            source: "s", comment: "c", quote: "q", speaker: "Ann", time: "now"),
          base: 0.25),
        Claim(id: "b", kind: .argument, text: "B"),
      ],
      relations: [Relation(from: "b", to: "a", kind: .undercuts, scheme: "Default Conflict")],
      reconstructions: [
        Reconstruction(argument: "b", steps: [.init(claim: "a"), .init(claim: "a", inference: "")])
      ])
    #expect(parse(MapJSON.render(map)).map == map)
  }

  @Test func missingOptionalFieldsMeanAbsent() {
    let parsed = parse(
      #"{"positions": [], "claims": [{"id": "a", "kind": "statement", "text": "A"}], "relations": []}"#
    )
    #expect(parsed.diagnostics == [])
    #expect(parsed.map == ArgumentMap(claims: [Claim(id: "a", text: "A")]))
  }

  @Test func reportsEveryErrorAtItsValue() {
    let text = """
      {"positions": [{"id": "bad id", "title": 3}],
       "claims": [{"id": "a", "kind": "premise", "text": "A", "base": 2},
                  {"id": "b", "kind": "argument", "text": "B", "quote": "q"},
                  7],
       "relations": [{"from": "a", "to": "b"}]}
      """
    let messages = parse(text).diagnostics.map {
      "\($0.location.line):\($0.location.column): \($0.message)"
    }
    #expect(
      messages == [
        "1:23: 'bad id' is not a valid id for 'id': use ASCII letters, digits, '-', '_' and '.', starting with a letter or digit",
        "1:42: expected 'title' to be a string, found a number",
        "2:33: expected 'kind' to be one of 'statement', 'argument', not 'premise'",
        "2:65: expected 'base' between 0 and 1, not 2.0",
        "3:13: expected a 'source' for the claim's comment, quote, speaker or time",
        "4:13: expected each of 'claims' to be an object, found a number",
        "5:16: expected a member 'kind' in this object",
      ])
  }

  @Test func reportsSyntaxAndShapeErrors() {
    #expect(
      parse("{\"claims\": [}").diagnostics.map(\.description) == [
        "dump.json:1:13: error: expected a value, found '}'"
      ])
    #expect(
      parse("[]").diagnostics.map(\.message) == [
        "expected the document to be an object, found an array"
      ])
    #expect(
      parse(#"{"claims": {}}"#).diagnostics.map(\.message) == [
        "expected a member 'positions' in this object",
        "expected a member 'relations' in this object",
        "expected 'claims' to be an array, found an object",
      ])
  }
}

/// Seeded random maps that use every field of the model, with strings that test the escaping.
struct MapGenerator {
  private var random: SeededGenerator

  init(seed: UInt64) {
    random = SeededGenerator(seed: seed)
  }

  mutating func next(_ bound: Int) -> Int {
    Int(random.next() % UInt64(bound))
  }

  mutating func chance() -> Bool { next(2) == 0 }

  mutating func text() -> String {
    let pieces = ["a", "Ü", "👩‍👩‍👧", "\"", "\\", "\n", "\u{1}", "\u{2028}", " ", "e\u{301}", "漢", "/"]
    return (0..<next(8)).map { _ in pieces[next(pieces.count)] }.joined()
  }

  mutating func optionalText() -> String? { chance() ? text() : nil }

  mutating func map() -> ArgumentMap {
    let positions = (0..<next(3)).map {
      Position(id: "p\($0)", title: text(), summary: optionalText())
    }
    let groups =
      positions.isEmpty
      ? []
      : (0..<next(3)).map { index in
        Group(
          id: "g\(index)", title: text(), position: positions[next(positions.count)].id,
          parent: index > 0 && chance() ? "g\(index - 1)" : nil)
      }
    let claims = (0..<next(8)).map { index in
      Claim(
        id: "c\(index)", kind: chance() ? .statement : .argument, text: text(),
        position: positions.isEmpty || chance() ? nil : positions[next(positions.count)].id,
        group: groups.isEmpty || chance() ? nil : groups[next(groups.count)].id,
        tags: (0..<next(3)).map { "tag \($0) \(text())x" },
        provenance: chance()
          ? nil
          : Provenance(
            source: "s\(next(3))", comment: optionalText(), quote: optionalText(),
            speaker: optionalText(), time: optionalText()),
        base: chance() ? nil : [0, 1, 0.5, 1e-7, 0.1][next(5)])
    }
    let relations =
      claims.isEmpty
      ? []
      : (0..<next(10)).map { _ in
        Relation(
          from: claims[next(claims.count)].id, to: claims[next(claims.count)].id,
          kind: RelationKind.allCases[next(RelationKind.allCases.count)], scheme: optionalText())
      }
    let reconstructions =
      claims.count < 2
      ? []
      : (0..<next(2)).map { _ in
        Reconstruction(
          argument: claims[0].id,
          steps: (0..<next(4)).map { _ in .init(claim: claims[1].id, inference: optionalText()) })
      }
    return ArgumentMap(
      title: optionalText(), positions: positions, groups: groups, claims: claims,
      relations: relations, reconstructions: reconstructions)
  }
}
