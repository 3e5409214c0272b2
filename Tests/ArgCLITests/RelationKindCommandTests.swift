import Foundation
import Testing

/// Undercuts, contradictions, rephrasings and preferences through the commands that make and
/// read relations.
@Suite struct RelationKindCommandTests {
  let harness: Harness
  let db: String

  init() throws {
    harness = try Harness()
    db = harness.path("map.db")
    harness.run("--db", db, "init", "--empty")
    harness.run("--db", db, "add", "position", "p", "--title", "P")
    for (id, extra) in [("thesis", []), ("arg", ["--argument"]), ("cut", []), ("rival", [])] {
      _ = harness.run(["--db", db, "add", "claim", id, "--position", "p", "--text", id] + extra)
    }
    harness.run("--db", db, "link", "arg", "supports", "thesis")
  }

  @Test func everyKindLinksAndShowsInTreeAndShow() throws {
    #expect(harness.run("--db", db, "link", "cut", "undercuts", "arg").status == 0)
    #expect(harness.run("--db", db, "link", "rival", "contradicts", "thesis").status == 0)
    // Symmetric: the other direction is the same relation.
    #expect(
      harness.run("--db", db, "link", "thesis", "contradicts", "rival").out
        == "already linked: thesis contradicts rival in ~/map.db\n")
    let tree = harness.run("--db", db, "tree", "thesis").out
    #expect(tree.contains("\n  >< [rival]: rival\n"))
    #expect(tree.contains("\n  + <arg>: arg\n    _ [cut]: cut\n"))
    let show = try #require(
      harness.run("--db", db, "show", "thesis", "--json").json() as? [String: Any])
    #expect(show["contradicts"] as? [String] == ["rival"])
    let rival = try #require(
      harness.run("--db", db, "show", "rival", "--json").json() as? [String: Any])
    #expect(rival["contradicts"] as? [String] == ["thesis"])
    #expect(harness.run("--db", db, "show", "arg").out.contains("undercut by:\n  _  cut"))
  }

  @Test func anUndercutNeedsAnArgument() {
    let outcome = harness.run("--db", db, "link", "cut", "undercuts", "thesis")
    #expect(outcome.status == 65)
    #expect(outcome.err.contains("only an argument has an inference to undercut"))
  }

  @Test func anUnknownKindListsTheKnownOnes() {
    let outcome = harness.run("--db", db, "link", "cut", "attacks", "arg")
    #expect(outcome.status == 64)
    #expect(outcome.err.contains("'undercuts', 'contradicts', 'rephrases', 'prefers'"))
  }

  /// An unanswered undercut defeats the argument, and the thesis loses its only support.
  @Test func anUndercutDefeatsTheArgumentInEvaluation() throws {
    harness.run("--db", db, "link", "cut", "undercuts", "arg")
    let result = try #require(
      harness.run("--db", db, "evaluate", "--json").json() as? [String: Any])
    let claims = try #require(result["claims"] as? [[String: Any]])
    let status = Dictionary(
      uniqueKeysWithValues: claims.map { ($0["id"] as? String ?? "", $0["standing"] as? String) })
    #expect(status["cut"] == "accepted")
    #expect(status["arg"] == "rejected")
  }
}
