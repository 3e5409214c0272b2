import ArgModel
import ArgdownSyntax
import Foundation
import Testing

/// The Argdown beyond v1's subset: reconstructions, undercuts and contradictions, front matter,
/// lists, groups, untitled statements, block metadata and argmap's own metadata keys.
@Suite struct FullArgdownTests {
  /// One fixture per construct; every one parses without errors and round-trips.
  static let fixtures: [String: String] = [
    "reconstruction": """
    <a>: The argument.

    (1) [p1]: First premise
        running over a line.
    (2) [p2]
    --
    Modus ponens {uses: [1, 2]}
    --
    (3) [c1]: Intermediate.
      <- <b>: Attacks the intermediate conclusion.
    (4) Untitled premise.
    -- second rule --
    (5) [c]: Main conclusion.
    ----
    (6) [final]: A further step.

    [p2]: Second premise.
    """,
    "undercuts": """
    <a>: A.
      <_ <u>: Undercuts a.
      _ [s]: Also undercuts a.
      _> <b>: a undercuts b.
      >< <c>: Contradicts a.
    """,
    "front-matter": """
    ===
    title: A "quoted"
      title over two lines
    ===

    [a]: A.
    """,
    "lists": """
    * [a]: Defined in a list.
      + [b]: B.
    * Free text in a list
      continuing.
    1. <c>: An argument.
    2. [a]
    """,
    "groups": """
    # Position {id: pos}

    [top]: Directly in the position.

    ## Evidence

    [e1]: In the group.

    ### Details {id: details}

    [d1]: Nested.

    ## Evidence

    [e2]: A second heading with the same title.

    # Other {id: other}

    ## Evidence

    [o1]: Another position's group.
    """,
    "untitled": """
    A free paragraph at the top.

    [a]: A.
      + Free text in a relation.
      - Free text in a relation.

    A free paragraph at the top.
    """,
    "markup": """
    [a]: A **bold** and __strong__, *italic* and _em_ [link](https://example.org) with
    \\[escapes\\] \\# and \\* and @[a] and @<b>. #(multi word tag) #single

    [link text](https://example.org) at a line start is text.
    """,
    "block-metadata": """
    [a]: A.
    {
      source: discussion,
      comment: C1
    }
    [b]: B.
      {
        source: discussion
        quote: "no comma"
        speaker: Alice
        time: "2024-01-01T10:00:00Z"
        rephrases: [a]
        prefers: [a, c]
      }
    [c]: C. {rephrases: a}
    """,
  ]

  static func parsedFixture(_ name: String) -> ParsedCorpus {
    ArgdownParser.parse([SourceFile(path: "\(name).argdown", text: fixtures[name]!)])
  }

  @Test(arguments: fixtures.keys.sorted())
  func fixtureParsesWithoutErrors(name: String) {
    let parsed = Self.parsedFixture(name)
    #expect(!parsed.hasErrors, "\(parsed.diagnostics)")
    #expect(!parsed.map.claims.isEmpty)
  }

  @Test(arguments: fixtures.keys.sorted())
  func fixtureRoundTrips(name: String) {
    expectRoundTrip(Self.parsedFixture(name).map)
  }

  @Test(arguments: fixtures.keys.sorted())
  func crlfFixtureParsesToTheSameMap(name: String) {
    let crlf = Self.fixtures[name]!.replacing("\n", with: "\r\n")
    let parsed = ArgdownParser.parse([SourceFile(path: "\(name).argdown", text: crlf)])
    #expect(parsed.map == Self.parsedFixture(name).map)
    #expect(parsed.diagnostics.count == Self.parsedFixture(name).diagnostics.count)
  }

  @Test func builtInCorpusRoundTrips() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appending(path: "../../corpus").standardized
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".argdown") }.sorted()
    #expect(names.count >= 5)
    let files = try names.map {
      SourceFile(
        path: $0, text: try String(contentsOf: folder.appending(path: $0), encoding: .utf8))
    }
    let parsed = ArgdownParser.parse(files)
    #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
    expectRoundTrip(parsed.map)
  }

  // MARK: Reconstructions

  @Test func reconstructionStepsAndRelations() {
    let map = Self.parsedFixture("reconstruction").map
    let reconstruction = map.reconstructions.first
    #expect(
      reconstruction
        == Reconstruction(
          argument: "a",
          steps: [
            .init(claim: "p1"), .init(claim: "p2"), .init(claim: "c1", inference: "Modus ponens"),
            .init(claim: "untitled-premise"), .init(claim: "c", inference: "second rule"),
            .init(claim: "final", inference: ""),
          ]))
    #expect(map.claim(withID: "p1")?.text == "First premise running over a line.")
    #expect(map.claim(withID: "untitled-premise")?.text == "Untitled premise.")
    for relation in reconstruction?.relations ?? [] { #expect(map.relations.contains(relation)) }
    #expect(map.relations.contains(Relation(from: "b", to: "c1", kind: .rebuts)))
    #expect(map.relations.contains(Relation(from: "a", to: "final", kind: .supports)))
  }

  @Test func inferenceMetadataKeysAreWarnings() {
    let parsed = Self.parsedFixture("reconstruction")
    #expect(parsed.diagnostics.map(\.severity) == [.warning])
    #expect(parsed.diagnostics.first?.message.contains("unknown metadata key 'uses'") == true)
  }

  @Test func reconstructionErrors() {
    expectErrors(
      """
      (1) [p]: No argument above: an untitled argument.
      ----
      (2) [q]: Q.

      <a>: A.
      ▸(1) [r]: Only a premise.

      <b>: B.
      (1) [s]: S.
      ▸----

      <c>: C.
      (1) ▸<d>: An argument as a step.
      ----
      (2) [t]: T.

      [x]: X.
      ▸----
      """,
      [
        "expected an inference line ('----') before the last step",
        "expected a conclusion step after the inference line",
        "a step of a premise-conclusion structure is a statement",
        "an inference line ('--') belongs in a premise-conclusion structure",
      ])
  }

  @Test func anUnclosedInferenceIsReported() {
    expectErrors(
      "<a>: A.\n▸(1) [p]: P.\n▸--\nrule text\n\n[b]: B.\n",
      [
        "expected an inference line ('----') before the last step",
        "expected '--' to close the inference line",
      ])
  }

  @Test func anArgumentReconstructedTwiceDifferently() {
    expectErrors(
      """
      <a>: A.
      (1) [p]: P.
      ----
      (2) [c]: C.

      <a>
      ▸(1) [c]
      ----
      (2) [p]
      """,
      ["'a' is reconstructed twice, differently"])
  }

  // MARK: Relations

  @Test func undercutsAndContradictions() {
    let map = Self.parsedFixture("undercuts").map
    #expect(
      map.relations == [
        Relation(from: "u", to: "a", kind: .undercuts),
        Relation(from: "s", to: "a", kind: .undercuts),
        Relation(from: "a", to: "b", kind: .undercuts),
        Relation(from: "c", to: "a", kind: .contradicts),
      ])
  }

  @Test func undercutTargetsMustBeArguments() {
    expectErrors(
      """
      [s]: S.
        ▸<_ <u>: U.
        ▸_> [t]: T.
      """,
      [
        "only an argument can be undercut, and 's' is a statement",
        "only an argument can be undercut, and 't' is a statement",
      ])
  }

  @Test func aContradictionStatedBothWaysIsOneRelation() {
    let map = parseClean("[a]: A.\n  >< [b]: B.\n\n[b]\n  >< [a]\n")
    #expect(map.relations == [Relation(from: "b", to: "a", kind: .contradicts)])
  }

  @Test(arguments: [
    ("[a]: A.\n  ▸++ [b]: B.", "relation marker '++'"),
    ("[a]: A.\n  ▸->> [b]: B.", "relation marker '->>'"),
    ("[a]: A.\n  ▸>> [b]: B.", "relation marker '>>'"),
  ])
  func unknownMarkersAreReported(source: String, fragment: String) {
    expectErrors(source, [fragment])
  }

  // MARK: Front matter

  @Test func frontMatterTitleIsKeptAndOtherKeysWarned() {
    let parsed = parse("===\ntitle: The map\nauthor: me\nmodel:\n  mode: strict\n===\n\n[a]: A.\n")
    #expect(parsed.map.title == "The map")
    #expect(
      parsed.diagnostics.map(\.description) == [
        "test.argdown:3:1: warning: front matter key 'author' is ignored; argmap reads only 'title', 'source' and 'sources'",
        "test.argdown:4:1: warning: front matter key 'model' is ignored; argmap reads only 'title', 'source' and 'sources'",
      ])
    #expect(Self.parsedFixture("front-matter").map.title == "A \"quoted\" title over two lines")
  }

  @Test func theFirstFileTitleWinsAndADifferentOneIsAWarning() {
    let parsed = ArgdownParser.parse([
      SourceFile(path: "a", text: "===\ntitle: One\n===\n"),
      SourceFile(path: "b", text: "===\ntitle: One\n===\n"),
      SourceFile(path: "c", text: "===\ntitle: Two\n===\n"),
    ])
    #expect(parsed.map.title == "One")
    #expect(parsed.diagnostics.map(\.location.description) == ["c:2:1"])
    #expect(parsed.diagnostics.first?.severity == .warning)
  }

  @Test func frontMatterErrors() {
    let parsed = expectErrors(
      """
      ===
      title: T
      ▸[x]: Not an entry.
      ===

      [a]: A.

      ▸===
      title: Late
      ===
      """,
      ["expected 'key: value' in the front matter", "front matter ('===') must come before"])
    #expect(parsed.map.claims.map(\.id) == ["a"])
    #expect(parsed.map.title == "T")
    let unclosed = expectErrors(
      "▸===\ntitle: x\n\n[a]: A.\n", ["expected '===' to close the front matter"])
    #expect(unclosed.map.claims.map(\.id) == ["a"])
  }

  // MARK: Lists, untitled statements, text

  @Test func listItemsHoldStatementsAndArguments() {
    let map = Self.parsedFixture("lists").map
    #expect(map.claims.map(\.id) == ["a", "b", "free-text-in-a-list-continuing", "c"])
    #expect(map.claims.map(\.kind) == [.statement, .statement, .statement, .argument])
    #expect(map.relations == [Relation(from: "b", to: "a", kind: .supports)])
    expectErrors("▸* \n", ["expected a statement or argument after the list item marker"])
  }

  @Test func untitledStatementsGetStableDistinctIDs() {
    let map = Self.parsedFixture("untitled").map
    #expect(
      map.claims.map(\.id) == [
        "a-free-paragraph-at-the-top", "a", "free-text-in-a-relation",
        "free-text-in-a-relation-2", "a-free-paragraph-at-the-top-2",
      ])
    #expect(Self.parsedFixture("untitled").map == map)
  }

  @Test func untitledIDsAvoidExplicitIDsDefinedLaterInAnotherFile() {
    let parsed = ArgdownParser.parse([
      SourceFile(path: "one", text: "Some text.\n"),
      SourceFile(path: "two", text: "[some-text]: Explicit.\n"),
    ])
    #expect(parsed.diagnostics.isEmpty)
    #expect(parsed.map.claims.map(\.id) == ["some-text-2", "some-text"])
  }

  @Test func markupIsKeptVerbatimAndEscapesAreRead() {
    let claim = Self.parsedFixture("markup").map.claims
    #expect(
      claim.map(\.text) == [
        "A **bold** and __strong__, *italic* and _em_ [link](https://example.org) with [escapes] # and * and @[a] and @<b>.",
        "[link text](https://example.org) at a line start is text.",
      ])
    #expect(claim.first?.tags == ["multi word tag", "single"])
  }

  // MARK: Groups

  @Test func deeperHeadingsAreGroups() {
    let map = Self.parsedFixture("groups").map
    #expect(map.positions.map(\.id) == ["pos", "other"])
    #expect(
      map.groups == [
        Group(id: "evidence", title: "Evidence", position: "pos"),
        Group(id: "details", title: "Details", position: "pos", parent: "evidence"),
        Group(id: "evidence-2", title: "Evidence", position: "pos"),
        Group(id: "evidence-3", title: "Evidence", position: "other"),
      ])
    #expect(map.claims.map(\.group) == [nil, "evidence", "details", "evidence-2", "evidence-3"])
  }

  @Test func aGroupIDGivenTwiceMustAgree() {
    expectErrors(
      "# P {id: p}\n## G {id: g}\n▸## Other {id: g}\n",
      ["group 'g' is already defined with another title or under another heading"])
  }

  @Test func aHeadingWithoutAnEnclosingPositionIsAPosition() {
    let map = parseClean("## Second level {id: p}\n\n[a]: A.\n\n### Deeper\n\n[b]: B.\n")
    #expect(map.positions.map(\.id) == ["p"])
    #expect(map.groups == [Group(id: "deeper", title: "Deeper", position: "p")])
  }

  // MARK: Metadata

  @Test func blockMetadataAndArgmapKeys() {
    let map = Self.parsedFixture("block-metadata").map
    #expect(map.claims[0].provenance == Provenance(source: "discussion", comment: "C1"))
    #expect(
      map.claims[1].provenance
        == Provenance(
          source: "discussion", quote: "no comma", speaker: "Alice", time: "2024-01-01T10:00:00Z"))
    #expect(
      map.relations == [
        Relation(from: "b", to: "a", kind: .rephrases),
        Relation(from: "b", to: "a", kind: .prefers),
        Relation(from: "b", to: "c", kind: .prefers),
        Relation(from: "c", to: "a", kind: .rephrases),
      ])
  }

  @Test func listedClaimsAreNamedAsBracketsNameThem() {
    let map = parseClean("[a]: A. {rephrases: [other, Some Title]}\n[Some Title]: S.\n")
    #expect(
      map.relations == [
        Relation(from: "a", to: "other", kind: .rephrases),
        Relation(from: "a", to: "some-title", kind: .rephrases),
      ])
    #expect(map.claims.map(\.id) == ["a", "other", "some-title"])
  }

  /// Quoted evidence as a Markdown block quote is part of the text it continues.
  @Test func blockQuoteLinesAreText() {
    let map = parseClean("[a]: The report says:\n> Nothing was lost.\n>\n> Twice.\n  + [b]: B.\n")
    #expect(map.claims.first?.text == "The report says: Nothing was lost. Twice.")
    #expect(map.relations == [Relation(from: "b", to: "a", kind: .supports)])
  }

  // MARK: Printing

  @Test func printsTheNewConstructs() {
    let map = ArgumentMap(
      title: "T",
      positions: [Position(id: "p", title: "P")],
      groups: [Group(id: "g", title: "G", position: "p")],
      claims: [
        Claim(id: "a", kind: .argument, text: "A.", position: "p", group: "g"),
        Claim(
          id: "s", text: "S.", position: "p",
          provenance: Provenance(source: "d", speaker: "Bob", time: "noon")),
        Claim(id: "c", text: "C.", position: "p"),
      ],
      relations: [
        // A premise cannot also undercut its argument: one relation holds an ordered pair.
        Relation(from: "c", to: "a", kind: .undercuts),
        Relation(from: "c", to: "s", kind: .contradicts),
        Relation(from: "c", to: "s", kind: .rephrases),
        Relation(from: "s", to: "a", kind: .supports),
        Relation(from: "a", to: "c", kind: .supports),
      ],
      reconstructions: [
        Reconstruction(
          argument: "a", steps: [.init(claim: "s"), .init(claim: "c", inference: "x--y")])
      ])
    #expect(
      ArgdownPrinter.print(map) == """
        ===
        title: T
        ===

        # P {id: p}

        [s]: S. {source: d, speaker: Bob, time: noon}
          >< [c]

        [c]: C. {rephrases: [s]}

        ## G {id: g}

        <a>: A.
          <_ [c]

        (1) [s]
        -- x\\-\\-y --
        (2) [c]

        """)
    expectRoundTrip(map)
  }
}

/// import → print → import gives the same map, and printing again gives the same text.
func expectRoundTrip(
  _ map: ArgumentMap, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  let printed = ArgdownPrinter.print(map)
  let parsed = parse(printed)
  #expect(!parsed.hasErrors, "\(parsed.diagnostics)\n\(printed)", sourceLocation: sourceLocation)
  #expect(canonical(parsed.map) == canonical(map), "\(printed)", sourceLocation: sourceLocation)
  #expect(ArgdownPrinter.print(parsed.map) == printed, sourceLocation: sourceLocation)
}
