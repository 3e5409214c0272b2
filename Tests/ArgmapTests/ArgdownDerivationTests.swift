import Argmap
import Testing

/// Argdown derives argument-level relations from statement-level ones (its
/// `deriveImplicitRelations`): a statement used as a premise supports its argument, a main
/// conclusion is supported by its argument, and a relation of either reaches the argument.
/// argmap stores the relations as written and derives the same attacks when it evaluates with
/// `--support derived`; these are Argdown's cases, in maps of our own.
@Suite struct ArgdownDerivationTests {
  private func attacks(_ text: String) -> (AbstractFramework, (String) -> Int) {
    let parsed = ArgdownParser.parse([SourceFile(path: "x.argdown", text: text)])
    #expect(!parsed.hasErrors, "\(parsed.diagnostics)")
    let framework = BipolarFramework(map: parsed.map, support: .derived).framework
    let ids = parsed.map.claims.map(\.id)
    return (framework, { ids.firstIndex(of: $0)! })
  }

  @Test func anAttackOnAPremiseAttacksItsArgument() {
    let (framework, index) = attacks(
      """
      <a1>

      (1) [p]: P.
        - [e]: E.
      ----
      (2) [c]: C.
      """)
    #expect(framework.attacks(index("e"), index("p")))
    #expect(framework.attacks(index("e"), index("a1")))
  }

  @Test func anAttackByAMainConclusionIsItsArguments() {
    let (framework, index) = attacks(
      """
      <a2>

      (1) [q]: Q.
      ----
      (2) [c]: C.
        -> [x]: X.
      """)
    #expect(framework.attacks(index("a2"), index("x")))
  }

  @Test func aContradictionBetweenConclusionAndPremiseSetsTheArgumentsAgainstEachOther() {
    let (framework, index) = attacks(
      """
      <a1>

      (1) [p]: P.
      ----
      (2) [c1]: C1.

      <a2>

      (1) [q]: Q.
      ----
      (2) [c2]: C2.
        >< [p]
      """)
    #expect(framework.attacks(index("a2"), index("p")))
    #expect(framework.attacks(index("a2"), index("a1")))
  }

  @Test func anUndercutOfAReconstructedArgumentStaysOnTheArgument() {
    let parsed = ArgdownParser.parse([
      SourceFile(path: "x", text: "<a>\n\n(1) [p]: P.\n----\n(2) [c]: C.\n\n[u]: U.\n  _> <a>\n")
    ])
    #expect(parsed.map.relations.contains(Relation(from: "u", to: "a", kind: .undercuts)))
  }
}
