import Foundation
import Testing

/// evaluate, strength, cruxes, af solve and the evaluation exports, on the built-in map and on
/// small frameworks with known answers.
@Suite struct EvaluationCommandTests {
  let harness: Harness

  init() throws {
    harness = try Harness()
  }

  @Test func evaluateGroupsEveryClaimByStanding() throws {
    let outcome = harness.run("evaluate")
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(outcome.outLines.first == "grounded semantics, derived support: 1 labelling")
    let json = try #require(harness.run("evaluate", "--json").json() as? [String: Any])
    let claims = try #require(json["claims"] as? [[String: Any]])
    #expect(claims.count == (try harness.count("claims")))
    #expect(
      Set(claims.compactMap { $0["standing"] as? String }).isSubset(of: [
        "accepted", "rejected", "undecided",
      ]))
    for semantics in ["complete", "preferred", "stable"] {
      let other = harness.run("evaluate", "--semantics", semantics, "--support", "ignore")
      #expect(other.status == 0, "\(semantics): \(other.err)")
      #expect(other.outLines.first?.hasPrefix("\(semantics) semantics, ignore support") == true)
    }
  }

  @Test func assumingAClaimReportsWhatChanges() throws {
    let outcome = harness.run("evaluate", "--assume", "scenario-is-contrived=out", "--json")
    #expect(outcome.status == 0, "\(outcome.err)")
    let json = try #require(outcome.json() as? [String: Any])
    let claims = try #require(json["claims"] as? [[String: Any]])
    let assumed = try #require(claims.first { $0["id"] as? String == "scenario-is-contrived" })
    #expect(assumed["standing"] as? String == "rejected")
    #expect(json["changes"] is [Any])
    #expect(harness.run("evaluate", "--assume", "nope=in").status == 66)
    #expect(harness.run("evaluate", "--assume", "scenario-is-contrived").status == 64)
    #expect(harness.run("evaluate", "--semantics", "naive").status == 64)
  }

  @Test func strengthRanksClaimsStrongestFirst() throws {
    let json = try #require(harness.run("strength", "--json").json() as? [[String: Any]])
    let values = json.compactMap { $0["strength"] as? Double }
    #expect(values.count == (try harness.count("claims")))
    #expect(values == values.sorted(by: >))
    #expect(values.allSatisfy { (0...1).contains($0) })
    #expect(harness.run("strength", "--top", "3").outLines.filter { !$0.isEmpty }.count == 3)
  }

  /// Claim lines count characters, not bytes: accented and emoji texts are cut at 80 columns
  /// like ASCII ones, and '--tag' narrows the listing to the tagged claims.
  @Test func claimLinesCutTextsByCharactersAndTagsNarrowThem() throws {
    let db = harness.path("lines.db")
    harness.run("--db", db, "init", "--empty")
    harness.run("--db", db, "add", "position", "p", "--title", "P")
    let long = String(repeating: "é👍🏽", count: 40)
    harness.run(
      "--db", db, "add", "claim", "accented", "--position", "p", "--text", long, "--tag", "t")
    harness.run("--db", db, "add", "claim", "plain", "--position", "p", "--text", "Plain.")
    harness.run("--db", db, "link", "plain", "rebuts", "accented")
    let cut = String(long.prefix(80 - 12 - 1)) + "…"
    #expect(
      harness.run("--db", db, "evaluate").outLines.dropLast() == [
        "grounded semantics, derived support: 1 labelling", "", "accepted (1):",
        "  plain     Plain.", "", "rejected (1):", "  accented  " + cut,
      ])
    #expect(
      harness.run("--db", db, "evaluate", "--tag", "t").outLines.dropLast().last
        == "  accented  " + cut)
    #expect(
      harness.run("--db", db, "strength", "--tag", "t").outLines.dropLast() == [
        "0.25  accented  " + String(long.prefix(80 - 16 - 1)) + "…"
      ])
  }

  @Test func cruxesListTheClaimsTheDebateTurnsOn() throws {
    let json = try #require(
      harness.run("cruxes", "--top", "5", "--json").json() as? [[String: Any]])
    #expect(json.count == 5)
    let counts = json.compactMap { ($0["changed"] as? [String])?.count }
    #expect(counts == counts.sorted(by: >))
    #expect((counts.first ?? 0) > 0)
  }

  @Test func showIncludesStandingAndStrength() throws {
    let outcome = harness.run("show", "scenario-is-contrived")
    #expect(outcome.out.contains("standing: accepted (grounded): "))
    #expect(outcome.out.contains("\nstrength: 0."))
  }

  @Test func dotStatusColoursByEvaluation() throws {
    for view in ["grounded", "preferred", "strength"] {
      let dot = harness.run("export", "dot", "--status", view)
      #expect(dot.status == 0, "\(view): \(dot.err)")
      #expect(dot.out.contains("cluster:shading"))
      let svg = try shell("dot -Tsvg", stdin: dot.out)
      #expect(svg.status == 0, "\(view): \(svg.err)")
    }
    #expect(harness.run("export", "dot", "--status", "vibes").status == 64)
  }

  @Test func theMapExportsAsAnICCMAFramework() throws {
    let i23 = harness.run("export", "i23", "--support", "ignore")
    #expect(i23.outLines.first == "p af \(try harness.count("claims"))")
    try harness.write(i23.out, to: "map.i23")
    let solved = harness.run("af", "solve", "-p", "SE-GR", "-f", harness.path("map.i23"))
    #expect(solved.status == 0, "\(solved.err)")
    #expect(solved.out.hasPrefix("w"))
    let apx = harness.run("export", "apx")
    #expect(apx.out.contains("arg(scenario-is-contrived)."))
  }

  /// 40 pairs of mutual attackers have 3^40 complete labellings: the solver must give up.
  @Test func aHardTaskGivesUpWithItsOwnExitCode() throws {
    let attacks = (0..<40).map { "\(2 * $0 + 1) \(2 * $0 + 2)\n\(2 * $0 + 2) \(2 * $0 + 1)\n" }
    try harness.write("p af 80\n" + attacks.joined(), to: "hard.i23")
    let outcome = harness.run(
      "af", "solve", "-p", "EE-CO", "-f", harness.path("hard.i23"), "--timeout", "1")
    #expect(outcome.status == 75)
    #expect(outcome.err.hasPrefix("argmap: error: gave up after 1"))
    #expect(outcome.out.isEmpty)
  }

  /// a ⇄ b attack each other, c is attacked by b, d is unattacked.
  @Test func afSolveAnswersInTheICCMAConventions() throws {
    try harness.write(
      "arg(a).\narg(b).\narg(c).\narg(d).\natt(a,b).\natt(b,a).\natt(b,c).\n", to: "f.apx")
    let file = harness.path("f.apx")
    #expect(harness.run("af", "solve", "-p", "SE-GR", "-f", file).out == "[d]\n")
    let preferred = harness.run("af", "solve", "-p", "EE-PR", "-f", file).out
    #expect(preferred == "[[a,c,d],[b,d]]\n" || preferred == "[[b,d],[a,c,d]]\n")
    #expect(harness.run("af", "solve", "-p", "DC-CO", "-f", file, "-a", "c").out == "YES\n")
    #expect(harness.run("af", "solve", "-p", "DS-PR", "-f", file, "-a", "c").out == "NO\n")
    #expect(harness.run("af", "solve", "-p", "DC-GR", "-f", file, "-a", "a").out == "NO\n")
    #expect(harness.run("af", "solve", "--problems").out.hasPrefix("[SE-GR,"))
    #expect(harness.run("af", "solve").out == "argmap 0.1.0\n")
    #expect(harness.run("af", "solve", "--formats").out == "[apx,tgf,i23]\n")
    #expect(harness.run("af", "solve", "-p", "DC-CO", "-f", file).status == 64)
    #expect(harness.run("af", "solve", "-p", "XX-PR", "-f", file).status == 64)
    try harness.write("arg(a).\natt(a,z).\n", to: "bad.apx")
    let bad = harness.run("af", "solve", "-p", "SE-GR", "-f", harness.path("bad.apx"))
    #expect(bad.status == 65)
    #expect(bad.err.contains("bad.apx:2:"))
  }
}
