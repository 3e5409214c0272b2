import Foundation
import Testing

/// `export html` from the command line, and the shape of `export dot`'s drawing.
@Suite struct HTMLExportTests {
  let harness: Harness

  init() throws {
    harness = try Harness()
  }

  @Test func withoutGraphvizTheExportFailsWithItsOwnCodeAndWritesNothing() throws {
    let empty = harness.path("no-tools")
    try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
    harness.environment["PATH"] = empty
    let outcome = harness.run("export", "html")
    #expect(outcome.status == 69)
    #expect(outcome.out.isEmpty, "a half page was written")
    #expect(outcome.err.contains("graphviz"), "\(outcome.err)")
    #expect(outcome.err.contains(empty))
  }

  @Test func badOptionsAreUsageErrors() {
    #expect(harness.run("export", "html", "--status", "shiny").status == 64)
    #expect(harness.run("export", "html", "--layout", "diagonal").status == 64)
    #expect(harness.run("export", "dot", "--layout", "diagonal").status == 64)
    #expect(harness.run("export", "html", "--depth", "2").status == 64)
  }

  /// Argdown, AIF and Kialo maps imported by argmap give pages too, with every claim's data.
  @Test(arguments: [
    (
      "debate.argdown",
      "# Debate {id: debate}\n\n[thesis]: Cities should ban cars.\n  + [air]: Cleaner air.\n"
        + "  - <cost>: Deliveries need roads.\n"
    ),
    (
      "cars.txt",
      "Discussion Title: Car-free centres?\n\n1. Cities should ban private cars.\n"
        + "1.1. Pro: Fewer cars mean cleaner air.\n1.2. Con: Deliveries need road access.\n"
    ),
    (
      "nodeset42.json",
      #"""
      {"nodes": [
        {"nodeID": "101", "text": "Alice : Cities should ban cars", "type": "L", "timestamp": "2024-03-01 10:00:00"},
        {"nodeID": "102", "text": "Asserting", "type": "YA"},
        {"nodeID": "103", "text": "Cities should ban cars", "type": "I"},
        {"nodeID": "104", "text": "Cars pollute the air", "type": "I"},
        {"nodeID": "105", "text": "Default Inference", "type": "RA"}],
       "edges": [
        {"edgeID": "1", "fromID": "101", "toID": "102"}, {"edgeID": "2", "fromID": "102", "toID": "103"},
        {"edgeID": "3", "fromID": "104", "toID": "105"}, {"edgeID": "4", "fromID": "105", "toID": "103"}],
       "locutions": [{"nodeID": "101", "personID": "7"}],
       "participants": [{"participantID": "7", "firstname": "Alice", "surname": "Ng"}]}
      """#
    ),
  ])
  func importedMapsExport(file: String, text: String) throws {
    try harness.write(text, to: file)
    let db = harness.path("imported.db")
    let imported = harness.run("--db", db, "import", harness.path(file))
    #expect(imported.status == 0, "\(imported.err)")
    let page = harness.run("--db", db, "export", "html", "--status", "grounded")
    #expect(page.status == 0, "\(page.err)")
    let data = try pageData(page.out)
    let ids = try #require(harness.run("--db", db, "claims", "--json").json() as? [[String: Any]])
      .compactMap { $0["id"] as? String }
    #expect(ids.count >= 2)
    let map = try #require(data["map"] as? [String: Any])
    let claims = try #require(map["claims"] as? [[String: Any]])
    #expect(claims.compactMap { $0["id"] as? String } == ids)
    for id in ids {
      #expect(
        page.out.contains("<title>\(id.replacingOccurrences(of: "-", with: "&#45;"))</title>"))
    }
    #expect(data["initialStatus"] as? String == "grounded")
  }

  /// The built-in map's five positions drawn side by side make a strip; in rows, the drawing
  /// fits a page: at most about 2:1 either way.
  @Test func builtinMapDrawsAtMostTwiceAsWideAsHigh() throws {
    let auto = try drawingSize(harness.run("export", "dot").out)
    #expect(auto.width <= 2 * auto.height, "auto: \(auto)")
    #expect(auto.height <= 2 * auto.width, "auto: \(auto)")
    let columns = try drawingSize(harness.run("export", "dot", "--layout", "columns").out)
    #expect(columns.width > 3 * columns.height, "columns: \(columns)")
    let rows = try drawingSize(harness.run("export", "dot", "--layout", "rows").out)
    #expect(rows.height > columns.height && rows.width < columns.width, "rows: \(rows)")
    // The page draws the same way.
    let page = harness.run("export", "html").out
    let box = try #require(page.firstMatch(of: /viewBox="0\.00 0\.00 ([0-9.]+) ([0-9.]+)"/))
    #expect(Double(box.1)! <= 2 * Double(box.2)!)
  }

  /// The legend shows the kinds the drawing uses and no others.
  @Test func legendShowsOnlyTheKindsUsed() throws {
    let dot = harness.run("export", "dot").out
    // The built-in map supports, rebuts, undercuts and rephrases, but nothing contradicts.
    for kind in ["supports", "rebuts", "undercuts", "rephrases"] {
      #expect(dot.contains("\"legend:\(kind)\""), "\(kind)")
    }
    #expect(!dot.contains("\"legend:contradicts\""))
    #expect(!dot.contains("\"legend:prefers\""))
  }

  private func drawingSize(_ dot: String) throws -> (width: Double, height: Double) {
    let svg = try shell("dot -Tsvg", stdin: dot)
    #expect(svg.status == 0, "\(svg.err)")
    let box = try #require(svg.out.firstMatch(of: /viewBox="0\.00 0\.00 ([0-9.]+) ([0-9.]+)"/))
    return (Double(box.1)!, Double(box.2)!)
  }
}

/// The JSON the page's script reads, parsed from the page.
func pageData(_ page: String) throws -> [String: Any] {
  let open = #"<script type="application/json" id="map-data">"#
  let start = try #require(page.range(of: open))
  let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
  let json = page[start.upperBound..<end.lowerBound]
  return try #require(
    try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
}
