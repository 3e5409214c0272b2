import ArgModel
import ArgdownSyntax
import TestSupport
import Testing

@Suite struct PrinterTests {
  static let map = ArgumentMap(
    positions: [
      Position(id: "realism", title: "Realism {critique}", summary: "One \"quoted\" sentence."),
      Position(id: "empty", title: "No claims yet"),
    ],
    claims: [
      Claim(id: "free", text: "Outside every position.", tags: ["loose"]),
      Claim(
        id: "contrived", text: "A #1 thought [experiment] // built <for> it.", position: "realism",
        tags: ["realism", "thought experiment"],
        provenance: Provenance(
          source: "discussion", comment: "C1", quote: "designed to \"make\" it")),
      Claim(
        id: "arg", kind: .argument, text: "An argument.", position: "realism",
        provenance: Provenance(source: "discussion", comment: "C 8")),
    ],
    relations: [
      Relation(from: "arg", to: "contrived", kind: .rebuts),
      Relation(from: "free", to: "contrived", kind: .supports),
      Relation(from: "contrived", to: "arg", kind: .supports),
      Relation(from: "free", to: "elsewhere", kind: .rebuts),
    ])

  @Test func printsTheDocumentedLayout() {
    #expect(
      ArgdownPrinter.print(Self.map) == ##"""
        [free]: Outside every position. #loose

        # Realism \{critique\} {id: realism, summary: "One \"quoted\" sentence."}

        [contrived]: A \#1 thought \[experiment\] \// built \<for\> it. #realism #(thought experiment) {source: discussion, comment: C1, quote: "designed to \"make\" it"}
          - <arg>
          + [free]

        <arg>: An argument. {source: discussion, comment: "C 8"}
          + [contrived]

        # No claims yet {id: empty}

        [elsewhere]
          - [free]

        """##)
  }

  @Test func printedMapParsesBackToTheSameMap() {
    let text = ArgdownPrinter.print(Self.map)
    let parsed = parse(text, known: ["elsewhere": .statement])
    #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
    #expect(canonical(parsed.map) == canonical(Self.map))
    #expect(parsed.map.claims == Self.map.claims)
  }

  @Test func theBriefExampleRoundTrips() {
    let map = ParserTests.exampleMap
    let parsed = parse(ArgdownPrinter.print(map), known: ParserTests.exampleKnown)
    #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
    #expect(canonical(parsed.map) == canonical(map))
  }

  @Test func printingIsDeterministicAndAFixedPoint() {
    let once = ArgdownPrinter.print(Self.map)
    #expect(ArgdownPrinter.print(Self.map) == once)
    let reparsed = parse(once, known: ["elsewhere": .statement]).map
    #expect(ArgdownPrinter.print(reparsed) == once)
  }

  @Test func anEmptyMapPrintsNothing() {
    #expect(ArgdownPrinter.print(ArgumentMap()) == "")
  }

  @Test func textIsPrintedOnOneLineWithWhitespaceCollapsed() {
    let map = ArgumentMap(claims: [Claim(id: "a", text: "  two\n lines\r\nand\ttabs  ")])
    #expect(ArgdownPrinter.print(map) == "[a]: two lines and tabs\n")
  }

  @Test func valuesAreQuotedUnlessTheyArePlainWords() {
    let claims = [
      ("C1", "C1"), ("c-1.x_y", "c-1.x_y"), ("12", "\"12\""), ("true", "\"true\""),
      ("No", "\"No\""), ("two words", "\"two words\""), ("a,b", "\"a,b\""),
      ("back\\slash", #""back\\slash""#), ("line\nbreak", "\"line break\""),
    ].enumerated().map { index, value in
      Claim(
        id: "c\(index)", text: "T.", provenance: Provenance(source: "s", comment: value.0))
    }
    let printed = ArgdownPrinter.print(ArgumentMap(claims: claims))
    for (index, expected) in [
      "C1", "c-1.x_y", "\"12\"", "\"true\"", "\"No\"", "\"two words\"", "\"a,b\"",
      #""back\\slash""#, "\"line break\"",
    ].enumerated() {
      #expect(printed.contains("[c\(index)]: T. {source: s, comment: \(expected)}\n"))
    }
  }

  @Test func claimsUnderAnUnknownPositionGetAHeadingNamedAfterIt() {
    let map = ArgumentMap(claims: [Claim(id: "a", text: "A.", position: "ghost")])
    #expect(ArgdownPrinter.print(map) == "# ghost {id: ghost}\n\n[a]: A.\n")
  }

  // MARK: Property tests

  /// Pieces random texts are built from: every character with a meaning in the syntax, things
  /// that look like comments, markers or escapes, Unicode, and whitespace.
  static let pieces: [String] = [
    "a", "Word", "0", "9", " ", "  ", "\t", "\n", "\r\n", "\r", "\\", "\\\\", "[", "]", "<", ">",
    "{", "}", "#", "#tag", "#(x)", "# ", "/", "//", "/*", "*/", "*", "(", ")", "(1)", "@", "@[",
    "@<", "<!--", "-->", "\"", "'", ",", ":", ";", "+", "-", "--", "_", "=", "===", "1.", "é", "日本",
    "🙂", "\u{00A0}", "\u{0B}", "—", "…", "https://example.org", "\\#", "}{", "\u{301}",
  ]

  static func randomText(_ generator: inout SeededGenerator, maxPieces: Int = 12) -> String {
    let count = Int.random(in: 0...maxPieces, using: &generator)
    return (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
  }

  /// What the parser makes of text: runs of spaces, tabs and line breaks collapsed to one
  /// space, trimmed. This works on scalars, not characters: a space followed by a combining
  /// accent is one `Character` but still a space to the parser.
  static func normalized(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    var pending = false
    for scalar in text.unicodeScalars {
      if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
        pending = true
        continue
      }
      if pending && !result.isEmpty { result.append(" ") }
      pending = false
      result.append(scalar)
    }
    return String(result)
  }

  static func randomMap(_ generator: inout SeededGenerator) -> ArgumentMap {
    var map = ArgumentMap()
    for index in 0..<Int.random(in: 0...3, using: &generator) {
      let summary = Bool.random(using: &generator) ? randomValue(&generator) : nil
      map.positions.append(
        Position(
          id: "p\(index)", title: normalized(randomText(&generator)), summary: summary))
    }
    let claimCount = Int.random(in: 1...8, using: &generator)
    for index in 0..<claimCount {
      var text = normalized(randomText(&generator))
      if text.isEmpty { text = "x" }
      let tags = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
        normalized(randomText(&generator, maxPieces: 4))
      }.filter { !$0.isEmpty }
      var provenance: Provenance?
      if Bool.random(using: &generator) {
        provenance = Provenance(
          source: ["discussion", "s2", "other.source"].randomElement(using: &generator)!,
          comment: Bool.random(using: &generator) ? randomValue(&generator) : nil,
          quote: Bool.random(using: &generator) ? randomValue(&generator) : nil)
      }
      let position =
        map.positions.isEmpty ? nil : map.positions.randomElement(using: &generator)?.id
      map.claims.append(
        Claim(
          id: "c\(index)", kind: Bool.random(using: &generator) ? .statement : .argument,
          text: text, position: Bool.random(using: &generator) ? position : nil, tags: tags,
          provenance: provenance))
    }
    var pairs = Set<[String]>()
    let ids = map.claims.map(\.id) + ["known-1", "known-2"]
    for _ in 0..<Int.random(in: 0...10, using: &generator) {
      let from = ids.randomElement(using: &generator)!
      let to = ids.randomElement(using: &generator)!
      guard from != to, pairs.insert([from, to]).inserted else { continue }
      map.relations.append(
        Relation(
          from: from, to: to, kind: Bool.random(using: &generator) ? .supports : .rebuts))
    }
    return map
  }

  /// A metadata value: anything without a line break, never empty.
  static func randomValue(_ generator: inout SeededGenerator) -> String {
    var value = randomText(&generator, maxPieces: 6)
    value.unicodeScalars.removeAll { $0 == "\n" || $0 == "\r" }
    return value.isEmpty ? "v" : value
  }

  @Test(arguments: 0..<20)
  func randomMapsRoundTrip(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    for _ in 0..<50 {
      let map = Self.randomMap(&generator)
      let text = ArgdownPrinter.print(map)
      let parsed = parse(text, known: ["known-1": .statement, "known-2": .statement])
      #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)\n\(text)")
      #expect(canonical(parsed.map) == canonical(map), "\(text)")
      #expect(ArgdownPrinter.print(parsed.map) == text)
    }
  }

  @Test(arguments: 0..<10)
  func randomTextsRoundTripExactly(seed: UInt64) {
    var generator = SeededGenerator(seed: 1000 + seed)
    for _ in 0..<200 {
      let raw = Self.randomText(&generator, maxPieces: 20)
      let expected = Self.normalized(raw)
      guard !expected.isEmpty else { continue }
      let map = ArgumentMap(
        positions: [Position(id: "p", title: expected)],
        claims: [Claim(id: "a", text: raw, position: "p", tags: [expected])])
      let text = ArgdownPrinter.print(map)
      let parsed = parse(text)
      #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)\n\(text)")
      #expect(parsed.map.claims.first?.text == expected, "\(text)")
      #expect(parsed.map.claims.first?.tags == [expected], "\(text)")
      #expect(parsed.map.positions.first?.title == expected, "\(text)")
    }
  }
}
