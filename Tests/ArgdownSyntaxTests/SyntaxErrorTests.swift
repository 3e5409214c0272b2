import ArgModel
import ArgdownSyntax
import Testing

/// Every syntax error, at its exact position (marked with `▸` in the source).
@Suite struct SyntaxErrorTests {
  @Test func descriptionShowsFileLineColumnAndNotes() throws {
    let parsed = parse("[a]: x\n\n  [abc: oops\n", file: "corpus/x.argdown")
    let diagnostic = try #require(parsed.diagnostics.first)
    #expect(
      diagnostic.description == """
        corpus/x.argdown:3:7: error: expected ']' to close the claim id started at 3:3
        corpus/x.argdown:3:3: note: to match this '['
        """)
    #expect(diagnostic.location.description == "corpus/x.argdown:3:7")
    #expect(
      diagnostic.notes == [
        Diagnostic.Note(
          location: SourceLocation(file: "corpus/x.argdown", line: 3, column: 3),
          message: "to match this '['")
      ])
  }

  @Test func onlyErrorsCountAsErrors() {
    let location = SourceLocation(file: "f", line: 1, column: 1)
    let warning = Diagnostic(severity: .warning, location: location, message: "take care")
    #expect(warning.description == "f:1:1: warning: take care")
    #expect(!ParsedCorpus(map: ArgumentMap(), diagnostics: [warning]).hasErrors)
    let error = Diagnostic(location: location, message: "broken")
    #expect(ParsedCorpus(map: ArgumentMap(), diagnostics: [warning, error]).hasErrors)
  }

  @Test func columnsCountUnicodeScalarsNotBytes() {
    expectErrors("[a]: é日🙂 {source ▸s}", ["expected ':' after the metadata key 'source'"])
  }

  // MARK: Ids

  @Test func unclosedIDs() {
    expectErrors(
      """
      [abc▸: text
      <arg▸ more
        + [x▸
      """,
      [
        "expected ']' to close the claim id started at 1:1",
        "expected '>' to close the argument id started at 2:1",
        "expected ']' to close the claim id started at 3:5",
      ])
  }

  @Test func titlesThatAreNoIDs() {
    let parsed = expectErrors(
      """
      [Some Title]: Argdown titles keep their words; the id is their slug.
      <???>: A title with no letter or digit gets a generic id.
      [▸]: Empty.
      <▸>
      [ok]: Fine.
        + [▸]
        - [some title]
      """,
      [
        "expected a claim title between '[' and ']'",
        "expected an argument title between '<' and '>'",
        "expected a claim title between '[' and ']'",
      ], warnings: 1)
    // Titles are case-sensitive, as in Argdown: two that slug alike are two claims.
    #expect(parsed.map.claims.map(\.id) == ["some-title", "node", "ok", "some-title-2"])
    #expect(parsed.map.claims.map(\.title) == ["Some Title", "???", nil, "some title"])
    #expect(parsed.map.relations == [Relation(from: "some-title-2", to: "ok", kind: .rebuts)])
  }

  @Test func somethingAfterANodeThatIsNeitherADefinitionNorAReference() {
    expectErrors(
      """
      [a] ▸text without a colon
      continued, and skipped
      [b]: B.
        + <c> #tag
      """,
      [
        // A reference may carry tags, as `<c>` does; other words after it may not.
        "expected ':' after '[a]' to define it, or nothing after it to refer to it"
      ])
  }

  @Test func definitionWithoutTextNamesTheNode() {
    let map = parseClean("[a]:\n[b]: #only-a-tag\n<c>:   {source: s}\n")
    #expect(map.claims.map(\.text) == ["", "", ""])
    #expect(map.claims.map(\.kind) == [.statement, .statement, .argument])
    #expect(map.claims[1].tags == ["only-a-tag"])
    #expect(map.claims[2].provenance == Provenance(source: "s"))
  }

  @Test func metadataAloneIsNoUntitledStatement() {
    expectErrors("[a]: A.\n  + ▸{source: s}\n", ["expected text before the metadata"])
  }

  // MARK: Tags and mentions

  @Test func tagErrors() {
    expectErrors(
      """
      [a]: Text #(unclosed tag▸

      [b]: Text ▸#() more
      """,
      ["expected ')' to close the tag started at 1:11", "expected a tag between '#(' and ')'"])
  }

  @Test func mentionsAreKeptVerbatim() {
    let map = parseClean("[a]: As @[b] says, and @<c> too; mail@example.org and @\\[literal]")
    #expect(map.claims.first?.text == "As @[b] says, and @<c> too; mail@example.org and @[literal]")
    #expect(map.relations.isEmpty)
  }

  // MARK: Metadata

  @Test func metadataSyntaxErrors() {
    let parsed = expectErrors(
      """
      [a]: A {source ▸discussion}

      [b]: B {source: s, comment: "unclosed▸

      [c]: C {source: ▸s comment: C1}

      [d]: D {source: "s" ▸comment: C1}

      [e]: E {▸, source: s}

      [f]: F {source: s, comment: ▸}

      [g]: G {source: s▸

      [h]: H {source: s, quote: ▸'single'}

      [i]: I {source: s} ▸trailing text

      [j]: J {source: s} ▸#tag
      """,
      [
        "expected ':' after the metadata key 'source'",
        "expected closing '\"' for the value of 'comment' started at 3:29",
        "invalid source id 's comment: C1'",
        "expected ',' or '}' after the value of 'source', found 'c'",
        "expected a metadata key, found ','",
        "expected a value for the metadata key 'comment'",
        "expected '}' to close the metadata started at 13:8",
        "single-quoted values are not supported yet; use double quotes",
        "unexpected text after the metadata; the metadata must end the text",
        "unexpected text after the metadata",
      ])
    // The note points at the opening brace.
    let notes = parsed.diagnostics.map { $0.notes.map(\.location.column) }
    #expect(notes.allSatisfy { $0 == [8] || $0.isEmpty })
    #expect(parsed.diagnostics[0].notes.map(\.message) == ["the metadata starts here"])
    #expect(parsed.diagnostics[6].notes.map(\.message) == ["to match this '{'"])
  }

  @Test func metadataEndingAtTheEndOfTheText() {
    expectErrors(
      "[a]: A {source▸\n\n[b]: B {source:▸\n",
      [
        "expected '}' to close the metadata started at 1:8",
        "expected a value for the metadata key 'source'",
      ])
  }

  @Test func metadataKeyErrors() {
    let parsed = expectErrors(
      """
      [a]: A {source: s, sorce: t, ▸source: u, ▸sorce: v}
      # Heading {id: h, author: me}
      """,
      ["duplicate metadata key 'source'", "duplicate metadata key 'sorce'"],
      warnings: 2)
    #expect(parsed.diagnostics[1].notes.map(\.message) == ["first given here"])
    #expect(parsed.diagnostics[1].notes.map(\.location.column) == [9])
  }

  @Test func unknownMetadataKeysAreWarningsAndIgnored() {
    let parsed = parse("[a]: A {source: s, sorce: t}\n# Heading {id: h, author: me}\n")
    #expect(!parsed.hasErrors)
    #expect(
      parsed.diagnostics.map(\.description) == [
        "test.argdown:1:20: warning: unknown metadata key 'sorce' is ignored; argmap reads 'source', 'comment', 'quote', 'speaker', 'time', 'base', 'rephrases', 'prefers', 'isCanonical', 'title'",
        "test.argdown:2:19: warning: unknown metadata key 'author' is ignored; argmap reads 'id', 'summary', 'source'",
      ])
    #expect(parsed.map.claims.first?.provenance == Provenance(source: "s"))
  }

  @Test func provenanceErrors() {
    expectErrors(
      """
      [a]: A {▸comment: C1}
      [b]: B {▸quote: "q"}
      [c]: C {source: ▸"???", comment: C1}
      # H {source: ▸"!!"}
      """,
      [
        "'comment' needs a source; add 'source: …' to this metadata or to the heading",
        "'quote' needs a source",
        "invalid source id '???'",
        "invalid source id '!!'",
      ])
  }

  @Test func aSourceNamedByItsTitleIsRegisteredUnderItsSlug() {
    let map = parseClean(
      """
      # H {source: "CSIS Lights Out Report"}

      [a]: A. {comment: p. 4}
      [b]: B. {source: Field notes}
      """)
    #expect(map.claims.map { $0.provenance?.source } == ["csis-lights-out-report", "field-notes"])
    #expect(
      map.sources == [
        Source(id: "csis-lights-out-report", title: "CSIS Lights Out Report"),
        Source(id: "field-notes", title: "Field notes"),
      ])
  }

  // MARK: Headings

  @Test func headingErrors() {
    expectErrors(
      """
      ▸# 

      ▸# ???

      # Title {id: ▸Not Valid}

      # Tagged #tag {id: t}
      """,
      [
        "expected a title after '#'",
        "cannot make a position id from the title '???'; add '{id: …}'",
        "invalid position id 'Not Valid'",
      ], warnings: 1)
  }

  // MARK: Relations

  @Test func relationsWithoutAParent() {
    let parsed = expectErrors(
      """
      ▸+ [a]: Nothing above.
      ▸- [b]: A list item, or a relation without a parent.

      [c]: C.

      ▸+ [d]: After a blank line, not indented.

      # Heading
        ▸- [c]
      """,
      [
        "relation without a parent node; indent it under the claim it relates to",
        "relation without a parent node",
        "relation without a parent node; a blank line ends the relations of the claim above",
        "relation without a parent node; indent it under the claim it relates to",
      ])
    #expect(parsed.map.relations.isEmpty)
  }

  /// Argdown's lexer test `lexer-relation-after-emptyline`: its parser refuses the file, but
  /// the intent is plain, so argmap takes the relation with a warning.
  @Test func anIndentedRelationAfterABlankLineAttachesWithAWarning() {
    let parsed = parse("a\n\n    + b\n")
    #expect(!parsed.hasErrors)
    #expect(parsed.diagnostics.map(\.location.description) == ["test.argdown:3:5"])
    #expect(parsed.diagnostics.first?.message.contains("blank line") == true)
    #expect(parsed.map.relations == [Relation(from: "b", to: "a", kind: .supports)])
  }

  @Test func relationWithoutATarget() {
    expectErrors(
      "[a]: A.\n  +▸\n  ->▸  \n",
      [
        "expected a claim after '+'", "expected a claim after '->'",
      ])
  }

  @Test func unterminatedComments() {
    let parsed = expectErrors(
      "[a]: A. /* never closed\n[b]: B.\n▸", ["expected '*/' to close the comment started at 1:9"])
    #expect(parsed.diagnostics[0].notes.map(\.message) == ["to match this '/*'"])
    expectErrors(
      "[a]: A.\n<!-- never closed▸", ["expected '-->' to close the comment started at 2:1"])
  }

  // MARK: Recovery

  @Test func everyErrorIsReportedInOneRun() {
    let parsed = expectErrors(
      """
      # Position {id: p}

      [good]: Good.
        + [bad▸: Broken id.
        - [fine]: Still parsed, still related.
          + [missing]
      [x]: X {nope: 1}
      ## Sub heading
      untitled text
      continues the untitled text

      [y]: Y.
        ▸_> [z]: Undercut.
          + [w]: Child of the undercut.
        + [y]
      """,
      [
        "expected ']' to close the claim id started at 4:5",
        "only an argument can be undercut, and 'z' is a statement",
      ], warnings: 1)
    // A claim referred to and never defined is a node without words; one may support itself.
    #expect(
      parsed.map.claims.map(\.id) == [
        "good", "fine", "missing", "x", "untitled-text-continues-the-untitled", "y", "z", "w",
      ])
    #expect(
      parsed.map.relations == [
        Relation(from: "fine", to: "good", kind: .rebuts),
        Relation(from: "missing", to: "fine", kind: .supports),
        Relation(from: "w", to: "z", kind: .supports),
        Relation(from: "y", to: "y", kind: .supports),
      ])
  }

  @Test func errorsAreSortedByFileThenPosition() {
    let files = [
      SourceFile(path: "b.argdown", text: "[bravo]: B.\n  + [brav0]\n"),
      SourceFile(path: "a.argdown", text: "[a]: A {x: 1}\n  - [b]\n"),
    ]
    let parsed = ArgdownParser.parse(files)
    #expect(
      parsed.diagnostics.map(\.location.description) == ["b.argdown:2:5", "a.argdown:1:9"])
  }
}
