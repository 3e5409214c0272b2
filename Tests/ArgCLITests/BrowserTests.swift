import Foundation
import Testing

/// `export html` pages opened in a real browser: Debian's Chromium, driven by Playwright from
/// the venv `.ci/clients` makes. A missing browser or venv fails these tests.
@Suite(.serialized) struct BrowserTests {
  let harness: Harness

  init() throws {
    harness = try Harness()
  }

  @Test func builtinMapPageWorksInTheBrowser() throws {
    let page = harness.run("export", "html")
    #expect(page.status == 0, "\(page.err)")
    #expect(
      page.out.utf8.count < 300_000, "the built-in map's page is \(page.out.utf8.count) bytes")
    try harness.write(page.out, to: "map.html")

    let map = try #require(harness.run("export", "json").json() as? [String: Any])
    let claims = try #require(map["claims"] as? [[String: Any]])
    let relations = try #require(map["relations"] as? [[String: String]])
    let ids = claims.compactMap { $0["id"] as? String }
    // The claim to click: the first with a quote and at least two neighbours.
    let neighbours = { (id: String) in
      Set(
        relations.filter { $0["from"] == id || $0["to"] == id }.map {
          $0["from"] == id ? $0["to"]! : $0["from"]!
        })
    }
    let clicked = try #require(
      claims.first { ($0["quote"] as? String) != nil && neighbours($0["id"] as! String).count >= 2 }
    )
    let clickedID = clicked["id"] as! String
    let linked = try #require(ids.last)
    let position = try #require(claims.last?["position"] as? String)

    let report = try BrowserReport.run(
      page: harness.path("map.html"), screenshot: harness.path("map.png"),
      plan: [
        "search": "refus", "click": clickedID, "keys": true, "status": "grounded",
        "position": position, "deepLink": linked,
      ])

    // The drawing shows every claim.
    #expect(report.nodeIDs.sorted() == ids.sorted())
    // Search: exactly the claims whose id, title, text, quote or speaker holds "refus".
    let matching = claims.filter { claim in
      ["id", "title", "text", "quote", "speaker"].contains {
        (claim[$0] as? String)?.lowercased().contains("refus") ?? false
      }
    }.map { $0["id"] as! String }
    #expect(!matching.isEmpty)
    #expect(report.search.highlighted.sorted() == matching.sorted())
    #expect(report.search.status == "\(matching.count) claims")
    #expect(report.searchFocused == "search", "'/' focuses the search box")
    #expect(report.searchCleared.isEmpty, "Esc clears the search")
    // Clicking a claim opens the panel with its verbatim quote and its neighbours as links.
    #expect(report.click.selected == [clickedID])
    #expect(report.click.hash == "#\(clickedID)")
    #expect(!report.click.panel.hidden)
    #expect(report.click.panel.title == clickedID)
    #expect(report.click.panel.text == clicked["text"] as? String)
    #expect(report.click.panel.quote == clicked["quote"] as? String)
    #expect(Set(report.click.panel.groups.flatMap(\.claims)) == neighbours(clickedID))
    // Keyboard: an arrow walks to a neighbour, Enter selects it, Esc closes the panel.
    let focused = try #require(report.keys?.focused)
    #expect(neighbours(clickedID).contains(focused))
    #expect(report.keys?.selectedAfterEnter == [focused])
    #expect(report.keys?.panelHiddenAfterEscape == true)
    // The status toggle colours every node by its grounded standing.
    let evaluation = try #require(harness.run("evaluate", "--json").json() as? [String: Any])
    let standings = try #require(evaluation["claims"] as? [[String: Any]])
    #expect(standings.count == ids.count)
    for entry in standings {
      let id = entry["id"] as! String
      let node = try #require(report.status[id], "\(id)")
      #expect(node.classes.contains("st-\(entry["standing"] as! String)"), "\(id)")
      #expect(node.fill != report.plainFill(id), "\(id) is not coloured")
    }
    #expect(report.legend?.hasPrefix("grounded semantics") == true)
    // The position switcher shows one position and the claims that link into it.
    let inPosition = Set(
      claims.filter { $0["position"] as? String == position }.map { $0["id"] as! String })
    let expected = inPosition.union(inPosition.flatMap(neighbours))
    #expect(Set(report.position) == expected)
    #expect(report.position.count < ids.count)
    // A deep link selects its claim.
    #expect(report.deepLink.selected == [linked])
    #expect(report.deepLink.panel.title == linked)
    // Nothing fetched, nothing logged as an error.
    #expect(report.requests.isEmpty, "\(report.requests)")
    #expect(report.consoleErrors.isEmpty, "\(report.consoleErrors)")
    try expectScreenshot(harness.path("map.png"))
  }

  @Test func hostileTextRendersAsTextAndRunsNothing() throws {
    let json = """
      {"sources": [{"id": "src", "title": "<b>src</b> & \\"co\\"", "url": "javascript:window.__pwned=9"}],
       "positions": [{"id": "p", "title": "</title><script>window.__pwned=1</script>", "summary": null}],
       "claims": [
        {"id": "script-end", "kind": "statement", "position": "p",
         "text": \(jsonString(Self.hostileText)), "tags": ["<i>tag</i>"], "source": "src",
         "comment": "<!--", "quote": \(jsonString(Self.hostileQuote)), "base": null,
         "speaker": "O'Brien \\"the <b>bold</b>\\"", "time": "2024-01-01 <now>"},
        {"id": "long-word", "kind": "argument", "position": "p",
         "text": \(jsonString(String(repeating: "Supercalifragilistic", count: 30))), "tags": [],
         "source": null, "comment": null, "quote": null, "base": null},
        {"id": "unicode", "kind": "statement", "position": "p",
         "text": "Ünïcödé 👩‍👩‍👧‍👦 مرحبا e\\u0301 \\u2028 漢字 🇨🇭", "tags": [], "source": null,
         "comment": null, "quote": null, "base": null}],
       "relations": [{"from": "long-word", "to": "script-end", "kind": "rebuts"},
                     {"from": "unicode", "to": "script-end", "kind": "supports"}]}
      """
    try harness.write(json, to: "hostile.json")
    let db = harness.path("hostile.db")
    let imported = harness.run("--db", db, "import", harness.path("hostile.json"))
    #expect(imported.status == 0, "\(imported.err)")
    let title = "</title><script>window.__pwned=5</script> & <!-- \"quoted\""
    let page = harness.run(
      "--db", db, "export", "html", "--title", title, "--status", "strength")
    #expect(page.status == 0, "\(page.err)")
    // The data cannot end its script element: the only closings are the page's own two.
    #expect(page.out.components(separatedBy: "</script").count - 1 == 2)
    try harness.write(page.out, to: "hostile.html")

    let report = try BrowserReport.run(
      page: harness.path("hostile.html"), screenshot: harness.path("hostile.png"),
      plan: ["click": "script-end", "search": "<script>"])
    #expect(report.pwned == nil, "script from the data ran")
    #expect(report.dialogs.isEmpty)
    #expect(report.requests.isEmpty, "\(report.requests)")
    #expect(report.consoleErrors.isEmpty, "\(report.consoleErrors)")
    #expect(report.title == title)
    #expect(report.nodeIDs.sorted() == ["long-word", "script-end", "unicode"])
    #expect(report.click.panel.text == Self.hostileText)
    #expect(report.click.panel.quote == Self.hostileQuote)
    #expect(Set(report.click.panel.groups.flatMap(\.claims)) == ["long-word", "unicode"])
    #expect(report.search.highlighted == ["script-end"])
    try expectScreenshot(harness.path("hostile.png"))
  }

  /// Ten positions of a thousand claims, each a tree with four replies to a claim, and a
  /// rebuttal across positions every hundred claims.
  @Test(.timeLimit(.minutes(15))) func tenThousandClaimsExportAndOpen() throws {
    var claims: [[String: Any]] = []
    var relations: [[String: Any]] = []
    for position in 0..<10 {
      for index in 0..<1000 {
        let id = "p\(position)-c\(index)"
        claims.append([
          "id": id, "kind": "statement", "position": "p\(position)",
          "text": "Claim \(index) of position \(position) says that the debate turns on this.",
          "tags": [], "source": NSNull(), "comment": NSNull(), "quote": NSNull(), "base": NSNull(),
        ])
        if index > 0 {
          let kind = index % 3 == 0 ? "rebuts" : "supports"
          relations.append(["from": id, "to": "p\(position)-c\((index - 1) / 4)", "kind": kind])
        }
        if index % 100 == 99 {
          relations.append(["from": id, "to": "p\((position + 1) % 10)-c0", "kind": "rebuts"])
        }
      }
    }
    let map: [String: Any] = [
      "positions": (0..<10).map {
        ["id": "p\($0)", "title": "Position \($0)", "summary": NSNull()]
      },
      "claims": claims, "relations": relations,
    ]
    try JSONSerialization.data(withJSONObject: map).write(
      to: URL(fileURLWithPath: harness.path("large.json")))
    let db = harness.path("large.db")
    let imported = harness.run("--db", db, "import", "--format", "json", harness.path("large.json"))
    #expect(imported.status == 0, "\(imported.err)")
    let page = try harness.runProcess(["--db", db, "export", "html"])
    #expect(page.status == 0, "\(page.err)")
    try harness.write(page.out, to: "large.html")

    let report = try BrowserReport.run(
      page: harness.path("large.html"), screenshot: harness.path("large.png"),
      plan: ["deepLink": "p7-c777", "search": "claim 777 of position 7 says"])
    #expect(report.nodes.count == 10_000)
    #expect(report.search.highlighted == ["p7-c777"])
    #expect(report.deepLink.selected == ["p7-c777"])
    #expect(report.deepLink.panel.groups.flatMap(\.claims).contains("p7-c194"))
    #expect(report.requests.isEmpty, "\(report.requests)")
    #expect(report.consoleErrors.isEmpty, "\(report.consoleErrors)")
    try expectScreenshot(harness.path("large.png"))
  }

  static let hostileText =
    #"</script><script>window.__pwned=2</script> <img src=x onerror="window.__pwned=3"> "#
    + #"<!-- & &amp; &lt; 'single' "double" \ back\slash ${x} `tick` ]]>"#
  static let hostileQuote = #"<script>window.__pwned=4</script> “curly” & </SCRIPT >"#

  private func jsonString(_ text: String) -> String {
    String(decoding: try! JSONSerialization.data(withJSONObject: [text]), as: UTF8.self)
      .dropFirst().dropLast().description
  }

  /// The screenshot is a real PNG of a page with something drawn on it.
  private func expectScreenshot(_ path: String) throws {
    let png = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    #expect(png.count > 20_000, "the screenshot is \(png.count) bytes")
  }
}

/// What `Browser/map_page.py` saw the page do.
struct BrowserReport: Decodable {
  struct Node: Decodable {
    var id: String
    var classes: [String]
    var visible: Bool
    var fill: String?
  }
  struct Panel: Decodable {
    struct Group: Decodable {
      var heading: String
      var claims: [String]
    }
    var hidden: Bool
    var title: String
    var text: String?
    var quote: String?
    var groups: [Group]
  }
  struct Search: Decodable {
    var highlighted: [String]
    var status: String
  }
  struct Click: Decodable {
    var selected: [String]
    var panel: Panel
    var hash: String
  }
  struct Keys: Decodable {
    var focused: String?
    var selectedAfterEnter: [String]
    var panelHiddenAfterEscape: Bool
  }
  struct Status: Decodable {
    var classes: [String]
    var fill: String?
  }
  struct DeepLink: Decodable {
    var selected: [String]
    var panel: Panel
  }

  var nodes: [Node]
  var title: String
  var requests: [String]
  var consoleErrors: [String]
  var dialogs: [String]
  var pwned: Int?
  var search: Search!
  var searchFocused: String?
  var searchCleared: [String]!
  var click: Click!
  var keys: Keys?
  var status: [String: Status]!
  var legend: String?
  var position: [String]!
  var deepLink: DeepLink!

  var nodeIDs: [String] { nodes.map(\.id) }

  /// A node's fill before any status colours it.
  func plainFill(_ id: String) -> String? { nodes.first { $0.id == id }?.fill }

  /// Runs the driver with the clients' Python; a missing venv or browser is an error.
  static func run(page: String, screenshot: String, plan: [String: Any]) throws -> BrowserReport {
    let python = packageRoot.appendingPathComponent(".build/clients/bin/python")
    guard FileManager.default.isExecutableFile(atPath: python.path) else {
      throw BrowserError("the browser clients are not installed (\(python.path)); run .ci/clients")
    }
    let driver = packageRoot.appendingPathComponent("Tests/ArgCLITests/Browser/map_page.py")
    let planText = String(decoding: try JSONSerialization.data(withJSONObject: plan), as: UTF8.self)
    let outcome = try runCapturing(python, [driver.path, page, screenshot, planText])
    guard outcome.status == 0 else {
      throw BrowserError("the browser driver exited \(outcome.status):\n\(outcome.err)")
    }
    return try JSONDecoder().decode(BrowserReport.self, from: Data(outcome.out.utf8))
  }

  private static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

struct BrowserError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
