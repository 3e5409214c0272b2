import Foundation
import Testing

/// The read commands against the built-in map, through the CLI's own entry point.
@Suite struct ReadCommandTests {
  let harness: Harness

  init() throws {
    harness = try Harness()
  }

  @Test func positionsListsTheFivePositionsWithCounts() throws {
    let outcome = harness.run("positions")
    #expect(outcome.status == 0)
    #expect(outcome.outLines.first?.hasPrefix("realism-critique") == true)
    for id in ["never-subvert-users", "ambiguous-users", "self-preservation", "training-opacity"] {
      #expect(outcome.out.contains(id))
    }
    #expect(outcome.outLines.allSatisfy { $0.count <= 80 })
    let json = try #require(try harness.run("positions", "--json").json() as? [[String: Any]])
    #expect(json.count == 5)
    #expect(json.allSatisfy { ($0["claims"] as? Int ?? 0) > 0 })
  }

  @Test func firstUseCreatesTheDefaultDatabase() {
    #expect(!FileManager.default.fileExists(atPath: harness.defaultDatabase))
    harness.run("stats")
    #expect(FileManager.default.fileExists(atPath: harness.defaultDatabase))
  }

  @Test func claimsFiltersByPositionAndFits80Columns() throws {
    let outcome = harness.run("claims", "--position", "self-preservation")
    #expect(outcome.status == 0)
    #expect(outcome.outLines.first?.contains("(self-preservation)") == true)
    #expect(!outcome.out.contains("realism-critique)"))
    #expect(outcome.outLines.allSatisfy { $0.count <= 80 })
    let json = try #require(harness.run("claims", "--json").json() as? [[String: Any]])
    #expect(json.count > 40)
    #expect(json.allSatisfy { $0["quote"] is String && $0["comment"] is String })
  }

  @Test func claimsWithUnknownPositionSuggestsTheNearest() {
    let outcome = harness.run("claims", "--position", "self-preservaton")
    #expect(outcome.status == 66)
    #expect(outcome.err.contains("did you mean 'self-preservation'?"))
  }

  @Test func showPrintsProvenanceAndNeighbours() throws {
    let outcome = harness.run("show", "refusal-is-not-subversion")
    #expect(outcome.status == 0)
    #expect(outcome.out.contains("source:   discussion, comment C7"))
    #expect(outcome.out.contains("quote:"))
    #expect(outcome.out.contains("rebuts:") || outcome.out.contains("supports:"))
    let json = try #require(
      harness.run("show", "refusal-is-not-subversion", "--json").json() as? [String: Any])
    let claim = try #require(json["claim"] as? [String: Any])
    #expect(claim["comment"] as? String == "C7")
    #expect(json["rebuttedBy"] is [Any])
  }

  @Test func showUnknownClaimIsNotFoundWithSuggestion() {
    let outcome = harness.run("show", "refusal-is-not-subversio")
    #expect(outcome.status == 66)
    #expect(
      outcome.err
        == "argmap: error: no claim with id 'refusal-is-not-subversio'; did you mean 'refusal-is-not-subversion'?\n"
    )
  }

  @Test func searchRanksAndMarksMatches() throws {
    let outcome = harness.run("search", "self-preservation")
    #expect(outcome.status == 0)
    #expect(outcome.out.contains("["))
    let hits = try #require(harness.run("search", "refuse", "--json").json() as? [[String: Any]])
    #expect(hits.contains { ($0["id"] as? String)?.contains("refus") == true })
    #expect(harness.run("search", "\"unbalanced (quote*", "--json").status == 0)
    #expect(harness.run("search", "zzzzqqq").out == "no claims match 'zzzzqqq'\n")
  }

  @Test func treeIndentsSupportersAndRebuttals() throws {
    let outcome = harness.run("tree", "blackmail-not-egregiously-misaligned")
    #expect(outcome.status == 0)
    #expect(outcome.outLines.first?.hasPrefix("[blackmail-not-egregiously-misaligned]") == true)
    #expect(outcome.outLines.contains { $0.hasPrefix("  + ") })
    #expect(outcome.outLines.contains { $0.hasPrefix("  - ") })
    #expect(outcome.outLines.allSatisfy { $0.count <= 80 })
    let shallow = try #require(
      harness.run("tree", "blackmail-not-egregiously-misaligned", "--depth", "1", "--json").json()
        as? [[String: Any]])
    #expect(shallow.allSatisfy { ($0["depth"] as? Int ?? 9) <= 1 })
    #expect(
      shallow.count
        < (try harness.run("tree", "blackmail-not-egregiously-misaligned", "--json").json()
        as? [Any] ?? []).count)
  }

  @Test func treeIsCutAtItsLimitWithAWarning() {
    let cut = harness.run("tree", "blackmail-not-egregiously-misaligned", "--limit", "3")
    #expect(cut.status == 0)
    #expect(cut.outLines.filter { !$0.isEmpty }.count == 3)
    #expect(cut.err.hasPrefix("argmap: warning: the tree was cut at 3 lines"))
    let whole = harness.run("tree", "blackmail-not-egregiously-misaligned", "--limit", "0")
    #expect(whole.err.isEmpty)
    #expect(whole.outLines.count > 10)
  }

  @Test func pathLinksPositions() throws {
    let outcome = harness.run(
      "path", "refusal-is-not-subversion", "blackmail-not-egregiously-misaligned")
    #expect(outcome.status == 0)
    #expect(outcome.outLines.first?.hasPrefix("[refusal-is-not-subversion]") == true)
    #expect(outcome.out.contains("--> [") || outcome.out.contains("-- ["))
    let steps = try #require(
      harness.run(
        "path", "refusal-is-not-subversion", "blackmail-not-egregiously-misaligned", "--json"
      ).json() as? [[String: Any]])
    #expect(steps.first?["id"] as? String == "refusal-is-not-subversion")
    #expect(steps.last?["id"] as? String == "blackmail-not-egregiously-misaligned")
  }

  @Test func checkAndStatsDescribeTheMap() throws {
    let check = harness.run("check")
    #expect(check.status == 0)
    #expect(check.out.hasSuffix("found\n"))
    #expect(harness.run("check", "--strict").status == (check.out == "no problems found\n" ? 0 : 1))
    let stats = try #require(harness.run("stats", "--json").json() as? [String: Int])
    #expect(stats["positions"] == 5)
    #expect(stats["comments"] == 12)
    #expect(stats["claims"] == stats["quoted"])
    #expect(stats["schemaVersion"] == 8)
  }
}
