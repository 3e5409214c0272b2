import Foundation
import Testing

/// Every export, byte for byte, against the files the exporters wrote before they streamed
/// from the store: the built-in map, and a generated map (`Fixtures/exports/generated.json`)
/// with every construct the exporters handle: nested groups, tags, members, titles unlike
/// their ids, reconstructions, every relation kind, schemes, full provenance, base scores,
/// claims outside positions, and text that needs escaping in DOT, JSON, XML and HTML.
@Suite struct ExportGoldenTests {
  /// The map, the golden's name, and the command line after `--db`.
  static let cases: [(map: String, name: String, arguments: [String])] = [
    ("builtin", "dot", ["export", "dot"]),
    ("builtin", "dot-status", ["export", "dot", "--status", "grounded"]),
    ("builtin", "dot-position", ["export", "dot", "--position", "realism-critique"]),
    (
      "builtin", "dot-root",
      ["export", "dot", "--root", "blackmail-not-egregiously-misaligned", "--depth", "2"]
    ),
    ("builtin", "json", ["export", "json"]),
    ("builtin", "argdown", ["export", "argdown"]),
    ("builtin", "aif", ["export", "aif"]),
    ("builtin", "aif-position", ["export", "aif", "--position", "never-subvert-users"]),
    ("builtin", "graphml", ["export", "graphml"]),
    ("builtin", "graphml-root", ["export", "graphml", "--root", "llms-must-never-subvert-users"]),
    ("builtin", "html", ["export", "html"]),
    ("generated", "dot", ["export", "dot"]),
    ("generated", "dot-rows", ["export", "dot", "--layout", "rows"]),
    ("generated", "dot-columns", ["export", "dot", "--layout", "columns"]),
    ("generated", "dot-position", ["export", "dot", "--position", "pos-1"]),
    ("generated", "dot-root", ["export", "dot", "--root", "c5"]),
    ("generated", "json", ["export", "json"]),
    ("generated", "argdown", ["export", "argdown"]),
    ("generated", "aif", ["export", "aif"]),
    ("generated", "aif-position", ["export", "aif", "--position", "pos-2"]),
    ("generated", "aif-root", ["export", "aif", "--root", "c10", "--depth", "2"]),
    ("generated", "graphml", ["export", "graphml"]),
    ("generated", "graphml-status", ["export", "graphml", "--status", "strength"]),
    ("generated", "graphml-position", ["export", "graphml", "--position", "pos-3"]),
    ("generated", "html", ["export", "html"]),
    ("generated", "html-position", ["export", "html", "--position", "pos-4"]),
  ]

  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/exports")

  @Test func everyExportIsTheSameBytesAsBefore() throws {
    let harness = try Harness()
    let databases = [
      "builtin": harness.path("builtin.db"), "generated": harness.path("generated.db"),
    ]
    #expect(harness.run("--db", databases["builtin"]!, "init").status == 0)
    let imported = harness.run(
      "--db", databases["generated"]!, "import", "--format", "json",
      Self.fixtures.appendingPathComponent("generated.json").path)
    #expect(imported.status == 0, "\(imported.err)")
    for (map, name, arguments) in Self.cases {
      let outcome = harness.run(["--db", databases[map]!] + arguments)
      #expect(outcome.status == 0, "\(map) \(name): \(outcome.err)")
      let golden = try Data(
        contentsOf: Self.fixtures.appendingPathComponent("\(map)-\(name).\(arguments[1])"))
      let exported = arguments[1] == "html" ? Self.maskingSVG(outcome.out) : outcome.out
      // Bytes, not `String ==`, which would take canonically equivalent text as equal.
      #expect(Array(exported.utf8) == Array(golden), "\(map)-\(name) differs from its golden")
    }
  }

  /// A position that holds only another claim's second wording has no claims of its own in
  /// the store, yet the Argdown export writes the wording under it, as the file did.
  @Test func aPositionHoldingOnlyAWordingKeepsIt() throws {
    let harness = try Harness()
    let text = "# A {id: a}\n\n[T]: First wording.\n\n# B {id: b}\n\n[T]: Second wording.\n"
    try harness.write(text, to: "two.argdown")
    let db = harness.path("two.db")
    #expect(harness.run("--db", db, "import", harness.path("two.argdown")).status == 0)
    let exported = harness.run("--db", db, "export", "argdown")
    #expect(exported.status == 0)
    #expect(exported.out.hasSuffix("# B {id: b}\n\n[T]: Second wording.\n"), "\(exported.out)")
  }

  /// The page with its drawing replaced by `<svg/>`: Graphviz's SVG differs between versions.
  static func maskingSVG(_ page: String) -> String {
    guard let start = page.range(of: "<svg"),
      let end = page.range(of: "</svg>", range: start.upperBound..<page.endIndex)
    else { return page }
    return page.replacingCharacters(in: start.lowerBound..<end.upperBound, with: "<svg/>")
  }
}
