import ArgModel
import ArgdownSyntax
import Testing

/// Errors found once every file has been read: duplicates, unknown ids, kinds, relations.
@Suite struct SemanticErrorTests {
  @Test func redefinitionWithDifferentTextPointsAtTheFirstDefinition() {
    let parsed = expectErrors(
      in: [
        SourceFile(path: "one.argdown", text: "[a]: First.\n"),
        SourceFile(path: "two.argdown", text: "\n  [a]: Second.\n"),
      ],
      expected: [
        (
          SourceLocation(file: "two.argdown", line: 2, column: 3),
          "'a' is defined twice with different text"
        )
      ])
    #expect(
      parsed.diagnostics[0].notes == [
        Diagnostic.Note(
          location: SourceLocation(file: "one.argdown", line: 1, column: 1),
          message: "first defined here")
      ])
    #expect(parsed.map.claims.map(\.text) == ["First."])
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
      ▸[a]: A. #y
      ▸[a]: A. {source: t}
      ▸[a]: A. {source: s, comment: C2}
      ▸[a]: A. {source: s, quote: "other"}
      [a]: A. #x {source: s, comment: C1}
      """,
      [
        "conflicting tags for 'a'",
        "conflicting source for 'a': 't' here but 's' where first defined",
        "conflicting comment for 'a': 'C2' here but 'C1' where first defined",
        "conflicting quote for 'a'",
      ])
    #expect(parsed.diagnostics.allSatisfy { $0.notes.map(\.message) == ["first defined here"] })
    #expect(parsed.map.claims.count == 1)
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

  @Test func unknownReferencesSuggestTheNearestID() {
    expectErrors(
      """
      [ambiguous-users]: A.
        - ▸[ambigous-users]
        + ▸[refusal-is-fair]
        + ▸[zzz]
      """,
      [
        "no claim with id 'ambigous-users'; did you mean 'ambiguous-users'?",
        "no claim with id 'refusal-is-fair'; did you mean 'refusal-is-fair-game'?",
        "no claim with id 'zzz'",
      ],
      known: ["refusal-is-fair-game": .statement])
    let parsed = parse("[a]: A.\n  + [zzz]\n")
    #expect(parsed.diagnostics.map(\.message) == ["no claim with id 'zzz'"])
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

  @Test func aClaimCannotRelateToItself() {
    expectErrors(
      "[a]: A.\n  ▸+ [a]\n  ▸-> [a]\n  + [b]: B.\n    ▸+> [b]\n",
      ["'a' cannot support itself", "'a' cannot rebut itself", "'b' cannot support itself"])
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
        + ▸[missing]
        ▸- [a]
      ▸[a]: Different.
      [b]: B.
        + ▸<a>
        - [c]: C.
        ▸+ [c]
      """,
      [
        "no claim with id 'missing'",
        "'a' cannot rebut itself",
        "'a' is defined twice with different text",
        "'a' is a statement",
        "'c' both rebuts and supports 'b'",
      ])
    #expect(parsed.hasErrors)
  }
}
