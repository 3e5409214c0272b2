import ArgModel
import ArgdownSyntax
import Testing

@Suite struct ParserTests {
  static let example = """
    // line comment
    # Realism critique {id: realism-critique, source: discussion, summary: "One sentence."}

    [scenario-is-contrived]: The model sees a fictional thought
    experiment built to make blackmail appealing. #realism #(thought experiment)
      {comment: C1, quote: "designed to make blackmail maximally appealing"}
      + [other-claim]: Text. {comment: C1, quote: "…"}
        - [counter]: Text. {source: other-source, comment: C8}
      - [existing-claim]
      +> [claim-elsewhere]
      -> <some-argument>

    <some-argument>: An argument node's text.
    """

  static let exampleMap = ArgumentMap(
    positions: [
      Position(id: "realism-critique", title: "Realism critique", summary: "One sentence.")
    ],
    claims: [
      Claim(
        id: "scenario-is-contrived",
        text:
          "The model sees a fictional thought experiment built to make blackmail appealing.",
        position: "realism-critique", tags: ["realism", "thought experiment"],
        provenance: Provenance(
          source: "discussion", comment: "C1",
          quote: "designed to make blackmail maximally appealing")),
      Claim(
        id: "other-claim", text: "Text.", position: "realism-critique",
        provenance: Provenance(source: "discussion", comment: "C1", quote: "…")),
      Claim(
        id: "counter", text: "Text.", position: "realism-critique",
        provenance: Provenance(source: "other-source", comment: "C8")),
      Claim(
        id: "some-argument", kind: .argument, text: "An argument node's text.",
        position: "realism-critique", provenance: Provenance(source: "discussion")),
    ],
    relations: [
      Relation(from: "other-claim", to: "scenario-is-contrived", kind: .supports),
      Relation(from: "counter", to: "other-claim", kind: .rebuts),
      Relation(from: "existing-claim", to: "scenario-is-contrived", kind: .rebuts),
      Relation(from: "scenario-is-contrived", to: "claim-elsewhere", kind: .supports),
      Relation(from: "scenario-is-contrived", to: "some-argument", kind: .rebuts),
    ])

  static let exampleKnown: [String: ClaimKind] = [
    "existing-claim": .statement, "claim-elsewhere": .statement,
  ]

  @Test func briefExampleParsesToTheExpectedMap() {
    let map = parseClean(Self.example, known: Self.exampleKnown)
    #expect(map == Self.exampleMap)
    #expect(map.sources.isEmpty)
  }

  @Test func crlfAndLoneCarriageReturnsParseLikeLineFeeds() {
    let crlf = Self.example.replacing("\n", with: "\r\n")
    #expect(parseClean(crlf, known: Self.exampleKnown) == Self.exampleMap)
    let cr = Self.example.replacing("\n", with: "\r")
    #expect(parseClean(cr, known: Self.exampleKnown) == Self.exampleMap)
  }

  @Test func crlfErrorsHaveTheSameLocations() {
    expectErrors(
      "[a]: x\r\n\r\n[b]: y\r\n  + [ok▸\r\n  - [ok]: é {▸\r\n",
      [
        "expected ']' to close the claim id started at 4:5",
        "expected '}' to close the metadata started at 5:13",
      ])
  }

  @Test func aByteOrderMarkIsIgnored() {
    let map = parseClean("\u{FEFF}# Title {id: t}\n\n[a]: A.\n")
    #expect(map.positions.map(\.id) == ["t"])
    // Columns on the first line do not count the mark.
    let parsed = parse("\u{FEFF}[a]: A {x: 1}")
    #expect(parsed.diagnostics.map(\.location.column) == [9])
    #expect(parsed.diagnostics.map(\.message).first?.hasPrefix("unknown metadata key 'x'") == true)
  }

  // MARK: Positions

  @Test func claimsBeforeAnyHeadingHaveNoPosition() {
    let map = parseClean(
      """
      [free]: Outside every position.

      # Ambiguous users

      [inside]: Inside.
      """)
    #expect(map.positions == [Position(id: "ambiguous-users", title: "Ambiguous users")])
    #expect(map.claim(withID: "free")?.position == nil)
    #expect(map.claim(withID: "inside")?.position == "ambiguous-users")
    #expect(map.claim(withID: "inside")?.provenance == nil)
  }

  @Test func positionIDDefaultsToTheSlugOfTheTitle() {
    let map = parseClean("# Never subvert users! (C2)\n\n[a]: A.")
    #expect(map.positions.map(\.id) == ["never-subvert-users-c2"])
    #expect(map.positions.first?.title == "Never subvert users! (C2)")
  }

  @Test func headingSourceIsTheDefaultSourceOfItsClaims() {
    let map = parseClean(
      """
      # One {source: discussion}

      [a]: A. {comment: C1}
      [b]: B. {source: other}

      # Two

      [c]: C.
      """)
    #expect(map.claim(withID: "a")?.provenance == Provenance(source: "discussion", comment: "C1"))
    #expect(map.claim(withID: "b")?.provenance == Provenance(source: "other"))
    #expect(map.claim(withID: "c")?.provenance == nil)
  }

  @Test func aPositionContinuesInALaterFileWithTheSameTitle() {
    let parsed = ArgdownParser.parse([
      SourceFile(path: "a.argdown", text: "# Self preservation {id: sp}\n\n[a]: A.\n"),
      SourceFile(
        path: "b.argdown",
        text: "[loose]: L.\n\n# Self preservation {id: sp, summary: S.}\n\n[b]: B.\n"),
    ])
    #expect(parsed.diagnostics.isEmpty)
    #expect(parsed.map.positions == [Position(id: "sp", title: "Self preservation", summary: "S.")])
    #expect(parsed.map.claims.map(\.id) == ["a", "loose", "b"])
    // Each file starts outside every position.
    #expect(parsed.map.claims.map(\.position) == ["sp", nil, "sp"])
  }

  @Test func headingTitlesAreUnescapedAndMayBeEmptyWithAnID() {
    let map = parseClean("# Why \\#1 \\{matters\\} {id: why}\n\n# {id: untitled}\n")
    #expect(map.positions.map(\.title) == ["Why #1 {matters}", ""])
  }

  // MARK: Text

  @Test func textRunsOverLinesUntilABlankLineOrAStructuralLine() {
    let map = parseClean(
      """
      [a]: One
        two
      three
      [b]: Four
      five
        + [c]: Six
          seven

      [d]:
        Eight on the next line.
      [a]
      """)
    #expect(
      map.claims.map(\.text) == [
        "One two three", "Four five", "Six seven", "Eight on the next line.",
      ])
    #expect(map.relations == [Relation(from: "c", to: "b", kind: .supports)])
  }

  @Test func whitespaceIsCollapsedAndTrimmed() {
    let map = parseClean("[a]:   lots \t of\t\tspace   \n   here  ")
    #expect(map.claims.first?.text == "lots of space here")
  }

  @Test func unicodeTextPassesThrough() {
    let map = parseClean("[a]: Ünïcödé — “quoted” 日本語 🙂 #café")
    #expect(map.claims.first?.text == "Ünïcödé — “quoted” 日本語 🙂")
    #expect(map.claims.first?.tags == ["café"])
  }

  @Test func backslashEscapesPunctuation() {
    let map = parseClean(##"[a]: \\ \[ \] \< \> \{ \} \# \/\/ \( \, done"##)
    #expect(map.claims.first?.text == ##"\ [ ] < > { } # // ( , done"##)
  }

  @Test func backslashBeforeOtherCharactersIsLiteral() {
    let map = parseClean(#"[a]: C:\path\to x\ y ends with \"#)
    #expect(map.claims.first?.text == #"C:\path\to x\ y ends with \"#)
  }

  @Test func unescapedBracketsAndHashesInsideWordsAreText() {
    let map = parseClean("[a]: C# and x<y> and f[1] and 100% # not a tag")
    #expect(map.claims.first?.text == "C# and x<y> and f[1] and 100% # not a tag")
    #expect(map.claims.first?.tags == [])
  }

  // MARK: Tags

  @Test func tagsAreRemovedFromTheTextAndCollected() {
    let map = parseClean("[a]: #first Some #mid text #(with   spaces) #last #mid")
    #expect(map.claims.first?.text == "Some text")
    #expect(map.claims.first?.tags == ["first", "last", "mid", "with spaces"])
  }

  @Test func tagsMayFollowOnContinuationLines() {
    let map = parseClean("[a]: Text\n#tag-1 #(tag two)\n  #tag_3")
    #expect(map.claims.first?.text == "Text")
    #expect(map.claims.first?.tags == ["tag two", "tag-1", "tag_3"])
  }

  @Test func escapedCharactersInsideParenthesizedTags() {
    let map = parseClean(#"[a]: A #(x \) y \\ z)"#)
    #expect(map.claims.first?.tags == [#"x ) y \ z"#])
  }

  // MARK: Metadata

  @Test func metadataValuesMayBeBareOrQuoted() {
    let map = parseClean(
      #"[a]: A {  source :  discussion ,comment:C 1, quote: "say \"hi\", {x} \\ // not /* a comment" }"#
    )
    #expect(
      map.claims.first?.provenance
        == Provenance(
          source: "discussion", comment: "C 1", quote: #"say "hi", {x} \ // not /* a comment"#))
  }

  @Test func metadataMayEndWithACommaOrBeEmpty() {
    let map = parseClean("[a]: A {source: s,}\n[b]: B {}")
    #expect(map.claims.map(\.provenance) == [Provenance(source: "s"), nil])
  }

  @Test func metadataMayWrapOntoContinuationLines() {
    let map = parseClean(
      """
      [a]: A
        {source: s,
         comment: C3, quote: "one
         two"}
      """)
    #expect(
      map.claims.first?.provenance == Provenance(source: "s", comment: "C3", quote: "one two"))
  }

  @Test func quotedValuesKeepTheirInnerWhitespace() {
    let map = parseClean("[a]: A {source: s, quote: \"  two  spaces\tand tab \"}")
    #expect(map.claims.first?.provenance?.quote == "  two  spaces\tand tab ")
  }

  // MARK: Nodes and relations

  @Test func everyRelationMarker() {
    let map = parseClean(
      """
      [p]: Parent.
        + [a]: A.
        <+ [b]: B.
        - [c]: C.
        <- [d]: D.
        +> [e]: E.
        -> [f]: F.
        +[g]: G.
        -<h>: H.
      """)
    #expect(
      map.relations == [
        Relation(from: "a", to: "p", kind: .supports),
        Relation(from: "b", to: "p", kind: .supports),
        Relation(from: "c", to: "p", kind: .rebuts),
        Relation(from: "d", to: "p", kind: .rebuts),
        Relation(from: "p", to: "e", kind: .supports),
        Relation(from: "p", to: "f", kind: .rebuts),
        Relation(from: "g", to: "p", kind: .supports),
        Relation(from: "h", to: "p", kind: .rebuts),
      ])
    #expect(map.claim(withID: "h")?.kind == .argument)
  }

  @Test func theParentIsTheNearestShallowerLineAbove() {
    let map = parseClean(
      """
      [root]: R.
          + [deep]: D.
                - [deeper]: E.
        - [shallow]: S.
           + [mid]: M.
      """)
    #expect(
      map.relations == [
        Relation(from: "deep", to: "root", kind: .supports),
        Relation(from: "deeper", to: "deep", kind: .rebuts),
        Relation(from: "shallow", to: "root", kind: .rebuts),
        Relation(from: "mid", to: "shallow", kind: .supports),
      ])
  }

  @Test func aTabAdvancesToTheNextMultipleOfFour() {
    // "\t" and "  \t" are both 4 columns deep; "   " is 3, so it is shallower than either.
    let map = parseClean("[r]: R.\n\t+ [a]: A.\n  \t\t- [b]: B.\n   + [c]: C.\n\t    - [d]: D.\n")
    #expect(
      map.relations == [
        Relation(from: "a", to: "r", kind: .supports),
        Relation(from: "b", to: "a", kind: .rebuts),
        Relation(from: "c", to: "r", kind: .supports),
        Relation(from: "d", to: "c", kind: .rebuts),
      ])
  }

  @Test func referencesMayHaveChildrenAndDefinitionsMayComeLater() {
    let map = parseClean(
      """
      [later]
        - <arg>
          + [x]: X.

      <arg>: An argument.
      [later]: Defined after use.
      """)
    #expect(map.claims.map(\.id) == ["x", "arg", "later"])
    #expect(
      map.relations == [
        Relation(from: "arg", to: "later", kind: .rebuts),
        Relation(from: "x", to: "arg", kind: .supports),
      ])
  }

  @Test func indentedRootNodesStartANewTree() {
    // `[b]` has no relation marker, so it starts a tree of its own: `[c]` is its child, and
    // `[d]`, no deeper than `[b]`, has no parent.
    let parsed = expectErrors(
      "[a]: A.\n  [b]: B.\n    + [c]: C.\n  ▸+ [d]: D.\n", ["relation without a parent node"])
    #expect(parsed.map.relations == [Relation(from: "c", to: "b", kind: .supports)])
  }

  @Test func duplicateRelationsAreMergedSilently() {
    let map = parseClean("[a]: A.\n  + [b]: B.\n\n[b]\n  +> [a]\n\n[a]\n  <+ [b]\n")
    #expect(map.relations == [Relation(from: "b", to: "a", kind: .supports)])
  }

  @Test func mutualRebuttalIsAllowed() {
    let map = parseClean("[a]: A.\n  - [b]: B.\n    - [a]\n")
    #expect(
      map.relations == [
        Relation(from: "b", to: "a", kind: .rebuts), Relation(from: "a", to: "b", kind: .rebuts),
      ])
  }

  @Test func identicalRedefinitionsMergeTagsAndProvenance() {
    let map = parseClean(
      """
      # P {source: discussion}

      [a]: Same text. {comment: C1}

      # Q {id: q}

      [a]: Same   text. #later {source: discussion, quote: "q"}
      """)
    #expect(map.claims.count == 1)
    #expect(map.claims[0].position == "p")
    #expect(map.claims[0].tags == ["later"])
    #expect(map.claims[0].provenance == Provenance(source: "discussion", comment: "C1", quote: "q"))
  }

  // MARK: Files and known claims

  @Test func referencesResolveAcrossFiles() {
    let parsed = ArgdownParser.parse([
      SourceFile(path: "one.argdown", text: "[a]: A.\n  - [b]\n  + <c>\n"),
      SourceFile(path: "two.argdown", text: "[b]: B.\n\n<c>: C.\n"),
    ])
    #expect(parsed.diagnostics.isEmpty)
    #expect(
      parsed.map.relations == [
        Relation(from: "b", to: "a", kind: .rebuts), Relation(from: "c", to: "a", kind: .supports),
      ])
  }

  @Test func knownClaimsResolveButAreNotAddedToTheMap() {
    let map = parseClean(
      "[new]: N.\n  + [old-statement]\n  -> <old-argument>\n",
      known: ["old-statement": .statement, "old-argument": .argument])
    #expect(map.claims.map(\.id) == ["new"])
    #expect(
      map.relations == [
        Relation(from: "old-statement", to: "new", kind: .supports),
        Relation(from: "new", to: "old-argument", kind: .rebuts),
      ])
  }

  @Test func aFileMayRedefineAKnownClaim() {
    let map = parseClean("[old]: New text.", known: ["old": .statement])
    #expect(map.claims.map(\.text) == ["New text."])
  }

  // MARK: Comments

  @Test func commentsOfEveryKindAreIgnored() {
    let map = parseClean(
      """
      // a comment line
      [a]: Text with a link https://example.org/x // and a comment
      <!-- an html
      comment --> continued /* block */ here
      /* a comment
         over lines */
        + [b]: B. {source: s} // trailing
      // between children
        - [c]: C.\\// not a comment
      """)
    #expect(
      map.claims.map(\.text) == [
        "Text with a link https://example.org/x continued here", "B.", "C.// not a comment",
      ])
    #expect(map.relations.count == 2)
  }

  @Test func aCommentOnlyLineDoesNotEndTheText() {
    let map = parseClean("[a]: One\n// remark\ntwo\n   /* x */\nthree")
    #expect(map.claims.first?.text == "One two three")
  }

  @Test func inputWithoutClaimsGivesAnEmptyMap() {
    #expect(parseClean("") == ArgumentMap())
    #expect(parseClean("\n\n  \n// only\n/* comments */\n") == ArgumentMap())
  }
}
