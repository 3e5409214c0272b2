import Foundation
import Testing

/// `why`, `show`'s reason, and what-if answers through the CLI.
@Suite struct WhyCommandTests {
  let harness: Harness

  init() throws {
    harness = try Harness()
  }

  @Test func whyNamesTheDerivedAttackThatDefeatsAThesis() throws {
    let outcome = harness.run("why", "blackmail-not-egregiously-misaligned")
    #expect(outcome.status == 0)
    #expect(outcome.outLines.first == "blackmail-not-egregiously-misaligned")
    #expect(outcome.outLines[1].hasPrefix("rejected under grounded semantics, derived support:"))
    #expect(outcome.out.contains("defeated by\nexplicit-instructions-strengthen-rule"))
    #expect(outcome.out.contains("supported attack: explicit-instructions-strengthen-rule +>"))
    #expect(outcome.outLines.allSatisfy { $0.count <= 80 })
    let json = try #require(
      harness.run("why", "blackmail-not-egregiously-misaligned", "--json").json()
        as? [String: Any])
    #expect(json["standing"] as? String == "rejected")
    let tree = try #require(json["tree"] as? [[String: Any]])
    let attack = try #require(tree.dropFirst().first?["attack"] as? [String: Any])
    #expect(attack["derived"] as? String == "supported")
    // A chain runs from the attacker through supports to the claim that rebuts.
    #expect(((attack["chain"] as? [Any])?.count ?? 0) >= 2)
  }

  @Test func whyAgreesWithEvaluateOnEveryBuiltinClaim() throws {
    for semantics in ["grounded", "preferred", "stable"] {
      let evaluated = try #require(
        harness.run("evaluate", "--semantics", semantics, "--json").json() as? [String: Any])
      for claim in evaluated["claims"] as? [[String: Any]] ?? [] {
        let id = try #require(claim["id"] as? String)
        let why = try #require(
          harness.run("why", id, "--semantics", semantics, "--json").json() as? [String: Any])
        #expect(why["standing"] as? String == claim["standing"] as? String, "\(id) \(semantics)")
      }
    }
  }

  @Test func showGivesAOneLineReason() {
    let outcome = harness.run("show", "ai-should-not-act-on-self-preservation")
    #expect(
      outcome.out.contains(
        "standing: rejected (grounded): defeated by value-depends-on-self-preserved\n"
      ))
    #expect(
      harness.run("show", "refusal-is-not-subversion").out.contains(
        "standing: accepted (grounded): nothing attacks it\n"))
  }

  /// A map whose only stable question has no answer: an odd cycle of attacks.
  @Test func noStableLabellingListsNoClaim() throws {
    try harness.write(
      """
      # Odd {id: odd}

      [a]: A.
        - [b]: B.
          - [c]: C.
            - [a]

      """, to: "odd.argdown")
    let db = harness.path("odd.db")
    #expect(harness.run("--db", db, "import", harness.path("odd.argdown")).status == 0)
    let evaluated = harness.run("--db", db, "evaluate", "--semantics", "stable")
    #expect(evaluated.out == "stable semantics, derived support: no stable labelling exists\n")
    let why = harness.run("--db", db, "why", "a", "--semantics", "stable")
    #expect(
      why.outLines.prefix(2) == [
        "a", "no standing under stable semantics, derived support: no stable labelling exists",
      ])
    let grounded = harness.run("--db", db, "why", "a")
    #expect(grounded.out.contains("undecided under grounded semantics"))
    #expect(grounded.out.contains("kept open by the cycle"))
  }

  /// An unattacked claim assumed out: before, preferred found no labelling and listed every
  /// claim undecided; as an intervention it is rejected.
  @Test func assumeAnswersUnderEverySemantics() throws {
    for semantics in ["grounded", "complete", "preferred", "stable"] {
      let outcome = harness.run(
        "evaluate", "--semantics", semantics, "--assume", "refusal-is-not-subversion=out",
        "--json")
      let json = try #require(outcome.json() as? [String: Any])
      #expect((json["labellings"] as? Int ?? 0) > 0, "\(semantics)")
      let changes = json["changes"] as? [[String: Any]] ?? []
      #expect(
        changes.contains {
          $0["id"] as? String == "refusal-is-not-subversion" && $0["after"] as? String == "rejected"
        }, "\(semantics)")
      let cruxes = harness.run("cruxes", "--semantics", semantics, "--top", "2")
      #expect(cruxes.outLines.filter { $0.contains("flipped to") }.count == 2, "\(semantics)")
    }
  }
}
