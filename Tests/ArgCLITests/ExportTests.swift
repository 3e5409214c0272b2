import Foundation
import Testing

/// Exports of the built-in map, checked by their real consumers.
@Suite struct ExportCommandTests {
  let harness: Harness

  init() throws {
    harness = try Harness()
  }

  @Test func dotRendersWithGraphvizAndShowsEveryClaim() throws {
    let dot = harness.run("export", "dot")
    #expect(dot.status == 0)
    let rendered = try shell("dot -Tsvg", stdin: dot.out)
    #expect(rendered.status == 0, "dot failed: \(rendered.err)")
    let claims = try #require(harness.run("claims", "--json").json() as? [[String: Any]])
    for claim in claims {
      let id = try #require(claim["id"] as? String)
      #expect(
        rendered.out.contains("<title>\(svgText(id))</title>"), "\(id) is missing from the SVG")
    }
    for position in ["cluster_realism-critique", "cluster_training-opacity"] {
      #expect(rendered.out.contains(svgText(position)))
    }
    #expect(harness.run("export", "dot").out == dot.out, "the same map gives the same bytes")
  }

  @Test func dotOfOnePositionAndOfATree() throws {
    let position = harness.run("export", "dot", "--position", "self-preservation")
    #expect(position.status == 0)
    #expect(try shell("dot -Tsvg", stdin: position.out).status == 0)
    #expect(position.out.contains("cluster_self-preservation"))
    #expect(!position.out.contains("\"never-subvert-is-wrong\""))
    let tree = harness.run(
      "export", "dot", "--root", "ai-should-not-act-on-self-preservation", "--depth", "1")
    #expect(tree.status == 0)
    #expect(try shell("dot -Tsvg", stdin: tree.out).status == 0)
    #expect(harness.run("export", "dot", "--depth", "1").status == 64)
  }

  @Test func jsonHasTheDocumentedShape() throws {
    let json = try #require(harness.run("export", "json").json() as? [String: Any])
    #expect(Array(json.keys).sorted() == ["claims", "positions", "relations", "sources"])
    let claim = try #require((json["claims"] as? [[String: Any]])?.first)
    #expect(
      Set(claim.keys) == [
        "id", "kind", "position", "text", "tags", "source", "comment", "quote", "base",
      ])
    let relation = try #require((json["relations"] as? [[String: Any]])?.first)
    #expect(Set(relation.keys) == ["from", "to", "kind"])
  }

  /// export argdown → import into a fresh database → the same export json.
  @Test func argdownRoundTripsThroughImport() throws {
    let original = harness.run("export", "json").out
    try harness.write(harness.run("export", "argdown").out, to: "map.argdown")
    let db = harness.path("copy.db")
    let imported = harness.run("--db", db, "import", harness.path("map.argdown"))
    #expect(imported.status == 0, "\(imported.err)")
    #expect(harness.run("--db", db, "export", "json").out == original)
  }
}

/// How graphviz writes an id into SVG text: hyphens become character references.
private func svgText(_ id: String) -> String {
  id.replacingOccurrences(of: "-", with: "&#45;")
}
