import ArgModel
import ArgdownSyntax
import Testing

/// Argdown's nodes as Argdown's model builds them: titles apart from ids, equivalence classes,
/// nodes with no words, untitled arguments, relations moved to a reconstructed argument's
/// conclusion, and the smaller constructs real maps use. The fixtures are ours; each covers a
/// construct that published maps and Argdown's own tests use.
@Suite struct ArgdownNodeTests {
  /// What Argdown counts: statements (equivalence classes), arguments and the relations it
  /// keeps, which leave out the supports a premise-conclusion structure implies.
  struct Counts: Equatable, CustomStringConvertible {
    var statements: Int
    var arguments: Int
    var relations: Int
    var description: String {
      "\(statements) statements, \(arguments) arguments, \(relations) relations"
    }

    init(statements: Int, arguments: Int, relations: Int) {
      self.statements = statements
      self.arguments = arguments
      self.relations = relations
    }

    init(_ map: ArgumentMap) {
      let implied = Set(map.reconstructions.flatMap(\.relations))
      statements = map.claims.count { $0.kind == .statement }
      arguments = map.claims.count { $0.kind == .argument }
      relations = map.relations.count { !implied.contains($0) }
    }
  }

  /// Each fixture with the counts Argdown's model gives it.
  static let fixtures: [String: (text: String, counts: Counts)] = [
    "equivalence-class": (
      """
      [Test]: Hello Earth!

      [Test]: Hello _World_!
      """, Counts(statements: 1, arguments: 0, relations: 0)
    ),
    "argument-descriptions": (
      """
      <Test>: First description.

      <Test>: Second description.
      """, Counts(statements: 0, arguments: 1, relations: 0)
    ),
    "duplicate-relations": (
      """
      [A]: The band is the best.
        + [B]: The band made a fine record.
        -> <C>: Another band was cooler.

      [A]
        + [B]
        -> <C>
      """, Counts(statements: 2, arguments: 1, relations: 2)
    ),
    "argument-relation-moves-to-conclusion": (
      """
      [A]: text
        + <Argument 1>

      <Argument 1>

      (1) text
      (2) text
      ----
      (3) [B]: text
        +> [A]
      """, Counts(statements: 4, arguments: 1, relations: 1)
    ),
    "contradiction-both-ways": (
      """
      [A]: A
        >< [B]: B

      [B]
        >< [A]
      """, Counts(statements: 2, arguments: 0, relations: 1)
    ),
    "undercut-of-unreconstructed-argument": (
      """
      [A]: A
        _> <B>

      <B>
        <_ [D]
      """, Counts(statements: 2, arguments: 1, relations: 2)
    ),
    "title-only-argument-reconstructed": (
      """
      # Homework {id: homework}

      <Weekly Assignments>

      (1) [Practice]: Practice consolidates learning.
      (2) Weekly assignments give practice.
      ----
      (3) [Set Weekly Work]: Teachers should set weekly work.
      """, Counts(statements: 3, arguments: 1, relations: 0)
    ),
    "untitled-argument": (
      """
      (1) [s1]: A
      (2) [s2]: B
      ----
      (3) [s3]: C
      """, Counts(statements: 3, arguments: 1, relations: 0)
    ),
    "never-defined": (
      """
      [Statement Title]
      [Defined Empty]:
      <Argument Title>
      <Argument Definition>:
      """, Counts(statements: 2, arguments: 2, relations: 0)
    ),
    "self-attack": (
      """
      <S>: This argument defeats itself.
        - <S>
      """, Counts(statements: 0, arguments: 1, relations: 1)
    ),
    "free-text-source": (
      """
      # Grid {source: "CSIS Lights Out Report"}

      [Outage Risk]: The grid is exposed. {comment: "p. 4"}
      """, Counts(statements: 1, arguments: 0, relations: 0)
    ),
    "relation-after-blank-line": (
      """
      a

          + b
      """, Counts(statements: 2, arguments: 0, relations: 1)
    ),
    "block-quote": (
      """
      [Evidence]: The report says:
      > Nothing was lost.
        + [Trust]: The report is trustworthy.
      """, Counts(statements: 2, arguments: 0, relations: 1)
    ),
  ]

  static func parsed(_ name: String) -> ParsedCorpus {
    ArgdownParser.parse([SourceFile(path: "\(name).argdown", text: fixtures[name]!.text)])
  }

  @Test(arguments: fixtures.keys.sorted())
  func fixtureHasArgdownsCounts(name: String) {
    let parsed = Self.parsed(name)
    #expect(!parsed.hasErrors, "\(parsed.diagnostics)")
    #expect(Counts(parsed.map) == Self.fixtures[name]!.counts)
  }

  @Test(arguments: fixtures.keys.sorted())
  func fixtureRoundTrips(name: String) {
    expectRoundTrip(Self.parsed(name).map)
  }

  @Test func titlesStayApartFromIDs() {
    let map = Self.parsed("title-only-argument-reconstructed").map
    // A title that is a valid id, such as `Practice`, is the id itself.
    #expect(
      map.claims.map(\.id) == [
        "weekly-assignments", "Practice", "weekly-assignments-give-practice", "set-weekly-work",
      ])
    #expect(map.claims.map(\.title) == ["Weekly Assignments", nil, nil, "Set Weekly Work"])
    #expect(map.claims[0].text.isEmpty)
    #expect(map.claims[0].name == "Weekly Assignments")
    #expect(map.claims[0].position == "homework")
    #expect(ArgdownPrinter.print(map).contains("<Weekly Assignments>:\n"))
  }

  @Test func theLastWordingIsCanonicalAndEveryMemberIsKept() {
    let claim = Self.parsed("equivalence-class").map.claims[0]
    #expect(claim.text == "Hello _World_!")
    #expect(claim.members.map(\.text) == ["Hello Earth!", "Hello _World_!"])
    let argument = Self.parsed("argument-descriptions").map.claims[0]
    #expect(argument.text == "Second description.")
    #expect(argument.members.count == 2)
  }

  @Test func aReconstructedArgumentsRelationsAreItsConclusions() {
    let map = Self.parsed("argument-relation-moves-to-conclusion").map
    let explicit = map.relations.filter { !map.reconstructions[0].relations.contains($0) }
    #expect(explicit == [Relation(from: "B", to: "A", kind: .supports)])
  }

  @Test func anUntitledArgumentHasAStableIDThatDependsOnItsSteps() {
    let first = Self.parsed("untitled-argument").map
    let again = Self.parsed("untitled-argument").map
    let argument = first.claims.first { $0.kind == .argument }
    #expect(argument?.id.hasPrefix("argument-for-s3-") == true)
    #expect(argument?.id == again.claims.first { $0.kind == .argument }?.id)
    let other = ArgdownParser.parse([
      SourceFile(path: "x", text: "(1) [s1]: A\n----\n(2) [s3]: C\n")
    ]).map
    #expect(other.claims.first { $0.kind == .argument }?.id != argument?.id)
    // Two untitled arguments in one file never collide.
    let both = ArgdownParser.parse([
      SourceFile(path: "x", text: "(1) A\n----\n(2) C\n\n(1) B\n----\n(2) [c]\n")
    ]).map
    #expect(Set(both.claims.filter { $0.kind == .argument }.map(\.id)).count == 2)
  }

  @Test func aTitleFoundInTheDatabaseKeepsItsID() {
    let parsed = ArgdownParser.parse(
      [SourceFile(path: "x", text: "[Arg Mapping]: Restated.\n[arg mapping]: Another title.\n")],
      knownClaims: ["maps": .statement], knownTitles: ["Arg Mapping": "maps"])
    #expect(parsed.map.claims.map(\.id) == ["maps", "arg-mapping"])
  }

  @Test func aStoredClaimWithoutATitleIsFoundByTheSlug() {
    // Databases before schema 4 kept no titles: `[Arg Mapping]` was stored as `arg-mapping`.
    let parsed = ArgdownParser.parse(
      [SourceFile(path: "x", text: "[Arg Mapping]: Again.\n")],
      knownClaims: ["arg-mapping": .statement])
    #expect(parsed.map.claims.map(\.id) == ["arg-mapping"])
    #expect(parsed.map.claims.map(\.title) == ["Arg Mapping"])
  }

  @Test func everyMemberIsWrittenBackWhereItStood() {
    let text = """
      # One {id: one}

      [T]: First wording. #a {source: s, comment: C1}

      # Two {id: two}

      ## Sub {id: sub}

      [T]: Second wording. #b

      [T]: Third wording.
      """
    let map = ArgdownParser.parse([SourceFile(path: "x", text: text)]).map
    #expect(map.claims[0].members.map(\.position) == ["one", "two", "two"])
    #expect(map.claims[0].members.map(\.group) == [nil, "sub", "sub"])
    let printed = ArgdownPrinter.print(map)
    #expect(printed.contains("[T]: First wording. #a {source: s, comment: C1}"))
    #expect(printed.contains("## Sub {id: sub}\n\n[T]: Second wording. #b\n\n[T]: Third wording."))
    expectRoundTrip(map)
  }

  @Test func aCanonicalMemberThatIsNotLastSaysSo() {
    let map = ArgdownParser.parse([
      SourceFile(path: "x", text: "[T]: One. {isCanonical: true}\n\n[T]: Two.\n")
    ]).map
    #expect(ArgdownPrinter.print(map).contains("[T]: One. {isCanonical: true}"))
    expectRoundTrip(map)
  }
}
