import ArgModel
import ArgdownSyntax
import Testing

/// Errors found once every file has been read: duplicates, unknown ids, kinds, relations.
@Suite struct SemanticErrorTests {
  /// Argdown's equivalence class: one title, several wordings, across files. The last
  /// wording is the canonical one, as Argdown chooses it.
  @Test func aTitleWithSeveralTextsIsOneClaimWithMembers() {
    let parsed = ArgdownParser.parse([
      SourceFile(path: "one.argdown", text: "# P\n\n[a]: First. #x {source: s, comment: C1}\n"),
      SourceFile(path: "two.argdown", text: "# Q\n\n[a]: Second. #y\n"),
    ])
    #expect(!parsed.hasErrors)
    let claim = parsed.map.claims[0]
    #expect(parsed.map.claims.count == 1)
    #expect(claim.text == "Second.")
    #expect(claim.position == "p")
    #expect(claim.tags == ["x", "y"])
    #expect(claim.provenance == nil)
    #expect(
      claim.members == [
        ClaimMember(
          text: "First.", position: "p", tags: ["x"],
          provenance: Provenance(source: "s", comment: "C1")),
        ClaimMember(text: "Second.", position: "q", tags: ["y"]),
      ])
  }

  @Test func isCanonicalChoosesTheClaimsText() {
    let map = parseClean("[a]: One. {isCanonical: true}\n[a]: Two.\n[a]: Three.\n")
    #expect(map.claims[0].text == "One.")
    #expect(map.claims[0].members.map(\.text) == ["One.", "Two.", "Three."])
  }

  @Test func oneIDCannotBeBothAStatementAndAnArgument() {
    expectErrors(
      "[a]: A.\n▸<a>: A.\n<b>: B.\n▸[b]: B.\n",
      ["'a' is already defined as a statement", "'b' is already defined as an argument"])
  }

  @Test func redefinitionsMustNotConflict() {
    let parsed = expectErrors(
      """
      [a]: A. #x {source: s, comment: C1, quote: "q"}
      [a]: A. #y
      ▸[a]: A. {source: t}
      ▸[a]: A. {source: s, comment: C2}
      ▸[a]: A. {source: s, quote: "other"}
      [a]: A. #x {source: s, comment: C1}
      """,
      [
        "conflicting source for 'a': 't' here but 's' where first defined",
        "conflicting comment for 'a': 'C2' here but 'C1' where first defined",
        "conflicting quote for 'a'",
      ])
    #expect(parsed.diagnostics.allSatisfy { $0.notes.map(\.message) == ["first defined here"] })
    #expect(parsed.map.claims.count == 1)
    // Argdown gathers a node's tags from every line that gives some.
    #expect(parsed.map.claims.first?.tags == ["x", "y"])
  }

  /// Argdown lets a reference carry tags and metadata (`<A> #pro`): they are the node's, and
  /// the node stays where it is defined.
  @Test func aReferenceMayCarryTagsAndMetadata() {
    let map = parseClean(
      """
      # P {id: p}

      [s]: S.
        + <a> #pro {source: notes}

      # Q {id: q}

      <a>: Defined here.
      """)
    let argument = map.claims.first { $0.id == "a" }
    #expect(argument?.tags == ["pro"])
    #expect(argument?.provenance == Provenance(source: "notes"))
    #expect(argument?.position == "q")
    #expect(argument?.text == "Defined here.")
    expectErrors("[s]: S.\n  + <a>▸ #pro and words\n", ["after a reference come only tags"])
  }

  /// Undercuts placed under an inference line or under the conclusion it draws are aimed at
  /// the argument, as Argdown aims them at its inference.
  @Test func undercutsUnderAnInferenceHitTheArgument() {
    for text in [
      "<a>\n\n(1) p\n-----\n    <_ <b>: B.\n(2) c\n",
      "<a>\n\n(1) p\n-----\n(2) c\n    <_ <b>: B.\n",
    ] {
      let map = parseClean(text)
      #expect(map.relations.contains(Relation(from: "b", to: "a", kind: .undercuts)), "\(text)")
    }
  }

  @Test func yamlBlockListsAreListValues() {
    let map = parseClean("[n]: N. {\n  rephrases:\n    - o\n    - p\n}\n[o]: O.\n[p]: P.\n")
    #expect(
      map.relations == [
        Relation(from: "n", to: "o", kind: .rephrases),
        Relation(from: "n", to: "p", kind: .rephrases),
      ])
  }

  @Test func headingTagsAreWarnedAndIgnored() {
    let parsed = parse("# H1 #t1\n\n<A>: a\n")
    #expect(!parsed.hasErrors)
    #expect(
      parsed.diagnostics.map(\.description) == [
        "test.argdown:1:1: warning: tags on headings are ignored: #(t1)"
      ])
  }

  @Test func positionTitlesMustMatch() {
    let parsed = expectErrors(
      in: [
        SourceFile(path: "a.argdown", text: "# Realism critique {summary: S}\n"),
        SourceFile(path: "b.argdown", text: "# Realism Critique {id: realism-critique}\n"),
        SourceFile(path: "c.argdown", text: "# Realism critique {summary: T}\n"),
      ],
      expected: [
        (
          SourceLocation(file: "b.argdown", line: 1, column: 1),
          "position 'realism-critique' is titled 'Realism Critique' here but 'Realism critique' where first defined"
        ),
        (
          SourceLocation(file: "c.argdown", line: 1, column: 1),
          "conflicting summary for position 'realism-critique'"
        ),
      ])
    #expect(
      parsed.diagnostics.map { $0.notes.map(\.location.description) } == [
        ["a.argdown:1:1"], ["a.argdown:1:1"],
      ])
  }

  /// Argdown draws a node that is referred to and never defined; argmap makes it a node
  /// without words, placed where it was first referred to, and points out a likely typo.
  @Test func nodesOnlyReferredToAreCreatedAndLikelyTyposWarned() {
    let parsed = ArgdownParser.parse(
      [
        SourceFile(
          path: "test.argdown",
          text: """
            # P

            [ambiguous-users]: A.
              - [ambigous-users]
              + [refusal-is-fair]
              + [zzz]
              + <Argument 2>
              + <Argument 1>: Defined.
            """)
      ], knownClaims: ["refusal-is-fair-game": .statement])
    #expect(!parsed.hasErrors)
    #expect(
      parsed.diagnostics.map(\.description) == [
        "test.argdown:4:5: warning: 'ambigous-users' is never defined, so it is a node without text; did you mean 'ambiguous-users'?",
        "test.argdown:5:5: warning: 'refusal-is-fair' is never defined, so it is a node without text; did you mean 'refusal-is-fair-game'?",
      ])
    let created = parsed.map.claims.filter(\.text.isEmpty)
    #expect(created.map(\.id) == ["ambigous-users", "refusal-is-fair", "zzz", "argument-2"])
    #expect(created.map(\.kind) == [.statement, .statement, .statement, .argument])
    #expect(created.allSatisfy { $0.position == "p" })
    #expect(created.last?.title == "Argument 2")
  }

  @Test func referencesMustUseTheRightBrackets() {
    let parsed = expectErrors(
      """
      [statement]: S.
      <argument>: A.
      [root]: R.
        + ▸<statement>
        + ▸[argument]
        - ▸<known-statement>
        - ▸[known-argument]
      """,
      [
        "'statement' is a statement, so refer to it as '[statement]'",
        "'argument' is an argument, so refer to it as '<argument>'",
        "'known-statement' is a statement, so refer to it as '[known-statement]'",
        "'known-argument' is an argument, so refer to it as '<known-argument>'",
      ],
      known: ["known-statement": .statement, "known-argument": .argument])
    #expect(parsed.diagnostics[0].notes.map(\.message) == ["defined here"])
    #expect(parsed.diagnostics[2].notes.isEmpty)
  }

  /// A self-attack is a textbook case (`<S>` `- <S>`); Argdown accepts any self-relation.
  @Test func aClaimMayRelateToItself() {
    let map = parseClean("<s>: S.\n  - <s>\n[a]: A.\n  >< [a]\n")
    #expect(
      map.relations == [
        Relation(from: "s", to: "s", kind: .rebuts),
        Relation(from: "a", to: "a", kind: .contradicts),
      ])
  }

  @Test func aPairCannotBothSupportAndRebut() {
    let parsed = expectErrors(
      """
      [a]: A.
        + [b]: B.

      [b]
        ▸-> [a]
        +> [a]
      """,
      ["'b' both supports and rebuts 'a'"])
    #expect(parsed.diagnostics[0].notes.map(\.message) == ["first related here"])
    #expect(parsed.diagnostics[0].notes.map(\.location.description) == ["test.argdown:2:3"])
    #expect(parsed.map.relations == [Relation(from: "b", to: "a", kind: .supports)])
  }

  @Test func everySemanticErrorIsReportedInOneRun() {
    let parsed = expectErrors(
      """
      # P {id: p}
      [a]: A.
        + [missing]
      ▸<a>: Now an argument.
      [b]: B.
        + ▸<a>
        - [c]: C.
        ▸+ [c]
      """,
      [
        "'a' is already defined as a statement",
        "'a' is a statement",
        "'c' both rebuts and supports 'b'",
      ])
    #expect(parsed.hasErrors)
  }
}
